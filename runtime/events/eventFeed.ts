import type { Database } from '../database/database';
import type { Logger } from '../logging/logger';
import { createAsyncQueue, type AsyncQueue } from './asyncQueue';
import { eventColumns, eventsChannel, readEvents, type EventRow, type OutboxEvent, toOutboxEvent } from './outbox';

export interface EventFilter {
  aggregateId?: string;
  types?: readonly string[];
}

export interface SubscribeOptions {
  /** Deliver the events after this id first (what a reconnecting client missed), then live ones. */
  after?: number;
  filter?: EventFilter;
}

/** `EVENT_POLL_INTERVAL_MS`: `NOTIFY` wakes the feed; the poll only catches what a lost notification missed. */
export const defaultEventPollIntervalMs = 30_000;

export interface EventFeedOptions {
  /** How often the outbox is read even without a notification (a safety net). Default 30000 ms. */
  pollIntervalMs?: number;
  /** Rows read per query. Default 500. */
  batchSize?: number;
  /** Events one subscriber may have queued before it is cut off (it can resume from its cursor). Default 10,000. */
  maxQueuedPerSubscriber?: number;
  logger?: Logger;
  /**
   * Where live events come from: by default the outbox table, read again on each `NOTIFY`; with
   * `EVENT_TRANSPORT=nats`, the outbox's JetStream stream (`NatsEvents.follow`). The table stays the
   * record: subscribers with a cursor catch up from it, and the poll reads it behind the stream.
   */
  live?: LiveEvents;
}

/** A source of an outbox's events as they commit, in id order and with no gap. */
export interface LiveEvents {
  /** Calls `onEvent` with every event from now on; resolves once following, to the function that stops it. */
  follow(onEvent: (event: OutboxEvent) => void): Promise<() => Promise<void>>;
}

/** Raised to a subscriber that fell too far behind; it resumes with `after: lastDeliveredId`. */
export class SubscriberTooSlowError extends Error {
  constructor(readonly lastDeliveredId: number) {
    super(`subscriber fell behind; resume after event ${lastDeliveredId}`);
    this.name = 'SubscriberTooSlowError';
  }
}

interface Subscriber {
  queue: AsyncQueue<OutboxEvent>;
  filter: EventFilter;
  /** Last id delivered (or skipped as already seen). */
  cursor: number;
  /** Live events that arrive while the subscriber is still catching up from the table. */
  pending: OutboxEvent[] | undefined;
}

function matches(filter: EventFilter, event: OutboxEvent): boolean {
  if (filter.aggregateId !== undefined && filter.aggregateId !== event.aggregateId) return false;
  if (filter.types && !filter.types.includes(event.type)) return false;
  return true;
}

/**
 * Reads one service's outbox in id order and fans events out to subscribers. One reader per process
 * and outbox, woken by `NOTIFY` (or fed by the outbox's stream, `live`) and by a slow poll, whatever
 * the number of subscribers. A
 * subscriber with a cursor first reads what it missed from the table, then continues live, with no
 * gap and no duplicate.
 */
export class EventFeed {
  private readonly subscribers = new Set<Subscriber>();
  private lastReadId = 0;

  /** The last outbox event read (and handed to subscribers). */
  get position(): number {
    return this.lastReadId;
  }
  private reading: Promise<void> | undefined;
  private readAgain = false;
  private pollTimer: NodeJS.Timeout | undefined;
  private unlisten: (() => Promise<void>) | undefined;
  private stopped = false;
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private readonly maxQueued: number;

  constructor(
    private readonly db: Database,
    private readonly schema: string,
    private readonly options: EventFeedOptions = {},
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? defaultEventPollIntervalMs;
    this.batchSize = options.batchSize ?? 500;
    this.maxQueued = options.maxQueuedPerSubscriber ?? 10_000;
  }

  async start(): Promise<void> {
    const live = this.options.live;
    if (live) {
      // Following first, then reading the head: an event the stream delivers from now on either
      // is newer than the head or is skipped as read, so none falls between the two.
      this.unlisten = await live.follow((event) => this.receive(event));
      this.lastReadId = await this.newestId();
    } else {
      this.lastReadId = await this.newestId();
      this.unlisten = await this.db.listen(eventsChannel(this.schema), () => this.wake());
    }
    this.schedulePoll();
  }

  /** Live subscriptions on this feed (for health reporting and tests). */
  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** The id of the newest event in the outbox (0 when empty), read from the table. */
  async newestId(): Promise<number> {
    const { rows } = await this.db.query<{ id: number | null }>(`select max(id) as id from ${this.schema}.events`);
    return Number(rows[0]?.id ?? 0);
  }

  subscribe(options: SubscribeOptions = {}): AsyncIterableIterator<OutboxEvent> {
    if (this.stopped) throw new Error('event feed is stopped');
    const subscriber: Subscriber = {
      filter: options.filter ?? {},
      cursor: options.after ?? this.lastReadId,
      pending: options.after === undefined ? undefined : [],
      queue: createAsyncQueue<OutboxEvent>(() => this.subscribers.delete(subscriber)),
    };
    this.subscribers.add(subscriber);
    if (subscriber.pending) {
      this.catchUp(subscriber).catch((error: unknown) => subscriber.queue.fail(error));
    }
    return subscriber.queue;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    await this.unlisten?.();
    await this.reading?.catch(() => undefined);
    for (const subscriber of this.subscribers) subscriber.queue.end();
    this.subscribers.clear();
  }

  /** Reads new events now (a notification arrived, or a writer in this process committed). */
  wake(): void {
    if (this.stopped) return;
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = this.readNew()
      .catch((error: unknown) => {
        this.options.logger?.warn('reading the outbox failed; will retry', {
          schema: this.schema,
          error: error instanceof Error ? error.message : String(error),
        });
      })
      .finally(() => {
        this.reading = undefined;
        if (this.readAgain) {
          this.readAgain = false;
          this.wake();
        }
      });
  }

  private schedulePoll(): void {
    if (this.stopped) return;
    this.pollTimer = setTimeout(() => {
      this.wake();
      this.schedulePoll();
    }, this.pollIntervalMs);
    this.pollTimer.unref();
  }

  private async readNew(): Promise<void> {
    for (;;) {
      const events = await readEvents(this.db, this.schema, this.lastReadId, this.batchSize, null);
      for (const event of events) this.receive(event);
      if (events.length < this.batchSize || this.stopped) return;
    }
  }

  /**
   * Hands a new event to the subscribers. The table and the stream both give events in id order
   * with no gap, so one already read from the other (a poll behind a stream) is skipped.
   */
  private receive(event: OutboxEvent): void {
    if (this.stopped || event.id <= this.lastReadId) return;
    this.lastReadId = event.id;
    for (const subscriber of this.subscribers) this.offer(subscriber, event);
  }

  private offer(subscriber: Subscriber, event: OutboxEvent): void {
    if (subscriber.pending) {
      subscriber.pending.push(event);
      return;
    }
    this.deliver(subscriber, event);
  }

  private deliver(subscriber: Subscriber, event: OutboxEvent): void {
    if (event.id <= subscriber.cursor) return;
    if (matches(subscriber.filter, event)) {
      if (subscriber.queue.size >= this.maxQueued) {
        subscriber.queue.fail(new SubscriberTooSlowError(subscriber.cursor));
        return;
      }
      subscriber.queue.push(event);
    }
    subscriber.cursor = event.id;
  }

  private async catchUp(subscriber: Subscriber): Promise<void> {
    const { aggregateId, types } = subscriber.filter;
    for (;;) {
      const { rows } = await this.db.query<EventRow>(
        `select ${eventColumns} from ${this.schema}.events
          where id > $1 and ($2::text is null or aggregate_id = $2) and ($3::text[] is null or type = any($3::text[]))
          order by id limit $4`,
        [subscriber.cursor, aggregateId ?? null, types ? [...types] : null, this.batchSize],
      );
      for (const row of rows) this.deliver(subscriber, toOutboxEvent(row));
      if (rows.length < this.batchSize || subscriber.queue.closed) break;
    }
    const pending = subscriber.pending ?? [];
    subscriber.pending = undefined;
    for (const event of pending) this.deliver(subscriber, event);
  }
}
