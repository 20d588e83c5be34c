import type { Database } from '../database/database';

/** What an import brings, each applied by the subgraph that owns its rows. */
export const importKinds = ['MEMBERS', 'BALANCES', 'TIERS', 'ORDERS'] as const;
export type ImportKind = (typeof importKinds)[number];

export function isImportKind(value: unknown): value is ImportKind {
  return typeof value === 'string' && (importKinds as readonly string[]).includes(value);
}

/** The subgraph that applies each kind (the gateway sends it the batches). */
export const importOwners: Readonly<Record<ImportKind, 'profile' | 'ledger'>> = {
  MEMBERS: 'profile',
  BALANCES: 'ledger',
  TIERS: 'ledger',
  ORDERS: 'ledger',
};

/**
 * One record of an uploaded file, as parsed: NDJSON values as they were written; CSV cells as
 * strings (an empty cell is absent), with dotted headers (`consent.EMAIL.granted`) nested into objects
 * and list cells as JSON text. `RecordReader` reads both alike.
 */
export interface ImportRecord {
  /** The line of the file it came from (1 is the first line; a CSV header is line 1). */
  line: number;
  fields: Record<string, unknown>;
}

/** Why one line did not go in: reported to the importer and kept with the job. */
export interface ImportLineError {
  line: number;
  /** The field at fault (dotted for nested ones); null when the line as a whole is. */
  field: string | null;
  /** An `extensions.code` value: BAD_USER_INPUT, NOT_FOUND, CONFLICT. */
  code: string;
  message: string;
}

/** The body the gateway posts to an owner's `POST /internal/import/:kind`. */
export interface ImportBatchRequest {
  jobId: string;
  dryRun: boolean;
  records: ImportRecord[];
}

/**
 * What an owner did with a batch, in one transaction: every record is applied, skipped (already
 * there from an earlier run: the same external key with the same content) or failed with its errors.
 * A failed record changed nothing; `applied + skipped + failed lines = records`.
 */
export interface ImportBatchResult {
  applied: number;
  skipped: number;
  errors: ImportLineError[];
}

/** Applies one batch of a kind to the owner's tables; in a dry run it validates and writes nothing. */
export type ImportApplier = (db: Database, request: ImportBatchRequest) => Promise<ImportBatchResult>;

/** The kinds a subgraph applies, each by its applier. */
export type ImportAppliers = Partial<Readonly<Record<ImportKind, ImportApplier>>>;

/** Where an owner applies batches (internal token only). */
export const internalImportPath = '/internal/import';

/** Where the gateway takes a job's file: `PUT /import/<job id>` (admin). */
export const importUploadPath = '/import';
