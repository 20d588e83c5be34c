import type { Database, Queryable } from '../database/database';
import type { UpstreamEvent, UpstreamOutbox } from './upstreamOutbox';

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
  upstream: UpstreamOutbox;
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
  private readonly cursors: string;

  constructor(private readonly options: OutboxFollowerOptions) {
    this.cursors = `${options.schema}.consumer_cursors`;
  }

  async run(): Promise<FollowReport> {
    const { db, source, upstream, types } = this.options;
    const { rows } = await db.query<{ last_event_id: string | number }>(
      `select last_event_id from ${this.cursors} where source = $1`,
      [source],
    );
    let cursor = rows[0] ? Number(rows[0].last_event_id) : 0;
    let applied = 0;
    for (;;) {
      const batch = await upstream.after(cursor, 100, types);
      for (const event of batch) {
        if (await this.applyOnce(event)) applied += 1;
        cursor = event.id;
      }
      if (batch.length < 100) return { events: applied, lastEventId: cursor };
    }
  }

  private applyOnce(event: UpstreamEvent): Promise<boolean> {
    return this.options.db.transaction(async (tx) => {
      await tx.query(`insert into ${this.cursors} (source, last_event_id) values ($1, 0) on conflict do nothing`, [
        this.options.source,
      ]);
      const { rows } = await tx.query<{ last_event_id: string | number }>(
        `select last_event_id from ${this.cursors} where source = $1 for update`,
        [this.options.source],
      );
      if (Number(rows[0]!.last_event_id) >= event.id) return false;
      await this.options.apply(event, tx);
      await tx.query(`update ${this.cursors} set last_event_id = $2 where source = $1`, [
        this.options.source,
        event.id,
      ]);
      return true;
    });
  }
}
