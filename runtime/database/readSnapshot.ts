import type { Database, Queryable } from './database';

/** How a long read saw the data: one snapshot, or statement by statement. */
export type SnapshotKind = 'repeatable-read' | 'per-statement';

/**
 * Runs `work` on one consistent view of the database, for reads that take many statements (an
 * export in keyset batches).
 *
 * - PostgreSQL: one `REPEATABLE READ READ ONLY` transaction, so every statement of `work` sees the
 *   snapshot taken by its first one, whatever commits meanwhile; it holds one pooled connection
 *   until `work` settles.
 * - PGlite: one backend serves the whole process and its transactions are serialised, so a
 *   transaction held open while a slow client reads would stop every other request of the graph.
 *   `work` runs on the database itself instead: each statement sees what was committed when it ran
 *   (`per-statement`); a keyset read still returns every row that existed throughout exactly once.
 */
export async function readSnapshot<T>(
  db: Database,
  work: (tx: Queryable, kind: SnapshotKind) => Promise<T>,
): Promise<T> {
  if (db.kind === 'pglite') return work(db, 'per-statement');
  return db.transaction(async (tx) => {
    await tx.query('set transaction isolation level repeatable read, read only');
    return work(tx, 'repeatable-read');
  });
}
