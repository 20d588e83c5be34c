import path from 'node:path';
import type { DatabaseConfig } from '../database/openDatabase';
import { createLogger, type Logger } from '../logging/logger';
import { envInteger, envLogLevel, envString, envUrl } from './env';

type Env = Record<string, string | undefined>;

export interface CommonConfig {
  host: string;
  logger: Logger;
  /** Outbox poll interval (the safety net behind NOTIFY). */
  eventPollIntervalMs: number;
}

/** Settings every process reads: `HOST`, `LOG_LEVEL`, `EVENT_POLL_INTERVAL_MS`. */
export function readCommonConfig(env: Env): CommonConfig {
  return {
    host: envString(env, 'HOST', '127.0.0.1')!,
    logger: createLogger(envLogLevel(env)),
    eventPollIntervalMs: envInteger(env, 'EVENT_POLL_INTERVAL_MS', 1000, { min: 10, max: 60_000 }),
  };
}

/**
 * `DATABASE_URL` selects a PostgreSQL server; without it, embedded PGlite keeps its data under
 * `DATA_DIR` (default `./data`), in `subfolder`; `DATA_DIR=memory://` keeps nothing.
 */
export function readDatabaseConfig(env: Env, subfolder: string, logger: Logger): DatabaseConfig {
  const dataDir = envString(env, 'DATA_DIR', './data')!;
  return {
    databaseUrl: envUrl(env, 'DATABASE_URL'),
    dataDir: dataDir === 'memory://' ? dataDir : path.join(dataDir, subfolder),
    poolSize: envInteger(env, 'DATABASE_POOL_SIZE', 10, { min: 1, max: 200 }),
    logger,
  };
}
