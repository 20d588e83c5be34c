import { defaultOperationLimits } from '../server/operationLimits';
import { defineSettings, integerSetting, numberSetting, portSetting, textSetting, urlSetting } from './settings';

/** What every process reads: the gateway, each subgraph run alone, and `npm start`. */
export const commonSettings = defineSettings({
  title: 'Every process',
  services: ['gateway', 'profile', 'ledger', 'rewards', 'campaign', 'engagement', 'stack'],
  settings: {
    nodeEnv: textSetting('NODE_ENV', {
      accepts: '`production` or anything else',
      description: '`production`: introspection off, the development secrets and the example clients refused',
    }),
    host: textSetting('HOST', {
      default: '127.0.0.1',
      description: 'interface every server listens on (`0.0.0.0` in containers)',
    }),
    port: portSetting('PORT', {
      default: 0,
      defaultText:
        "the service's own (gateway 4000, profile 4001, ledger 4002, rewards 4003, campaign 4004, engagement 4005)",
      description: 'port of a service run alone (`npm start` reads the `*_PORT` settings instead)',
    }),
    logLevel: textSetting('LOG_LEVEL', {
      default: 'info',
      accepts: '`debug`, `info`, `warn`, `error`, `silent`',
      description: 'pino JSON lines on stderr, one per GraphQL operation at `info`',
    }),
    shutdownDelayMs: integerSetting('SHUTDOWN_DELAY_MS', {
      default: 0,
      min: 0,
      max: 60_000,
      description:
        'how long a stopping service answers `/health/ready` with 503, still serving, before it drains (time for load balancers); under `npm start` the gateway waits, the subgraphs behind it then stop at once',
    }),
    eventPollIntervalMs: integerSetting('EVENT_POLL_INTERVAL_MS', {
      default: 30_000,
      min: 10,
      max: 60_000,
      description: 'how often each outbox reader polls for new events, the safety net behind `NOTIFY`',
    }),
    eventTransport: textSetting('EVENT_TRANSPORT', {
      default: 'postgres',
      accepts: '`postgres`, `nats`',
      description:
        "how committed events reach other processes: `postgres`, `NOTIFY` and each reader reading the owner's outbox table; `nats`, each subgraph relays its outbox to NATS JetStream and live feeds and followers consume the streams",
    }),
    natsUrl: urlSetting('NATS_URL', {
      default: 'nats://127.0.0.1:4222',
      description: 'the NATS server (JetStream enabled) with `EVENT_TRANSPORT=nats`',
    }),
    natsSubjectPrefix: textSetting('NATS_SUBJECT_PREFIX', {
      default: 'loyalty',
      description:
        "first token of the subjects (`<prefix>.<subgraph>.<customer id>.<event type>`) and of the streams' names (`<prefix>_<subgraph>`), so deployments can share a NATS server",
    }),
    databaseUrl: urlSetting('DATABASE_URL', {
      description: 'a PostgreSQL server; unset means embedded PGlite',
    }),
    databaseReadUrl: urlSetting('DATABASE_READ_URL', {
      defaultText: '`DATABASE_URL`',
      description:
        "a streaming replica of `DATABASE_URL` for the read-heavy queries that may lag it (program metrics, segments' member counts, leaderboards, exports); every write and every other read stay on the primary",
    }),
    dataDir: textSetting('DATA_DIR', {
      default: './data',
      description:
        "PGlite's folder (`memory://` keeps nothing); a service run alone keeps `DATA_DIR/<name>`, `npm start` `DATA_DIR/loyalty`",
    }),
    databasePoolSize: integerSetting('DATABASE_POOL_SIZE', {
      default: 10,
      min: 1,
      max: 200,
      description: 'connections per process on PostgreSQL',
    }),
    jwtSecret: textSetting('AUTH_JWT_SECRET', {
      defaultText: 'a development secret',
      description: 'HS256 secret of client tokens (32+ characters)',
    }),
    jwksUrl: urlSetting('AUTH_JWKS_URL', {
      description: "your identity provider's keys, for RS256/ES256 client tokens",
    }),
    issuer: textSetting('AUTH_ISSUER', {
      default: 'loyalty-graph',
      description: 'required `iss` of client tokens',
    }),
    audience: textSetting('AUTH_AUDIENCE', {
      default: 'loyalty-graph',
      description: 'required `aud` of client tokens',
    }),
    clockToleranceSeconds: integerSetting('AUTH_CLOCK_TOLERANCE_SECONDS', {
      default: 30,
      min: 0,
      max: 600,
      description: 'tolerated clock skew when checking `exp` and `nbf`',
    }),
    maxTokenLifetimeSeconds: integerSetting('AUTH_MAX_TOKEN_LIFETIME_SECONDS', {
      default: 86_400,
      min: 60,
      max: 31_536_000,
      description: 'a token valid for longer, or without `exp`, is refused',
    }),
    internalSecret: textSetting('AUTH_INTERNAL_SECRET', {
      defaultText: 'a development secret',
      description: 'HS256 secret of the tokens services present to each other (32+ characters)',
    }),
    maxDepth: integerSetting('LIMIT_MAX_DEPTH', {
      default: defaultOperationLimits.maxDepth,
      min: 2,
      max: 100,
      description: 'selection depth of an operation',
    }),
    maxAliases: integerSetting('LIMIT_MAX_ALIASES', {
      default: defaultOperationLimits.maxAliases,
      min: 0,
      max: 10_000,
      description: 'aliases per operation',
    }),
    maxCost: integerSetting('LIMIT_MAX_COST', {
      default: defaultOperationLimits.maxCost,
      min: 10,
      max: 10_000_000,
      description: 'estimated cost of an operation (fields × list sizes from `first`)',
    }),
    maxTokens: integerSetting('LIMIT_MAX_TOKENS', {
      default: defaultOperationLimits.maxTokens,
      min: 100,
      max: 1_000_000,
      description: 'tokens per document, checked while parsing',
    }),
    maxInputDepth: integerSetting('LIMIT_MAX_INPUT_DEPTH', {
      default: defaultOperationLimits.maxInputDepth,
      min: 2,
      max: 1000,
      description: 'nesting of an input value (JSON attributes, lists)',
    }),
    headersTimeoutMs: integerSetting('HTTP_HEADERS_TIMEOUT_MS', {
      default: defaultOperationLimits.headersTimeoutMs,
      min: 100,
      max: 600_000,
      description: "time a client has to send a request's headers (at most `HTTP_REQUEST_TIMEOUT_MS`)",
    }),
    requestTimeoutMs: integerSetting('HTTP_REQUEST_TIMEOUT_MS', {
      default: defaultOperationLimits.requestTimeoutMs,
      min: 100,
      max: 3_600_000,
      description: 'time a client has to send a whole request',
    }),
    keepAliveTimeoutMs: integerSetting('HTTP_KEEP_ALIVE_TIMEOUT_MS', {
      default: defaultOperationLimits.keepAliveTimeoutMs,
      min: 100,
      max: 600_000,
      description: 'how long an idle keep-alive connection stays open',
    }),
    tracesExporter: textSetting('OTEL_TRACES_EXPORTER', {
      default: 'none',
      accepts: '`none`, `otlp`, `console`',
      description: '`otlp` or `console` turns OpenTelemetry tracing on',
    }),
    otlpTracesEndpoint: urlSetting('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', {
      defaultText: "the exporter's (`http://localhost:4318/v1/traces`)",
      description: 'where OTLP/HTTP spans go',
    }),
    otlpEndpoint: urlSetting('OTEL_EXPORTER_OTLP_ENDPOINT', {
      description: "the collector's base URL, used with `/v1/traces` appended when the setting above is unset",
    }),
    otelServiceName: textSetting('OTEL_SERVICE_NAME', {
      defaultText: "the service's name (`loyalty-graph` under `npm start`)",
      description: '`service.name` of the spans',
    }),
    tracesSampleRatio: numberSetting('OTEL_TRACES_SAMPLER_ARG', {
      default: 1,
      min: 0,
      max: 1,
      description: "share of new traces recorded; a caller's sampled trace is always continued",
    }),
  },
});
