import type { ExecutionResult } from 'graphql';
import type { Logger } from '../../runtime/logging/logger';
import type { GatewayContext } from '../gatewayContext';
import type { HydrateEvent } from './eventHydration';
import type { FederatedSchema } from './federatedSchema';
import { resumableOperation } from './resumableOperation';
import { behind, type Subscriber } from './subscriberDelivery';
import { failure, type SubscriptionPlan } from './subscriptionPlan';
import type { UpstreamRequest, UpstreamSubscriptions } from './upstreamSubscriptions';

/** The one thing a stream needs of the upstream side: open (or join) a subgraph subscription. */
export type UpstreamSubscriber = Pick<UpstreamSubscriptions, 'subscribe'>;

/** The clients of one planned subscription, served by one upstream subscription. */
export interface EventStream {
  /** Adds a client; when the last one leaves, the upstream subscription closes. */
  join(subscriber: Subscriber): void;
}

export interface EventStreamDeps {
  schema: FederatedSchema;
  upstream: UpstreamSubscriber;
  logger: Logger;
  /** Events the stream may have waiting to be resolved before every client is cut off. */
  maxPendingEvents: number;
}

/**
 * Opens the upstream subscription of a stream and resolves each event through the rest of the
 * plan, one after another so every client sees them in the order they happened. Fetches carry
 * the token of the client whose token lasts longest, so no client's expiry fails the others.
 * `onClose` is called when the stream closes (its last client left, or the upstream ended it).
 */
export function openEventStream(
  deps: EventStreamDeps,
  plan: SubscriptionPlan,
  hydrate: HydrateEvent,
  onClose: () => void,
): EventStream {
  const { upstream, logger, maxPendingEvents } = deps;
  const { primary, upstreamRequest } = plan;
  const firstContext = plan.request.context;
  const subscribers = new Set<Subscriber>();
  let chain = Promise.resolve();
  let pending = 0;
  let closeUpstream = () => {};
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    onClose();
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
    for (const subscriber of subscribers) subscriber.deliver(result);
  };

  const stream: EventStream = {
    join(subscriber) {
      subscribers.add(subscriber);
      subscriber.onLeave = () => {
        if (!subscribers.delete(subscriber) || subscribers.size > 0) return;
        close();
      };
    },
  };
  const resumable = resumableOperation(
    deps.schema.supergraphGraphQLSchema,
    upstreamRequest.query,
    upstreamRequest.variables,
  );
  const withToken = (request: UpstreamRequest): UpstreamRequest => {
    const token = longestLived().authorization;
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
        chain = chain.then(() => endAll((subscriber) => subscriber.endWith(primary.serviceName, error)));
      },
      complete() {
        chain = chain.then(() => endAll((subscriber) => subscriber.results.end()));
      },
    },
    { shareable: plan.shareKey !== undefined, principalKey: plan.principalKey },
    resumable && { ...resumable, request: (after) => withToken(resumable.request(after)) },
  );
  return stream;
}
