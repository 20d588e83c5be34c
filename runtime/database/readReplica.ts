import type { Database } from './database';

/**
 * `primary` with a second pool for staleness-tolerant reads (`DATABASE_READ_URL`, a streaming
 * replica of it): everything goes to `primary` but what asks for `readReplica(db)`.
 */
export function withReadReplica(primary: Database, replica: Database): Database {
  return {
    kind: primary.kind,
    query: (sql, params) => primary.query(sql, params),
    exec: (sql) => primary.exec(sql),
    transaction: (work) => primary.transaction(work),
    listen: (channel, onNotify, onInterrupted) => primary.listen(channel, onNotify, onInterrupted),
    ...(primary.poolStats && { poolStats: () => primary.poolStats!() }),
    replica,
    async close() {
      await Promise.all([primary.close(), replica.close()]);
    },
  };
}

/**
 * Where a read that may lag the primary by a replica's delay goes: the read pool with
 * `DATABASE_READ_URL`, else the database itself. For read-heavy queries across members (program
 * metrics, segment counts, leaderboards, exports); never for a write, nor for a read that must see
 * the caller's own writes (a member's balance after a purchase, a quote, a claim).
 */
export function readReplica(db: Database): Database {
  return db.replica ?? db;
}
