import type { Database } from '../database/database';
import { PeriodicJob } from '../jobs/periodicJob';
import type { Logger } from '../logging/logger';
import { consumerCursor } from './consumerCursor';
import type { NatsEvents } from './natsEvents';
import { readEvents } from './outbox';
import { outboxWakeUps } from './outboxWakeUps';

export interface RelayReport {
  /** Events published in this run. */
  published: number;
  /** The last event published to the stream; null when another relay was publishing (it goes on). */
  lastEventId: number | null;
}

/** The relay's row in `<schema>.outbox_relays`. */
const relaySource = 'nats';
const batchSize = 500;

/**
 * Publishes one outbox's committed events to its JetStream stream, in id order, each once (issue 30).
 *
 * Each batch is read and published holding the relay's row in `outbox_relays`, and its position
 * moves in the same transaction once JetStream has stored every event. One relay publishes at a
 * time: another that finds the row held leaves the work to it (every relay hears each `NOTIFY`, and
 * one woken during its run runs again after it), and a crash after publishing, before the
 * commit, leaves the position behind what the stream holds. So after starting or after a failure a
 * relay first reads the stream's last event and goes on from there: nothing is published twice
 * (and JetStream's de-duplication window drops a retried message besides), and nothing is skipped,
 * since outbox ids commit in order. Woken by the outbox's `NOTIFY` (the owner's own database);
 * `intervalMs` is the safety net.
 */
export class OutboxRelay {
  readonly job: PeriodicJob<RelayReport>;
  /** Whether this process has read the stream's head since it started or last failed. */
  private headChecked = false;

  constructor(
    private readonly db: Database,
    private readonly schema: string,
    private readonly nats: NatsEvents,
    logger: Logger,
  ) {
    this.job = new PeriodicJob('outbox-relay', () => this.publishCommitted(), logger, {
      wakeUps: outboxWakeUps(db, { [schema]: null }),
      // Live updates wait for the relay: publish at once, batching what commits during a run.
      wakeUpDelayMs: 0,
    });
  }

  /** The last event the relays have published (saved), 0 before the first. */
  position(): Promise<number> {
    return consumerCursor.read(this.db, this.schema, relaySource, 'outbox_relays');
  }

  private async publishCommitted(): Promise<RelayReport> {
    try {
      let published = 0;
      for (;;) {
        const batch = await this.db.transaction(async (tx) => {
          const saved = await consumerCursor.tryLock(tx, this.schema, relaySource, 'outbox_relays');
          if (saved === null) return null;
          let position = saved;
          // The event the stream's last message should be (0: none, an empty stream).
          let streamHead = position;
          if (!this.headChecked) {
            streamHead = await this.nats.lastPublishedId(this.schema);
            position = Math.max(position, streamHead);
            this.headChecked = true;
          }
          const events = await readEvents(tx, this.schema, position, batchSize, null);
          if (events.length > 0) {
            await this.nats.publish(this.schema, events, streamHead);
            position = events[events.length - 1]!.id;
          }
          await consumerCursor.advance(tx, this.schema, relaySource, position, 'outbox_relays');
          return { count: events.length, position };
        });
        if (!batch) return { published, lastEventId: null };
        published += batch.count;
        if (batch.count < batchSize) return { published, lastEventId: batch.position };
      }
    } catch (error) {
      // Another relay may have published past this one's position, or this one before it crashed.
      this.headChecked = false;
      throw error;
    }
  }
}
