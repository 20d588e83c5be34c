import { createSourceEventStream, execute, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { createAsyncQueue } from '../events/asyncQueue';

/**
 * Like graphql-js `subscribe`, but each event is executed with a context of its own. A context
 * holds per-request DataLoaders, whose caches would otherwise serve the first event's values
 * (a stale balance) to every later event of a long-lived subscription.
 */
export async function subscribeWithFreshContext(
  args: ExecutionArgs,
  createContext: () => Promise<unknown> | unknown,
): Promise<ExecutionResult | AsyncIterableIterator<ExecutionResult>> {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return source as ExecutionResult;
  const events = source as AsyncIterableIterator<unknown>;
  const results = createAsyncQueue<ExecutionResult>(() => {
    void events.return?.();
  });
  void (async () => {
    try {
      for await (const event of events) {
        if (results.closed) break;
        results.push(await execute({ ...args, rootValue: event, contextValue: await createContext() }));
      }
      results.end();
    } catch (error) {
      results.fail(error);
    }
  })();
  return results;
}
