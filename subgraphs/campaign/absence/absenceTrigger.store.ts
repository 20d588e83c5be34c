import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../../runtime/database/database';
import { AbsenceStart, type AbsenceTriggerDefinition } from './absenceTrigger.rules';

interface TriggerRow {
  key: string;
  name: string;
  start_kind: AbsenceStart;
  event_type: string | null;
  wait_seconds: number;
  bonus_points: number;
  reward_id: string | null;
  send_message: boolean;
  retired_at: Date | null;
  created_at: Date;
}

export interface AbsenceTriggerRecord extends AbsenceTriggerDefinition {
  retiredAt: Date | null;
  createdAt: Date;
}

const toTrigger = (row: TriggerRow): AbsenceTriggerRecord => ({
  key: row.key,
  name: row.name,
  start: row.start_kind,
  eventType: row.event_type,
  waitMinutes: row.wait_seconds / 60,
  bonusPoints: row.bonus_points,
  rewardId: row.reward_id,
  sendMessage: row.send_message,
  retiredAt: row.retired_at,
  createdAt: row.created_at,
});

const triggerColumns =
  'key, name, start_kind, event_type, wait_seconds, bonus_points, reward_id, send_message, retired_at, created_at';

/** A timer the scheduler fired, with what its trigger gives. */
export interface FiredTimer {
  id: string;
  triggerKey: string;
  triggerName: string;
  customerId: string;
  startedAt: Date;
  dueAt: Date;
  bonusPoints: number;
  rewardId: string | null;
  sendMessage: boolean;
}

interface FiredRow {
  id: string;
  trigger_key: string;
  name: string;
  customer_id: string;
  started_at: Date;
  due_at: Date;
  bonus_points: number;
  reward_id: string | null;
  send_message: boolean;
}

const toFired = (row: FiredRow): FiredTimer => ({
  id: row.id,
  triggerKey: row.trigger_key,
  triggerName: row.name,
  customerId: row.customer_id,
  startedAt: row.started_at,
  dueAt: row.due_at,
  bonusPoints: row.bonus_points,
  rewardId: row.reward_id,
  sendMessage: row.send_message,
});

export interface TimerCounts {
  pending: number;
  fired: number;
  cancelled: number;
}

/** A start of a trigger's timer for one member. */
export interface TimerStart {
  customerId: string;
  startedAt: Date;
}

/** SQL for absence triggers and their timers. */
export const absenceTriggerStore = {
  async all(db: Queryable): Promise<AbsenceTriggerRecord[]> {
    const { rows } = await db.query<TriggerRow>(
      `select ${triggerColumns} from campaign.absence_triggers order by created_at, key`,
    );
    return rows.map(toTrigger);
  },

  async find(db: Queryable, key: string): Promise<AbsenceTriggerRecord | null> {
    const { rows } = await db.query<TriggerRow>(
      `select ${triggerColumns} from campaign.absence_triggers where key = $1`,
      [key],
    );
    return rows[0] ? toTrigger(rows[0]) : null;
  },

  /** Inserts a trigger; null when the key is taken. */
  async insert(db: Queryable, trigger: AbsenceTriggerDefinition): Promise<AbsenceTriggerRecord | null> {
    const { rows } = await db.query<TriggerRow>(
      `insert into campaign.absence_triggers (key, name, start_kind, event_type, wait_seconds, bonus_points, reward_id, send_message)
       values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (key) do nothing
       returning ${triggerColumns}`,
      [
        trigger.key,
        trigger.name,
        trigger.start,
        trigger.eventType,
        trigger.waitMinutes * 60,
        trigger.bonusPoints,
        trigger.rewardId,
        trigger.sendMessage,
      ],
    );
    return rows[0] ? toTrigger(rows[0]) : null;
  },

  /** Retires a trigger and cancels its pending timers; null when it is unknown. */
  async retire(db: Queryable, key: string, at: Date): Promise<AbsenceTriggerRecord | null> {
    const { rows } = await db.query<TriggerRow>(
      `update campaign.absence_triggers set retired_at = coalesce(retired_at, $2) where key = $1
       returning ${triggerColumns}`,
      [key, at],
    );
    if (!rows[0]) return null;
    await db.query(
      `update campaign.absence_timers set status = 'CANCELLED', cancelled_at = $2
       where trigger_key = $1 and status = 'PENDING'`,
      [key, at],
    );
    return toTrigger(rows[0]);
  },

  /** The live triggers started by a custom event of one of `types`, or by purchases (`null`). */
  async liveStartedBy(db: Queryable, eventType: string | null): Promise<AbsenceTriggerRecord[]> {
    const { rows } = await db.query<TriggerRow>(
      eventType === null
        ? `select ${triggerColumns} from campaign.absence_triggers where start_kind = 'LAST_PURCHASE' and retired_at is null`
        : `select ${triggerColumns} from campaign.absence_triggers where event_type = $1 and retired_at is null`,
      eventType === null ? [] : [eventType],
    );
    return rows.map(toTrigger);
  },

  /**
   * Starts each member's timer of a trigger (one statement for them all; one start per member), or
   * moves a pending one to the later of its start and this one (a start read out of order never
   * shortens a timer). A custom-event start the purchase history already shows a purchase at or
   * after (the purchase was read first) starts nothing. Returns the due times of what started.
   */
  async start(db: Queryable, trigger: AbsenceTriggerRecord, starts: readonly TimerStart[]): Promise<Date[]> {
    if (starts.length === 0) return [];
    const { rows } = await db.query<{ due_at: Date }>(
      `insert into campaign.absence_timers (id, trigger_key, customer_id, started_at, due_at, status)
       select s.id, $4, s.customer_id, s.started_at, s.started_at + make_interval(mins => $5), 'PENDING'
         from unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) as s (id, customer_id, started_at)
        where not ($6 and exists (
          select 1 from campaign.purchases p where p.customer_id = s.customer_id and p.occurred_at >= s.started_at))
       on conflict (trigger_key, customer_id) where status = 'PENDING' do update
         set started_at = greatest(absence_timers.started_at, excluded.started_at),
             due_at = greatest(absence_timers.due_at, excluded.due_at)
       returning due_at`,
      [
        starts.map(() => randomUUID()),
        starts.map((start) => start.customerId),
        starts.map((start) => start.startedAt),
        trigger.key,
        trigger.waitMinutes,
        trigger.start === AbsenceStart.CUSTOM_EVENT,
      ],
    );
    return rows.map((row) => row.due_at);
  },

  /** Cancels the member's pending timers of triggers a purchase ends (CUSTOM_EVENT starts). */
  async cancelByPurchase(db: Queryable, customerIds: readonly string[], at: Date): Promise<number> {
    if (customerIds.length === 0) return 0;
    const { rows } = await db.query<{ id: string }>(
      `update campaign.absence_timers t set status = 'CANCELLED', cancelled_at = $2
       from campaign.absence_triggers g
       where g.key = t.trigger_key and g.start_kind = 'CUSTOM_EVENT'
         and t.status = 'PENDING' and t.customer_id = any($1::uuid[])
       returning t.id`,
      [customerIds, at],
    );
    return rows.length;
  },

  /** A merged profile's pending timers end: the survivor's own starts count from now on. */
  async cancelMerged(db: Queryable, mergedIds: readonly string[], at: Date): Promise<void> {
    if (mergedIds.length === 0) return;
    await db.query(
      `update campaign.absence_timers set status = 'CANCELLED', cancelled_at = $2
       where status = 'PENDING' and customer_id = any($1::uuid[])`,
      [mergedIds, at],
    );
  },

  /**
   * Claims up to `limit` due timers and marks them fired, skipping those another instance holds:
   * each is fired by the one transaction that claimed it.
   */
  async fireDue(db: Queryable, now: Date, limit: number): Promise<FiredTimer[]> {
    const { rows } = await db.query<FiredRow>(
      `with due as (
         select id from campaign.absence_timers
         where status = 'PENDING' and due_at <= $1
         order by due_at
         limit $2
         for update skip locked
       )
       update campaign.absence_timers t
       set status = 'FIRED', fired_at = $1,
           delivery = case when g.bonus_points > 0 or g.reward_id is not null then 'PENDING' else null end
       from due, campaign.absence_triggers g
       where t.id = due.id and g.key = t.trigger_key
       returning t.id, t.trigger_key, g.name, t.customer_id, t.started_at, t.due_at, g.bonus_points, g.reward_id, g.send_message`,
      [now, limit],
    );
    return rows.map(toFired);
  },

  /** The earliest due time of a pending timer, if any. */
  async nextDue(db: Queryable): Promise<Date | null> {
    const { rows } = await db.query<{ due_at: Date | null }>(
      `select min(due_at) as due_at from campaign.absence_timers where status = 'PENDING'`,
    );
    return rows[0]?.due_at ?? null;
  },

  /** Fired timers whose points or reward are not credited yet, oldest first. */
  async pendingDeliveries(db: Queryable, limit: number): Promise<FiredTimer[]> {
    const { rows } = await db.query<FiredRow>(
      `select t.id, t.trigger_key, g.name, t.customer_id, t.started_at, t.due_at, g.bonus_points, g.reward_id, g.send_message
       from campaign.absence_timers t join campaign.absence_triggers g on g.key = t.trigger_key
       where t.delivery = 'PENDING' and t.attempts < 20
       order by t.fired_at, t.id
       limit $1`,
      [limit],
    );
    return rows.map(toFired);
  },

  async markDelivered(db: Queryable, id: string): Promise<void> {
    await db.query(`update campaign.absence_timers set delivery = 'DONE', last_error = null where id = $1`, [id]);
  },

  async markDeliveryFailed(db: Queryable, id: string, error: string): Promise<void> {
    await db.query(
      `update campaign.absence_timers set attempts = attempts + 1, last_error = $2 where id = $1 and delivery = 'PENDING'`,
      [id, error.slice(0, 1000)],
    );
  },

  /** Timers per trigger and status. */
  async counts(db: Queryable, keys: readonly string[]): Promise<Map<string, TimerCounts>> {
    const { rows } = await db.query<{ trigger_key: string; status: string; n: number }>(
      `select trigger_key, status, count(*)::int as n from campaign.absence_timers
       where trigger_key = any($1::text[]) group by trigger_key, status`,
      [keys],
    );
    const counts = new Map<string, TimerCounts>(keys.map((key) => [key, { pending: 0, fired: 0, cancelled: 0 }]));
    for (const row of rows) {
      const entry = counts.get(row.trigger_key)!;
      if (row.status === 'PENDING') entry.pending = row.n;
      else if (row.status === 'FIRED') entry.fired = row.n;
      else entry.cancelled = row.n;
    }
    return counts;
  },
};
