import { randomUUID } from 'node:crypto';
import type { Role } from '../../../runtime/auth/principal';
import type { Database } from '../../../runtime/database/database';
import { importUploadPath } from '../../../runtime/imports/importBatch';
import { LedgerError, LedgerErrorKind } from '../errors';
import {
  ImportFormat,
  ImportJobStateEnum,
  type ImportJob,
  type ImportProgressInput,
  type StartImportInput,
} from './importJob.type';
import { importJobStore, type ImportJobRow } from './importJob.store';

/** A RUNNING job not heard from for this long has lost its upload (a gateway stopped or killed). */
export const stalledAfterMs = 60_000;

export function toImportJob(row: ImportJobRow, now = new Date()): ImportJob {
  const stalled = row.state === 'RUNNING' && now.getTime() - row.updated_at.getTime() > stalledAfterMs;
  return {
    id: row.id,
    kind: row.kind as ImportJob['kind'],
    format: row.format === 'csv' ? ImportFormat.CSV : ImportFormat.NDJSON,
    dryRun: row.dry_run,
    fileName: row.file_name,
    state: stalled ? ImportJobStateEnum.INTERRUPTED : (row.state as ImportJobStateEnum),
    total: row.total,
    processed: row.applied + row.skipped + row.failed,
    applied: row.applied,
    skipped: row.skipped,
    failed: row.failed,
    throughLine: row.through_line,
    attempt: row.attempt,
    bytesReceived: row.bytes_received,
    bytesTotal: row.bytes_total,
    message: stalled
      ? `No progress since ${row.updated_at.toISOString()}: upload the file again to resume`
      : row.message,
    uploadPath: `${importUploadPath}/${row.id}`,
    createdAt: row.created_at,
    startedAt: row.started_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  };
}

/** Import jobs: created by an admin, then advanced by the gateway as it applies the uploaded file. */
export class ImportJobService {
  constructor(
    private readonly db: Database,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async start(input: StartImportInput, actor: { role: Role; subject: string }): Promise<ImportJob> {
    const row = await importJobStore.insert(this.db, {
      id: randomUUID(),
      kind: input.kind,
      format: input.format === ImportFormat.CSV ? 'csv' : 'ndjson',
      dryRun: input.dryRun,
      fileName: input.fileName ?? null,
      total: input.total ?? null,
      createdBy: { role: actor.role, subject: actor.subject },
      now: this.clock(),
    });
    return toImportJob(row);
  }

  /** Takes the job for an upload; a completed job takes none. */
  async beginUpload(id: string, bytesTotal: number | null): Promise<ImportJob> {
    const row = await importJobStore.begin(this.db, id, bytesTotal, this.clock());
    if (row) return toImportJob(row);
    if (await importJobStore.find(this.db, id)) {
      throw new LedgerError(
        LedgerErrorKind.ImportJobCompleted,
        'This import has completed; start a new import to load the file again (records already in are skipped)',
      );
    }
    throw new LedgerError(LedgerErrorKind.UnknownImportJob, `No import job ${id}`);
  }

  /** False when another upload has taken the job over since this attempt began. */
  recordProgress(input: ImportProgressInput): Promise<boolean> {
    return this.db.transaction((tx) =>
      importJobStore.recordProgress(tx, {
        jobId: input.jobId,
        attempt: input.attempt,
        throughLine: input.throughLine,
        applied: input.applied,
        skipped: input.skipped,
        errors: input.errors,
        bytesReceived: input.bytesReceived,
        now: this.clock(),
      }),
    );
  }

  async finishUpload(
    id: string,
    attempt: number,
    outcome: { state: 'COMPLETED'; total: number } | { state: 'INTERRUPTED'; message: string },
  ): Promise<ImportJob | null> {
    const row = await importJobStore.finish(this.db, id, attempt, outcome, this.clock());
    return row ? toImportJob(row) : null;
  }
}
