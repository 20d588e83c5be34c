import type { Queryable } from '../../../runtime/database/database';
import type { LotTake } from '../lots/lot.rules';

export interface RedemptionRow {
  redemption_id: string;
  customer_id: string;
  points: number;
  reason: string;
  lots: LotTake[];
  balance_after: number;
  debited_at: Date;
  refunded_at: Date | null;
  refund_balance_after: number | null;
}

/** SQL for `ledger.redemptions`: points debited for a reward, and their refunds. */
export const redemptionStore = {
  async insert(
    tx: Queryable,
    debit: {
      redemptionId: string;
      customerId: string;
      points: number;
      reason: string;
      lots: readonly LotTake[];
      balanceAfter: number;
      at: Date;
    },
  ): Promise<RedemptionRow> {
    const { rows } = await tx.query<RedemptionRow>(
      `insert into ledger.redemptions (redemption_id, customer_id, points, reason, lots, balance_after, debited_at)
       values ($1, $2, $3, $4, $5::jsonb, $6, $7) returning *`,
      [
        debit.redemptionId,
        debit.customerId,
        debit.points,
        debit.reason,
        JSON.stringify(debit.lots),
        debit.balanceAfter,
        debit.at,
      ],
    );
    return rows[0]!;
  },

  async find(db: Queryable, redemptionId: string): Promise<RedemptionRow | undefined> {
    const { rows } = await db.query<RedemptionRow>('select * from ledger.redemptions where redemption_id = $1', [
      redemptionId,
    ]);
    return rows[0];
  },

  /** Locks the redemption until the transaction ends. */
  async lock(tx: Queryable, redemptionId: string): Promise<RedemptionRow | undefined> {
    const { rows } = await tx.query<RedemptionRow>(
      'select * from ledger.redemptions where redemption_id = $1 for update',
      [redemptionId],
    );
    return rows[0];
  },

  async markRefunded(tx: Queryable, redemptionId: string, at: Date, balanceAfter: number): Promise<RedemptionRow> {
    const { rows: updated } = await tx.query<RedemptionRow>(
      `update ledger.redemptions set refunded_at = $2, refund_balance_after = $3 where redemption_id = $1 returning *`,
      [redemptionId, at, balanceAfter],
    );
    return updated[0]!;
  },
};
