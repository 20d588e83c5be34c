import path from 'node:path';
import type { Database } from './database';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import type { Logger } from '../logging/logger';

export interface DatabaseConfig {
  /** A PostgreSQL connection string; when absent, embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite's data folder; `memory://` keeps nothing on disk. */
  dataDir: string;
  poolSize?: number;
  logger?: Logger;
}

/** Opens PostgreSQL when a URL is given, embedded PGlite otherwise. */
export function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.databaseUrl) {
    return openPostgres({ connectionString: config.databaseUrl, poolSize: config.poolSize, logger: config.logger });
  }
  const inMemory = config.dataDir === 'memory://';
  return openPglite({ dataDir: inMemory ? undefined : path.resolve(config.dataDir) });
}
