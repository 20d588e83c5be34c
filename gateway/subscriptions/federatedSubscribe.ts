import { buildOperationContext, executeQueryPlan, type GraphQLDataSource, type ServiceMap } from '@apollo/gateway';
import type { FetchNode, PlanNode, QueryPlan } from '@apollo/query-planner';
import type { GatewayGraphQLRequestContext, GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  Kind,
  parse,
  visit,
  type DocumentNode,
  type ExecutionResult,
} from 'graphql';
import { principalKey } from '../../runtime/auth/principal';
import { createAsyncQueue } from '../../runtime/events/asyncQueue';
import type { Logger } from '../../runtime/logging/logger';
import type { GatewayContext } from '../gatewayContext';
import type { FederatedSchema } from './federatedSchema';
import { resumableOperation } from './resumableOperation';
import type { UpstreamSubscriptions } from './upstreamSubscriptions';

export interface SubscribeRequest {
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  /** The client's context: its principal and token, handed to the subgraphs with every fetch. */
  context: GatewayContext;
}

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

function failure(message: string, code: string): ExecutionResult {
  return { errors: [new GraphQLError(message, { extensions: { code } })] };
}

/**
 * Executes a subscription through the supergraph the way Apollo Router does: the query planner's
 * `SubscriptionNode` names a primary fetch, opened as a subscription on the owning subgraph; for
 * each event, the `rest` of the plan runs with `executeQueryPlan` to fetch the fields other
 * subgraphs own. No field is wired by hand: any subscription field a subgraph adds works here.
 */
export function createFederatedSubscribe(deps: {
  schema: FederatedSchema;
  upstream: UpstreamSubscriptions;
  serviceMap: () => ServiceMap;
  logger: Logger;
  /** Events one client may have waiting to be resolved before it is cut off. Default 1,000. */
  maxPendingEvents?: number;
}) {
  const { schema, upstream, logger } = deps;
  const maxPendingEvents = deps.maxPendingEvents ?? 1000;

  return function subscribe(request: SubscribeRequest): ExecutionResult | AsyncIterableIterator<ExecutionResult> {
    const operationName = request.operationName ?? undefined;
    const operation = getOperationAST(request.document, operationName);
    if (!operation || operation.operation !== 'subscription') {
      return failure('Expected a subscription operation', 'BAD_USER_INPUT');
    }
    // Variables are checked before anything is planned or opened upstream.
    const coerced = getVariableValues(
      schema.apiGraphQLSchema,
      operation.variableDefinitions ?? [],
      request.variables ?? {},
      { maxErrors: 25 },
    );
    if (coerced.errors) {
      return {
        errors: coerced.errors.map(
          (error) => new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'BAD_USER_INPUT' } }),
        ),
      };
    }
    const variables = request.variables ?? {};

    let plan: QueryPlan;
    try {
      plan = schema.plan(request.document, operationName);
    } catch (error) {
      if (error instanceof GraphQLError) return { errors: [error] };
      throw error;
    }
    const node = plan.node;
    if (!node || node.kind !== 'Subscription') {
      return failure('This operation has no subscription to run', 'BAD_USER_INPUT');
    }
    const { primary, rest } = node;
    const hydrationPlan: QueryPlan = {
      kind: 'QueryPlan',
      node: rest ? ({ kind: 'Sequence', nodes: [primary, rest] } as PlanNode) : primary,
    };
    const operationContext = buildOperationContext({
      schema: schema.apiGraphQLSchema,
      operationDocument: request.document,
      operationName,
    });
    const requestContext = {
      request: { variables, operationName },
      context: request.context,
      logger: {
        debug() {},
        info() {},
        warn: (m: unknown) => logger.warn(String(m)),
        error: (m: unknown) => logger.error(String(m)),
      },
      metrics: {},
      document: request.document,
      operation: operationContext.operation,
      operationName: operationName ?? null,
      schema: schema.apiGraphQLSchema,
    } as unknown as GatewayGraphQLRequestContext;

    const hydrate = async (event: ExecutionResult): Promise<ExecutionResult> => {
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
      const result = await executeQueryPlan(
        hydrationPlan,
        serviceMap,
        requestContext,
        operationContext,
        schema.supergraphGraphQLSchema,
        schema.apiSchema,
      );
      return { data: result.data, errors: result.errors as GraphQLError[] | undefined };
    };

    let closeUpstream = () => {};
    let expiryTimer: NodeJS.Timeout | undefined;
    const results = createAsyncQueue<ExecutionResult>(() => {
      clearTimeout(expiryTimer);
      closeUpstream();
    });
    // Events are hydrated one after another so each client sees them in the order they happened.
    let chain = Promise.resolve();
    let pending = 0;
    const stop = (error: GraphQLError) => {
      results.fail(error);
      closeUpstream();
    };
    const { principal, authorization } = request.context;
    if (principal?.expiresAt !== undefined) {
      // A subscription lives no longer than the token that opened it.
      const remainingMs = Math.max(0, principal.expiresAt * 1000 - Date.now());
      expiryTimer = setTimeout(
        () =>
          stop(
            new GraphQLError('The token has expired; subscribe again with a fresh one', {
              extensions: { code: 'UNAUTHENTICATED' },
            }),
          ),
        Math.min(remainingMs, 2 ** 31 - 1),
      );
      expiryTimer.unref();
    }
    const upstreamRequest = primaryRequest(primary, variables);
    const extensions = authorization ? { authorization } : undefined;
    const resumable = resumableOperation(
      schema.supergraphGraphQLSchema,
      upstreamRequest.query,
      upstreamRequest.variables,
    );
    closeUpstream = upstream.subscribe(
      primary.serviceName,
      { ...upstreamRequest, extensions },
      {
        next(event) {
          if (++pending > maxPendingEvents) {
            stop(
              new GraphQLError('This subscription fell too far behind; subscribe again from the last event received', {
                extensions: { code: 'SUBSCRIPTION_BEHIND' },
              }),
            );
            return;
          }
          chain = chain
            .then(() => hydrate(event))
            .then(
              (result) => results.push(result),
              (error: unknown) => {
                logger.error('subscription event could not be resolved', { error: (error as Error).message });
                results.push(failure('This event could not be resolved', 'INTERNAL_SERVER_ERROR'));
              },
            )
            .finally(() => pending--);
        },
        error(error) {
          chain = chain.then(() => stop(upstreamFailure(primary.serviceName, error)));
        },
        complete() {
          chain = chain.then(() => results.end());
        },
      },
      { shareable: !resumesFromCursor(primary.operation, variables), principalKey: principalKey(principal) },
      resumable && {
        ...resumable,
        request: (after) => ({ ...resumable.request(after), extensions }),
      },
    );
    return results;
  };
}

function primaryRequest(primary: FetchNode, variables: Record<string, unknown>) {
  const used: Record<string, unknown> = {};
  for (const name of primary.variableUsages ?? []) {
    if (variables[name] !== undefined) used[name] = variables[name];
  }
  return { query: primary.operation, variables: used };
}

/**
 * A subscription operation that replays from a cursor (an `after` argument with a value) is not
 * shared: a client joining it midway would miss the replay.
 */
function resumesFromCursor(operation: string, variables: Record<string, unknown>): boolean {
  let resumes = false;
  visit(parse(operation), {
    Argument(node) {
      if (node.name.value !== 'after') return;
      const { value } = node;
      if (value.kind === Kind.VARIABLE) resumes ||= variables[value.name.value] != null;
      else resumes ||= value.kind !== Kind.NULL;
    },
  });
  return resumes;
}

/** Whatever ended the upstream stream, the client gets a GraphQLError that says what to do. */
function upstreamFailure(serviceName: string, error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (Array.isArray(error) && error[0]?.message) {
    return new GraphQLError(String(error[0].message), { extensions: error[0].extensions });
  }
  return new GraphQLError(
    `The connection to the ${serviceName} service was lost; subscribe again from the last event received`,
    { extensions: { code: 'SERVICE_UNAVAILABLE', serviceName } },
  );
}
