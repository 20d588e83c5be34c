import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerOptions, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type NextFunction, type Request, type Response } from 'express';
import { specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { WebSocketServer } from 'ws';
import type { TokenVerifier } from '../auth/tokens';
import { maskUnexpectedErrors, maskUnexpectedResultErrors } from '../errors/maskUnexpectedErrors';
import type { Logger } from '../logging/logger';
import { operationLimitRules, type OperationLimits } from './operationLimits';
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
  /** Extra readiness check reported by `/health` (for example the database). */
  healthCheck?: () => Promise<Record<string, unknown>>;
  /** Largest accepted request body. Default 1mb. */
  bodyLimit?: string;
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

function webSocketHardening(security: ServerSecurity, logger: Logger) {
  const limitRules = operationLimitRules(security.limits);
  const guards = createWebSocketGuards({
    verifier: security.verifier,
    maxTokens: security.limits.maxTokens,
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
      onNext: (
        _ctx: unknown,
        _id: unknown,
        _payload: unknown,
        _args: unknown,
        result: Parameters<typeof maskResult>[0],
      ) => maskResult(result),
    },
    principalOf: guards.principalOf,
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
  /** Stops accepting work, finishes requests in flight, closes sockets. */
  stop(): Promise<void>;
}

export const graphqlPath = '/graphql';

/**
 * Express + Apollo Server on `/graphql`, optionally `graphql-ws` on the same path, and `/health`.
 * Shared by every subgraph and the gateway.
 */
export async function startGraphQLServer<Context extends BaseContext>(
  options: GraphQLServerOptions<Context>,
): Promise<RunningServer> {
  const app = express();
  const httpServer = createServer(app);
  const host = options.host ?? '127.0.0.1';

  let websocketCleanup: { dispose(): unknown } | undefined;
  const websocketServer = options.websocket
    ? new WebSocketServer({ server: httpServer, path: graphqlPath })
    : undefined;

  const apollo = new ApolloServer<Context>({
    ...options.apollo,
    includeStacktraceInErrorResponses: false,
    introspection: options.security.introspection,
    formatError: maskUnexpectedErrors(options.logger),
    validationRules: operationLimitRules(options.security.limits),
    parseOptions: { maxTokens: options.security.limits.maxTokens },
    plugins: [
      ...(options.apollo.plugins ?? []),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await websocketCleanup?.dispose();
              websocketServer?.close();
            },
          };
        },
      },
    ],
  } as ApolloServerOptions<Context>);
  await apollo.start();
  if (options.websocket && websocketServer) {
    websocketCleanup = options.websocket(websocketServer, apollo, webSocketHardening(options.security, options.logger));
  }

  app.get('/health', async (_req, res) => {
    let report: HealthReport = { status: 'ok', service: options.name };
    try {
      report = { ...report, ...(await options.healthCheck?.()) };
    } catch (error) {
      // The cause (addresses, database messages) goes to the log, not to whoever asks.
      options.logger.warn('health check failed', { error: (error as Error).message });
      report = { status: 'unavailable', service: options.name };
    }
    res.status(report.status === 'ok' ? 200 : 503).json(report);
  });
  app.use(
    graphqlPath,
    express.json({ limit: options.bodyLimit ?? '1mb' }),
    expressMiddleware(apollo, { context: ({ req }) => options.context(req) }),
  );
  // A body too large or not JSON gets a GraphQL-shaped answer, not express's HTML error page.
  app.use((error: { type?: string; status?: number }, _req: Request, res: Response, next: NextFunction) => {
    const known: Record<string, [number, string, string]> = {
      'entity.too.large': [413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${options.bodyLimit ?? '1mb'}`],
      'entity.parse.failed': [400, 'BAD_REQUEST', 'The request body is not valid JSON'],
    };
    const answer = error.type ? known[error.type] : undefined;
    if (!answer) {
      next(error);
      return;
    }
    const [status, code, message] = answer;
    res.status(status).json({ errors: [{ message, extensions: { code } }] });
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

  let stopping: Promise<void> | undefined;
  return {
    name: options.name,
    port,
    url: `http://${hostForUrl}:${port}${graphqlPath}`,
    wsUrl: `ws://${hostForUrl}:${port}${graphqlPath}`,
    httpServer,
    stop() {
      stopping ??= apollo.stop();
      return stopping;
    },
  };
}
