import type { Queryable } from '../../../runtime/database/database';
import type { NewEvent } from '../../../runtime/events/outbox';
import { accountAndMerged } from '../accounts/account.store';
import type { LotTake } from '../lots/lot.rules';
import type { PointsPaymentRate } from './pointsPayment.rules';

export type HoldStatus = 'HELD' | 'CAPTURED' | 'RELEASED' | 'EXPIRED';

export interface HoldRow {
  id: string;
  customer_id: string;
  idempotency_key: string;
  fingerprint: string;
  channel: string;
  store_id: string | null;
  currency: string;
  points: number;
  amount: number;
  status: HoldStatus;
  lots: LotTake[];
  expires_at: Date;
  created_at: Date;
  order_id: string | null;
  captured_at: Date | null;
  released_at: Date | null;
  returned_amount: number;
  refunded_points: number;
  refunded_amount: number;
}

export type NewHold = Omit<
  HoldRow,
  'status' | 'order_id' | 'captured_at' | 'released_at' | 'returned_amount' | 'refunded_points' | 'refunded_amount'
>;

/** A page of a member's holds (and those of the members merged into them), newest first. */
export interface HoldsRequest {
  customerId: string;
  statuses: readonly HoldStatus[];
  /** The page starts after this hold (newest first); null: from the newest. */
  after: { createdAt: Date; id: string } | null;
  limit: number;
}

export function holdsKey(request: HoldsRequest): string {
  return [
    request.customerId,
    [...request.statuses].sort().join(','),
    request.after ? `${request.after.createdAt.toISOString()}/${request.after.id}` : '',
    request.limit,
  ].join(':');
}

interface RateRow {
  currency: string;
  points: number;
  per_amount: number;
  min_points: number;
  max_share_percent: number;
  points_step: number;
  tier_rates: PointsPaymentRate['tierRates'];
}

const toRate = (row: RateRow): PointsPaymentRate => ({
  currency: row.currency,
  points: row.points,
  perAmount: row.per_amount,
  minPoints: row.min_points,
  maxSharePercent: row.max_share_percent,
  pointsStep: row.points_step,
  tierRates: row.tier_rates,
});

/** SQL for `ledger.points_payment_rates` and `ledger.points_holds`. */
export const pointsPaymentStore = {
  async rates(db: Queryable): Promise<PointsPaymentRate[]> {
    const { rows } = await db.query<RateRow>('select * from ledger.points_payment_rates order by currency');
    return rows.map(toRate);
  },

  async rate(db: Queryable, currency: string): Promise<PointsPaymentRate | null> {
    const { rows } = await db.query<RateRow>('select * from ledger.points_payment_rates where currency = $1', [
      currency,
    ]);
    return rows[0] ? toRate(rows[0]) : null;
  },

  async setRate(db: Queryable, rate: PointsPaymentRate, actor: NewEvent['actor']): Promise<PointsPaymentRate> {
    const { rows } = await db.query<RateRow>(
      `insert into ledger.points_payment_rates
              (currency, points, per_amount, min_points, max_share_percent, points_step, tier_rates, updated_by)
       values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb)
       on conflict (currency) do update
          set points = excluded.points, per_amount = excluded.per_amount, min_points = excluded.min_points,
              max_share_percent = excluded.max_share_percent, points_step = excluded.points_step,
              tier_rates = excluded.tier_rates, updated_by = excluded.updated_by, updated_at = now()
       returning *`,
      [
        rate.currency,
        rate.points,
        rate.perAmount,
        rate.minPoints,
        rate.maxSharePercent,
        rate.pointsStep,
        JSON.stringify(rate.tierRates),
        JSON.stringify(actor),
      ],
    );
    return toRate(rows[0]!);
  },

  async find(db: Queryable, holdId: string): Promise<HoldRow | undefined> {
    const { rows } = await db.query<HoldRow>('select * from ledger.points_holds where id = $1', [holdId]);
    return rows[0];
  },

  /** Locks the hold until the transaction ends. */
  async lock(tx: Queryable, holdId: string): Promise<HoldRow | undefined> {
    const { rows } = await tx.query<HoldRow>('select * from ledger.points_holds where id = $1 for update', [holdId]);
    return rows[0];
  },

  async findByKey(db: Queryable, customerId: string, idempotencyKey: string): Promise<HoldRow | undefined> {
    const { rows } = await db.query<HoldRow>(
      `select h.* from ledger.points_holds h
        where h.idempotency_key = $2
          and h.customer_id in (select customer_id from ledger.accounts where customer_id = $1 or merged_into = $1
                                union select $1::uuid)`,
      [customerId, idempotencyKey],
    );
    return rows[0];
  },

  async insert(tx: Queryable, hold: NewHold, actor: NewEvent['actor']): Promise<HoldRow> {
    const { rows } = await tx.query<HoldRow>(
      `insert into ledger.points_holds (id, customer_id, idempotency_key, fingerprint, channel, store_id, currency, points,
                                        amount, status, lots, expires_at, created_at, actor)
       values ($1, $2, $3, $13, $4, $5, $6, $7, $8, 'HELD', $9::jsonb, $10, $11, $12::jsonb) returning *`,
      [
        hold.id,
        hold.customer_id,
        hold.idempotency_key,
        hold.channel,
        hold.store_id,
        hold.currency,
        hold.points,
        hold.amount,
        JSON.stringify(hold.lots),
        hold.expires_at,
        hold.created_at,
        JSON.stringify(actor),
        hold.fingerprint,
      ],
    );
    return rows[0]!;
  },

  /** Ends an open hold (RELEASED or EXPIRED); its points went back in the same transaction. */
  async markReleased(tx: Queryable, holdId: string, status: 'RELEASED' | 'EXPIRED', at: Date): Promise<HoldRow> {
    const { rows } = await tx.query<HoldRow>(
      `update ledger.points_holds set status = $2, released_at = $3 where id = $1 and status = 'HELD' returning *`,
      [holdId, status, at],
    );
    return rows[0]!;
  },

  /**
   * Captures an open, unexpired hold of `customerId` for an order written earlier in this
   * transaction, and notes the payment on the order, in one statement; undefined when the hold is
   * not open any more (nothing changed).
   */
  async capture(
    tx: Queryable,
    capture: { holdId: string; customerId: string; orderId: string; at: Date },
  ): Promise<HoldRow | undefined> {
    const { rows } = await tx.query<HoldRow>(
      `with captured as (
         update ledger.points_holds set status = 'CAPTURED', order_id = $3, captured_at = $4
          where id = $1 and customer_id = $2 and status = 'HELD' and expires_at > $4
         returning *
       ), noted as (
         update ledger.orders o set points_hold_id = c.id, points_paid = c.points, points_amount = c.amount
           from captured c where o.id = c.order_id
         returning o.id
       )
       select captured.* from captured`,
      [capture.holdId, capture.customerId, capture.orderId, capture.at],
    );
    return rows[0];
  },

  /** Locks the hold an order captured. */
  async lockOfOrder(tx: Queryable, orderId: string): Promise<HoldRow | undefined> {
    const { rows } = await tx.query<HoldRow>('select * from ledger.points_holds where order_id = $1 for update', [
      orderId,
    ]);
    return rows[0];
  },

  async noteRefund(
    tx: Queryable,
    holdId: string,
    totals: { returnedAmount: number; refundedPoints: number; refundedAmount: number },
  ): Promise<void> {
    await tx.query(
      `update ledger.points_holds set returned_amount = $2, refunded_points = $3, refunded_amount = $4 where id = $1`,
      [holdId, totals.returnedAmount, totals.refundedPoints, totals.refundedAmount],
    );
  },

  /** Open holds of the account (and those merged into it) that expired by `now`, a batch at a time. */
  async expiredOf(db: Queryable, customerId: string | null, now: Date, limit: number): Promise<HoldRow[]> {
    const { rows } = await db.query<HoldRow>(
      `select * from ledger.points_holds
        where status = 'HELD' and expires_at <= $2 and ($1::uuid is null or customer_id = $1::uuid)
        order by expires_at, id limit $3`,
      [customerId, now, limit],
    );
    return rows;
  },

  /** Pages of members' holds, one per request, in one statement (Loyalty.holds of many members). */
  async holdPages(db: Queryable, requests: readonly HoldsRequest[]): Promise<Map<string, HoldRow[]>> {
    const { rows } = await db.query<HoldRow & { request_index: number }>(
      `select r.request_index, h.*
         from unnest($1::uuid[], $2::jsonb[], $3::timestamptz[], $4::uuid[], $5::int[])
              with ordinality as r(customer_id, statuses, after_at, after_id, row_limit, request_index)
         cross join lateral (
           select x.* from ${accountAndMerged('r.customer_id')} accounts
           cross join lateral (
             select * from ledger.points_holds
              where customer_id = accounts.account_id
                and status in (select jsonb_array_elements_text(r.statuses))
                and (r.after_at is null or (created_at, id) < (r.after_at, r.after_id))
              order by created_at desc, id desc
              limit r.row_limit
           ) x
           order by x.created_at desc, x.id desc
           limit r.row_limit
         ) h
        order by r.request_index, h.created_at desc, h.id desc`,
      [
        requests.map((r) => r.customerId),
        requests.map((r) => JSON.stringify(r.statuses)),
        requests.map((r) => r.after?.createdAt ?? null),
        requests.map((r) => r.after?.id ?? null),
        requests.map((r) => r.limit),
      ],
    );
    const pages = new Map<string, HoldRow[]>();
    requests.forEach((request, index) =>
      pages.set(
        holdsKey(request),
        rows.filter((row) => Number(row.request_index) === index + 1),
      ),
    );
    return pages;
  },

  /** Points in open holds, per customer id asked (a merged id's survivor counts the holds merged into it). */
  async heldBy(db: Queryable, customerIds: readonly string[]): Promise<Map<string, number>> {
    const { rows } = await db.query<{ customer_id: string; points: string | number }>(
      `select c.id as customer_id, coalesce(sum(h.points), 0)::bigint as points
         from unnest($1::uuid[]) as c(id)
         left join ledger.accounts a on a.customer_id = c.id or a.merged_into = c.id
         left join ledger.points_holds h on h.customer_id = coalesce(a.customer_id, c.id) and h.status = 'HELD'
        group by c.id`,
      [customerIds],
    );
    return new Map(rows.map((row) => [row.customer_id, Number(row.points)]));
  },
};
