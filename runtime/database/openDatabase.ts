import path from 'node:path';
import type { Database } from './database';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import { withReadReplica } from './readReplica';
import type { Logger } from '../logging/logger';

export interface DatabaseConfig {
  /** A PostgreSQL connection string; when absent, embedded PGlite is used. */
  databaseUrl?: string;
  /**
   * A streaming replica of `databaseUrl`, for staleness-tolerant reads (`readReplica`); absent:
   * they go to the primary. Needs `databaseUrl`.
   */
  readUrl?: string;
  /** PGlite's data folder; `memory://` keeps nothing on disk. */
  dataDir: string;
  poolSize?: number;
  logger?: Logger;
}

/** Opens PostgreSQL when a URL is given (with a read pool for `readUrl`), embedded PGlite otherwise. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.databaseUrl) {
    const primary = await openPostgres({
      connectionString: config.databaseUrl,
      poolSize: config.poolSize,
      logger: config.logger,
    });
    if (!config.readUrl) return primary;
    const replica = await openPostgres({
      connectionString: config.readUrl,
      poolSize: config.poolSize,
      logger: config.logger,
    }).catch(async (error: unknown) => {
      await primary.close();
      throw error;
    });
    return withReadReplica(primary, replica);
  }
  const inMemory = config.dataDir === 'memory://';
  return openPglite({ dataDir: inMemory ? undefined : path.resolve(config.dataDir) });
}
