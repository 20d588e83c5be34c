import { createSourceEventStream, execute, GraphQLError, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { SubscriberTooSlowError } from '../events/eventFeed';

/**
 * Like graphql-js `subscribe`, but each event is executed with a context of its own. A context
 * holds per-request DataLoaders, whose caches would otherwise serve the first event's values
 * (a stale balance) to every later event of a long-lived subscription.
 *
 * Events are pulled one at a time as the socket asks for them, so a slow consumer leaves them
 * queued in the event feed, whose bound then applies.
 */
export async function subscribeWithFreshContext(
  args: ExecutionArgs,
  createContext: () => Promise<unknown> | unknown,
): Promise<ExecutionResult | AsyncIterableIterator<ExecutionResult>> {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return source as ExecutionResult;
  const events = source as AsyncIterableIterator<unknown>;
  let ended = false;
  const results: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      if (ended) return { value: undefined, done: true };
      let event: IteratorResult<unknown>;
      try {
        event = await events.next();
      } catch (error) {
        if (!(error instanceof SubscriberTooSlowError)) throw error;
        // The client is told, as a last message, where to resume from.
        ended = true;
        const behind = new GraphQLError(error.message, {
          extensions: { code: 'SUBSCRIPTION_BEHIND', lastEventId: String(error.lastDeliveredId) },
        });
        return { value: { errors: [behind] }, done: false };
      }
      if (event.done) return { value: undefined, done: true };
      const result = await execute({ ...args, rootValue: event.value, contextValue: await createContext() });
      return { value: result as ExecutionResult, done: false };
    },
    async return() {
      await events.return?.();
      return { value: undefined, done: true };
    },
    async throw(error?: unknown) {
      await events.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return results;
    },
  };
  return results;
}
