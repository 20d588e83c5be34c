import path from 'node:path';
import type { AuthConfig } from '../auth/tokens';
import type { DatabaseConfig } from '../database/openDatabase';
import { defaultEventPollIntervalMs } from '../events/eventFeed';
import { createLogger, type Logger } from '../logging/logger';
import { defaultOperationLimits, type OperationLimits } from '../server/operationLimits';
import type { TraceExporterKind, TracingConfig } from '../observability/tracing';
import { isProduction, readAuthConfig } from './authConfig';
import { ConfigError, envInteger, envLogLevel, envString, envUrl } from './env';

type Env = Record<string, string | undefined>;

export interface CommonConfig {
  host: string;
  logger: Logger;
  /** Outbox poll interval (the safety net behind NOTIFY). */
  eventPollIntervalMs: number;
  auth: AuthConfig;
  limits: OperationLimits;
  /** NODE_ENV=production: introspection off, development secrets refused. */
  production: boolean;
  /** How long a stopping service reports not ready, still serving, before it drains. */
  shutdownDelayMs: number;
}

/**
 * Settings every process reads: `HOST`, `LOG_LEVEL`, `EVENT_POLL_INTERVAL_MS`, `NODE_ENV`, `SHUTDOWN_DELAY_MS`, the
 * `AUTH_*` settings and the operation limits `LIMIT_MAX_DEPTH`, `LIMIT_MAX_ALIASES`,
 * `LIMIT_MAX_COST`, `LIMIT_MAX_TOKENS`, `LIMIT_MAX_INPUT_DEPTH`, and the HTTP server's timeouts
 * `HTTP_HEADERS_TIMEOUT_MS`, `HTTP_REQUEST_TIMEOUT_MS`, `HTTP_KEEP_ALIVE_TIMEOUT_MS`.
 */
export function readCommonConfig(env: Env): CommonConfig {
  const logger = createLogger(envLogLevel(env));
  const config: CommonConfig = {
    host: envString(env, 'HOST', '127.0.0.1')!,
    logger,
    eventPollIntervalMs: envInteger(env, 'EVENT_POLL_INTERVAL_MS', defaultEventPollIntervalMs, {
      min: 10,
      max: 60_000,
    }),
    auth: readAuthConfig(env, logger),
    limits: {
      maxDepth: envInteger(env, 'LIMIT_MAX_DEPTH', defaultOperationLimits.maxDepth, { min: 2, max: 100 }),
      maxAliases: envInteger(env, 'LIMIT_MAX_ALIASES', defaultOperationLimits.maxAliases, { min: 0, max: 10_000 }),
      maxCost: envInteger(env, 'LIMIT_MAX_COST', defaultOperationLimits.maxCost, { min: 10, max: 10_000_000 }),
      maxTokens: envInteger(env, 'LIMIT_MAX_TOKENS', defaultOperationLimits.maxTokens, { min: 100, max: 1_000_000 }),
      maxInputDepth: envInteger(env, 'LIMIT_MAX_INPUT_DEPTH', defaultOperationLimits.maxInputDepth, {
        min: 2,
        max: 1000,
      }),
      headersTimeoutMs: envInteger(env, 'HTTP_HEADERS_TIMEOUT_MS', defaultOperationLimits.headersTimeoutMs, {
        min: 100,
        max: 600_000,
      }),
      requestTimeoutMs: envInteger(env, 'HTTP_REQUEST_TIMEOUT_MS', defaultOperationLimits.requestTimeoutMs, {
        min: 100,
        max: 3_600_000,
      }),
      keepAliveTimeoutMs: envInteger(env, 'HTTP_KEEP_ALIVE_TIMEOUT_MS', defaultOperationLimits.keepAliveTimeoutMs, {
        min: 100,
        max: 600_000,
      }),
    },
    production: isProduction(env),
    shutdownDelayMs: envInteger(env, 'SHUTDOWN_DELAY_MS', 0, { min: 0, max: 60_000 }),
  };
  // Node refuses a headers timeout longer than the whole request's.
  if (config.limits.headersTimeoutMs > config.limits.requestTimeoutMs) {
    throw new ConfigError(
      `HTTP_HEADERS_TIMEOUT_MS (${config.limits.headersTimeoutMs}) must not exceed HTTP_REQUEST_TIMEOUT_MS (${config.limits.requestTimeoutMs})`,
    );
  }
  return config;
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

const traceExporters: readonly TraceExporterKind[] = ['none', 'otlp', 'console'];

function envRatio(env: Env, name: string, fallback: number): number {
  const raw = envString(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new ConfigError(`${name} must be a number from 0 to 1, got "${raw}"`);
  }
  return value;
}

/**
 * OpenTelemetry's own settings: `OTEL_TRACES_EXPORTER` (`none`, the default, `otlp` or `console`),
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` (or `OTEL_EXPORTER_OTLP_ENDPOINT` + `/v1/traces`),
 * `OTEL_SERVICE_NAME` and `OTEL_TRACES_SAMPLER_ARG` (the share of new traces recorded, parent-based).
 */
export function readTracingConfig(env: Env, defaultServiceName: string): TracingConfig {
  const exporter = envString(env, 'OTEL_TRACES_EXPORTER', 'none')!;
  if (!(traceExporters as readonly string[]).includes(exporter)) {
    throw new ConfigError(`OTEL_TRACES_EXPORTER must be none, otlp or console, got "${exporter}"`);
  }
  const httpUrl = (name: string): string | undefined => {
    const value = envUrl(env, name);
    if (value !== undefined && !/^https?:$/.test(new URL(value).protocol)) {
      throw new ConfigError(`${name} must be an http or https URL, got "${value}"`);
    }
    return value;
  };
  const base = httpUrl('OTEL_EXPORTER_OTLP_ENDPOINT');
  return {
    exporter: exporter as TraceExporterKind,
    otlpEndpoint:
      httpUrl('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT') ??
      (base ? new URL('v1/traces', `${base.replace(/\/$/, '')}/`).href : undefined),
    serviceName: envString(env, 'OTEL_SERVICE_NAME', defaultServiceName)!,
    sampleRatio: envRatio(env, 'OTEL_TRACES_SAMPLER_ARG', 1),
  };
}
