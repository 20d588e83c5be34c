import type { Queryable } from '../database/database';

/**
 * How far a consumer has read an outbox, kept in `<schema>.consumer_cursors` (one row per source;
 * `table` names another table of the same shape).
 * Consumers apply events and advance the cursor in one transaction, holding the row's lock, so a
 * crash re-reads events rather than skipping them and consumers on several instances take turns.
 */
export const consumerCursor = {
  /** The last event `source` has applied (0 before the first), without a lock. */
  async read(db: Queryable, schema: string, source: string, table = 'consumer_cursors'): Promise<number> {
    const { rows } = await db.query<{ last_event_id: string | number }>(
      `select last_event_id from ${schema}.${table} where source = $1`,
      [source],
    );
    return rows[0] ? Number(rows[0].last_event_id) : 0;
  },

  /** Locks `source`'s row until `tx` ends (creating it at 0) and returns its position. */
  async lock(tx: Queryable, schema: string, source: string, table = 'consumer_cursors'): Promise<number> {
    await tx.query(`insert into ${schema}.${table} (source, last_event_id) values ($1, 0) on conflict do nothing`, [
      source,
    ]);
    const { rows } = await tx.query<{ last_event_id: string | number }>(
      `select last_event_id from ${schema}.${table} where source = $1 for update`,
      [source],
    );
    return Number(rows[0]!.last_event_id);
  },

  /**
   * `lock` for a consumer that may leave the work to whoever holds the row: null, at once, while
   * another transaction holds it (the row is created at 0 first if missing).
   */
  async tryLock(tx: Queryable, schema: string, source: string, table = 'consumer_cursors'): Promise<number | null> {
    await tx.query(`insert into ${schema}.${table} (source, last_event_id) values ($1, 0) on conflict do nothing`, [
      source,
    ]);
    const { rows } = await tx.query<{ last_event_id: string | number }>(
      `select last_event_id from ${schema}.${table} where source = $1 for update skip locked`,
      [source],
    );
    return rows[0] ? Number(rows[0].last_event_id) : null;
  },

  /**
   * Moves `source` on to `lastEventId` in the transaction that holds its lock; never back (a batch
   * read before another instance went further leaves the cursor where that instance put it).
   */
  async advance(
    tx: Queryable,
    schema: string,
    source: string,
    lastEventId: number,
    table = 'consumer_cursors',
  ): Promise<void> {
    await tx.query(`update ${schema}.${table} set last_event_id = greatest(last_event_id, $2) where source = $1`, [
      source,
      lastEventId,
    ]);
  },
};
