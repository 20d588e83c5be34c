import type { Queryable } from '../../../runtime/database/database';

/** A custom event read from the profile, waiting to be claimed against EVENT campaigns and paid. */
export interface PendingCustomEvent {
  eventId: string;
  customerId: string;
  type: string;
  properties: Record<string, unknown>;
  channel: string;
  occurredAt: Date;
}

interface PendingRow {
  event_id: string;
  customer_id: string;
  event_type: string;
  properties: Record<string, unknown>;
  channel: string;
  occurred_at: Date;
}

/** The campaign's record of the profile's custom events: counts per day, events to pay, "once per" values. */
export const customEventStore = {
  /**
   * Records an event read and counts it in its UTC day; false (and nothing counted) when it was
   * read before, so reading the profile's outbox again never counts an event twice.
   */
  async record(tx: Queryable, event: PendingCustomEvent): Promise<boolean> {
    const { rows } = await tx.query<{ event_id: string }>(
      `insert into campaign.custom_events (event_id, customer_id, event_type, properties, channel, occurred_at)
       values ($1, $2, $3, $4::jsonb, $5, $6) on conflict (event_id) do nothing returning event_id`,
      [event.eventId, event.customerId, event.type, JSON.stringify(event.properties), event.channel, event.occurredAt],
    );
    if (rows.length === 0) return false;
    await tx.query(
      `insert into campaign.event_counts (customer_id, event_type, day, count)
       values ($1, $2, ($3::timestamptz at time zone 'UTC')::date, 1)
       on conflict (customer_id, event_type, day) do update set count = campaign.event_counts.count + 1`,
      [event.customerId, event.type, event.occurredAt],
    );
    return true;
  },

  /** The oldest events still to claim and pay. */
  async pending(db: Queryable, limit: number): Promise<PendingCustomEvent[]> {
    const { rows } = await db.query<PendingRow>(
      `select event_id, customer_id, event_type, properties, channel, occurred_at from campaign.custom_events
        where status = 'PENDING' order by read_at, event_id limit $1`,
      [limit],
    );
    return rows.map((row) => ({
      eventId: row.event_id,
      customerId: row.customer_id,
      type: row.event_type,
      properties: row.properties,
      channel: row.channel,
      occurredAt: new Date(row.occurred_at),
    }));
  },

  async markDone(db: Queryable, eventId: string, points: number): Promise<void> {
    await db.query(
      `update campaign.custom_events set status = 'DONE', points = $2, last_error = null where event_id = $1`,
      [eventId, points],
    );
  },

  async markFailed(db: Queryable, eventId: string, error: string): Promise<void> {
    await db.query('update campaign.custom_events set last_error = $2 where event_id = $1', [eventId, error]);
  },

  /** The campaigns among `asked` that rewarded the member for that value with another event. */
  async onceTaken(
    db: Queryable,
    customerId: string,
    eventId: string,
    asked: ReadonlyArray<{ campaignId: string; value: string }>,
  ): Promise<Set<string>> {
    if (asked.length === 0) return new Set();
    const { rows } = await db.query<{ campaign_id: string }>(
      `select o.campaign_id from campaign.event_once o
         join unnest($3::uuid[], $4::text[]) as a (campaign_id, once_value)
           on a.campaign_id = o.campaign_id and a.once_value = o.once_value
        where o.customer_id = $1 and o.event_id <> $2`,
      [customerId, eventId, asked.map((one) => one.campaignId), asked.map((one) => one.value)],
    );
    return new Set(rows.map((row) => row.campaign_id));
  },

  async takeOnce(tx: Queryable, campaignId: string, customerId: string, value: string, eventId: string): Promise<void> {
    await tx.query(
      `insert into campaign.event_once (campaign_id, customer_id, once_value, event_id) values ($1, $2, $3, $4)
       on conflict do nothing`,
      [campaignId, customerId, value, eventId],
    );
  },

  /**
   * The profile merged `mergedId` into `survivorId`: counts add up on the survivor, the events
   * still to pay are the survivor's, and a value rewarded to either stays rewarded.
   */
  async merge(tx: Queryable, survivorId: string, mergedId: string): Promise<void> {
    await tx.query(
      `insert into campaign.event_counts (customer_id, event_type, day, count)
       select $1, event_type, day, count from campaign.event_counts where customer_id = $2
       on conflict (customer_id, event_type, day) do update set count = campaign.event_counts.count + excluded.count`,
      [survivorId, mergedId],
    );
    await tx.query('delete from campaign.event_counts where customer_id = $1', [mergedId]);
    await tx.query('update campaign.custom_events set customer_id = $1 where customer_id = $2', [survivorId, mergedId]);
    await tx.query(
      `insert into campaign.event_once (campaign_id, customer_id, once_value, event_id)
       select campaign_id, $1, once_value, event_id from campaign.event_once where customer_id = $2
       on conflict do nothing`,
      [survivorId, mergedId],
    );
    await tx.query('delete from campaign.event_once where customer_id = $1', [mergedId]);
  },

  /** Erasure: the counts and "once per" values go, the events keep no properties. */
  async forget(tx: Queryable, customerId: string): Promise<void> {
    await tx.query('delete from campaign.event_counts where customer_id = $1', [customerId]);
    await tx.query('delete from campaign.event_once where customer_id = $1', [customerId]);
    await tx.query(`update campaign.custom_events set properties = '{}' where customer_id = $1`, [customerId]);
  },
};
