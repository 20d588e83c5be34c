import { GraphQLError, type ExecutionResult } from 'graphql';
import { createAsyncQueue, type AsyncQueue } from '../../runtime/events/asyncQueue';
import type { GatewayContext } from '../gatewayContext';

/** One client of a stream: what it has been sent and not read yet, and how it ends. */
export interface Subscriber {
  readonly context: GatewayContext;
  /** What graphql-ws reads and sends to the client. */
  readonly results: AsyncQueue<ExecutionResult>;
  /** Queues an event, or cuts this client off alone when it already has too many unread. */
  deliver(result: ExecutionResult): void;
  /** Ends this client's stream with what ended the upstream, as a GraphQLError that says what to do. */
  endWith(serviceName: string, upstreamError: unknown): void;
  /** Called once when the client leaves (it closed, failed or completed). */
  onLeave?: () => void;
}

export function behind(): GraphQLError {
  return new GraphQLError('This subscription fell too far behind; subscribe again from the last event received', {
    extensions: { code: 'SUBSCRIPTION_BEHIND' },
  });
}

/**
 * One client's results, closed when its token expires: a subscription lives no longer than it.
 * A client that reads too slowly (`maxPendingEvents` unread) is cut off alone with
 * SUBSCRIPTION_BEHIND; it can resume from its last event.
 */
export function openSubscriber(context: GatewayContext, options: { maxPendingEvents: number }): Subscriber {
  let expiryTimer: NodeJS.Timeout | undefined;
  const subscriber: Subscriber = {
    context,
    results: createAsyncQueue<ExecutionResult>(() => {
      clearTimeout(expiryTimer);
      subscriber.onLeave?.();
    }),
    deliver(result) {
      if (subscriber.results.size >= options.maxPendingEvents) subscriber.results.fail(behind());
      else subscriber.results.push(result);
    },
    endWith(serviceName, upstreamError) {
      subscriber.results.fail(upstreamFailure(serviceName, upstreamError));
    },
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

/** Whatever ended the upstream stream, the client gets a GraphQLError that says what to do. */
export function upstreamFailure(serviceName: string, error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (Array.isArray(error) && error[0]?.message) {
    return new GraphQLError(String(error[0].message), { extensions: error[0].extensions });
  }
  return new GraphQLError(
    `The connection to the ${serviceName} service was lost; subscribe again from the last event received`,
    { extensions: { code: 'SERVICE_UNAVAILABLE', serviceName } },
  );
}
