import type { Queryable } from '../../../runtime/database/database';
import type { VoucherRow } from '../redemptions/redemption.store';

export interface Consumption {
  /** When the till took it (its `occurredAt`): the voucher must have been issued and unexpired then. */
  at: Date;
  /** When rewards records the use. */
  recordedAt: Date;
  channel: string;
  storeId: string | null;
  orderReference: string;
}

/** Voucher state changes, each one conditional update so two tills racing for a code cannot both win. */
export const voucherStore = {
  /**
   * Consumes a voucher that was issued and unexpired at `use.at`; undefined when it was not usable
   * then, or is not any more (used, cancelled). One the job marked EXPIRED since `use.at` is still
   * taken: expiry gives nothing back (no points, no stock), so a use an offline till took before the
   * expiry stands.
   */
  async consume(tx: Queryable, id: string, use: Consumption): Promise<VoucherRow | undefined> {
    const { rows } = await tx.query<VoucherRow>(
      `update rewards.vouchers
          set status = 'CONSUMED', consumed_at = $2, consumed_channel = $3, consumed_store_id = $4,
              consumed_order_reference = $5, consumed_recorded_at = $6
        where id = $1 and status in ('ISSUED', 'EXPIRED') and created_at <= $2 and expires_at > $2
        returning *`,
      [id, use.at, use.channel, use.storeId, use.orderReference, use.recordedAt],
    );
    return rows[0];
  },

  /** Cancels an issued, unexpired voucher; undefined when it was not (any more) cancellable. */
  async cancel(tx: Queryable, id: string, at: Date): Promise<VoucherRow | undefined> {
    const { rows } = await tx.query<VoucherRow>(
      `update rewards.vouchers set status = 'CANCELLED', cancelled_at = $2
        where id = $1 and status = 'ISSUED' and expires_at > $2 returning *`,
      [id, at],
    );
    return rows[0];
  },

  /** Expires the issued vouchers past their date; returns how many. */
  async expireDue(db: Queryable, at: Date): Promise<number> {
    const { rows } = await db.query<{ id: string }>(
      `update rewards.vouchers set status = 'EXPIRED' where status = 'ISSUED' and expires_at <= $1 returning id`,
      [at],
    );
    return rows.length;
  },

  /** Cancelled vouchers whose points have not been refunded yet, oldest first. */
  async unrefunded(db: Queryable, limit: number): Promise<VoucherRow[]> {
    const { rows } = await db.query<VoucherRow>(
      `select * from rewards.vouchers where status = 'CANCELLED' and refunded_at is null order by cancelled_at limit $1`,
      [limit],
    );
    return rows;
  },

  async markRefunded(db: Queryable, id: string, at: Date): Promise<VoucherRow> {
    const { rows } = await db.query<VoucherRow>(
      'update rewards.vouchers set refunded_at = coalesce(refunded_at, $2) where id = $1 returning *',
      [id, at],
    );
    return rows[0]!;
  },
};
