import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Express, type Request, type Response } from 'express';
import { authenticate } from '../auth/authorize';
import type { TokenVerifier } from '../auth/tokens';
import type { Database, Queryable } from '../database/database';
import { readSnapshot, type SnapshotKind } from '../database/readSnapshot';
import { ErrorCode } from '../errors/errorCodes';
import type { Logger } from '../logging/logger';
import { isUuid } from '../validation/validators';
import type { ExportColumn } from './exportFormat';
import { badParameter, ExportRequestError, parseIsoTime, sendExportError } from './exportRequest';
import { isExportFormat } from './exportFormat';
import { keysetBatches } from './keysetBatches';
import { streamRows } from './streamRows';

/** Which rows of a dataset an export takes. */
export interface ExportFilter {
  from: Date | null;
  to: Date | null;
  /** Only these customers' rows (a segment's members); null: everyone's. */
  customerIds: readonly string[] | null;
}

/** One dataset an owner serves: its columns and how to read a batch of it after a key. */
export interface ExportDataset<Row, Key> {
  columns: readonly ExportColumn<Row>[];
  /** Whether `from`/`to` apply (rows with a time of their own), or the rows are as of now. */
  ranged: boolean;
  read(db: Queryable, filter: ExportFilter, after: Key | null, limit: number): Promise<readonly Row[]>;
  keyOf(row: Row): Key;
}

// The datasets of one owner have rows of different shapes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ExportDatasets = Readonly<Record<string, ExportDataset<any, any>>>;

/** Where an owner serves its datasets to the gateway (internal token only). */
export const internalExportPath = '/internal/export';

/** The body the gateway posts: the format and the filter, customer ids already resolved. */
export interface InternalExportRequest {
  format: string;
  from?: string | null;
  to?: string | null;
  customerIds?: string[] | null;
}

export interface ExportEndpointOptions {
  db: Database;
  verifier: TokenVerifier;
  datasets: ExportDatasets;
  /** Rows per keyset batch. */
  batchSize: number;
  logger: Logger;
}

function readFilter(body: unknown, ranged: boolean): { format: 'ndjson' | 'csv'; filter: ExportFilter } {
  const request = (typeof body === 'object' && body !== null ? body : {}) as InternalExportRequest;
  if (!isExportFormat(request.format)) throw badParameter('format', 'format must be ndjson or csv');
  const time = (name: 'from' | 'to') => {
    const value = request[name];
    if (value === undefined || value === null) return null;
    if (!ranged) throw badParameter(name, `${name} does not apply to this dataset`);
    return parseIsoTime(name, String(value));
  };
  const ids = request.customerIds;
  if (ids !== undefined && ids !== null && !(Array.isArray(ids) && ids.every((id) => isUuid(id)))) {
    throw badParameter('customerIds', 'customerIds must be a list of customer ids');
  }
  return { format: request.format, filter: { from: time('from'), to: time('to'), customerIds: ids ?? null } };
}

/**
 * Serves `POST /internal/export/:dataset` on an owner: the gateway, with an internal token, posts
 * the format and filter and pipes the answer to its client. Rows are read in keyset batches inside
 * one snapshot (`readSnapshot`), written with backpressure, and the reading stops when the
 * connection closes.
 */
export function mountExportEndpoint(app: Express, options: ExportEndpointOptions): void {
  app.post(`${internalExportPath}/:dataset`, express.json({ limit: '64mb' }), async (req: Request, res: Response) => {
    const abort = new AbortController();
    res.once('close', () => abort.abort());
    try {
      const principal = await authenticate(options.verifier, req.headers.authorization).catch(() => null);
      if (principal?.role !== 'internal') {
        throw new ExportRequestError(401, ErrorCode.UNAUTHENTICATED, "This endpoint serves this graph's services only");
      }
      const name = String(req.params.dataset);
      const dataset = Object.hasOwn(options.datasets, name) ? options.datasets[name] : undefined;
      if (!dataset) throw new ExportRequestError(404, ErrorCode.NOT_FOUND, `No dataset ${name} here`);
      const { format, filter } = readFilter(req.body, dataset.ranged);
      const started = Date.now();
      const result = await readSnapshot(options.db, (tx, snapshot: SnapshotKind) =>
        streamRows(res as unknown as ServerResponse, {
          format,
          columns: dataset.columns,
          signal: abort.signal,
          headers: { 'x-export-snapshot': snapshot },
          batches: keysetBatches({
            read: (after, limit) => dataset.read(tx, filter, after, limit),
            keyOf: (row) => dataset.keyOf(row),
            batchSize: options.batchSize,
            signal: abort.signal,
          }),
        }),
      );
      options.logger.info('export', {
        dataset: name,
        format,
        rows: result.rows,
        complete: result.complete,
        durationMs: Date.now() - started,
      });
    } catch (error) {
      answerFailure(req, res, error, options.logger);
    }
  });
}

function answerFailure(req: IncomingMessage, res: Response, error: unknown, logger: Logger): void {
  if (res.headersSent) {
    // Rows have gone out: cutting the connection (no last chunk) tells the client the file is incomplete.
    logger.warn('export failed mid-stream', { url: req.url, error: String(error) });
    res.destroy(error instanceof Error ? error : new Error(String(error)));
    return;
  }
  if (res.destroyed) return;
  if (error instanceof ExportRequestError) {
    sendExportError(res, error);
    return;
  }
  logger.warn('export failed', { url: req.url, error: String(error) });
  sendExportError(
    res,
    new ExportRequestError(503, ErrorCode.SERVICE_UNAVAILABLE, 'The export could not be read now; try again'),
  );
}
