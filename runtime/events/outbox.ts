import type { Queryable } from '../database/database';
import type { Migration } from '../migrations/migrate';

/** A committed domain event, read back from its owner's `events` table. */
export interface OutboxEvent<Payload = unknown> {
  /** Increases monotonically, and events become visible in id order. */
  id: number;
  type: string;
  /** The version of the type's contract the payload was written at (1 before versions existed). */
  version: number;
  /** The entity the event is about (a customer id, a reward id, ...). */
  aggregateId: string;
  payload: Payload;
  createdAt: Date;
}

export interface NewEvent<Payload = unknown> {
  type: string;
  /** The contract version of `payload`: build a NewEvent with its contract's `event(...)` (eventContract.ts). */
  version: number;
  aggregateId: string;
  payload: Payload;
  /** Who caused the change (`{ role, subject }`), kept as the audit trail; null for the system. */
  actor: { role: string; subject: string } | null;
}

export interface EventRow {
  id: number;
  type: string;
  version: number;
  aggregate_id: string;
  payload: unknown;
  created_at: Date;
}

export const eventColumns = 'id, type, version, aggregate_id, payload, created_at';

export function toOutboxEvent<Payload>(row: EventRow): OutboxEvent<Payload> {
  return {
    id: row.id,
    type: row.type,
    version: row.version,
    aggregateId: row.aggregate_id,
    payload: row.payload as Payload,
    createdAt: row.created_at,
  };
}

/** `schema`'s committed events after `after`, oldest first, at most `first`; `types` null: every type. */
export async function readEvents<Payload>(
  db: Queryable,
  schema: string,
  after: number,
  first: number,
  types: readonly string[] | null,
): Promise<OutboxEvent<Payload>[]> {
  const { rows } = await db.query<EventRow>(
    `select ${eventColumns} from ${schema}.events
      where id > $1 and ($3::text[] is null or type = any($3::text[])) order by id limit $2`,
    [after, first, types],
  );
  return rows.map((row) => toOutboxEvent<Payload>(row));
}

/** The `NOTIFY` channel that wakes the readers of `schema`'s outbox. */
export function eventsChannel(schema: string): string {
  return `${schema}_events`;
}

/**
 * The `NOTIFY` payload of appended events, `<last id>:<type>,<type>...` (each type once): a listener
 * can skip a notice that names none of the types it follows.
 */
export function eventNotice(events: ReadonlyArray<{ id: number; type: string }>): string {
  const lastId = Math.max(...events.map((event) => Number(event.id)));
  return `${lastId}:${[...new Set(events.map((event) => event.type))].join(',')}`;
}

/** `eventNotice` in SQL, of an appended row's columns, for a store that appends inside its own statement. */
export const eventNoticeSql = (alias: string): string => `${alias}.id || ':' || ${alias}.type`;

/**
 * The advisory lock (`pg_advisory_xact_lock(hashtext(key))`) every append to `schema`'s outbox holds
 * until its commit, taken before the event's id is drawn (see `appendEvent`).
 */
export const outboxLockKey = (schema: string): string => `loyalty-graph:outbox:${schema}`;

/**
 * The event types a notification names; null when it names none (the empty one a listener gets
 * after its connection came back, when anything may be new, or an id alone from an older writer).
 */
export function noticeTypes(payload: string): string[] | null {
  const colon = payload.indexOf(':');
  return colon < 0 ? null : payload.slice(colon + 1).split(',');
}

/** The event id a notification names; null when it names none (the empty one after a reconnect). */
export function noticeId(payload: string): number | null {
  const id = Number.parseInt(payload, 10);
  return Number.isSafeInteger(id) ? id : null;
}

/** The id of the last event committed to `schema`'s outbox (0 for none). */
export async function outboxHead(db: Queryable, schema: string): Promise<number> {
  const { rows } = await db.query<{ head: number }>(`select coalesce(max(id), 0)::int8 as head from ${schema}.events`);
  return rows[0]!.head;
}

/**
 * The runtime's migrations of every service schema (recorded in `<schema>.runtime_migrations`,
 * apart from the service's own): the transactional outbox table, whose `actor` is the audit trail
 * of who made each change, and the positions of the relays that publish it to a broker.
 */
export function outboxMigrations(schema: string): Migration[] {
  return [
    {
      version: 1,
      name: 'outbox',
      sql: `
        create table ${schema}.events (
          id bigint generated always as identity primary key,
          type text not null,
          aggregate_id text not null,
          payload jsonb not null,
          actor jsonb,
          created_at timestamptz not null default now()
        );
        create index events_aggregate_idx on ${schema}.events (aggregate_id, id);
      `,
    },
    {
      version: 2,
      name: 'event_versions',
      sql: `alter table ${schema}.events add column version integer not null default 1;`,
    },
    {
      // How far each relay has published the outbox to a broker (issue 30), in `consumerCursor`'s shape.
      version: 3,
      name: 'outbox_relays',
      sql: `create table ${schema}.outbox_relays (source text primary key, last_event_id bigint not null);`,
    },
  ];
}

/**
 * The CTEs that append `events` (at least one) to `schema`'s outbox inside a caller's statement,
 * their parameters numbered from `$first`: `outbox_lock` takes the outbox's advisory lock,
 * `appended` inserts the events in their order (ids increase in it) and `outbox_notice` sends one
 * `NOTIFY` naming every type among them, in the order they first appear. The lock comes first by a
 * data dependency (the insert reads its row), not by the CTEs' order, which PostgreSQL does not
 * keep: no event id is drawn before the lock is held. `outbox_notice` is a plain select, so it runs
 * only if the statement reads it (`(select count(*) from outbox_notice)`).
 */
export function appendEventsSql(
  schema: string,
  events: ReadonlyArray<NewEvent<unknown>>,
  first: number,
): { ctes: string; params: unknown[] } {
  const $ = (offset: number) => `$${first + offset}`;
  return {
    ctes: `outbox_lock as materialized (select pg_advisory_xact_lock(hashtext(${$(0)}::text)) as held),
       appended as (
         insert into ${schema}.events (type, version, aggregate_id, payload, actor)
         select e.type, e.version, e.aggregate_id, e.payload, e.actor
           from outbox_lock
          cross join unnest(${$(1)}::text[], ${$(2)}::int[], ${$(3)}::text[], ${$(4)}::jsonb[], ${$(5)}::jsonb[])
                with ordinality as e(type, version, aggregate_id, payload, actor, position)
          order by e.position
         returning ${eventColumns}
       ),
       outbox_notice as materialized (
         select pg_notify(${$(6)}::text, max(a.id)::text || ':' ||
                  (select string_agg(t.type, ',' order by t.first_id)
                     from (select type, min(id) as first_id from appended group by type) t)) as sent
           from appended a
       )`,
    params: [
      outboxLockKey(schema),
      events.map((event) => event.type),
      events.map((event) => event.version),
      events.map((event) => event.aggregateId),
      events.map((event) => JSON.stringify(event.payload)),
      events.map((event) => event.actor && JSON.stringify(event.actor)),
      eventsChannel(schema),
    ],
  };
}

/** Rows `appendEventsSql` appended, as events in id order. */
export function appendedEvents(rows: readonly EventRow[]): OutboxEvent<unknown>[] {
  return rows
    .map((row) => ({ ...row, id: Number(row.id) }))
    .sort((a, b) => a.id - b.id)
    .map((row) => toOutboxEvent(row));
}

/**
 * Writes an event in the caller's transaction, so it exists if and only if the change commits, and
 * sends `NOTIFY` (which PostgreSQL delivers at commit).
 *
 * The advisory lock makes appends to one outbox commit in id order: a reader that has seen id N
 * never later finds a smaller id appear. Append events as the last step of a transaction so the
 * lock is held only until its commit.
 */
export async function appendEvent<Payload>(
  tx: Queryable,
  schema: string,
  event: NewEvent<Payload>,
): Promise<OutboxEvent<Payload>> {
  return (await appendEvents(tx, schema, [event]))[0] as OutboxEvent<Payload>;
}

/**
 * `appendEvent` for several events in one transaction, in their order (ids increase in it): one
 * statement takes the outbox's lock (again, if the transaction holds it: it is reentrant), inserts
 * them and sends one `NOTIFY` naming every type among them, so a listener that follows some types
 * wakes exactly when single appends would wake it. Like `appendEvent`, append them as the last step
 * of the transaction.
 */
export async function appendEvents(
  tx: Queryable,
  schema: string,
  events: ReadonlyArray<NewEvent<unknown>>,
): Promise<OutboxEvent<unknown>[]> {
  if (events.length === 0) return [];
  const { ctes, params } = appendEventsSql(schema, events, 1);
  const { rows } = await tx.query<EventRow>(
    `with ${ctes}
     select a.*, (select count(*) from outbox_notice) as notices from appended a`,
    params,
  );
  return appendedEvents(rows);
}
