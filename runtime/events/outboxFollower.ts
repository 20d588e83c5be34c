import type { Database, Queryable } from '../database/database';
import { consumerCursor } from './consumerCursor';
import type { UpstreamEvent } from './upstreamOutbox';

/** Where a follower reads another service's events: its internal events query (`UpstreamOutbox`) or its stream. */
export interface FollowedOutbox {
  /** Events of `types` (null: every type) after `after`, oldest first, at most `first`. */
  after(after: number, first: number, types: readonly string[] | null): Promise<UpstreamEvent[]>;
  /**
   * Set by a source that hands over its events until each is acknowledged (a JetStream durable
   * consumer): called once an event is applied and its cursor committed. Such a source is read
   * until it hands over nothing, not until a short batch.
   */
  acknowledge?(event: UpstreamEvent): Promise<void>;
}

export interface FollowReport {
  /** Events applied in this run. */
  events: number;
  /** The last upstream event this service has applied. */
  lastEventId: number;
}

export interface OutboxFollowerOptions {
  db: Database;
  /** This service's schema; its `consumer_cursors` table keeps how far it has read. */
  schema: string;
  /** The upstream's name in `consumer_cursors`. */
  source: string;
  /** The cursors' table in `schema`, when not `consumer_cursors`. */
  cursorTable?: string;
  upstream: FollowedOutbox;
  types: readonly string[];
  /** Applies one event in the transaction that also advances the cursor. */
  apply: (event: UpstreamEvent, tx: Queryable) => Promise<void>;
}

/**
 * Applies another service's committed events here, once each and in order: each event commits
 * together with the cursor, so a crash re-reads it rather than skipping it, and runs on several
 * instances are serialised by the cursor row's lock (the second finds the event applied).
 */
export class OutboxFollower {
  constructor(private readonly options: OutboxFollowerOptions) {}

  async run(): Promise<FollowReport> {
    const { db, schema, source, upstream, types, cursorTable } = this.options;
    let cursor = await consumerCursor.read(db, schema, source, cursorTable);
    let applied = 0;
    for (;;) {
      const batch = await upstream.after(cursor, 100, types);
      for (const event of batch) {
        if (await this.applyOnce(event)) applied += 1;
        cursor = event.id;
        await upstream.acknowledge?.(event);
      }
      if (batch.length === 0 || (batch.length < 100 && !upstream.acknowledge))
        return { events: applied, lastEventId: cursor };
    }
  }

  private applyOnce(event: UpstreamEvent): Promise<boolean> {
    const { db, schema, source, apply, cursorTable } = this.options;
    return db.transaction(async (tx) => {
      if ((await consumerCursor.lock(tx, schema, source, cursorTable)) >= event.id) return false;
      await apply(event, tx);
      await consumerCursor.advance(tx, schema, source, event.id, cursorTable);
      return true;
    });
  }
}
