import type { IncomingMessage } from 'node:http';
import { ApolloGateway, type ServiceMap } from '@apollo/gateway';
import type { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, print, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { authenticate } from '../runtime/auth/authorize';
import { createTokenVerifier, InternalCredential, type AuthConfig } from '../runtime/auth/tokens';
import type { Logger } from '../runtime/logging/logger';
import { MemoryRateLimitStore, type RateLimitStore } from '../runtime/rateLimit/rateLimitStore';
import { defaultOperationLimits, type OperationLimits } from '../runtime/server/operationLimits';
import { ServiceMetrics } from '../runtime/observability/metrics';
import { startGraphQLServer, type RunningServer } from '../runtime/server/startGraphQLServer';
import type { GatewayContext } from './gatewayContext';
import { mountExportRoutes } from './exports/exportRoutes';
import { mountImportRoutes } from './imports/importRoutes';
import { gatewayOwnSettings } from './settings';
import { defaultRateLimits, rateLimitPlugin, type RateLimits } from './limits/rateLimitPlugin';
import { SubgraphDataSource, type SubgraphFetcher } from './subgraphDataSource';
import { createFederatedSubscribe } from './subscriptions/federatedSubscribe';
import { FederatedSchema } from './subscriptions/federatedSchema';
import { UpstreamSubscriptions } from './subscriptions/upstreamSubscriptions';

export type { GatewayContext } from './gatewayContext';

export interface GatewayOptions {
  /** The composed supergraph (see `schema/supergraph.graphql`). */
  supergraphSdl: string;
  /** Each subgraph's `/graphql` URL by name; overrides the URLs written in the supergraph. */
  subgraphUrls: Readonly<Record<string, string>>;
  /** How client tokens are verified (again by every subgraph). */
  auth: AuthConfig;
  /** Port to listen on; 0 picks a free one. Default 0. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  logger: Logger;
  /** Depth, alias, cost and token limits. Default `defaultOperationLimits`. */
  limits?: OperationLimits;
  /** Mutation rate limits. Default `defaultRateLimits`. */
  rateLimits?: RateLimits;
  /** Where rate limits are counted; share one (Redis) between gateway instances. Default: in memory. */
  rateLimitStore?: RateLimitStore;
  /** Operations one WebSocket connection may run at once. Default 20. */
  maxSubscriptionsPerConnection?: number;
  /** How long a subscription whose subgraph went away is reopened before the client is told. Default 30 s. */
  subscriptionResumeWindowMs?: number;
  /** Largest request body. Default 1mb. */
  bodyLimit?: string;
  /** Records of an import file per batch (one owner transaction each). Default 2000. */
  importBatchRecords?: number;
  /** Batches of an import file applied at once. Default 2. */
  importBatchesInFlight?: number;
  /** Introspection on (development) or off (production). Default on. */
  introspection?: boolean;
  /** Take the client address from X-Forwarded-For (behind a trusted proxy). Default false. */
  trustProxy?: boolean;
  /** How subgraph requests are sent (@apollo/gateway's own fetcher unless the benchmark compares). */
  subgraphFetcher?: SubgraphFetcher;
  /** How long `stop` reports not ready before it drains. Default 0. */
  shutdownDelayMs?: number;
}

/** Subscriptions have their own transport; over HTTP they get a clear answer instead of a crash. */
const subscriptionsOverWebSocketOnly: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation === 'subscription') {
          throw new GraphQLError(
            'Subscriptions are served over WebSocket (graphql-ws protocol) on this same /graphql path',
            {
              extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
            },
          );
        }
      },
    };
  },
};

function toWebSocketUrl(httpUrl: string): string {
  return httpUrl.replace(/^http/, 'ws');
}

/**
 * The client's address. Behind a trusted proxy, the last X-Forwarded-For entry: the one the proxy
 * appended. The entries before it come from the client and prove nothing.
 */
function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  const forwarded = request.headers['x-forwarded-for'];
  if (trustProxy && typeof forwarded === 'string' && forwarded.trim() !== '')
    return forwarded.split(',').at(-1)!.trim();
  return request.socket.remoteAddress ?? 'unknown';
}

/**
 * The gateway: `@apollo/gateway` over the static supergraph for queries and mutations, and a
 * `graphql-ws` server on the same path that executes subscriptions from the query planner's
 * subscription plans. It verifies each client's token and forwards it to the subgraphs, which
 * authorise; it applies operation limits and mutation rate limits on both transports.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningServer> {
  const logger = options.logger.child({ service: 'gateway' });
  // Clients are never this graph's own services: an internal token from outside is refused.
  const verifier = createTokenVerifier(options.auth, { acceptInternal: false });
  const rateLimitStore = options.rateLimitStore ?? new MemoryRateLimitStore();
  const dataSources: Record<string, SubgraphDataSource> = {};
  const metrics = new ServiceMetrics('gateway');
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => {
      const source = new SubgraphDataSource(name, options.subgraphUrls[name] ?? url, options.subgraphFetcher, metrics);
      dataSources[name] = source;
      return source;
    },
  });

  const federatedSchema = new FederatedSchema(options.supergraphSdl);
  const upstream = new UpstreamSubscriptions(
    Object.fromEntries(Object.entries(options.subgraphUrls).map(([name, url]) => [name, toWebSocketUrl(url)])),
    logger,
    new InternalCredential('gateway', options.auth.internalSecret),
    options.subscriptionResumeWindowMs,
  );
  const subscribe = createFederatedSubscribe({
    schema: federatedSchema,
    upstream,
    serviceMap: () => dataSources as ServiceMap,
    logger,
  });

  /** Queries and mutations sent over the socket go through Apollo Server like HTTP ones. */
  const executeOverSocket = async (
    apollo: ApolloServer<GatewayContext>,
    args: ExecutionArgs,
  ): Promise<ExecutionResult> => {
    const response = await apollo.executeOperation(
      {
        query: print(args.document),
        variables: (args.variableValues ?? undefined) as Record<string, unknown> | undefined,
        operationName: args.operationName ?? undefined,
      },
      { contextValue: args.contextValue as GatewayContext },
    );
    if (response.body.kind !== 'single')
      return { errors: [new GraphQLError('Incremental delivery is not supported over WebSocket')] };
    return response.body.singleResult as ExecutionResult;
  };

  const server = await startGraphQLServer<GatewayContext>({
    name: 'gateway',
    routes: (app) => {
      const credential = new InternalCredential('gateway', options.auth.internalSecret);
      mountExportRoutes(app, { verifier, subgraphUrls: options.subgraphUrls, credential, logger });
      mountImportRoutes(app, {
        verifier,
        subgraphUrls: options.subgraphUrls,
        credential,
        logger,
        batchRecords: options.importBatchRecords ?? gatewayOwnSettings.settings.importBatchRecords.default,
        batchesInFlight: options.importBatchesInFlight ?? gatewayOwnSettings.settings.importBatchesInFlight.default,
      });
    },
    metrics,
    shutdownDelayMs: options.shutdownDelayMs,
    port: options.port,
    host: options.host,
    logger,
    bodyLimit: options.bodyLimit,
    security: {
      verifier,
      limits: options.limits ?? defaultOperationLimits,
      introspection: options.introspection ?? true,
      maxSubscriptionsPerConnection: options.maxSubscriptionsPerConnection ?? 20,
    },
    apollo: {
      gateway,
      plugins: [
        subscriptionsOverWebSocketOnly,
        rateLimitPlugin(rateLimitStore, options.rateLimits ?? defaultRateLimits),
      ],
    },
    context: async (request) => ({
      principal: await authenticate(verifier, request.headers.authorization),
      authorization: request.headers.authorization,
      ip: clientAddress(request, options.trustProxy ?? false),
    }),
    websocket: (wsServer, apollo, guarded) =>
      useServer<Record<string, unknown>, { request: IncomingMessage }>(
        {
          ...guarded.options,
          schema: federatedSchema.apiGraphQLSchema,
          context: (ctx, id): GatewayContext => ({
            ...guarded.principalOf(ctx, id),
            ip: clientAddress(ctx.extra.request, options.trustProxy ?? false),
          }),
          subscribe: (args) =>
            guarded.observe(args, () =>
              subscribe({
                document: args.document,
                operationName: args.operationName,
                variables: args.variableValues as Record<string, unknown> | undefined,
                context: args.contextValue as GatewayContext,
              }),
            ),
          execute: (args) => guarded.observe(args, () => executeOverSocket(apollo, args)),
        },
        wsServer,
      ),
    // Ready while any subgraph answers: with some down it still serves what the others have.
    healthCheck: async () => {
      const subgraphs = await subgraphHealth(options.subgraphUrls);
      return Object.values(subgraphs).includes('ok') ? { subgraphs } : { status: 'unavailable', subgraphs };
    },
  });

  metrics.gauge(
    'gateway_upstream_subscriptions',
    'Subscriptions the gateway holds on subgraphs (open or being reopened), one per shared stream.',
    [],
    async () => [{ value: upstream.size }],
  );

  return {
    ...server,
    async stop() {
      await server.stop();
      await upstream.close();
      await rateLimitStore.close();
    },
  };
}

/** Each subgraph's `/health` status, so an operator sees which one is down. */
async function subgraphHealth(urls: Readonly<Record<string, string>>): Promise<Record<string, string>> {
  const entries = await Promise.all(
    Object.entries(urls).map(async ([name, url]) => {
      try {
        const response = await fetch(new URL('/health', url), { signal: AbortSignal.timeout(1000) });
        return [name, response.ok ? 'ok' : `unavailable (HTTP ${response.status})`] as const;
      } catch {
        return [name, 'unreachable'] as const;
      }
    }),
  );
  return Object.fromEntries(entries);
}
