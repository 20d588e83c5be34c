import {
  AckPolicy,
  connect,
  DeliverPolicy,
  headers,
  JSONCodec,
  type ConsumerMessages,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
  type NatsConnection,
} from 'nats';
import type { Logger } from '../logging/logger';
import type { OutboxEvent } from './outbox';

/**
 * How committed outbox events reach other processes (`EVENT_TRANSPORT`): `postgres`, each reader
 * woken by `NOTIFY` reads the owner's table; `nats`, a relay per outbox publishes them to JetStream
 * and readers consume the stream (issue 30).
 */
export type EventTransport = { kind: 'postgres' } | { kind: 'nats'; nats: NatsEvents };

export interface NatsEventsOptions {
  /** `NATS_URL`. Default nats://127.0.0.1:4222. */
  url: string;
  /**
   * The first token of every subject and of every stream's name (`NATS_SUBJECT_PREFIX`), so that
   * several deployments (or test graphs) share one NATS server. Default `loyalty`.
   */
  subjectPrefix: string;
  /** Shown in the server's connection list. */
  name: string;
  logger: Logger;
}

/** The JetStream de-duplication window: a relay that re-publishes within it stores nothing twice. */
const duplicateWindowNs = 10 * 60 * 1e9;
/** How long a stream keeps events: consumers away for longer read the owner's table instead (the feed) or miss them (followers). */
const maxAgeNs = 7 * 24 * 3600 * 1e9;

/** How long a durable consumer waits for an event's acknowledgement before it hands the event over again. */
const ackWaitNs = 5e9;

const codec = JSONCodec<{
  id: number;
  type: string;
  version: number;
  aggregateId: string;
  payload: unknown;
  createdAt: string;
}>();

/** A subject token: NATS tokens may not hold `.`, `*`, `>` or white space. */
const token = (value: string): string => value.replace(/[^A-Za-z0-9_-]/g, '_') || '_';

/**
 * One process's connection to NATS JetStream for the outboxes: one stream per outbox
 * (`<prefix>_<schema>`), one subject per event's aggregate and type (`<prefix>.<schema>.<aggregate
 * id>.<type>`; for customer events, a subject per subgraph and customer), each message's
 * `Nats-Msg-Id` the event's `<schema>:<id>`.
 */
export class NatsEvents {
  private readonly ensured = new Map<string, Promise<void>>();

  private constructor(
    private readonly connection: NatsConnection,
    private readonly manager: JetStreamManager,
    private readonly jetStream: JetStreamClient,
    readonly subjectPrefix: string,
    private readonly logger: Logger,
  ) {}

  /** Connects (failing at once if the server does not answer), then reconnects for as long as the process runs. */
  static async connect(options: NatsEventsOptions): Promise<NatsEvents> {
    const connection = await connect({
      servers: options.url,
      name: options.name,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 250,
    });
    void (async () => {
      for await (const status of connection.status()) {
        if (status.type === 'disconnect' || status.type === 'reconnect')
          options.logger.warn(`NATS ${status.type}`, { server: String(status.data) });
      }
    })();
    const manager = await connection.jetstreamManager();
    return new NatsEvents(connection, manager, connection.jetstream(), options.subjectPrefix, options.logger);
  }

  streamOf(schema: string): string {
    return `${this.subjectPrefix}_${schema}`;
  }

  subjectOf(schema: string, event: Pick<OutboxEvent, 'aggregateId' | 'type'>): string {
    return `${this.subjectPrefix}.${schema}.${token(event.aggregateId)}.${token(event.type)}`;
  }

  /** Creates `schema`'s stream unless it exists (once per process and schema). */
  ensureStream(schema: string): Promise<void> {
    let ensured = this.ensured.get(schema);
    if (!ensured) {
      ensured = this.createStream(schema).catch((error: unknown) => {
        this.ensured.delete(schema);
        throw error;
      });
      this.ensured.set(schema, ensured);
    }
    return ensured;
  }

  private async createStream(schema: string): Promise<void> {
    const name = this.streamOf(schema);
    try {
      await this.manager.streams.info(name);
    } catch {
      await this.manager.streams.add({
        name,
        subjects: [`${this.subjectPrefix}.${schema}.>`],
        duplicate_window: duplicateWindowNs,
        max_age: maxAgeNs,
      });
    }
  }

  /**
   * The id of the last event stored in `schema`'s stream (0 for none): what a relay that crashed
   * between publishing and saving its position has published already.
   */
  async lastPublishedId(schema: string): Promise<number> {
    await this.ensureStream(schema);
    const info = await this.manager.streams.info(this.streamOf(schema));
    if (info.state.messages === 0) return 0;
    const message = await this.manager.streams.getMessage(this.streamOf(schema), { seq: info.state.last_seq });
    return codec.decode(message.data).id;
  }

  /** How many events `schema`'s stream holds. */
  async storedCount(schema: string): Promise<number> {
    await this.ensureStream(schema);
    return (await this.manager.streams.info(this.streamOf(schema))).state.messages;
  }

  /**
   * Publishes `events` (in id order) to `schema`'s stream and waits until JetStream stored each.
   * Each expects the one before it as the stream's last message, so a message lost on a broken
   * connection fails the ones after it instead of leaving a gap; one stored already (a relay's
   * retry) is dropped by its message id.
   */
  async publish(schema: string, events: readonly OutboxEvent[], previousId: number): Promise<void> {
    await this.ensureStream(schema);
    let previous = previousId;
    const acks = events.map((event) => {
      const header = headers();
      if (previous > 0) header.set('Nats-Expected-Last-Msg-Id', `${schema}:${previous}`);
      previous = event.id;
      return this.jetStream.publish(
        this.subjectOf(schema, event),
        codec.encode({ ...event, createdAt: event.createdAt.toISOString() }),
        { msgID: `${schema}:${event.id}`, headers: header },
      );
    });
    await Promise.all(acks);
  }

  /**
   * Calls `onEvent` with every event stored in `schema`'s stream from now on, in order: an ordered
   * consumer, which the client re-creates from its last sequence after a gap; if its messages end
   * otherwise (the server gone for longer than the client waits), it is opened again after the last
   * one handed over.
   */
  async follow(schema: string, onEvent: (event: OutboxEvent) => void): Promise<() => Promise<void>> {
    await this.ensureStream(schema);
    const stream = this.streamOf(schema);
    let nextSeq = (await this.manager.streams.info(stream)).state.last_seq + 1;
    let closed = false;
    let messages: ConsumerMessages | undefined;
    const open = async () => {
      const consumer = await this.jetStream.consumers.get(stream, {
        deliver_policy: DeliverPolicy.StartSequence,
        opt_start_seq: nextSeq,
      });
      messages = await consumer.consume({ max_messages: 1000 });
      return messages;
    };
    const first = await open();
    const done = (async () => {
      for (let current: ConsumerMessages | undefined = first; !closed; current = undefined) {
        try {
          current ??= await open();
          if (closed) {
            await current.close();
            break;
          }
          for await (const message of current) {
            nextSeq = message.seq + 1;
            onEvent(decodeEvent(message));
          }
        } catch (error) {
          this.logger.warn('following the stream failed; opening it again', {
            stream,
            error: error instanceof Error ? error.message : String(error),
          });
        }
        if (!closed) await new Promise((resolve) => setTimeout(resolve, 500));
      }
    })();
    return async () => {
      closed = true;
      await messages?.close();
      await done.catch(() => undefined);
    };
  }

  /**
   * A durable consumer of `schema`'s stream named `durable`, handing over one event at a time: the
   * next is delivered only once this one is acknowledged, so instances sharing it take turns in
   * order, and an event not acknowledged (a crash) is delivered again before any later one.
   */
  async durable(schema: string, durable: string): Promise<DurableOutboxConsumer> {
    await this.ensureStream(schema);
    const stream = this.streamOf(schema);
    const name = token(durable);
    try {
      await this.manager.consumers.info(stream, name);
    } catch {
      await this.manager.consumers.add(stream, {
        durable_name: name,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        max_ack_pending: 1,
        // An event handed to an instance that died (or to a pull the server lost with its
        // connection) goes to the next reader after this long; one delivered again while its first
        // reader is still applying it waits for that reader's cursor row, then finds it applied.
        ack_wait: ackWaitNs,
      });
    }
    const consumer = await this.jetStream.consumers.get(stream, name);
    // Events the server said were waiting, not yet asked for: while some are, no need to ask again.
    let waiting = 0;
    return {
      async next(): Promise<{ event: OutboxEvent; message: JsMsg } | null> {
        if (waiting > 0) waiting -= 1;
        else {
          // A pull for a consumer with nothing to hand over waits its whole expiry (1 s at least),
          // and every follower's run ends with one: ask first. One held by another instance (or
          // given back unapplied) is worth the wait.
          const info = await consumer.info();
          if (info.num_pending + info.num_ack_pending === 0) return null;
          waiting = Math.max(0, info.num_pending - 1);
        }
        const message = await consumer.next({ expires: 1000 });
        if (!message) waiting = 0;
        return message ? { event: decodeEvent(message), message } : null;
      },
    };
  }

  /** Calls `wake` with the type of every event published to `schema`'s stream (plain NATS, no storage). */
  wakeUps(schema: string, wake: (type: string) => void): () => Promise<void> {
    const subscription = this.connection.subscribe(`${this.subjectPrefix}.${schema}.>`, {
      callback: (_error, message) => wake(message.subject.slice(message.subject.lastIndexOf('.') + 1)),
    });
    return async () => subscription.unsubscribe();
  }

  /** Removes every stream of this prefix (tests and benches, which give each graph a prefix of its own). */
  async removeStreams(): Promise<void> {
    const names: string[] = [];
    for await (const info of this.manager.streams.list()) {
      if (info.config.name.startsWith(`${this.subjectPrefix}_`)) names.push(info.config.name);
    }
    for (const name of names) await this.manager.streams.delete(name);
    this.ensured.clear();
  }

  async close(): Promise<void> {
    await this.connection.drain().catch(() => this.connection.close());
  }
}

export interface DurableOutboxConsumer {
  /** The next event not yet acknowledged; null at once when none waits, or when none comes within a second. */
  next(): Promise<{ event: OutboxEvent; message: JsMsg } | null>;
}

function decodeEvent(message: JsMsg): OutboxEvent {
  const event = codec.decode(message.data);
  return { ...event, createdAt: new Date(event.createdAt) };
}

/** Opens the transport a process's settings name (`CommonConfig.eventTransport`); `close` ends its connection. */
export async function openEventTransport(
  config: { kind: 'postgres' } | { kind: 'nats'; url: string; subjectPrefix: string },
  name: string,
  logger: Logger,
): Promise<{ transport: EventTransport; close(): Promise<void> }> {
  if (config.kind === 'postgres') return { transport: config, close: async () => undefined };
  const nats = await NatsEvents.connect({ url: config.url, subjectPrefix: config.subjectPrefix, name, logger });
  return { transport: { kind: 'nats', nats }, close: () => nats.close() };
}
