import type { Queryable } from '../../../runtime/database/database';
import { accountAndMerged } from '../accounts/account.store';

export interface TransferRow {
  id: string;
  position: number;
  from_customer_id: string;
  to_customer_id: string;
  idempotency_key: string;
  points: number;
  note: string | null;
  actor: { role: string; subject: string } | null;
  created_at: Date;
}

export type NewTransfer = Omit<TransferRow, 'position'>;

/** SQL for `ledger.point_transfers`, the record of transfers between members. */
export const transferStore = {
  async insert(tx: Queryable, transfer: NewTransfer): Promise<TransferRow> {
    const { rows } = await tx.query<TransferRow>(
      `insert into ledger.point_transfers (id, from_customer_id, to_customer_id, idempotency_key, points, note, actor, created_at)
       values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8) returning *`,
      [
        transfer.id,
        transfer.from_customer_id,
        transfer.to_customer_id,
        transfer.idempotency_key,
        transfer.points,
        transfer.note,
        JSON.stringify(transfer.actor),
        transfer.created_at,
      ],
    );
    return rows[0]!;
  },

  async findByKey(db: Queryable, fromCustomerId: string, idempotencyKey: string): Promise<TransferRow | undefined> {
    const { rows } = await db.query<TransferRow>(
      'select * from ledger.point_transfers where from_customer_id = $1 and idempotency_key = $2',
      [fromCustomerId, idempotencyKey],
    );
    return rows[0];
  },

  /** Points the member gave (from their account and those merged into it) after `since`. */
  async givenSince(db: Queryable, customerId: string, since: Date): Promise<number> {
    const { rows } = await db.query<{ points: number }>(
      `select coalesce(sum(points), 0)::bigint as points from ledger.point_transfers
        where from_customer_id in ${accountAndMerged('$1::uuid')} and created_at > $2`,
      [customerId, since],
    );
    return rows[0]!.points;
  },

  /**
   * A page of the transfers a member gave or received (on their account and those merged into it),
   * newest first, before `beforePosition` when set; `limit` rows.
   */
  async pageOf(
    db: Queryable,
    customerId: string,
    beforePosition: number | null,
    limit: number,
  ): Promise<TransferRow[]> {
    const { rows } = await db.query<TransferRow>(
      `select * from ledger.point_transfers
        where (from_customer_id in ${accountAndMerged('$1::uuid')} or to_customer_id in ${accountAndMerged('$1::uuid')})
          and ($2::bigint is null or position < $2)
        order by position desc
        limit $3`,
      [customerId, beforePosition, limit],
    );
    return rows;
  },
};
