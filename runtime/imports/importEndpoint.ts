import express, { type Express, type Request, type Response } from 'express';
import { authenticate } from '../auth/authorize';
import type { TokenVerifier } from '../auth/tokens';
import type { Database } from '../database/database';
import { ErrorCode } from '../errors/errorCodes';
import type { Logger } from '../logging/logger';
import { internalImportPath, type ImportAppliers, type ImportBatchRequest, type ImportRecord } from './importBatch';

export interface ImportEndpointOptions {
  db: Database;
  verifier: TokenVerifier;
  appliers: ImportAppliers;
  logger: Logger;
}

function failure(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

function readBatch(body: unknown): ImportBatchRequest | null {
  if (typeof body !== 'object' || body === null) return null;
  const { jobId, dryRun, records } = body as Record<string, unknown>;
  if (typeof jobId !== 'string' || typeof dryRun !== 'boolean' || !Array.isArray(records)) return null;
  const valid = records.every(
    (record: unknown) =>
      typeof record === 'object' &&
      record !== null &&
      Number.isSafeInteger((record as ImportRecord).line) &&
      typeof (record as ImportRecord).fields === 'object' &&
      (record as ImportRecord).fields !== null,
  );
  return valid ? { jobId, dryRun, records: records as ImportRecord[] } : null;
}

/**
 * Serves `POST /internal/import/:kind` on an owner: the gateway, with an internal token, posts a
 * batch of parsed records and gets back what was applied, skipped and refused (line, field, code).
 */
export function mountImportEndpoint(app: Express, options: ImportEndpointOptions): void {
  app.post(`${internalImportPath}/:kind`, express.json({ limit: '64mb' }), async (req: Request, res: Response) => {
    const principal = await authenticate(options.verifier, req.headers.authorization).catch(() => null);
    if (principal?.role !== 'internal') {
      failure(res, 401, ErrorCode.UNAUTHENTICATED, "This endpoint serves this graph's services only");
      return;
    }
    const kind = String(req.params.kind);
    const applier = Object.hasOwn(options.appliers, kind) ? options.appliers[kind as keyof ImportAppliers] : undefined;
    if (!applier) {
      failure(res, 404, ErrorCode.NOT_FOUND, `No import of ${kind} here`);
      return;
    }
    const batch = readBatch(req.body);
    if (!batch) {
      failure(res, 400, ErrorCode.BAD_USER_INPUT, 'The body must be { jobId, dryRun, records: [{ line, fields }] }');
      return;
    }
    const started = Date.now();
    try {
      const result = await applier(options.db, batch);
      options.logger.debug('import batch', {
        kind,
        jobId: batch.jobId,
        records: batch.records.length,
        applied: result.applied,
        skipped: result.skipped,
        failed: new Set(result.errors.map((error) => error.line)).size,
        durationMs: Date.now() - started,
      });
      res.json(result);
    } catch (error) {
      options.logger.warn('import batch failed', { kind, jobId: batch.jobId, error: String(error) });
      failure(res, 503, ErrorCode.SERVICE_UNAVAILABLE, 'The batch could not be applied now; nothing of it was kept');
    }
  });
}
