import type { Queryable } from '../../../runtime/database/database';
import { eventNoticeSql, eventsChannel, outboxLockKey, type NewEvent } from '../../../runtime/events/outbox';

export interface CustomerEventRow {
  id: string;
  customer_id: string;
  type: string;
  type_version: number;
  properties: Record<string, unknown> | null;
  occurred_at: Date;
  channel: string;
  idempotency_key: string;
  fingerprint: string;
  recorded_at: Date;
}

export interface NewCustomerEvent {
  id: string;
  customerId: string;
  type: string;
  typeVersion: number;
  properties: Record<string, unknown>;
  occurredAt: Date;
  channel: string;
  idempotencyKey: string;
  fingerprint: string;
}

/** An event's columns as `$1`..`$9` of the inserts below: id, customer, type, version, properties, time, channel, key, fingerprint. */
const eventValues = (event: NewCustomerEvent): unknown[] => [
  event.id,
  event.customerId,
  event.type,
  event.typeVersion,
  JSON.stringify(event.properties),
  event.occurredAt,
  event.channel,
  event.idempotencyKey,
  event.fingerprint,
];

/** An event's idempotency key with its channel, as one map key. */
export const eventKey = (channel: string, idempotencyKey: string): string => `${channel}\u0000${idempotencyKey}`;

/** SQL for `profile.customer_events`: each customer's custom events. */
export const customerEventStore = {
  /**
   * Locks the profile against a merge or erasure until the transaction ends (shared: events of one
   * member do not wait for each other); what it is now.
   */
  async lockCustomer(
    tx: Queryable,
    customerId: string,
  ): Promise<{ merged_into: string | null; erased_at: Date | null } | undefined> {
    const { rows } = await tx.query<{ merged_into: string | null; erased_at: Date | null }>(
      'select merged_into, erased_at from profile.customers where id = $1 for share',
      [customerId],
    );
    return rows[0];
  },

  /**
   * `lockCustomer` for several profiles in one statement, in id order (as a merge locks them, so the
   * two never wait for each other crosswise); what each found one is now.
   */
  async lockCustomers(
    tx: Queryable,
    customerIds: readonly string[],
  ): Promise<Map<string, { merged_into: string | null; erased_at: Date | null }>> {
    const { rows } = await tx.query<{ id: string; merged_into: string | null; erased_at: Date | null }>(
      'select id, merged_into, erased_at from profile.customers where id = any($1::uuid[]) order by id for share',
      [[...new Set(customerIds)]],
    );
    return new Map(rows.map(({ id, ...row }) => [id, row]));
  },

  /** `insertOrExisting`'s insert for many events (keys distinct): the rows inserted, by channel and key. */
  async insertMany(tx: Queryable, events: readonly NewCustomerEvent[]): Promise<Map<string, CustomerEventRow>> {
    if (events.length === 0) return new Map();
    const { rows } = await tx.query<CustomerEventRow>(
      `insert into profile.customer_events
         (id, customer_id, type, type_version, properties, occurred_at, channel, idempotency_key, fingerprint)
       select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::jsonb[], $6::timestamptz[],
                            $7::text[], $8::text[], $9::text[])
       on conflict (channel, idempotency_key) do nothing returning *`,
      [
        events.map((event) => event.id),
        events.map((event) => event.customerId),
        events.map((event) => event.type),
        events.map((event) => event.typeVersion),
        events.map((event) => JSON.stringify(event.properties)),
        events.map((event) => event.occurredAt.toISOString()),
        events.map((event) => event.channel),
        events.map((event) => event.idempotencyKey),
        events.map((event) => event.fingerprint),
      ],
    );
    return new Map(rows.map((row) => [eventKey(row.channel, row.idempotency_key), row]));
  },

  /** The rows under these channels and keys, by `eventKey`. */
  async byKeys(
    db: Queryable,
    keys: ReadonlyArray<{ channel: string; idempotencyKey: string }>,
  ): Promise<Map<string, CustomerEventRow>> {
    if (keys.length === 0) return new Map();
    const { rows } = await db.query<CustomerEventRow>(
      `select e.* from unnest($1::text[], $2::text[]) as k(channel, idempotency_key)
         join profile.customer_events e using (channel, idempotency_key)`,
      [keys.map((key) => key.channel), keys.map((key) => key.idempotencyKey)],
    );
    return new Map(rows.map((row) => [eventKey(row.channel, row.idempotency_key), row]));
  },

  /** Inserts the event unless its key was used on its channel; the row under the key either way. */
  async insertOrExisting(
    tx: Queryable,
    event: NewCustomerEvent,
  ): Promise<{ row: CustomerEventRow; inserted: boolean }> {
    const { rows } = await tx.query<CustomerEventRow>(
      `insert into profile.customer_events
         (id, customer_id, type, type_version, properties, occurred_at, channel, idempotency_key, fingerprint)
       values ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9)
       on conflict (channel, idempotency_key) do nothing returning *`,
      eventValues(event),
    );
    if (rows[0]) return { row: rows[0], inserted: true };
    return { row: (await this.byKey(tx, event.channel, event.idempotencyKey))!, inserted: false };
  },

  /**
   * A new event, its profile lock and its outbox event in one statement (one round trip, its own
   * transaction), as `lockCustomer`, `insertOrExisting` and `appendEvent` do in three: the profile
   * followed once to its survivor and locked `for share`, the event inserted under the profile it
   * stands for now, then the outbox's lock, its `tracked` event (its `customerId` and aggregate set
   * to that profile) and the `NOTIFY`. Inserts nothing unless the profile is live, `typeVersion` is
   * still the type's latest (the type was taken from memory: a newer version committed before this
   * statement began is seen here) and the key is new; undefined then, for the caller to find out why.
   */
  async insertTracked(
    db: Queryable,
    event: NewCustomerEvent,
    tracked: NewEvent<Record<string, unknown>>,
  ): Promise<CustomerEventRow | undefined> {
    const { rows } = await db.query<CustomerEventRow & { notices: number }>(
      `with asked as (
         select id, merged_into, erased_at from profile.customers where id = $2::uuid for share
       ),
       survivor as (
         select id, merged_into, erased_at from profile.customers
          where id = (select merged_into from asked) for share
       ),
       live as (
         select coalesce(s.id, a.id) as id from asked a left join survivor s on true
          where case when a.merged_into is null then a.erased_at is null
                     else s.erased_at is null and s.merged_into is null and s.id is not null end
       ),
       type_current as (
         select 1 from live
          where not exists (select 1 from profile.event_types where name = $3::text and version > $4::int)
       ),
       inserted as (
         insert into profile.customer_events
           (id, customer_id, type, type_version, properties, occurred_at, channel, idempotency_key, fingerprint)
         select $1::uuid, live.id, $3::text, $4::int, $5::jsonb, $6::timestamptz, $7::text, $8::text, $9::text
           from live, type_current
         on conflict (channel, idempotency_key) do nothing
         returning *
       ),
       outbox_lock as (
         select pg_advisory_xact_lock(hashtext($10::text)) from inserted
       ),
       appended as (
         insert into profile.events (type, version, aggregate_id, payload, actor)
         select $11::text, $12::int, inserted.customer_id::text,
                jsonb_set($13::jsonb, '{customerId}', to_jsonb(inserted.customer_id::text)), $14::jsonb
           from inserted, outbox_lock
         returning id, type
       ),
       notified as (
         select pg_notify($15::text, ${eventNoticeSql('appended')}) from appended
       )
       select inserted.*, (select count(*) from notified) as notices from inserted`,
      [
        ...eventValues(event),
        outboxLockKey('profile'),
        tracked.type,
        tracked.version,
        JSON.stringify(tracked.payload),
        tracked.actor && JSON.stringify(tracked.actor),
        eventsChannel('profile'),
      ],
    );
    if (!rows[0]) return undefined;
    const { notices: _notices, ...row } = rows[0];
    return row;
  },

  async byKey(db: Queryable, channel: string, idempotencyKey: string): Promise<CustomerEventRow | undefined> {
    const { rows } = await db.query<CustomerEventRow>(
      'select * from profile.customer_events where channel = $1 and idempotency_key = $2',
      [channel, idempotencyKey],
    );
    return rows[0];
  },
};
