import type { Queryable } from '../../../runtime/database/database';
import { type RedemptionStatus, type VoucherStatus, type Voucher } from '../vouchers/voucher.type';

export interface RedemptionRow {
  id: string;
  reward_id: string;
  customer_id: string;
  channel: string;
  store_id: string | null;
  points: number;
  status: RedemptionStatus;
  failure: string | null;
  created_at: Date;
}

export interface VoucherRow {
  id: string;
  code: string;
  redemption_id: string;
  reward_id: string;
  customer_id: string;
  status: VoucherStatus;
  expires_at: Date;
  consumed_at: Date | null;
  consumed_channel: string | null;
  consumed_store_id: string | null;
  consumed_order_reference: string | null;
  consumed_recorded_at: Date | null;
  cancelled_at: Date | null;
  refunded_at: Date | null;
  created_at: Date;
}

export const toVoucher = (row: VoucherRow): Voucher => ({
  id: row.id,
  code: row.code,
  status: row.status,
  reward: { id: row.reward_id },
  customer: { id: row.customer_id },
  expiresAt: row.expires_at,
  consumedAt: row.consumed_at,
  consumedChannel: row.consumed_channel,
  consumedStoreId: row.consumed_store_id,
  consumedOrderReference: row.consumed_order_reference,
  consumedRecordedAt: row.consumed_recorded_at,
  cancelledAt: row.cancelled_at,
  refunded: row.refunded_at !== null,
  createdAt: row.created_at,
});

/** SQL for `rewards.redemptions` and `rewards.vouchers`. */
export const redemptionStore = {
  async find(db: Queryable, id: string, forUpdate = false): Promise<RedemptionRow | undefined> {
    const { rows } = await db.query<RedemptionRow>(
      `select * from rewards.redemptions where id = $1${forUpdate ? ' for update' : ''}`,
      [id],
    );
    return rows[0];
  },

  async insert(
    tx: Queryable,
    row: Omit<RedemptionRow, 'created_at' | 'failure'>,
    actor: unknown,
  ): Promise<RedemptionRow> {
    const { rows } = await tx.query<RedemptionRow>(
      `insert into rewards.redemptions (id, reward_id, customer_id, channel, store_id, points, status, actor)
       values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb) returning *`,
      [
        row.id,
        row.reward_id,
        row.customer_id,
        row.channel,
        row.store_id,
        row.points,
        row.status,
        JSON.stringify(actor),
      ],
    );
    return rows[0]!;
  },

  /** Redemptions that count against a member's limit for a reward (not the failed ones). */
  async countForMember(tx: Queryable, customerId: string, rewardId: string): Promise<number> {
    const { rows } = await tx.query<{ n: number }>(
      `select count(*)::int as n from rewards.redemptions
       where customer_id = $1 and reward_id = $2 and status <> 'FAILED'`,
      [customerId, rewardId],
    );
    return rows[0]!.n;
  },

  /** Marks a PENDING redemption; false when another caller already settled it. */
  async settle(tx: Queryable, id: string, status: RedemptionStatus, failure: string | null = null): Promise<boolean> {
    const { rows } = await tx.query<{ id: string }>(
      `update rewards.redemptions set status = $2, failure = $3, updated_at = now()
       where id = $1 and status = 'PENDING' returning id`,
      [id, status, failure],
    );
    return rows.length > 0;
  },

  async stalePending(db: Queryable, olderThan: Date): Promise<RedemptionRow[]> {
    const { rows } = await db.query<RedemptionRow>(
      `select * from rewards.redemptions where status = 'PENDING' and created_at < $1 order by created_at limit 200`,
      [olderThan],
    );
    return rows;
  },

  async voucherOf(db: Queryable, redemptionId: string): Promise<VoucherRow | undefined> {
    const { rows } = await db.query<VoucherRow>('select * from rewards.vouchers where redemption_id = $1', [
      redemptionId,
    ]);
    return rows[0];
  },

  async voucherByCode(db: Queryable, code: string, forUpdate = false): Promise<VoucherRow | undefined> {
    const { rows } = await db.query<VoucherRow>(
      `select * from rewards.vouchers where code = $1${forUpdate ? ' for update' : ''}`,
      [code],
    );
    return rows[0];
  },

  async insertVoucher(
    tx: Queryable,
    voucher: Pick<
      VoucherRow,
      'id' | 'code' | 'redemption_id' | 'reward_id' | 'customer_id' | 'expires_at' | 'created_at'
    >,
  ): Promise<VoucherRow> {
    // created_at is the issue time by the service's clock: a use before it is refused.
    const { rows } = await tx.query<VoucherRow>(
      `insert into rewards.vouchers (id, code, redemption_id, reward_id, customer_id, status, expires_at, created_at)
       values ($1, $2, $3, $4, $5, 'ISSUED', $6, $7) returning *`,
      [
        voucher.id,
        voucher.code,
        voucher.redemption_id,
        voucher.reward_id,
        voucher.customer_id,
        voucher.expires_at,
        voucher.created_at,
      ],
    );
    return rows[0]!;
  },

  async vouchersOfMembers(
    db: Queryable,
    customerIds: readonly string[],
    statuses: readonly VoucherStatus[] | null,
  ): Promise<VoucherRow[]> {
    // At most 1,000 per member, newest first: a batch of many members must not share one limit.
    const { rows } = await db.query<VoucherRow>(
      `select * from (
         select v.*, row_number() over (partition by customer_id order by created_at desc, id) as position
           from rewards.vouchers v
          where customer_id = any($1::uuid[]) and ($2::text[] is null or status = any($2::text[]))
       ) newest
       where position <= 1000
       order by created_at desc, id`,
      [[...customerIds], statuses && statuses.length > 0 ? [...statuses] : null],
    );
    return rows;
  },
};
