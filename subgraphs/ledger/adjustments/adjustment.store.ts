import type { Queryable } from '../../../runtime/database/database';

export interface AdjustmentRow {
  id: string;
  idempotency_key: string | null;
  customer_id: string;
  points: number;
  reason: string;
  actor: { role: string; subject: string } | null;
  balance_after: number;
  created_at: Date;
}

/** SQL for `ledger.adjustments`: admins' manual corrections. */
export const adjustmentStore = {
  async insert(
    tx: Queryable,
    adjustment: {
      id: string;
      idempotencyKey: string | null;
      customerId: string;
      points: number;
      reason: string;
      actor: { role: string; subject: string } | null;
      balanceAfter: number;
      at: Date;
    },
  ): Promise<AdjustmentRow> {
    const { rows } = await tx.query<AdjustmentRow>(
      `insert into ledger.adjustments (id, idempotency_key, customer_id, points, reason, actor, balance_after, created_at)
       values ($1, $2, $3, $4, $5, $6::jsonb, $7, $8) returning *`,
      [
        adjustment.id,
        adjustment.idempotencyKey,
        adjustment.customerId,
        adjustment.points,
        adjustment.reason,
        JSON.stringify(adjustment.actor),
        adjustment.balanceAfter,
        adjustment.at,
      ],
    );
    return rows[0]!;
  },

  async findByKey(db: Queryable, key: string): Promise<AdjustmentRow | undefined> {
    const { rows } = await db.query<AdjustmentRow>('select * from ledger.adjustments where idempotency_key = $1', [
      key,
    ]);
    return rows[0];
  },
};
