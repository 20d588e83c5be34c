import path from 'node:path';
import type { AuthConfig } from '../auth/tokens';
import type { DatabaseConfig } from '../database/openDatabase';
import { createLogger, isLogLevel, type Logger } from '../logging/logger';
import type { OperationLimits } from '../server/operationLimits';
import type { TraceExporterKind, TracingConfig } from '../observability/tracing';
import { isProduction, readAuthConfig } from './authConfig';
import { commonSettings } from './commonSettings';
import { ConfigError } from './env';
import type { UrlSetting } from './settings';

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
  /** `EVENT_TRANSPORT`, with `NATS_URL` and `NATS_SUBJECT_PREFIX` when it is `nats`. */
  eventTransport: EventTransportConfig;
}

export type EventTransportConfig = { kind: 'postgres' } | { kind: 'nats'; url: string; subjectPrefix: string };

/**
 * Settings every process reads: `HOST`, `LOG_LEVEL`, `EVENT_POLL_INTERVAL_MS`, `EVENT_TRANSPORT` (with `NATS_URL`
 * and `NATS_SUBJECT_PREFIX`), `NODE_ENV`, `SHUTDOWN_DELAY_MS`, the
 * `AUTH_*` settings and the operation limits `LIMIT_MAX_DEPTH`, `LIMIT_MAX_ALIASES`,
 * `LIMIT_MAX_COST`, `LIMIT_MAX_TOKENS`, `LIMIT_MAX_INPUT_DEPTH`, and the HTTP server's timeouts
 * `HTTP_HEADERS_TIMEOUT_MS`, `HTTP_REQUEST_TIMEOUT_MS`, `HTTP_KEEP_ALIVE_TIMEOUT_MS`.
 */
export function readCommonConfig(env: Env): CommonConfig {
  const { settings } = commonSettings;
  const logLevel = settings.logLevel.read(env);
  if (!isLogLevel(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be debug, info, warn, error or silent, got "${logLevel}"`);
  }
  const logger = createLogger(logLevel);
  const config: CommonConfig = {
    host: settings.host.read(env),
    logger,
    eventPollIntervalMs: settings.eventPollIntervalMs.read(env),
    auth: readAuthConfig(env, logger),
    limits: {
      maxDepth: settings.maxDepth.read(env),
      maxAliases: settings.maxAliases.read(env),
      maxCost: settings.maxCost.read(env),
      maxTokens: settings.maxTokens.read(env),
      maxInputDepth: settings.maxInputDepth.read(env),
      headersTimeoutMs: settings.headersTimeoutMs.read(env),
      requestTimeoutMs: settings.requestTimeoutMs.read(env),
      keepAliveTimeoutMs: settings.keepAliveTimeoutMs.read(env),
    },
    production: isProduction(env),
    shutdownDelayMs: settings.shutdownDelayMs.read(env),
    eventTransport: readEventTransport(env),
  };
  // Node refuses a headers timeout longer than the whole request's.
  if (config.limits.headersTimeoutMs > config.limits.requestTimeoutMs) {
    throw new ConfigError(
      `HTTP_HEADERS_TIMEOUT_MS (${config.limits.headersTimeoutMs}) must not exceed HTTP_REQUEST_TIMEOUT_MS (${config.limits.requestTimeoutMs})`,
    );
  }
  return config;
}

function readEventTransport(env: Env): EventTransportConfig {
  const { settings } = commonSettings;
  const kind = settings.eventTransport.read(env);
  if (kind === 'postgres') return { kind };
  if (kind !== 'nats') throw new ConfigError(`EVENT_TRANSPORT must be postgres or nats, got "${kind}"`);
  const url = settings.natsUrl.read(env);
  if (new URL(url).protocol !== 'nats:') throw new ConfigError(`NATS_URL must be a nats:// URL, got "${url}"`);
  const subjectPrefix = settings.natsSubjectPrefix.read(env);
  if (!/^[A-Za-z0-9_-]+$/.test(subjectPrefix))
    throw new ConfigError(`NATS_SUBJECT_PREFIX must be letters, digits, - and _, got "${subjectPrefix}"`);
  return { kind, url, subjectPrefix };
}

/**
 * `DATABASE_URL` selects a PostgreSQL server; without it, embedded PGlite keeps its data under
 * `DATA_DIR` (default `./data`), in `subfolder`; `DATA_DIR=memory://` keeps nothing.
 */
export function readDatabaseConfig(env: Env, subfolder: string, logger: Logger): DatabaseConfig {
  const { settings } = commonSettings;
  const dataDir = settings.dataDir.read(env);
  const databaseUrl = settings.databaseUrl.read(env);
  const readUrl = settings.databaseReadUrl.read(env);
  if (readUrl !== undefined && databaseUrl === undefined) {
    throw new ConfigError('DATABASE_READ_URL needs DATABASE_URL (PGlite has no replica)');
  }
  return {
    databaseUrl,
    readUrl,
    dataDir: dataDir === 'memory://' ? dataDir : path.join(dataDir, subfolder),
    poolSize: settings.databasePoolSize.read(env),
    logger,
  };
}

const traceExporters: readonly TraceExporterKind[] = ['none', 'otlp', 'console'];

/**
 * OpenTelemetry's own settings: `OTEL_TRACES_EXPORTER` (`none`, the default, `otlp` or `console`),
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` (or `OTEL_EXPORTER_OTLP_ENDPOINT` + `/v1/traces`),
 * `OTEL_SERVICE_NAME` and `OTEL_TRACES_SAMPLER_ARG` (the share of new traces recorded, parent-based).
 */
export function readTracingConfig(env: Env, defaultServiceName: string): TracingConfig {
  const { settings } = commonSettings;
  const exporter = settings.tracesExporter.read(env);
  if (!(traceExporters as readonly string[]).includes(exporter)) {
    throw new ConfigError(`OTEL_TRACES_EXPORTER must be none, otlp or console, got "${exporter}"`);
  }
  const httpUrl = (setting: UrlSetting): string | undefined => {
    const value = setting.read(env);
    if (value !== undefined && !/^https?:$/.test(new URL(value).protocol)) {
      throw new ConfigError(`${setting.name} must be an http or https URL, got "${value}"`);
    }
    return value;
  };
  const base = httpUrl(settings.otlpEndpoint);
  return {
    exporter: exporter as TraceExporterKind,
    otlpEndpoint:
      httpUrl(settings.otlpTracesEndpoint) ??
      (base ? new URL('v1/traces', `${base.replace(/\/$/, '')}/`).href : undefined),
    serviceName: settings.otelServiceName.read(env) ?? defaultServiceName,
    sampleRatio: settings.tracesSampleRatio.read(env),
  };
}
