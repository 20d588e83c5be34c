import type { ServerResponse } from 'node:http';
import type { Express, Request, Response } from 'express';
import type { Role } from '../../runtime/auth/principal';
import type { InternalCredential, TokenVerifier } from '../../runtime/auth/tokens';
import { ErrorCode } from '../../runtime/errors/errorCodes';
import { ExportRequestError, sendExportError } from '../../runtime/exports/exportRequest';
import { UpstreamError } from '../../runtime/http/graphqlRequest';
import { callOperation } from '../../runtime/http/operation';
import {
  importOwners,
  importUploadPath,
  internalImportPath,
  type ImportBatchResult,
  type ImportLineError,
  type ImportRecord,
} from '../../runtime/imports/importBatch';
import { parseRecords } from '../../runtime/imports/recordStream';
import { retryDelayMs } from '../../runtime/jobs/backoff';
import type { Logger } from '../../runtime/logging/logger';
import { isUuid } from '../../runtime/validation/validators';
import {
  beginImportUpload,
  finishImportUpload,
  recordImportProgress,
  type ImportUploadJob,
} from '../../subgraphs/ledger/contract/internalApi';
import { callerOf } from '../exports/exportRoutes';

/** Who may load a program's data in bulk. */
export const importRoles: readonly Role[] = ['admin'];

export interface ImportRoutesOptions {
  verifier: TokenVerifier;
  subgraphUrls: Readonly<Record<string, string>>;
  credential: InternalCredential;
  logger: Logger;
  /** Records per batch sent to the owner (one transaction each). */
  batchRecords: number;
  /** Batches applied at once (a batch of orders with a return waits for those before it). */
  batchesInFlight: number;
}

/** Errors of the upload kept in the answer (all of them are in `importJob.errors`). */
const answeredErrors = 20;
/** Tries of a batch whose owner did not answer, before the upload stops (resumable). */
const batchTries = 4;
const retryPolicy = { baseMs: 250, maxMs: 4000 };

class UploadStopped extends Error {}

interface UploadSummary {
  records: number;
  applied: number;
  skipped: number;
  failed: number;
  errors: ImportLineError[];
}

function integerParameter(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (typeof value !== 'string' || !Number.isSafeInteger(number) || number < 1) {
    throw new ExportRequestError(400, ErrorCode.BAD_USER_INPUT, `${name} must be a line number (1 or more)`, {
      parameter: name,
    });
  }
  return number;
}

function booleanParameter(value: unknown, name: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new ExportRequestError(400, ErrorCode.BAD_USER_INPUT, `${name} must be true or false`, { parameter: name });
}

function upstreamRefusal(error: unknown, service: string): ExportRequestError {
  if (error instanceof UpstreamError && error.kind === 'UpstreamRejected') {
    const code = String(error.details.upstreamCode ?? ErrorCode.BAD_USER_INPUT);
    const status = code === ErrorCode.NOT_FOUND ? 404 : code === ErrorCode.CONFLICT ? 409 : 400;
    return new ExportRequestError(status, code, error.message);
  }
  return new ExportRequestError(
    503,
    ErrorCode.SERVICE_UNAVAILABLE,
    `The ${service} service did not answer; try again`,
    {
      serviceName: service,
    },
  );
}

/**
 * `PUT /import/<job id>` beside `/graphql`: the file of an import job (`startImport`), or one part of
 * it. The body is parsed as it arrives and sent to the owner of the kind in batches, one in flight
 * while the next is read (the socket is not read further until it is taken: memory stays flat); after
 * each batch the job records how far the file went in, so an upload cut off, or a gateway killed,
 * resumes after the last batch by uploading the file again (lines already in are skipped).
 *
 * A file too large for one request (the server's request timeout) goes in parts: each part starts at
 * a record, `?line=` gives the file's line number of the part's first line (a CSV part repeats the
 * header row, numbered as the line before its first record) and `?last=false` keeps the job running
 * for the next part. The CLI does this.
 */
export function mountImportRoutes(app: Express, options: ImportRoutesOptions): void {
  const url = (service: string) => {
    const found = options.subgraphUrls[service];
    if (!found)
      throw new ExportRequestError(503, ErrorCode.SERVICE_UNAVAILABLE, `The ${service} service is not configured`);
    return found;
  };
  const internal = async () => ({ headers: { authorization: await options.credential.authorization() } });

  app.put(`${importUploadPath}/:jobId`, async (req: Request, res: Response) => {
    const started = Date.now();
    const jobId = String(req.params.jobId);
    let job: ImportUploadJob | undefined;
    let bytes = 0;
    try {
      const caller = await callerOf(options.verifier, req.headers.authorization, importRoles, 'an import');
      if (!isUuid(jobId)) {
        throw new ExportRequestError(404, ErrorCode.NOT_FOUND, `No import job ${jobId}`, { parameter: 'jobId' });
      }
      const firstLine = integerParameter(req.query.line, 'line', 1);
      const last = booleanParameter(req.query.last, 'last', true);
      const length = Number(req.headers['content-length']);
      try {
        ({ beginImportUpload: job } = await callOperation(
          url('ledger'),
          beginImportUpload,
          { id: jobId, bytesTotal: firstLine === 1 && Number.isSafeInteger(length) ? length : null },
          await internal(),
        ));
      } catch (error) {
        throw upstreamRefusal(error, 'ledger');
      }
      const owner = importOwners[job.kind];
      const ownerUrl = new URL(`${internalImportPath}/${job.kind}`, url(owner)).toString();
      const uploadJob = job;
      const counted = async function* () {
        for await (const chunk of req as AsyncIterable<Buffer>) {
          bytes += chunk.length;
          yield chunk;
        }
      };
      const summary = await applyFile(counted(), firstLine, uploadJob, {
        apply: (records) => applyBatch(ownerUrl, owner, uploadJob, records, internal),
        record: async (progress) => {
          const { recordImportProgress: current } = await callOperation(
            url('ledger'),
            recordImportProgress,
            { input: { jobId, attempt: uploadJob.attempt, ...progress, bytesReceived: bytes } },
            await internal(),
          );
          if (!current) throw new UploadStopped('Another upload of this job took it over');
        },
        batchRecords: options.batchRecords,
        batchesInFlight: options.batchesInFlight,
        mayOverlap: uploadJob.kind === 'ORDERS' ? withoutReturns : () => true,
      });
      const { finishImportUpload: finished } = last
        ? await callOperation(
            url('ledger'),
            finishImportUpload,
            {
              id: jobId,
              attempt: uploadJob.attempt,
              state: 'COMPLETED',
              total: uploadJob.applied + uploadJob.skipped + uploadJob.failed + summary.records,
              message: null,
            },
            await internal(),
          )
        : { finishImportUpload: null };
      options.logger.info('import upload', {
        jobId,
        kind: uploadJob.kind,
        attempt: uploadJob.attempt,
        subject: caller.subject,
        records: summary.records,
        failed: summary.failed,
        bytes,
        last,
        durationMs: Date.now() - started,
      });
      res.status(200).json({
        job: finished ?? { ...uploadJob, state: 'RUNNING' },
        part: { records: summary.records, applied: summary.applied, skipped: summary.skipped, failed: summary.failed },
        errors: summary.errors,
      });
    } catch (error) {
      const stopped = error instanceof ExportRequestError ? error : toStopped(error);
      if (job) {
        await callOperation(
          url('ledger'),
          finishImportUpload,
          { id: jobId, attempt: job.attempt, state: 'INTERRUPTED', total: null, message: stopped.message },
          await internal(),
        ).catch((failure: unknown) =>
          options.logger.warn('import job not marked interrupted', { jobId, error: String(failure) }),
        );
      }
      options.logger.warn('import upload stopped', { jobId, bytes, status: stopped.status, error: String(error) });
      if (res.headersSent || res.destroyed || req.destroyed) {
        res.destroy();
        return;
      }
      sendExportError(res as unknown as ServerResponse, stopped);
    }
  });
}

function toStopped(error: unknown): ExportRequestError {
  if (error instanceof UploadStopped) return new ExportRequestError(409, ErrorCode.CONFLICT, error.message);
  if (error instanceof ExportRequestError) return error;
  if (error instanceof UpstreamError) return upstreamRefusal(error, 'ledger');
  return new ExportRequestError(
    503,
    ErrorCode.SERVICE_UNAVAILABLE,
    `The upload stopped (${(error as Error).message ?? String(error)}); upload the file again to resume`,
  );
}

/** Posts one batch to its owner, trying again while the owner does not answer. */
async function applyBatch(
  url: string,
  owner: string,
  job: ImportUploadJob,
  records: ImportRecord[],
  internal: () => Promise<{ headers: Record<string, string> }>,
): Promise<ImportBatchResult> {
  const body = JSON.stringify({ jobId: job.id, dryRun: job.dryRun, records });
  for (let attempt = 1; ; attempt++) {
    let status = 0;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { ...(await internal()).headers, 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(120_000),
      });
      status = response.status;
      if (response.ok) return (await response.json()) as ImportBatchResult;
      if (status !== 503) {
        throw new ExportRequestError(
          502,
          ErrorCode.INTERNAL_SERVER_ERROR,
          `The ${owner} service refused a batch (${status})`,
        );
      }
    } catch (error) {
      if (error instanceof ExportRequestError) throw error;
    }
    if (attempt >= batchTries) {
      throw new ExportRequestError(
        503,
        ErrorCode.SERVICE_UNAVAILABLE,
        `The ${owner} service did not apply a batch; upload the file again to resume`,
        {
          serviceName: owner,
        },
      );
    }
    await new Promise((resolve) => setTimeout(resolve, retryDelayMs(attempt, retryPolicy, Math.random())));
  }
}

interface FileSteps {
  apply: (records: ImportRecord[]) => Promise<ImportBatchResult>;
  record: (progress: {
    throughLine: number;
    applied: number;
    skipped: number;
    errors: ImportLineError[];
  }) => Promise<void>;
  batchRecords: number;
  /** Batches applied at once; their progress is still recorded in file order. */
  batchesInFlight: number;
  /** Whether a batch may be applied while earlier ones are; otherwise it waits for them all. */
  mayOverlap: (records: readonly ImportRecord[]) => boolean;
}

/**
 * Orders may overlap the batches before them only without returns: a return must find its purchase
 * (and the units already returned) committed, so a batch with one waits for every batch before it.
 */
function withoutReturns(records: readonly ImportRecord[]): boolean {
  return records.every((record) => String(record.fields.kind ?? '').trim() !== 'RETURN');
}

/**
 * Reads the records of a body and applies them batch by batch while the next is read, up to
 * `batchesInFlight` at once, recording each (through its last line) only after the one before it:
 * the job's line is always one that every line before it went in by. A batch applied after one that
 * failed is not recorded, so the resumed upload sends it again and its records count as skipped.
 */
async function applyFile(
  chunks: AsyncIterable<Buffer>,
  firstLine: number,
  job: ImportUploadJob,
  steps: FileSteps,
): Promise<UploadSummary> {
  const summary: UploadSummary = { records: 0, applied: 0, skipped: 0, failed: 0, errors: [] };
  let records: ImportRecord[] = [];
  let faults: ImportLineError[] = [];
  let throughLine = 0;
  let recorded: Promise<void> = Promise.resolve();
  const inFlight = new Set<Promise<void>>();
  let failure: unknown = null;

  const send = (batch: ImportRecord[], parseFaults: ImportLineError[], through: number) => {
    const applying = batch.length > 0 ? steps.apply(batch) : Promise.resolve({ applied: 0, skipped: 0, errors: [] });
    const before = recorded;
    const done = (async () => {
      const result = await applying;
      await before;
      if (failure) return;
      const errors = [...parseFaults, ...result.errors].sort((a, b) => a.line - b.line);
      await steps.record({ throughLine: through, applied: result.applied, skipped: result.skipped, errors });
      summary.applied += result.applied;
      summary.skipped += result.skipped;
      summary.failed += new Set(errors.map((error) => error.line)).size;
      for (const error of errors) if (summary.errors.length < answeredErrors) summary.errors.push(error);
    })().catch((error: unknown) => {
      failure ??= error;
    });
    recorded = done;
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
  };

  try {
    for await (const item of parseRecords(chunks, job.format === 'CSV' ? 'csv' : 'ndjson', firstLine)) {
      if (failure) break;
      const line = 'record' in item ? item.record.line : item.error.line;
      if (line <= job.throughLine) continue;
      summary.records += 1;
      throughLine = line;
      if ('record' in item) records.push(item.record);
      else faults.push(item.error);
      if (records.length + faults.length >= steps.batchRecords) {
        // Reading waits while the batches in flight are as many as allowed: memory stays flat.
        const limit = steps.mayOverlap(records) ? steps.batchesInFlight : 1;
        while (inFlight.size >= limit) await Promise.race(inFlight);
        send(records, faults, throughLine);
        records = [];
        faults = [];
      }
    }
  } finally {
    // A body cut off mid-way still records the batches in flight: the resumed upload starts after them.
    await recorded;
  }
  if (!failure && records.length + faults.length > 0) {
    if (!steps.mayOverlap(records)) while (inFlight.size > 0) await Promise.race(inFlight);
    send(records, faults, throughLine);
  }
  await recorded;
  if (failure) throw failure;
  return summary;
}
