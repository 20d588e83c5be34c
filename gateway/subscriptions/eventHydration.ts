import { setTimeout as sleep } from 'node:timers/promises';
import { buildOperationContext, executeQueryPlan, type GraphQLDataSource, type ServiceMap } from '@apollo/gateway';
import type { GatewayGraphQLRequestContext, GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError, type ExecutionResult } from 'graphql';
import { retryDelayMs, type BackoffPolicy } from '../../runtime/jobs/backoff';
import type { Logger } from '../../runtime/logging/logger';
import type { GatewayContext } from '../gatewayContext';
import type { FederatedSchema } from './federatedSchema';
import type { SubscriptionPlan } from './subscriptionPlan';

/** Resolves one upstream event into what the client selected, fetching with the given client's token. */
export type HydrateEvent = (event: ExecutionResult, context: GatewayContext) => Promise<ExecutionResult>;

/**
 * Serves the answer to one primary fetch from an event already received, and passes every other
 * request on: so the plan's `rest` runs exactly as in a query, on top of the event's data.
 */
class EventDataSource implements GraphQLDataSource {
  constructor(
    private readonly primaryOperation: string,
    private readonly event: ExecutionResult,
    private readonly delegate: GraphQLDataSource | undefined,
  ) {}

  process(options: Parameters<GraphQLDataSource['process']>[0]): Promise<GatewayGraphQLResponse> {
    if (options.request.query === this.primaryOperation) {
      return Promise.resolve({ data: this.event.data ?? null, errors: this.event.errors } as GatewayGraphQLResponse);
    }
    if (!this.delegate) return Promise.reject(new Error('no data source for this subgraph'));
    return this.delegate.process(options);
  }
}

/**
 * Resolving an event again when a service it needs was unavailable: after 250 ms, doubling, four
 * times (3.75 s in all).
 */
export const hydrationRetries: { attempts: number } & BackoffPolicy = { attempts: 4, baseMs: 250 };

/** An event that would reach its subscriber as null (its root field, or all of it, lost). */
const lostEvent = (data: ExecutionResult['data']) => !data || Object.values(data).some((value) => value === null);

/**
 * Resolves the events of one planned subscription through the rest of its plan with
 * `executeQueryPlan`: the fields other subgraphs own (profile name, tier, rewards now affordable)
 * are fetched through the gateway's data sources as in a query.
 */
export function createEventHydrator(deps: {
  schema: FederatedSchema;
  plan: SubscriptionPlan;
  serviceMap: () => ServiceMap;
  logger: Logger;
  retries?: { attempts: number } & BackoffPolicy;
}): HydrateEvent {
  const { schema, plan, logger } = deps;
  const { primary, hydrationPlan, variables, operationName } = plan;
  const { document } = plan.request;
  const retries = deps.retries ?? hydrationRetries;
  const operationContext = buildOperationContext({
    schema: schema.apiGraphQLSchema,
    operationDocument: document,
    operationName,
  });
  const requestContext = (context: GatewayContext) =>
    ({
      request: { variables, operationName },
      context,
      logger: {
        debug() {},
        info() {},
        warn: (m: unknown) => logger.warn(String(m)),
        error: (m: unknown) => logger.error(String(m)),
      },
      metrics: {},
      document,
      operation: operationContext.operation,
      operationName: operationName ?? null,
      schema: schema.apiGraphQLSchema,
    }) as unknown as GatewayGraphQLRequestContext;

  const otherServiceAway = (error: GraphQLError) =>
    error.extensions?.code === 'SERVICE_UNAVAILABLE' && error.extensions.serviceName !== primary.serviceName;

  return async (event, context) => {
    if (!event.data) {
      // Errors arrive as JSON; graphql-ws sends GraphQLErrors.
      const received: ReadonlyArray<Partial<GraphQLError>> = event.errors ?? [
        { message: 'The subgraph sent an empty event' },
      ];
      const errors = received.map(
        (error) =>
          new GraphQLError(error.message ?? 'Subscription error', { path: error.path, extensions: error.extensions }),
      );
      return { errors };
    }
    const services = deps.serviceMap();
    const serviceMap: ServiceMap = {
      ...services,
      [primary.serviceName]: new EventDataSource(primary.operation, event, services[primary.serviceName]),
    };
    const resolve = () =>
      executeQueryPlan(
        hydrationPlan,
        serviceMap,
        requestContext(context),
        operationContext,
        schema.supergraphGraphQLSchema,
        schema.apiSchema,
      );
    let result = await resolve();
    // An event whose fields another service (or its database) could not give, briefly away,
    // would reach the subscriber as null: resolve it again a few times first. The stream's later
    // events wait behind it, so the order holds. Partial data (a missing nested part) goes out at
    // once, as in a query; the event's own service being away is the upstream's to report.
    for (let attempt = 1; attempt <= retries.attempts; attempt++) {
      if (!lostEvent(result.data) || !result.errors?.some(otherServiceAway)) break;
      await sleep(retryDelayMs(attempt, retries));
      result = await resolve();
    }
    return { data: result.data, errors: result.errors as GraphQLError[] | undefined };
  };
}
