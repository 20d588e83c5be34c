import { createHash, randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../../../runtime/database/database';
import { appendEvent, type NewEvent } from '../../../runtime/events/outbox';
import { occurredAtOf } from '../../../runtime/validation/occurredAt';
import { profileEvents } from '../contract/events';
import { CustomerError, CustomerErrorKind } from '../customers/customer.errors';
import { CustomEventError, CustomEventErrorKind } from './customEvent.errors';
import { customerEventStore, type CustomerEventRow, type TimelinePosition } from './customerEvent.store';
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
    return this.db.transaction(async (tx) => {
      const current = await eventTypeStore.latest(tx, checked.name, true);
      if (current && sameDefinition(definitionOf(current), checked)) return current;
      return eventTypeStore.insert(tx, {
        ...checked,
        version: (current?.version ?? 0) + 1,
        definedBy: actor,
      });
    });
  }

  types(): Promise<EventTypeRow[]> {
    return eventTypeStore.all(this.db);
  }

  /**
   * Records one event for the profile `event.customerId` stands for now (a merged id: its survivor).
   * A retry under the same channel and key answers the first event; another event under it is a
   * CONFLICT. Nothing is stored for an unknown type or properties that do not match it.
   */
  async track(event: EventToTrack, sender: Sender): Promise<CustomerEventRow> {
    const type = await eventTypeStore.latest(this.db, event.type);
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
    const checked = this.checkedProperties(type, event.properties);
    const now = this.clock();
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
    const fingerprint = fingerprintOf(event, checked);
    return this.db.transaction(async (tx) => {
      const customerId = await this.liveCustomer(tx, event.customerId);
      const { row, inserted } = await customerEventStore.insertOrExisting(tx, {
        id: randomUUID(),
        customerId,
        type: type.name,
        typeVersion: type.version,
        properties: checked,
        occurredAt,
        channel: event.channel,
        idempotencyKey: event.idempotencyKey,
        fingerprint,
      });
      if (!inserted) {
        if (row.fingerprint !== fingerprint || row.customer_id !== customerId) {
          throw new CustomEventError(
            CustomEventErrorKind.IdempotencyKeyReused,
            `The idempotency key ${event.idempotencyKey} was used on ${event.channel} for another event`,
            { field: 'idempotencyKey' },
          );
        }
        return row;
      }
      await appendEvent(
        tx,
        'profile',
        profileEvents.CustomerEventTracked.event(
          customerId,
          {
            customerId,
            eventId: row.id,
            type: row.type,
            typeVersion: row.type_version,
            properties: checked,
            occurredAt: occurredAt.toISOString(),
            channel: row.channel,
          },
          sender.actor,
        ),
      );
      return row;
    });
  }

  /** A page of the customer's events, newest first. */
  timeline(
    customerId: string,
    options: { first: number; after: TimelinePosition | null; types: readonly string[] | null },
  ): Promise<CustomerEventRow[]> {
    return customerEventStore.timeline(this.db, customerId, options);
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
      throw new CustomerError(CustomerErrorKind.UnknownCustomer, `No customer has the id ${id}`);
    }
    return customerId;
  }
}

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
