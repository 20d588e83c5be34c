import { ApolloGateway, type ServiceMap } from '@apollo/gateway';
import type { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, print, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { maskUnexpectedErrors } from '../runtime/errors/maskUnexpectedErrors';
import type { Logger } from '../runtime/logging/logger';
import { startGraphQLServer, type RunningServer } from '../runtime/server/startGraphQLServer';
import { SubgraphDataSource } from './subgraphDataSource';
import { createFederatedSubscribe } from './subscriptions/federatedSubscribe';
import { FederatedSchema } from './subscriptions/federatedSchema';
import { UpstreamSubscriptions } from './subscriptions/upstreamSubscriptions';

export interface GatewayOptions {
  /** The composed supergraph (see `schema/supergraph.graphql`). */
  supergraphSdl: string;
  /** Each subgraph's `/graphql` URL by name; overrides the URLs written in the supergraph. */
  subgraphUrls: Readonly<Record<string, string>>;
  /** Port to listen on; 0 picks a free one. Default 0. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  logger: Logger;
}

export type GatewayContext = Record<string, unknown>;

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
 * The gateway: `@apollo/gateway` over the static supergraph for queries and mutations, and a
 * `graphql-ws` server on the same path that executes subscriptions from the query planner's
 * subscription plans.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningServer> {
  const logger = options.logger.child({ service: 'gateway' });
  const dataSources: Record<string, SubgraphDataSource> = {};
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => {
      const source = new SubgraphDataSource(name, options.subgraphUrls[name] ?? url);
      dataSources[name] = source;
      return source;
    },
  });

  const federatedSchema = new FederatedSchema(options.supergraphSdl);
  const upstream = new UpstreamSubscriptions(
    Object.fromEntries(Object.entries(options.subgraphUrls).map(([name, url]) => [name, toWebSocketUrl(url)])),
    logger,
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
      { contextValue: (args.contextValue ?? {}) as GatewayContext },
    );
    if (response.body.kind !== 'single')
      return { errors: [new GraphQLError('Incremental delivery is not supported over WebSocket')] };
    return response.body.singleResult as ExecutionResult;
  };

  const server = await startGraphQLServer<GatewayContext>({
    name: 'gateway',
    port: options.port,
    host: options.host,
    logger,
    apollo: {
      gateway,
      includeStacktraceInErrorResponses: false,
      formatError: maskUnexpectedErrors(logger),
      plugins: [subscriptionsOverWebSocketOnly],
    },
    context: async () => ({}),
    websocket: (wsServer, apollo) =>
      useServer<Record<string, unknown>, GatewayContext>(
        {
          schema: federatedSchema.apiGraphQLSchema,
          context: () => ({}),
          subscribe: (args) =>
            subscribe({
              document: args.document,
              operationName: args.operationName,
              variables: args.variableValues as Record<string, unknown> | undefined,
              context: (args.contextValue ?? {}) as GatewayContext,
            }),
          execute: (args) => executeOverSocket(apollo, args),
        },
        wsServer,
      ),
    healthCheck: async () => ({ subgraphs: await subgraphHealth(options.subgraphUrls) }),
  });

  return {
    ...server,
    async stop() {
      await server.stop();
      await upstream.close();
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
