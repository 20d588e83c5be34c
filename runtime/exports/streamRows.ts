import type { ServerResponse } from 'node:http';
import { type ExportColumn, type ExportFormat, exportContentTypes, rowEncoder } from './exportFormat';

/**
 * Resolves on `event` (`drain`: it can take more; `finish`: all was handed to the socket), or once
 * the response is gone: never waits forever for a client that left, even before this was called.
 */
function settled(res: ServerResponse, event: 'drain' | 'finish'): Promise<void> {
  return new Promise((resolve) => {
    if (res.destroyed || res.closed) {
      resolve();
      return;
    }
    const done = () => {
      res.off(event, done);
      res.off('close', done);
      resolve();
    };
    res.on(event, done);
    res.on('close', done);
  });
}

export interface StreamRowsOptions<Row> {
  format: ExportFormat;
  columns: readonly ExportColumn<Row>[];
  /** The rows, batch by batch; read only as fast as the client takes them. */
  batches: AsyncIterable<readonly Row[]>;
  /** Aborted when the client goes away: no batch is read after it. */
  signal: AbortSignal;
  /** More response headers (a file name). */
  headers?: Record<string, string>;
}

export interface StreamedRows {
  rows: number;
  /** False when the client went away before the end. */
  complete: boolean;
}

/**
 * Writes an export as it is read: the first batch is read before anything is sent (a failure then
 * is still a clean error answer, which the caller gives), then the header and each batch, waiting
 * for the socket to drain before reading the next one, so at most one batch waits in memory
 * however slow the client. A client that disconnects ends the reading at the next batch.
 */
export async function streamRows<Row>(res: ServerResponse, options: StreamRowsOptions<Row>): Promise<StreamedRows> {
  const encoder = rowEncoder(options.format, options.columns);
  const iterator = options.batches[Symbol.asyncIterator]();
  let rows = 0;
  try {
    const first = await iterator.next();
    if (options.signal.aborted) return { rows, complete: false };
    res.writeHead(200, {
      'content-type': exportContentTypes[options.format],
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...options.headers,
    });
    let more = res.write(encoder.header());
    let next = first;
    while (!next.done) {
      rows += next.value.length;
      more = res.write(encoder.rows(next.value)) && more;
      if (!more) await settled(res, 'drain');
      if (options.signal.aborted || res.destroyed) return { rows, complete: false };
      more = true;
      next = await iterator.next();
    }
    const finished = settled(res, 'finish');
    res.end();
    await finished;
    return { rows, complete: !res.destroyed || res.writableFinished };
  } finally {
    // Closes the read (a snapshot transaction ends with it) however the stream ended.
    await iterator.return?.(undefined);
  }
}
