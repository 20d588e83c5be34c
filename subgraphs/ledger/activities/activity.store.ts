import type { LateEffectsRecord } from '../program/lateEvent.rules';
import type { Queryable } from '../../../runtime/database/database';
import type { PointsEarning } from '../purchases/purchase.type';
import { ActivityStatus, type ActivityKind } from './activity.type';

export interface ActivityRow {
  id: string;
  customer_id: string;
  kind: ActivityKind;
  external_id: string;
  channel: string;
  referred_customer_id: string | null;
  status: ActivityStatus;
  points_earned: number;
  earnings: PointsEarning[];
  recorded_at: Date;
  /** What the activity's lateness did; null when it was on time (and for a referral). */
  late: LateEffectsRecord | null;
}

export interface NewActivity {
  id: string;
  customerId: string;
  kind: ActivityKind;
  externalId: string;
  channel: string;
  referredCustomerId: string | null;
  status: ActivityStatus;
  earnings: PointsEarning[];
  balanceAfter: number | null;
  at: Date;
  late: LateEffectsRecord | null;
}

/** SQL for `ledger.activities`: activities credited, and referrals awaiting the friend's purchase. */
export const activityStore = {
  async insert(tx: Queryable, activity: NewActivity): Promise<ActivityRow> {
    const { rows } = await tx.query<ActivityRow>(
      `insert into ledger.activities (id, customer_id, kind, external_id, channel, referred_customer_id, status,
         points_earned, earnings, balance_after, occurred_at, credited_at, late)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12, $13::jsonb) returning *`,
      [
        activity.id,
        activity.customerId,
        activity.kind,
        activity.externalId,
        activity.channel,
        activity.referredCustomerId,
        activity.status,
        activity.earnings.reduce((sum, line) => sum + line.points, 0),
        JSON.stringify(activity.earnings),
        activity.balanceAfter,
        activity.at,
        activity.status === ActivityStatus.CREDITED ? activity.at : null,
        activity.late ? JSON.stringify(activity.late) : null,
      ],
    );
    return rows[0]!;
  },

  /** The activity recorded under its idempotency key (member, kind, external id). */
  async findByKey(
    db: Queryable,
    customerId: string,
    kind: ActivityKind,
    externalId: string,
  ): Promise<ActivityRow | undefined> {
    const { rows } = await db.query<ActivityRow>(
      'select * from ledger.activities where customer_id = $1 and kind = $2 and external_id = $3',
      [customerId, kind, externalId],
    );
    return rows[0];
  },

  /** The referral of `friendId` still waiting for the friend's first purchase. */
  async awaitingReferralOf(db: Queryable, friendId: string): Promise<ActivityRow | undefined> {
    const { rows } = await db.query<ActivityRow>(
      `select * from ledger.activities where kind = 'REFERRAL' and referred_customer_id = $1 and status = $2`,
      [friendId, ActivityStatus.AWAITING_PURCHASE],
    );
    return rows[0];
  },

  /** Locks an activity until the transaction ends. */
  async lock(tx: Queryable, id: string): Promise<ActivityRow | undefined> {
    const { rows } = await tx.query<ActivityRow>('select * from ledger.activities where id = $1 for update', [id]);
    return rows[0];
  },

  /** Records a referral as paid. */
  async markCredited(
    tx: Queryable,
    id: string,
    credit: { points: number; earnings: readonly PointsEarning[]; balanceAfter: number; at: Date },
  ): Promise<void> {
    await tx.query(
      `update ledger.activities set status = $2, points_earned = $3, earnings = $4::jsonb, balance_after = $5,
         credited_at = $6 where id = $1`,
      [id, ActivityStatus.CREDITED, credit.points, JSON.stringify(credit.earnings), credit.balanceAfter, credit.at],
    );
  },

  /** Records that a referral will not pay: the friend returned their first purchase. */
  async markCancelled(tx: Queryable, id: string, at: Date): Promise<void> {
    await tx.query('update ledger.activities set status = $2, cancelled_at = $3 where id = $1', [
      id,
      ActivityStatus.CANCELLED,
      at,
    ]);
  },

  /** A member's first purchase (by when it happened), whether it is still pending and whether it was returned. */
  async firstPurchaseOf(db: Queryable, customerId: string): Promise<FirstPurchase | undefined> {
    const { rows } = await db.query<{ id: string; pending_until: Date | null; returned: boolean }>(
      `select o.id, o.pending_until, exists (select 1 from ledger.returns r where r.order_id = o.id) as returned
       from ledger.orders o where o.customer_id = $1
       order by o.occurred_at, o.recorded_at, o.id limit 1`,
      [customerId],
    );
    const row = rows[0];
    return row && { id: row.id, pendingUntil: row.pending_until, returned: row.returned };
  },

  /**
   * Friends of unpaid referrals whose first purchase is settled by `now` (out of its pending window)
   * or was returned: the referrals the points job pays or cancels (at most 200 a call).
   */
  async referralsDue(db: Queryable, now: Date): Promise<string[]> {
    const { rows } = await db.query<{ referred_customer_id: string }>(
      `select a.referred_customer_id from ledger.activities a
       join lateral (
         select o.id, o.pending_until from ledger.orders o where o.customer_id = a.referred_customer_id
         order by o.occurred_at, o.recorded_at, o.id limit 1
       ) first on true
       where a.kind = 'REFERRAL' and a.status = $1
         and (first.pending_until is null or first.pending_until <= $2
              or exists (select 1 from ledger.returns r where r.order_id = first.id))
       limit 200`,
      [ActivityStatus.AWAITING_PURCHASE, now],
    );
    return rows.map((row) => row.referred_customer_id);
  },
};

export interface FirstPurchase {
  id: string;
  pendingUntil: Date | null;
  returned: boolean;
}
