import type { BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Database } from '../database/database';
import { maskUnexpectedErrors, maskUnexpectedResultErrors } from '../errors/maskUnexpectedErrors';
import { EventFeed } from '../events/eventFeed';
import { outboxMigration } from '../events/outbox';
import type { Logger } from '../logging/logger';
import { loadMigrations, migrate } from '../migrations/migrate';
import { startGraphQLServer, type RunningServer } from './startGraphQLServer';
import { subscribeWithFreshContext } from './subscribeWithFreshContext';

export interface SubgraphOptions {
  db: Database;
  /** Port to listen on; 0 picks a free one. Default 0. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  logger: Logger;
  /** Outbox poll interval, a safety net behind `NOTIFY`. Default 1000 ms. */
  eventPollIntervalMs?: number;
}

export interface SubgraphDefinition<Context extends BaseContext> {
  /** Service name and database schema name. */
  name: string;
  /** Folder of this subgraph's `NNN_name.sql` migrations. */
  migrationsDir: string;
  schema: GraphQLSchema;
  /** Builds the context of one request or one subscription. */
  createContext: (events: EventFeed) => Promise<Context> | Context;
}

export interface RunningSubgraph extends RunningServer {
  events: EventFeed;
}

/**
 * Starts one subgraph: migrates its schema, starts the reader of its outbox, and serves GraphQL over
 * HTTP and `graphql-ws` (for the subscription fields it owns) on `/graphql`.
 */
export async function startSubgraph<Context extends BaseContext>(
  definition: SubgraphDefinition<Context>,
  options: SubgraphOptions,
): Promise<RunningSubgraph> {
  const logger = options.logger.child({ service: definition.name });
  const report = await migrate(options.db, definition.name, [
    outboxMigration(definition.name),
    ...loadMigrations(definition.migrationsDir),
  ]);
  if (report.applied.length > 0) logger.info('migrated', { applied: report.applied });

  const events = new EventFeed(options.db, definition.name, { logger, pollIntervalMs: options.eventPollIntervalMs });
  await events.start();

  const createContext = () => definition.createContext(events);
  const maskResult = maskUnexpectedResultErrors(logger);
  const server = await startGraphQLServer<Context>({
    name: definition.name,
    port: options.port,
    host: options.host,
    logger,
    apollo: {
      schema: definition.schema,
      includeStacktraceInErrorResponses: false,
      formatError: maskUnexpectedErrors(logger),
      // Inline traces feed Apollo Studio only; computing them costs every request.
      plugins: [ApolloServerPluginInlineTraceDisabled()],
    },
    context: async () => createContext(),
    websocket: (wsServer) =>
      useServer(
        {
          schema: definition.schema,
          context: async () => createContext(),
          subscribe: (args) => subscribeWithFreshContext(args, createContext),
          onNext: (_ctx, _id, _payload, _args, result) => maskResult(result),
        },
        wsServer,
      ),
    healthCheck: async () => {
      await options.db.query('select 1');
      return { database: options.db.kind };
    },
  });

  return {
    ...server,
    events,
    async stop() {
      await server.stop();
      await events.stop();
    },
  };
}
