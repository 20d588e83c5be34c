import type { Queryable } from '../../../runtime/database/database';
import type { ImportLineError } from '../../../runtime/imports/importBatch';

export type ImportJobState = 'WAITING_FOR_FILE' | 'RUNNING' | 'INTERRUPTED' | 'COMPLETED';

export interface ImportJobRow {
  id: string;
  position: number;
  kind: string;
  format: string;
  dry_run: boolean;
  file_name: string | null;
  state: ImportJobState;
  attempt: number;
  through_line: number;
  total: number | null;
  applied: number;
  skipped: number;
  failed: number;
  bytes_received: number;
  bytes_total: number | null;
  message: string | null;
  created_by: { role: string; subject: string };
  created_at: Date;
  started_at: Date | null;
  updated_at: Date;
  finished_at: Date | null;
}

export interface NewImportJob {
  id: string;
  kind: string;
  format: string;
  dryRun: boolean;
  fileName: string | null;
  total: number | null;
  createdBy: { role: string; subject: string };
  now: Date;
}

/** What one applied batch adds to a job. */
export interface ImportProgress {
  jobId: string;
  attempt: number;
  throughLine: number;
  applied: number;
  skipped: number;
  errors: readonly ImportLineError[];
  bytesReceived: number;
  now: Date;
}

export interface ImportErrorRow {
  line: number;
  field: string;
  code: string;
  message: string;
}

const numeric = [
  'position',
  'attempt',
  'through_line',
  'total',
  'applied',
  'skipped',
  'failed',
  'bytes_received',
  'bytes_total',
] as const;

function toRow(row: ImportJobRow): ImportJobRow {
  for (const column of numeric) {
    const value = row[column] as unknown;
    if (value !== null && value !== undefined) (row as unknown as Record<string, number>)[column] = Number(value);
  }
  return row;
}

/** SQL for `ledger.import_jobs` and `ledger.import_errors`. */
export const importJobStore = {
  async insert(db: Queryable, job: NewImportJob): Promise<ImportJobRow> {
    const { rows } = await db.query<ImportJobRow>(
      `insert into ledger.import_jobs (id, kind, format, dry_run, file_name, state, total, created_by, created_at, updated_at)
       values ($1, $2, $3, $4, $5, 'WAITING_FOR_FILE', $6, $7::jsonb, $8, $8) returning *`,
      [job.id, job.kind, job.format, job.dryRun, job.fileName, job.total, JSON.stringify(job.createdBy), job.now],
    );
    return toRow(rows[0]!);
  },

  async find(db: Queryable, id: string): Promise<ImportJobRow | undefined> {
    const { rows } = await db.query<ImportJobRow>('select * from ledger.import_jobs where id = $1', [id]);
    return rows[0] && toRow(rows[0]);
  },

  /** Newest first, after the position of a cursor. */
  async page(db: Queryable, beforePosition: number | null, limit: number): Promise<ImportJobRow[]> {
    const { rows } = await db.query<ImportJobRow>(
      `select * from ledger.import_jobs where ($1::bigint is null or position < $1) order by position desc limit $2`,
      [beforePosition, limit],
    );
    return rows.map(toRow);
  },

  /** Takes the job for a new upload of its file: the next attempt, running, from where it got to. */
  async begin(db: Queryable, id: string, bytesTotal: number | null, now: Date): Promise<ImportJobRow | undefined> {
    const { rows } = await db.query<ImportJobRow>(
      `update ledger.import_jobs
          set attempt = attempt + 1, state = 'RUNNING', started_at = coalesce(started_at, $2), updated_at = $2,
              bytes_total = coalesce($3, bytes_total), message = null
        where id = $1 and state <> 'COMPLETED'
        returning *`,
      [id, now, bytesTotal],
    );
    return rows[0] && toRow(rows[0]);
  },

  /**
   * Adds a batch's counts and faults, in one transaction, if the attempt is still the job's
   * latest and the batch is past what was recorded; false when another upload took the job over.
   */
  async recordProgress(tx: Queryable, progress: ImportProgress): Promise<boolean> {
    const failedLines = new Set(progress.errors.map((error) => error.line)).size;
    const { rows } = await tx.query<{ id: string }>(
      `update ledger.import_jobs
          set through_line = greatest(through_line, $3), applied = applied + $4, skipped = skipped + $5,
              failed = failed + $6, bytes_received = greatest(bytes_received, $7), updated_at = $8
        where id = $1 and attempt = $2 and state = 'RUNNING'
        returning id`,
      [
        progress.jobId,
        progress.attempt,
        progress.throughLine,
        progress.applied,
        progress.skipped,
        failedLines,
        progress.bytesReceived,
        progress.now,
      ],
    );
    if (rows.length === 0) return false;
    if (progress.errors.length > 0) {
      await tx.query(
        `insert into ledger.import_errors (job_id, line, field, code, message)
         select $1, line, field, code, message
           from unnest($2::bigint[], $3::text[], $4::text[], $5::text[]) as e(line, field, code, message)
         on conflict do nothing`,
        [
          progress.jobId,
          progress.errors.map((error) => error.line),
          progress.errors.map((error) => error.field ?? ''),
          progress.errors.map((error) => error.code),
          progress.errors.map((error) => error.message),
        ],
      );
    }
    return true;
  },

  /** Ends an attempt: COMPLETED with the records counted, or INTERRUPTED (resumable) with why. */
  async finish(
    db: Queryable,
    id: string,
    attempt: number,
    outcome: { state: 'COMPLETED'; total: number } | { state: 'INTERRUPTED'; message: string },
    now: Date,
  ): Promise<ImportJobRow | undefined> {
    const { rows } = await db.query<ImportJobRow>(
      `update ledger.import_jobs
          set state = $3, total = coalesce($4, total), message = $5, updated_at = $6,
              finished_at = case when $3 = 'COMPLETED' then $6 else finished_at end
        where id = $1 and attempt = $2 and state = 'RUNNING'
        returning *`,
      [
        id,
        attempt,
        outcome.state,
        outcome.state === 'COMPLETED' ? outcome.total : null,
        outcome.state === 'INTERRUPTED' ? outcome.message : null,
        now,
      ],
    );
    return rows[0] && toRow(rows[0]);
  },

  /** A job's faults by line, after a (line, field) cursor. */
  async errors(db: Queryable, jobId: string, after: [number, string] | null, limit: number): Promise<ImportErrorRow[]> {
    const { rows } = await db.query<ImportErrorRow>(
      `select line, field, code, message from ledger.import_errors
        where job_id = $1 and ($2::bigint is null or (line, field) > ($2, $3))
        order by line, field limit $4`,
      [jobId, after?.[0] ?? null, after?.[1] ?? '', limit],
    );
    return rows.map((row) => ({ ...row, line: Number(row.line) }));
  },
};
