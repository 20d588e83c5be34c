import type { BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { authenticate } from '../auth/authorize';
import type { Principal } from '../auth/principal';
import { createTokenVerifier, type AuthConfig } from '../auth/tokens';
import { pingDatabase, type Database } from '../database/database';
import { defaultEventPollIntervalMs, EventFeed } from '../events/eventFeed';
import type { EventTransport } from '../events/natsEvents';
import { OutboxRelay } from '../events/outboxRelay';
import { mountExportEndpoint, type ExportDatasets } from '../exports/exportEndpoint';
import { outboxMigrations } from '../events/outbox';
import type { ImportAppliers } from '../imports/importBatch';
import { mountImportEndpoint } from '../imports/importEndpoint';
import type { Logger } from '../logging/logger';
import { loadMigrations, migrate, type Migration } from '../migrations/migrate';
import { defaultOperationLimits, type OperationLimits } from './operationLimits';
import { startGraphQLServer, type RunningServer } from './startGraphQLServer';
import { subscribeWithFreshContext } from './subscribeWithFreshContext';
import { readReplica } from '../database/readReplica';

export interface SubgraphOptions {
  db: Database;
  /** Verifies every request's token: subgraphs trust no caller for being behind the gateway. */
  auth: AuthConfig;
  /** Port to listen on; 0 picks a free one. Default 0. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  logger: Logger;
  /** Outbox poll interval, a safety net behind `NOTIFY`. Default 30000 ms. */
  eventPollIntervalMs?: number;
  /** Depth, alias, cost and size limits. Default `defaultOperationLimits`. */
  limits?: OperationLimits;
  /** Introspection on (development) or off (production). Default on. */
  introspection?: boolean;
  /** How long `stop` reports not ready before it drains. Default 0. */
  shutdownDelayMs?: number;
  /**
   * How events reach other processes (`EVENT_TRANSPORT`): by default `NOTIFY` and the outbox table;
   * `nats`: this subgraph relays its outbox to JetStream and its live feed reads the stream.
   */
  eventTransport?: EventTransport;
}

/** What a subgraph's context is built from, per HTTP request or per subscription event. */
export interface ContextInput {
  events: EventFeed;
  principal: Principal | null;
}

export interface SubgraphDefinition<Context extends BaseContext> {
  /** Service name and database schema name. */
  name: string;
  /** Folder of this subgraph's `NNN_name.sql` migrations. */
  migrationsDir: string;
  schema: GraphQLSchema;
  /** Builds the context of one request or one subscription event. */
  createContext: (input: ContextInput) => Promise<Context> | Context;
  /** The datasets this subgraph owns for bulk export, served to the gateway (internal token). */
  exports?: { datasets: ExportDatasets; batchSize: number };
  /** The import kinds this subgraph owns, applied batch by batch for the gateway (internal token). */
  imports?: ImportAppliers;
}

export interface RunningSubgraph extends RunningServer {
  events: EventFeed;
  /** With `EVENT_TRANSPORT=nats`, the relay that publishes this subgraph's outbox to JetStream. */
  relay?: OutboxRelay;
}

/** What a subgraph applies to its schema when it starts: the runtime's tables (the outbox), then its own. */
export function subgraphMigrations(name: string, migrationsDir: string): { runtime: Migration[]; own: Migration[] } {
  return { runtime: outboxMigrations(name), own: loadMigrations(migrationsDir) };
}

/** Applies a subgraph's migrations in that order; answers the names of those it applied. */
export async function migrateSubgraph(db: Database, name: string, migrationsDir: string): Promise<string[]> {
  const { runtime, own } = subgraphMigrations(name, migrationsDir);
  const ranRuntime = await migrate(db, name, runtime, 'runtime_migrations');
  const ranOwn = await migrate(db, name, own);
  return [...ranRuntime.applied, ...ranOwn.applied];
}

/**
 * Starts one subgraph: migrates its schema, starts the reader of its outbox, and serves GraphQL over
 * HTTP and `graphql-ws` (for the subscription fields it owns) on `/graphql`, verifying the caller's
 * token on both.
 */
export async function startSubgraph<Context extends BaseContext>(
  definition: SubgraphDefinition<Context>,
  options: SubgraphOptions,
): Promise<RunningSubgraph> {
  const logger = options.logger.child({ service: definition.name });
  const applied = await migrateSubgraph(options.db, definition.name, definition.migrationsDir);
  if (applied.length > 0) logger.info('migrated', { applied });

  const transport = options.eventTransport ?? { kind: 'postgres' };
  const relay =
    transport.kind === 'nats'
      ? new OutboxRelay(options.db, definition.name, transport.nats, logger.child({ job: 'outbox-relay' }))
      : undefined;
  const events = new EventFeed(options.db, definition.name, {
    logger,
    pollIntervalMs: options.eventPollIntervalMs,
    live:
      transport.kind === 'nats' ? { follow: (onEvent) => transport.nats.follow(definition.name, onEvent) } : undefined,
  });
  await events.start();
  await relay?.job.start(options.eventPollIntervalMs ?? defaultEventPollIntervalMs);

  const verifier = createTokenVerifier(options.auth, { acceptInternal: true });
  const server = await startGraphQLServer<Context>({
    name: definition.name,
    shutdownDelayMs: options.shutdownDelayMs,
    port: options.port,
    host: options.host,
    logger,
    security: {
      verifier,
      limits: options.limits ?? defaultOperationLimits,
      introspection: options.introspection ?? true,
      maxSubscriptionsPerConnection: 50,
    },
    routes: (app) => {
      if (definition.exports)
        mountExportEndpoint(app, { db: readReplica(options.db), verifier, logger, ...definition.exports });
      if (definition.imports)
        mountImportEndpoint(app, { db: options.db, verifier, logger, appliers: definition.imports });
    },
    apollo: {
      schema: definition.schema,
      // Inline traces feed Apollo Studio only; computing them costs every request.
      plugins: [ApolloServerPluginInlineTraceDisabled()],
    },
    context: async (request) =>
      definition.createContext({ events, principal: await authenticate(verifier, request.headers.authorization) }),
    websocket: (wsServer, _apollo, guarded) =>
      useServer(
        {
          ...guarded.options,
          schema: definition.schema,
          context: (ctx, id) => definition.createContext({ events, principal: guarded.principalOf(ctx, id).principal }),
          subscribe: (args) => {
            const { principal } = args.contextValue as { principal: Principal | null };
            return guarded.observe(args, () =>
              subscribeWithFreshContext(
                args,
                () => definition.createContext({ events, principal }),
                principal?.expiresAt === undefined ? undefined : principal.expiresAt * 1000,
              ),
            );
          },
        },
        wsServer,
      ),
    healthCheck: async () => {
      await pingDatabase(options.db);
      return { database: options.db.kind };
    },
  });

  server.metrics.gauge(
    'outbox_undelivered_events',
    "Events committed to this subgraph's outbox that its live feed has not read yet.",
    [],
    async () => {
      return [{ value: Math.max(0, (await events.newestId()) - events.position) }];
    },
  );
  if (relay)
    server.metrics.gauge(
      'outbox_unpublished_events',
      "Events committed to this subgraph's outbox that no relay has published to NATS yet.",
      [],
      async () => [{ value: Math.max(0, (await events.newestId()) - (await relay.position())) }],
    );
  server.metrics.gauge('db_pool_connections', 'Database pool connections by state.', ['state'], async () => {
    const stats = options.db.poolStats?.();
    if (!stats) return [];
    return Object.entries(stats).map(([state, value]) => ({ labels: { state }, value }));
  });

  return {
    ...server,
    events,
    relay,
    async stop() {
      await server.stop();
      await relay?.job.stop();
      await events.stop();
    },
  };
}
