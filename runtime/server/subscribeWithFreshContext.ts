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
  /** When the caller's token expires (ms since the epoch): the stream ends then, saying so. */
  endsAt?: number,
): Promise<ExecutionResult | AsyncIterableIterator<ExecutionResult>> {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return source as ExecutionResult;
  const events = source as AsyncIterableIterator<unknown>;
  let ended = false;
  let expired = false;
  const expiry =
    endsAt === undefined
      ? undefined
      : setTimeout(
          () => {
            expired = true;
            void events.return?.();
          },
          Math.min(Math.max(0, endsAt - Date.now()), 2 ** 31 - 1),
        );
  expiry?.unref();
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
      if (event.done) {
        clearTimeout(expiry);
        if (!expired) return { value: undefined, done: true };
        ended = true;
        const error = new GraphQLError('The token has expired; subscribe again with a fresh one', {
          extensions: { code: 'UNAUTHENTICATED' },
        });
        return { value: { errors: [error] }, done: false };
      }
      const result = await execute({ ...args, rootValue: event.value, contextValue: await createContext() });
      return { value: result as ExecutionResult, done: false };
    },
    async return() {
      clearTimeout(expiry);
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
