import { createServer, type IncomingMessage, type Server, type ServerOptions, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerOptions, type BaseContext } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import {
  getOperationAST,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLSchema,
} from 'graphql';
import { WebSocketServer } from 'ws';
import type { TokenVerifier } from '../auth/tokens';
import { maskUnexpectedErrors, maskUnexpectedResultErrors } from '../errors/maskUnexpectedErrors';
import type { Logger } from '../logging/logger';
import { ServiceMetrics } from '../observability/metrics';
import { requestIdFrom, requestIdHeader, requestScope, type RequestRecord } from '../observability/requestScope';
import {
  incomingContext,
  SpanStatusCode,
  startServerSpan,
  trace,
  traceContext,
  type Span,
} from '../observability/tracing';
import { findUnsafeInput, unsafeInputError } from '../validation/inputGuard';
import { answerGraphQLPost, bodyLimitBytes, isPlainGraphQLPost, parseJsonBody, readBody } from './graphqlPost';
import { operationLimitRules, type OperationLimits } from './operationLimits';
import {
  answersGraphQLResponseJson,
  graphqlResponseJson,
  requestErrorCodes,
  requestErrorStatus,
} from './requestErrorStatus';
import { createWebSocketGuards } from './websocketGuards';

export interface HealthReport {
  status: 'ok' | 'unavailable';
  [detail: string]: unknown;
}

export interface GraphQLServerOptions<Context extends BaseContext> {
  /** Service name, reported by `/health` and in logs. */
  name: string;
  /** Port to listen on; 0 picks a free one. Default 0. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  /** Apollo Server configuration (a schema or a gateway) without plugins for draining. */
  apollo: ApolloServerOptions<Context>;
  /** Hardening every server gets, on HTTP and on its socket alike. */
  security: ServerSecurity;
  /** Builds the context of an HTTP request. */
  context: (request: IncomingMessage) => Promise<Context>;
  /**
   * Serves `graphql-ws` on the same path, spreading `guarded` into its options (authentication,
   * limits, masking); returns what to dispose at shutdown.
   */
  websocket?: (
    server: WebSocketServer,
    apollo: ApolloServer<Context>,
    guarded: WebSocketHardening,
  ) => { dispose(): unknown };
  /** Extra readiness check reported by `/health/ready` (for example the database). */
  healthCheck?: () => Promise<Record<string, unknown>>;
  /** This service's metrics, served on `/metrics`. Default: a new registry for `name`. */
  metrics?: ServiceMetrics;
  /**
   * How long `stop` reports not ready while still serving, before it drains, so load balancers
   * stop routing to it first. Default 0.
   */
  shutdownDelayMs?: number;
  /** Largest accepted request body. Default 1mb. */
  bodyLimit?: string;
  /** Serves more HTTP routes beside `/graphql` and `/health` (exports), before them. */
  routes?: (app: Express) => void;
  logger: Logger;
}

export interface ServerSecurity {
  verifier: TokenVerifier;
  limits: OperationLimits;
  /** Introspection on (development) or off (production). */
  introspection: boolean;
  /** Operations one WebSocket connection may run at once. */
  maxSubscriptionsPerConnection: number;
}

/** The `graphql-ws` server options every socket shares, and how to find an operation's caller. */
export type WebSocketHardening = ReturnType<typeof webSocketHardening>;

function webSocketHardening(security: ServerSecurity, logger: Logger, service: string, metrics: ServiceMetrics) {
  const limitRules = operationLimitRules(security.limits);
  const guards = createWebSocketGuards({
    verifier: security.verifier,
    maxTokens: security.limits.maxTokens,
    maxInputDepth: security.limits.maxInputDepth,
    maxSubscriptionsPerConnection: security.maxSubscriptionsPerConnection,
  });
  const maskResult = maskUnexpectedResultErrors(logger);
  return {
    options: {
      validate: (schema: GraphQLSchema, document: DocumentNode) =>
        validate(schema, document, [...specifiedRules, ...limitRules]),
      onConnect: guards.onConnect,
      onSubscribe: guards.onSubscribe,
      onComplete: guards.forget,
      onClose: guards.onClose,
      onNext: (
        _ctx: unknown,
        _id: unknown,
        _payload: unknown,
        _args: unknown,
        result: Parameters<typeof maskResult>[0],
      ) => maskResult(result),
    },
    principalOf: guards.principalOf,
    liveOperations: guards.liveOperations,
    /** Wrap each socket operation's `execute` or `subscribe` in it: scope, span, metrics, log line. */
    observe: observeSocketOperation(service, metrics, logger),
  };
}

export interface RunningServer {
  name: string;
  port: number;
  /** `http://host:port/graphql` */
  url: string;
  /** `ws://host:port/graphql` */
  wsUrl: string;
  httpServer: Server;
  metrics: ServiceMetrics;
  /**
   * Reports not ready, closes WebSocket clients with 1001 and a reason, finishes the HTTP requests in
   * flight, then closes the listener.
   */
  stop(): Promise<void>;
}

/** What a client's socket is told when the server shuts down; graphql-ws clients reconnect on 1001. */
export const shutdownCloseReason = 'Server shutting down: reconnect and resubscribe from your last eventId';

export const graphqlPath = '/graphql';

/**
 * A client that never finishes its headers or its body holds a connection only this long (Node's
 * defaults are 60 s and 5 min, checked every 30 s), then gets 408 and is disconnected.
 */
export function connectionTimeouts(
  limits: Pick<OperationLimits, 'headersTimeoutMs' | 'requestTimeoutMs' | 'keepAliveTimeoutMs'>,
): ServerOptions {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(limits.headersTimeoutMs / 2))),
  };
}

/**
 * Express + Apollo Server on `/graphql`, optionally `graphql-ws` on the same path, and `/health`.
 * Shared by every subgraph and the gateway.
 */
export async function startGraphQLServer<Context extends BaseContext>(
  options: GraphQLServerOptions<Context>,
): Promise<RunningServer> {
  const app = express();
  const { limits } = options.security;
  const bodyLimit = options.bodyLimit ?? '1mb';
  const limitBytes = bodyLimitBytes(bodyLimit);
  // The common request, a JSON POST to /graphql, goes to Apollo Server directly (express's layers
  // cost a fifth of a subgraph's CPU per request); every other request goes through express.
  const httpServer = createServer(connectionTimeouts(limits), (req, res) => {
    if (isPlainGraphQLPost(req, graphqlPath, limitBytes)) void answerDirectly(req, res);
    else app(req, res);
  });
  const answerDirectly = async (req: IncomingMessage, res: ServerResponse) => {
    const requestId = requestIdFrom(req.headers[requestIdHeader]);
    res.setHeader(requestIdHeader, requestId);
    if (stopping) res.setHeader('connection', 'close');
    try {
      const text = await readBody(req);
      if (text === undefined) {
        options.logger.info('graphql request aborted', { requestId });
        return;
      }
      const body = parseJsonBody(text);
      if (body === undefined) {
        answerUnparsed(req, res, requestId, [400, 'BAD_REQUEST', 'The request body is not valid JSON']);
        return;
      }
      await new Promise<void>((resolve, reject) =>
        observe(req, res, requestId, () => {
          answerGraphQLPost(apollo, req, res, body, () => options.context(req)).then(resolve, reject);
        }),
      );
    } catch (error) {
      options.logger.error('graphql request failed', { requestId, error: (error as Error).message });
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end();
    }
  };
  const answerUnparsed = (
    req: IncomingMessage,
    res: ServerResponse,
    requestId: string,
    [status, code, message]: [number, string, string],
  ) => {
    metrics.operations.inc({ operation: 'unparsed', type: 'unknown', outcome: 'error' });
    metrics.operationErrors.inc({ operation: 'unparsed', code });
    options.logger.info('graphql request', { requestId, status, errors: [code] });
    res.writeHead(status, {
      'content-type': answersGraphQLResponseJson(req.headers.accept) ? graphqlResponseJson : 'application/json',
    });
    res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
  };
  const host = options.host ?? '127.0.0.1';
  const metrics = options.metrics ?? new ServiceMetrics(options.name);
  const observe = observeRequest(options.name, metrics, options.logger);
  let stopping = false;

  let websocketCleanup: { dispose(): unknown } | undefined;
  const websocketServer = options.websocket
    ? new WebSocketServer({ server: httpServer, path: graphqlPath })
    : undefined;

  const maxInputDepth = options.security.limits.maxInputDepth;
  const apollo = new ApolloServer<Context>({
    ...options.apollo,
    includeStacktraceInErrorResponses: false,
    introspection: options.security.introspection,
    formatError: maskUnexpectedErrors(options.logger),
    validationRules: operationLimitRules(options.security.limits),
    parseOptions: { maxTokens: options.security.limits.maxTokens },
    plugins: [
      {
        // Before any other plugin's work (rate limits, planning, a subgraph call): input PostgreSQL
        // would refuse, or nested deep enough to overflow a stack when serialised, changes nothing.
        async requestDidStart() {
          return {
            async didResolveOperation({ document, request }) {
              const found = findUnsafeInput(document, request.variables, maxInputDepth);
              if (found) throw unsafeInputError(found);
            },
            async willSendResponse({ request, response }) {
              if (response.http.status !== 400 || response.body.kind !== 'single') return;
              const { data, errors } = response.body.singleResult;
              const isRequestError =
                data === undefined &&
                (errors ?? []).length > 0 &&
                errors!.every((error) => requestErrorCodes.has(String(error.extensions?.code)));
              if (isRequestError) response.http.status = requestErrorStatus(request.http?.headers.get('accept'));
            },
          };
        },
      },
      ...(options.apollo.plugins ?? []),
      // No field of this graph has a cache hint and no answer is cached: the default cache-control
      // plugin's per-field hook would only compute a policy nobody reads.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              for (const socket of websocketServer?.clients ?? []) socket.close(1001, shutdownCloseReason);
              await websocketCleanup?.dispose();
              websocketServer?.close();
            },
          };
        },
        // Names the request's record (log line, metrics, span) once the operation is known, and
        // collects the codes of the errors it answers with.
        async requestDidStart() {
          return {
            async didResolveOperation({ operation, operationName, contextValue }) {
              const record = requestScope.getStore();
              if (!record || !operation) return;
              const principal = (contextValue as { principal?: { role?: string } | null }).principal;
              const authenticated = principal != null;
              record.internal = principal?.role === 'internal';
              record.operation = metrics.operationLabel(operationName ?? operation.name?.value, authenticated);
              record.operationType = operation.operation;
              trace.getActiveSpan()?.updateName(`${operation.operation} ${record.operation}`);
            },
            async willSendResponse({ response }) {
              const record = requestScope.getStore();
              const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
              if (!record || !errors) return;
              for (const error of errors) record.errorCodes.push(String(error.extensions?.code ?? 'UNKNOWN'));
            },
          };
        },
      },
    ],
  } as ApolloServerOptions<Context>);
  await apollo.start();
  if (options.websocket && websocketServer) {
    const hardening = webSocketHardening(options.security, options.logger, options.name, metrics);
    websocketCleanup = options.websocket(websocketServer, apollo, hardening);
    metrics.gauge('graphql_websocket_connections', 'Open graphql-ws connections.', [], async () => [
      { value: websocketServer.clients.size },
    ]);
    metrics.gauge('graphql_live_subscriptions', 'Operations running over graphql-ws connections.', [], async () => [
      { value: hardening.liveOperations() },
    ]);
  }

  const readiness = async (_req: Request, res: Response) => {
    let report: HealthReport = { status: 'ok', service: options.name };
    if (stopping) {
      report = { status: 'unavailable', service: options.name, reason: 'shutting down' };
    } else {
      try {
        report = { ...report, ...(await options.healthCheck?.()) };
      } catch (error) {
        // The cause (addresses, database messages) goes to the log, not to whoever asks.
        options.logger.warn('health check failed', { error: (error as Error).message });
        report = { status: 'unavailable', service: options.name };
      }
    }
    res.status(report.status === 'ok' ? 200 : 503).json(report);
  };
  // Live: the process serves HTTP (restart it otherwise). Ready: it can do its work (route to it).
  app.get('/health/live', (_req, res) => {
    res.json({ status: 'ok', service: options.name });
  });
  app.get('/health/ready', readiness);
  app.get('/health', readiness);
  app.get('/metrics', async (_req, res) => {
    const { contentType, body } = await metrics.exposition();
    res.type(contentType).send(body);
  });
  options.routes?.(app);
  app.use(
    graphqlPath,
    (req: Request, res: Response, next: NextFunction) => {
      // Named before the body is parsed, so even a request refused for its body has its id.
      res.locals.requestId = requestIdFrom(req.headers[requestIdHeader]);
      res.setHeader(requestIdHeader, res.locals.requestId as string);
      // While stopping, no connection is kept for a next request that would find the server gone.
      if (stopping) res.setHeader('connection', 'close');
      next();
    },
    express.json({ limit: bodyLimit }),
    // After the body parser: its stream callbacks would run outside the request's async scope.
    (req: Request, res: Response, next: NextFunction) => observe(req, res, res.locals.requestId as string, next),
    expressMiddleware(apollo, { context: ({ req }) => options.context(req) }),
  );
  // A body too large or not JSON gets a GraphQL-shaped answer, not express's HTML error page.
  app.use((error: { type?: string; status?: number }, req: Request, res: Response, next: NextFunction) => {
    const known: Record<string, [number, string, string]> = {
      'entity.too.large': [413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${bodyLimit}`],
      'entity.parse.failed': [400, 'BAD_REQUEST', 'The request body is not valid JSON'],
    };
    if (error.type === 'request.aborted') {
      // The client went away (or was cut off by requestTimeout) mid-body: nobody is left to answer.
      options.logger.info('graphql request aborted', { requestId: res.locals.requestId });
      return;
    }
    const answer = error.type ? known[error.type] : undefined;
    if (!answer) {
      next(error);
      return;
    }
    // A body that is not JSON is no GraphQL request at all: 400 whatever the client accepts (graphql-http BCF8).
    answerUnparsed(req, res, res.locals.requestId as string, answer);
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port ?? 0, host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;
  const hostForUrl = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  options.logger.info('listening', { url: `http://${hostForUrl}:${port}${graphqlPath}` });

  let stopped: Promise<void> | undefined;
  return {
    name: options.name,
    port,
    url: `http://${hostForUrl}:${port}${graphqlPath}`,
    wsUrl: `ws://${hostForUrl}:${port}${graphqlPath}`,
    httpServer,
    metrics,
    stop() {
      stopping = true;
      stopped ??= new Promise((resolve) => setTimeout(resolve, options.shutdownDelayMs ?? 0)).then(() => apollo.stop());
      return stopped;
    },
  };
}

/**
 * Runs each GraphQL request in its own scope: a request id (the caller's `x-request-id`, or a new
 * one, echoed in the response) that logs and calls to other services carry, and a server span that
 * continues the caller's trace. When the response is sent it writes one log line and records the
 * operation's metrics.
 */
function observeRequest(service: string, metrics: ServiceMetrics, logger: Logger) {
  return (req: IncomingMessage, res: ServerResponse, requestId: string, next: () => void) => {
    const record: RequestRecord = { requestId, errorCodes: [] };
    const parent = incomingContext(req.headers);
    const span = startServerSpan(`graphql ${service}`, parent, {
      'service.name': service,
      'request.id': record.requestId,
    });
    const started = process.hrtime.bigint();
    // 'close' comes after the response is sent, and also when the client gave up before it was.
    res.once('close', () => {
      if (!res.writableFinished) record.errorCodes.push('CLIENT_CLOSED_REQUEST');
      finishRecord(record, { span, started, metrics, logger, status: res.statusCode, transport: 'http' });
    });
    requestScope.run(record, () => traceContext.with(trace.setSpan(parent, span), next));
  };
}

/** Counts, times, logs and ends the span of one operation, over HTTP or a socket. */
function finishRecord(
  record: RequestRecord,
  done: {
    span: Span;
    started: bigint;
    metrics: ServiceMetrics;
    logger: Logger;
    status?: number;
    transport: 'http' | 'websocket';
  },
): void {
  const seconds = Number(process.hrtime.bigint() - done.started) / 1e9;
  const operation = record.operation ?? 'unparsed';
  const type = record.operationType ?? 'unknown';
  const failed = record.errorCodes.length > 0 || (done.status ?? 200) >= 400;
  done.metrics.operations.inc({ operation, type, outcome: failed ? 'error' : 'ok' });
  done.metrics.operationDuration.observe({ operation, type }, seconds);
  for (const code of record.errorCodes) done.metrics.operationErrors.inc({ operation, code });
  if (failed) done.span.setStatus({ code: SpanStatusCode.ERROR, message: record.errorCodes.join(', ') });
  done.span.setAttributes({ 'graphql.operation.name': operation, 'graphql.operation.type': type });
  done.span.end();
  const log = record.internal ? done.logger.debug : done.logger.info;
  requestScope.run(record, () =>
    log('graphql request', {
      operation,
      type,
      transport: done.transport,
      ...(done.status !== undefined ? { status: done.status } : {}),
      durationMs: Math.round(seconds * 10_000) / 10,
      ...(record.errorCodes.length > 0 ? { errors: record.errorCodes } : {}),
    }),
  );
}

/**
 * Runs one operation that arrived over a socket in a request scope and a span of its own, like an
 * HTTP request: a query or mutation until it is answered; a subscription until its stream is set
 * up (its events are not operations). The operation's id is new: a socket has no request headers.
 */
function observeSocketOperation(service: string, metrics: ServiceMetrics, logger: Logger) {
  return async <T>(args: ExecutionArgs, work: () => Promise<T> | T): Promise<T> => {
    const record: RequestRecord = { requestId: requestIdFrom(undefined), errorCodes: [] };
    const operation = getOperationAST(args.document, args.operationName ?? undefined);
    const authenticated = (args.contextValue as { principal?: unknown } | undefined)?.principal != null;
    record.operation = metrics.operationLabel(args.operationName ?? operation?.name?.value, authenticated);
    record.operationType = operation?.operation ?? 'unknown';
    const parent = traceContext.active();
    const span = startServerSpan(`${record.operationType} ${record.operation}`, parent, {
      'service.name': service,
      'request.id': record.requestId,
    });
    const started = process.hrtime.bigint();
    try {
      const result = await requestScope.run(record, () =>
        traceContext.with(trace.setSpan(parent, span), async () => work()),
      );
      const errors = (result as { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> } | undefined)
        ?.errors;
      // Apollo Server's hooks have noted a query's errors already; a subscription's are noted here.
      if (record.errorCodes.length === 0) {
        for (const error of errors ?? []) record.errorCodes.push(String(error.extensions?.code ?? 'UNKNOWN'));
      }
      return result;
    } catch (error) {
      record.errorCodes.push('INTERNAL_SERVER_ERROR');
      throw error;
    } finally {
      finishRecord(record, { span, started, metrics, logger, transport: 'websocket' });
    }
  };
}
