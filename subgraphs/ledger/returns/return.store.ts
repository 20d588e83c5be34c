import type { LateEffectsRecord } from '../program/lateEvent.rules';
import type { Queryable } from '../../../runtime/database/database';
import type { ReturnReversal } from './return.type';

export interface ReturnedUnits {
  /** Index of the order line. */
  line: number;
  sku: string;
  quantity: number;
}

export interface ReturnRow {
  id: string;
  order_id: string;
  customer_id: string;
  channel: string;
  store_id: string | null;
  external_return_id: string;
  lines: ReturnedUnits[];
  fingerprint: string;
  refund_amount: number;
  points_reversed: number;
  pending_cancelled: number;
  points_not_recovered: number;
  /** Points of the order's points payment this return gave back, and the money they had paid (issue 29). */
  points_refunded: number;
  points_refund_amount: number;
  balance_after: number;
  /** What was taken back, rule by rule, as the first answer told it (replayed to retries). */
  reversals: ReturnReversal[];
  occurred_at: Date;
  recorded_at: Date;
  /** What the return's lateness did; null when it was on time. */
  late: LateEffectsRecord | null;
}

export type NewReturn = Omit<ReturnRow, 'recorded_at'>;

/** SQL for `ledger.returns`: one row per (channel, store, external return id). */
export const returnStore = {
  async findByKey(
    db: Queryable,
    key: { channel: string; storeId?: string | null; externalReturnId: string },
  ): Promise<ReturnRow | undefined> {
    const { rows } = await db.query<ReturnRow>(
      `select * from ledger.returns
        where channel = $1 and coalesce(store_id, '') = coalesce($2, '') and external_return_id = $3`,
      [key.channel, key.storeId ?? null, key.externalReturnId],
    );
    return rows[0];
  },

  /** Units returned so far of each line of an order. */
  async returnedUnits(db: Queryable, orderId: string, lineCount: number): Promise<number[]> {
    const { rows } = await db.query<{ lines: ReturnedUnits[] }>(
      'select lines from ledger.returns where order_id = $1',
      [orderId],
    );
    const units = Array.from({ length: lineCount }, () => 0);
    for (const row of rows) for (const line of row.lines) units[line.line]! += line.quantity;
    return units;
  },

  async insert(tx: Queryable, row: NewReturn): Promise<ReturnRow> {
    const { rows } = await tx.query<ReturnRow>(
      `insert into ledger.returns (id, order_id, customer_id, channel, store_id, external_return_id, lines, fingerprint,
                                   refund_amount, points_reversed, pending_cancelled, points_not_recovered,
                                   balance_after, reversals, occurred_at, late, points_refunded, points_refund_amount)
       values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11, $12, $13, $14::jsonb, $15, $16::jsonb, $17, $18)
       returning *`,
      [
        row.id,
        row.order_id,
        row.customer_id,
        row.channel,
        row.store_id,
        row.external_return_id,
        JSON.stringify(row.lines),
        row.fingerprint,
        row.refund_amount,
        row.points_reversed,
        row.pending_cancelled,
        row.points_not_recovered,
        row.balance_after,
        JSON.stringify(row.reversals),
        row.occurred_at,
        row.late ? JSON.stringify(row.late) : null,
        row.points_refunded,
        row.points_refund_amount,
      ],
    );
    return rows[0]!;
  },
};
