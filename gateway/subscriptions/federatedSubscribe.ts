import type { ServiceMap } from '@apollo/gateway';
import type { ExecutionResult } from 'graphql';
import type { Logger } from '../../runtime/logging/logger';
import { createEventHydrator } from './eventHydration';
import type { FederatedSchema } from './federatedSchema';
import { openEventStream, type EventStream, type UpstreamSubscriber } from './sharedEventStream';
import { openSubscriber } from './subscriberDelivery';
import { isPlan, planSubscription, type SubscribeRequest } from './subscriptionPlan';

/**
 * Executes a subscription through the supergraph the way Apollo Router does: the query planner's
 * `SubscriptionNode` names a primary fetch, opened as a subscription on the owning subgraph; for
 * each event, the `rest` of the plan runs with `executeQueryPlan` to fetch the fields other
 * subgraphs own. No field is wired by hand: any subscription field a subgraph adds works here.
 *
 * The parts, each in its own module: planning (`subscriptionPlan`), the stream shared by clients
 * asking the same thing (`sharedEventStream`), each client's delivery (`subscriberDelivery`) and
 * the resolution of each event (`eventHydration`).
 */
export function createFederatedSubscribe(deps: {
  schema: FederatedSchema;
  upstream: UpstreamSubscriber;
  serviceMap: () => ServiceMap;
  logger: Logger;
  /** Events one client may have waiting to be resolved before it is cut off. Default 1,000. */
  maxPendingEvents?: number;
}) {
  const maxPendingEvents = deps.maxPendingEvents ?? 1000;
  const streams = new Map<string, EventStream>();

  return function subscribe(request: SubscribeRequest): ExecutionResult | AsyncIterableIterator<ExecutionResult> {
    const plan = planSubscription(deps.schema, request);
    if (!isPlan(plan)) return plan;
    const subscriber = openSubscriber(request.context, { maxPendingEvents });
    // Clients of one identity sending the same operation with the same variables share one stream:
    // each event is resolved once and sent to all. One that replays from a cursor gets its own.
    const key = plan.shareKey;
    const existing = key === undefined ? undefined : streams.get(key);
    if (existing) {
      existing.join(subscriber);
      return subscriber.results;
    }
    const hydrate = createEventHydrator({
      schema: deps.schema,
      plan,
      serviceMap: deps.serviceMap,
      logger: deps.logger,
    });
    const stream: EventStream = openEventStream(
      { schema: deps.schema, upstream: deps.upstream, logger: deps.logger, maxPendingEvents },
      plan,
      hydrate,
      () => {
        if (key !== undefined && streams.get(key) === stream) streams.delete(key);
      },
    );
    if (key !== undefined) streams.set(key, stream);
    stream.join(subscriber);
    return subscriber.results;
  };
}
