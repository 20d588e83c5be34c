import { createHash, randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../../../runtime/database/database';
import { appendEvent, appendEvents, type NewEvent } from '../../../runtime/events/outbox';
import { occurredAtOf } from '../../../runtime/validation/occurredAt';
import { profileEvents } from '../contract/events';
import { CustomerError, CustomerErrorKind } from '../customers/customer.errors';
import { CustomEventError, CustomEventErrorKind } from './customEvent.errors';
import { customerEventStore, eventKey, type CustomerEventRow, type NewCustomerEvent } from './customerEvent.store';
import {
  checkDefinition,
  checkProperties,
  isViolation,
  payloadBytes,
  sameDefinition,
  type EventTypeDefinition,
} from './eventType.rules';
import { eventTypeStore, type EventTypeRow } from './eventType.store';

type Actor = NewEvent['actor'];

/** The limits events are checked against (profile settings). */
export interface CustomEventPolicy {
  /** `PROFILE_EVENT_MAX_LATENESS_DAYS`: how many days ago an event may say it happened. */
  maxLatenessDays: number;
  /** `PROFILE_EVENT_MAX_BYTES`: the largest properties payload, as JSON in UTF-8. */
  maxPayloadBytes: number;
  /** `PROFILE_EVENT_BATCH_MAX_ITEMS`: the most events one `trackEvents` takes. */
  batchMaxItems: number;
}

/** One event to record, its customer already found (the id they were asked by). */
export interface EventToTrack {
  customerId: string;
  type: string;
  properties: Record<string, unknown>;
  occurredAt?: Date | null;
  channel: string;
  idempotencyKey: string;
}

/** Who sends the event: a member may send only types with `membersMaySend`. */
export interface Sender {
  actor: Actor;
  isMember: boolean;
}

const definitionOf = (row: EventTypeRow): EventTypeDefinition => ({
  name: row.name,
  description: row.description,
  properties: row.properties,
  membersMaySend: row.members_may_send,
});

/** Event types and the custom events of customers, each recorded with its `CustomerEventTracked`. */
export class CustomEventService {
  /** The latest version of each type this process has read or defined, by name (see `track`). */
  private readonly latestTypes = new Map<string, EventTypeRow>();

  constructor(
    private readonly db: Database,
    readonly policy: CustomEventPolicy,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * Defines an event type, or redefines it as a new version when it says something new (events
   * already recorded keep the version they were checked against). The same definition again
   * answers the current version: a retry defines nothing.
   */
  async defineType(definition: EventTypeDefinition, actor: Actor): Promise<EventTypeRow> {
    const checked = checkDefinition(definition);
    if (isViolation(checked)) {
      throw new CustomEventError(CustomEventErrorKind.InvalidEventType, checked.message, { field: checked.field });
    }
    const defined = await this.db.transaction(async (tx) => {
      const current = await eventTypeStore.latest(tx, checked.name, true);
      if (current && sameDefinition(definitionOf(current), checked)) return current;
      return eventTypeStore.insert(tx, {
        ...checked,
        version: (current?.version ?? 0) + 1,
        definedBy: actor,
      });
    });
    this.remember(defined);
    return defined;
  }

  /** The latest version of the type as stored now, remembered for the next `track`. */
  private async latestType(name: string): Promise<EventTypeRow | undefined> {
    const type = await eventTypeStore.latest(this.db, name);
    if (type) this.remember(type);
    return type;
  }

  private remember(type: EventTypeRow): void {
    const known = this.latestTypes.get(type.name);
    if (!known || known.version < type.version) this.latestTypes.set(type.name, type);
  }

  types(): Promise<EventTypeRow[]> {
    return eventTypeStore.all(this.db);
  }

  /**
   * Records one event for the profile `event.customerId` stands for now (a merged id: its survivor).
   * A retry under the same channel and key answers the first event; another event under it is a
   * CONFLICT. Nothing is stored for an unknown type or properties that do not match it.
   *
   * The type is taken from memory when this process has seen it, and the event recorded in one
   * statement that also checks that version is still the latest: a redefinition by any process,
   * committed before the call, makes it insert nothing. That, a refusal by the remembered version,
   * a retry, a conflict and an unknown or merged-away profile all take the transaction below, with
   * the type read again, which answers each as before.
   */
  async track(event: EventToTrack, sender: Sender): Promise<CustomerEventRow> {
    const remembered = this.latestTypes.get(event.type);
    if (remembered) {
      const prepared = this.preparedOrRefused(event, remembered, sender, this.clock());
      if (prepared) {
        const row = await customerEventStore.insertTracked(
          this.db,
          newEvent(prepared, event.customerId),
          trackedEvent(event.customerId, prepared.id, prepared, sender),
        );
        if (row) return row;
      }
    }
    const type = await this.latestType(event.type);
    return this.trackPrepared(this.prepare(event, type, sender, this.clock()), sender);
  }

  /**
   * Records a batch: one outcome per event, in input order, each exactly as `track` one after
   * another would answer it (a later event under an earlier one's key is its retry or a CONFLICT;
   * a failure is only its own). Set-based: the types read in one statement, then one transaction
   * with one statement per table (the profiles locked, the events inserted, the rows of keys used
   * before re-read, the outbox events appended). Should that transaction fail as a whole (a
   * deadlock with a merge, say), the events are tracked one by one instead.
   */
  async trackAll(events: readonly EventToTrack[], sender: Sender): Promise<TrackOutcome[]> {
    const outcomes = new Array<TrackOutcome>(events.length);
    const types = await eventTypeStore.latestOf(this.db, [...new Set(events.map((event) => event.type))]);
    const now = this.clock();
    const prepared = new Map<number, PreparedEvent>();
    events.forEach((event, index) => {
      try {
        prepared.set(index, this.prepare(event, types.get(event.type), sender, now));
      } catch (error) {
        outcomes[index] = { ok: false, error };
      }
    });
    if (prepared.size === 0) return outcomes;
    try {
      const recorded = await this.db.transaction((tx) => this.recordAll(tx, prepared, sender));
      for (const [index, outcome] of recorded) outcomes[index] = outcome;
    } catch {
      for (const [index, item] of prepared) {
        try {
          outcomes[index] = { ok: true, value: await this.trackPrepared(item, sender) };
        } catch (error) {
          outcomes[index] = { ok: false, error };
        }
      }
    }
    return outcomes;
  }

  /** `trackAll`'s transaction: each prepared event's outcome, by its index. */
  private async recordAll(
    tx: Queryable,
    prepared: ReadonlyMap<number, PreparedEvent>,
    sender: Sender,
  ): Promise<Map<number, TrackOutcome>> {
    const outcomes = new Map<number, TrackOutcome>();
    const live = await this.liveCustomers(
      tx,
      [...prepared.values()].map((item) => item.event.customerId),
    );
    // The first event under each key is the one to insert; the later ones are its retries or conflicts.
    const owners = new Map<number, { key: string; customerId: string }>();
    const candidates = new Map<string, NewCustomerEvent>();
    for (const [index, item] of prepared) {
      const customerId = live.get(item.event.customerId);
      if (!customerId) {
        outcomes.set(index, { ok: false, error: unknownCustomer(item.event.customerId) });
        continue;
      }
      const key = eventKey(item.event.channel, item.event.idempotencyKey);
      owners.set(index, { key, customerId });
      if (!candidates.has(key)) candidates.set(key, newEvent(item, customerId));
    }
    const inserted = await customerEventStore.insertMany(tx, [...candidates.values()]);
    const earlier = await customerEventStore.byKeys(
      tx,
      [...candidates.entries()].filter(([key]) => !inserted.has(key)).map(([, event]) => event),
    );
    const appended: Array<{ row: CustomerEventRow; item: PreparedEvent }> = [];
    for (const [index, { key, customerId }] of owners) {
      const item = prepared.get(index)!;
      const row = inserted.get(key);
      if (row && candidates.delete(key)) {
        // The first event under its key, new: the key's later events compare with its row.
        appended.push({ row, item });
        outcomes.set(index, { ok: true, value: row });
        continue;
      }
      try {
        const first = row ?? earlier.get(key);
        if (!first) throw new Error(`No event under the key ${item.event.idempotencyKey} after the insert`);
        outcomes.set(index, { ok: true, value: sameEventOrConflict(item, customerId, first) });
      } catch (error) {
        outcomes.set(index, { ok: false, error });
      }
    }
    await appendEvents(
      tx,
      'profile',
      appended.map(({ row, item }) => trackedEvent(row.customer_id, row.id, item, sender)),
    );
    return outcomes;
  }

  /** `track` for an event already checked. */
  private trackPrepared(prepared: PreparedEvent, sender: Sender): Promise<CustomerEventRow> {
    return this.db.transaction(async (tx) => {
      const customerId = await this.liveCustomer(tx, prepared.event.customerId);
      const { row, inserted } = await customerEventStore.insertOrExisting(tx, newEvent(prepared, customerId));
      if (!inserted) return sameEventOrConflict(prepared, customerId, row);
      await appendEvent(tx, 'profile', trackedEvent(row.customer_id, row.id, prepared, sender));
      return row;
    });
  }

  /** An event checked against the latest version of its type, as `track` checks it before storing anything. */
  private prepare(event: EventToTrack, type: EventTypeRow | undefined, sender: Sender, now: Date): PreparedEvent {
    if (!type) {
      throw new CustomEventError(CustomEventErrorKind.UnknownEventType, `No event type is named ${event.type}`, {
        field: 'type',
      });
    }
    if (sender.isMember && !type.members_may_send) {
      throw new CustomEventError(CustomEventErrorKind.MemberMayNotSend, `Members may not send ${type.name} events`, {
        field: 'type',
      });
    }
    const properties = this.checkedProperties(type, event.properties);
    const occurredAt = occurredAtOf(
      event.occurredAt,
      now,
      {
        maxLatenessDays: this.policy.maxLatenessDays,
        setting: 'PROFILE_EVENT_MAX_LATENESS_DAYS',
        clockOf: 'the profile',
      },
      (message) => new CustomEventError(CustomEventErrorKind.InvalidEventProperties, message, { field: 'occurredAt' }),
    );
    return { id: randomUUID(), event, type, properties, occurredAt, fingerprint: fingerprintOf(event, properties) };
  }

  /** `prepare` against a remembered version; undefined when it refuses, for the latest version to decide. */
  private preparedOrRefused(
    event: EventToTrack,
    type: EventTypeRow,
    sender: Sender,
    now: Date,
  ): PreparedEvent | undefined {
    try {
      return this.prepare(event, type, sender, now);
    } catch {
      return undefined;
    }
  }

  private checkedProperties(type: EventTypeRow, properties: Record<string, unknown>): Record<string, unknown> {
    const refuse = (message: string, field: string) =>
      new CustomEventError(CustomEventErrorKind.InvalidEventProperties, message, { field });
    const bytes = payloadBytes(properties);
    if (bytes > this.policy.maxPayloadBytes) {
      throw refuse(
        `The properties take ${bytes} bytes; at most ${this.policy.maxPayloadBytes} (PROFILE_EVENT_MAX_BYTES)`,
        'properties',
      );
    }
    const checked = checkProperties({ name: type.name, properties: type.properties }, properties);
    if (isViolation(checked)) throw refuse(checked.message, checked.field);
    return checked.properties;
  }

  /** The profile an id stands for now, locked against a merge or erasure; refused when erased. */
  private async liveCustomer(tx: Queryable, id: string): Promise<string> {
    let customerId = id;
    let found = await customerEventStore.lockCustomer(tx, customerId);
    if (found?.merged_into) {
      customerId = found.merged_into;
      found = await customerEventStore.lockCustomer(tx, customerId);
    }
    if (!found || found.erased_at || found.merged_into) {
      throw unknownCustomer(id);
    }
    return customerId;
  }

  /**
   * `liveCustomer` for several ids at once: the profile each stands for now, locked, by the id asked;
   * absent when unknown, erased, or merged into one that is gone.
   */
  private async liveCustomers(tx: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
    const found = await customerEventStore.lockCustomers(tx, ids);
    const survivors = [...found.values()].flatMap((row) =>
      row.merged_into && !found.has(row.merged_into) ? [row.merged_into] : [],
    );
    if (survivors.length > 0)
      for (const [id, row] of await customerEventStore.lockCustomers(tx, survivors)) found.set(id, row);
    const live = new Map<string, string>();
    for (const id of ids) {
      const asked = found.get(id);
      const customerId = asked?.merged_into ?? id;
      const now = asked?.merged_into ? found.get(asked.merged_into) : asked;
      if (now && !now.erased_at && !now.merged_into) live.set(id, customerId);
    }
    return live;
  }
}

/** What one event of a batch came to: its row (new, or the first under its key), or why not. */
export type TrackOutcome = { ok: true; value: CustomerEventRow } | { ok: false; error: unknown };

/** An event checked against its type: what is stored, and what a retry must repeat. */
interface PreparedEvent {
  /** The id the event is stored under when it is new. */
  id: string;
  event: EventToTrack;
  type: EventTypeRow;
  properties: Record<string, unknown>;
  occurredAt: Date;
  fingerprint: string;
}

const unknownCustomer = (id: string) =>
  new CustomerError(CustomerErrorKind.UnknownCustomer, `No customer has the id ${id}`);

const newEvent = (prepared: PreparedEvent, customerId: string): NewCustomerEvent => ({
  id: prepared.id,
  customerId,
  type: prepared.type.name,
  typeVersion: prepared.type.version,
  properties: prepared.properties,
  occurredAt: prepared.occurredAt,
  channel: prepared.event.channel,
  idempotencyKey: prepared.event.idempotencyKey,
  fingerprint: prepared.fingerprint,
});

/** The row already under the event's key, when the event is its retry; else CONFLICT. */
function sameEventOrConflict(prepared: PreparedEvent, customerId: string, row: CustomerEventRow): CustomerEventRow {
  if (row.fingerprint !== prepared.fingerprint || row.customer_id !== customerId) {
    throw new CustomEventError(
      CustomEventErrorKind.IdempotencyKeyReused,
      `The idempotency key ${prepared.event.idempotencyKey} was used on ${prepared.event.channel} for another event`,
      { field: 'idempotencyKey' },
    );
  }
  return row;
}

/** The outbox event of a new event, stored as `eventId` for `customerId`. */
const trackedEvent = (customerId: string, eventId: string, prepared: PreparedEvent, sender: Sender) =>
  profileEvents.CustomerEventTracked.event(
    customerId,
    {
      customerId,
      eventId,
      type: prepared.type.name,
      typeVersion: prepared.type.version,
      properties: prepared.properties,
      occurredAt: prepared.occurredAt.toISOString(),
      channel: prepared.event.channel,
    },
    sender.actor,
  );

/** JSON with every object's keys in order, so that the same properties in another order hash alike. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, entry]) => [key, canonical(entry)]),
  );
}

/** What a retry must repeat: the type, the properties, the time it gave (or none) and the channel. */
function fingerprintOf(event: EventToTrack, properties: Record<string, unknown>): string {
  return createHash('sha256')
    .update(JSON.stringify([event.type, canonical(properties), event.occurredAt?.toISOString() ?? null, event.channel]))
    .digest('base64url');
}
