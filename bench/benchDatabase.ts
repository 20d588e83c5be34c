import type { Database } from '../runtime/database/database';
import { openPglite } from '../runtime/database/pglite';
import { openPostgres } from '../runtime/database/postgres';
import { createScratchDatabase } from '../runtime/database/scratchDatabase';

export interface BenchDatabase {
  db: Database;
  label: string;
  url?: string;
  dispose(): Promise<void>;
}

/** A scratch database on the server named by `DATABASE_URL`, or PGlite in memory without it. */
export async function openBenchDatabase(name = 'loyalty_bench'): Promise<BenchDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const db = await openPglite();
    return { db, label: 'PGlite (in memory)', dispose: () => db.close() };
  }
  const scratch = await createScratchDatabase(serverUrl, name);
  const db = await openPostgres({ connectionString: scratch.url, poolSize: 20 });
  return {
    db,
    label: 'PostgreSQL server',
    url: scratch.url,
    async dispose() {
      await db.close();
      await scratch.drop();
    },
  };
}
