import type { Queryable } from '../runtime/database/database';

/** Block reads of the current database so far: found in shared buffers, and read from the OS (or disk). */
export async function databaseBlockReads(db: Queryable): Promise<{ hit: number; read: number }> {
  const { rows } = await db.query<{ hit: number; read: number }>(
    `select blks_hit::float8 as hit, blks_read::float8 as read from pg_stat_database where datname = current_database()`,
  );
  return rows[0]!;
}
