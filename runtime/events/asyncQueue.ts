/**
 * A push/pull queue exposed as an async iterator. Unlike an async generator, `return()` settles at
 * once, even while a consumer is waiting for the next value, so closing a stream never waits for
 * the next upstream event.
 */
export interface AsyncQueue<T> extends AsyncIterableIterator<T> {
  push(value: T): void;
  /** Ends the stream after the values already queued. */
  end(): void;
  /** Ends the stream with an error after the values already queued. */
  fail(error: unknown): void;
  readonly size: number;
  readonly closed: boolean;
}

export function createAsyncQueue<T>(onClose?: () => void): AsyncQueue<T> {
  const values: T[] = [];
  const waiting: Array<{ resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void }> = [];
  let finished = false;
  let failure: { error: unknown } | undefined;
  let closeNotified = false;

  const notifyClose = () => {
    if (closeNotified) return;
    closeNotified = true;
    onClose?.();
  };

  const settleWaiting = () => {
    while (waiting.length > 0 && (values.length > 0 || finished)) {
      const next = waiting.shift()!;
      if (values.length > 0) next.resolve({ value: values.shift()!, done: false });
      else if (failure) {
        const { error } = failure;
        failure = undefined;
        next.reject(error);
      } else next.resolve({ value: undefined, done: true });
    }
  };

  const queue: AsyncQueue<T> = {
    push(value) {
      if (finished) return;
      values.push(value);
      settleWaiting();
    },
    end() {
      if (finished) return;
      finished = true;
      settleWaiting();
      notifyClose();
    },
    fail(error) {
      if (finished) return;
      finished = true;
      failure = { error };
      settleWaiting();
      notifyClose();
    },
    get size() {
      return values.length;
    },
    get closed() {
      return finished;
    },
    next() {
      if (values.length > 0) return Promise.resolve({ value: values.shift()!, done: false });
      if (finished) {
        if (failure) {
          const { error } = failure;
          failure = undefined;
          return Promise.reject(error);
        }
        return Promise.resolve({ value: undefined, done: true });
      }
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    return() {
      finished = true;
      values.length = 0;
      failure = undefined;
      settleWaiting();
      notifyClose();
      return Promise.resolve({ value: undefined, done: true });
    },
    throw(error?: unknown) {
      queue.return!();
      return Promise.reject(error);
    },
    [Symbol.asyncIterator]() {
      return queue;
    },
  };
  return queue;
}
