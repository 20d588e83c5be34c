import { setTimeout as sleep } from 'node:timers/promises';
import { buildOperationContext, executeQueryPlan, type GraphQLDataSource, type ServiceMap } from '@apollo/gateway';
import type { FetchNode, PlanNode, QueryPlan } from '@apollo/query-planner';
import type { GatewayGraphQLRequestContext, GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  Kind,
  parse,
  print,
  visit,
  type DocumentNode,
  type ExecutionResult,
} from 'graphql';
import { principalKey } from '../../runtime/auth/principal';
import { createAsyncQueue, type AsyncQueue } from '../../runtime/events/asyncQueue';
import type { Logger } from '../../runtime/logging/logger';
import type { GatewayContext } from '../gatewayContext';
import type { FederatedSchema } from './federatedSchema';
import { resumableOperation } from './resumableOperation';
import { stableJson, type UpstreamSubscriptions } from './upstreamSubscriptions';
import { retryDelayMs } from '../../runtime/jobs/backoff';

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

/**
 * Resolving an event again when a service it needs was unavailable: after 250 ms, doubling, four
 * times (3.75 s in all).
 */
const hydrationRetries = { attempts: 4, baseMs: 250 };

/** An event that would reach its subscriber as null (its root field, or all of it, lost). */
const lostEvent = (data: ExecutionResult['data']) => !data || Object.values(data).some((value) => value === null);

function behind(): GraphQLError {
  return new GraphQLError('This subscription fell too far behind; subscribe again from the last event received', {
    extensions: { code: 'SUBSCRIPTION_BEHIND' },
  });
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
  const streams = new Map<string, Stream>();

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
    const subscriber = openSubscriber(request.context);
    // Clients of one identity sending the same operation with the same variables share one stream:
    // each event is resolved once and sent to all. One that replays from a cursor gets its own.
    const key = resumesFromCursor(primary.operation, variables)
      ? undefined
      : [
          principalKey(request.context.principal),
          print(request.document),
          operationName ?? '',
          stableJson(variables),
        ].join('\n');
    const existing = key === undefined ? undefined : streams.get(key);
    if (existing) {
      existing.join(subscriber);
      return subscriber.results;
    }

    const hydrationPlan: QueryPlan = {
      kind: 'QueryPlan',
      node: rest ? ({ kind: 'Sequence', nodes: [primary, rest] } as PlanNode) : primary,
    };
    const operationContext = buildOperationContext({
      schema: schema.apiGraphQLSchema,
      operationDocument: request.document,
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
        document: request.document,
        operation: operationContext.operation,
        operationName: operationName ?? null,
        schema: schema.apiGraphQLSchema,
      }) as unknown as GatewayGraphQLRequestContext;

    const otherServiceAway = (error: GraphQLError) =>
      error.extensions?.code === 'SERVICE_UNAVAILABLE' && error.extensions.serviceName !== primary.serviceName;
    const hydrate = async (event: ExecutionResult, context: GatewayContext): Promise<ExecutionResult> => {
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
      for (let attempt = 1; attempt <= hydrationRetries.attempts; attempt++) {
        if (!lostEvent(result.data) || !result.errors?.some(otherServiceAway)) break;
        await sleep(retryDelayMs(attempt, { baseMs: hydrationRetries.baseMs }));
        result = await resolve();
      }
      return { data: result.data, errors: result.errors as GraphQLError[] | undefined };
    };

    openStream(key, primary, variables, request.context, hydrate).join(subscriber);
    return subscriber.results;
  };

  interface Subscriber {
    context: GatewayContext;
    results: AsyncQueue<ExecutionResult>;
    /** Called once when the client leaves (it closed, failed or completed). */
    onLeave?: () => void;
  }

  interface Stream {
    join(subscriber: Subscriber): void;
  }

  /** One client's results, closed when its token expires: a subscription lives no longer than it. */
  function openSubscriber(context: GatewayContext): Subscriber {
    let expiryTimer: NodeJS.Timeout | undefined;
    const subscriber: Subscriber = {
      context,
      results: createAsyncQueue<ExecutionResult>(() => {
        clearTimeout(expiryTimer);
        subscriber.onLeave?.();
      }),
    };
    const expiresAt = context.principal?.expiresAt;
    if (expiresAt !== undefined) {
      const remainingMs = Math.max(0, expiresAt * 1000 - Date.now());
      expiryTimer = setTimeout(
        () =>
          subscriber.results.fail(
            new GraphQLError('The token has expired; subscribe again with a fresh one', {
              extensions: { code: 'UNAUTHENTICATED' },
            }),
          ),
        Math.min(remainingMs, 2 ** 31 - 1),
      );
      expiryTimer.unref();
    }
    return subscriber;
  }

  /**
   * Opens the upstream subscription of a stream and resolves each event through the rest of the
   * plan, one after another so every client sees them in the order they happened. Fetches carry
   * the token of the client whose token lasts longest, so no client's expiry fails the others.
   */
  function openStream(
    key: string | undefined,
    primary: FetchNode,
    variables: Record<string, unknown>,
    firstContext: GatewayContext,
    hydrate: (event: ExecutionResult, context: GatewayContext) => Promise<ExecutionResult>,
  ): Stream {
    const subscribers = new Set<Subscriber>();
    let chain = Promise.resolve();
    let pending = 0;
    let closeUpstream = () => {};
    const close = () => {
      if (key !== undefined && streams.get(key) === stream) streams.delete(key);
      closeUpstream();
    };
    const endAll = (end: (subscriber: Subscriber) => void) => {
      close();
      for (const subscriber of [...subscribers]) end(subscriber);
    };
    const longestLived = (): GatewayContext => {
      let best: GatewayContext | undefined;
      for (const { context } of subscribers) {
        const expiresAt = context.principal?.expiresAt ?? Infinity;
        if (!best || expiresAt > (best.principal?.expiresAt ?? Infinity)) best = context;
      }
      return best ?? firstContext;
    };
    const deliver = (result: ExecutionResult) => {
      for (const subscriber of subscribers) {
        // A client that reads too slowly is cut off alone; it can resume from its last event.
        if (subscriber.results.size >= maxPendingEvents) subscriber.results.fail(behind());
        else subscriber.results.push(result);
      }
    };

    const stream: Stream = {
      join(subscriber) {
        subscribers.add(subscriber);
        subscriber.onLeave = () => {
          if (!subscribers.delete(subscriber) || subscribers.size > 0) return;
          close();
        };
      },
    };
    const upstreamRequest = primaryRequest(primary, variables);
    const authorization = () => longestLived().authorization;
    const resumable = resumableOperation(
      schema.supergraphGraphQLSchema,
      upstreamRequest.query,
      upstreamRequest.variables,
    );
    const withToken = <R extends { query: string; variables: Record<string, unknown> }>(request: R) => {
      const token = authorization();
      return { ...request, extensions: token ? { authorization: token } : undefined };
    };
    closeUpstream = upstream.subscribe(
      primary.serviceName,
      withToken(upstreamRequest),
      {
        next(event) {
          if (++pending > maxPendingEvents) {
            endAll((subscriber) => subscriber.results.fail(behind()));
            return;
          }
          chain = chain
            .then(() => hydrate(event, longestLived()))
            .then(deliver, (error: unknown) => {
              logger.error('subscription event could not be resolved', { error: (error as Error).message });
              deliver(failure('This event could not be resolved', 'INTERNAL_SERVER_ERROR'));
            })
            .finally(() => pending--);
        },
        error(error) {
          chain = chain.then(() =>
            endAll((subscriber) => subscriber.results.fail(upstreamFailure(primary.serviceName, error))),
          );
        },
        complete() {
          chain = chain.then(() => endAll((subscriber) => subscriber.results.end()));
        },
      },
      { shareable: key !== undefined, principalKey: principalKey(firstContext.principal) },
      resumable && { ...resumable, request: (after) => withToken(resumable.request(after)) },
    );
    if (key !== undefined) streams.set(key, stream);
    return stream;
  }
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
