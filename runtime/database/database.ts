/** Rows returned by a statement, with the number of rows it touched. */
export interface QueryResult<Row> {
  rows: Row[];
  rowCount: number;
}

/** Anything that runs parameterised SQL: the database itself or an open transaction. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export type DatabaseKind = 'pglite' | 'postgres';

/**
 * The one storage interface every service uses. PGlite (embedded) and a PostgreSQL server are two
 * adapters behind it; both run the same SQL, and both type `int8` columns as JS numbers,
 * `timestamptz` as `Date` and `jsonb` as parsed values.
 */
export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Calls `onNotify` for every `NOTIFY` on `channel` (delivered after the notifying transaction
   * commits), and `onInterrupted` as soon as the listening connection is lost: notices sent until it
   * is back (when `onNotify` gets an empty payload) are lost. PGlite's listeners are never interrupted.
   */
  listen(
    channel: string,
    onNotify: (payload: string) => void,
    onInterrupted?: () => void,
  ): Promise<() => Promise<void>>;
  /**
   * The read replica's pool (`DATABASE_READ_URL`; `withReadReplica`), absent when reads go to this
   * database; ask for it with `readReplica(db)`.
   */
  readonly replica?: Database;
  /** Connections of the pool, for the metrics (a server's pool; PGlite has none). */
  poolStats?(): { total: number; idle: number; waiting: number };
  close(): Promise<void>;
}

/** Runs the cheapest statement: the health check's proof that the database answers. */
export async function pingDatabase(db: Queryable): Promise<void> {
  await db.query('select 1');
}

/** Converts an `int8` value to a JS number, refusing values that a number cannot hold exactly. */
export function parseInt8(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed)) {
    throw new RangeError(`int8 value ${value} is outside the safe integer range`);
  }
  return parsed;
}

/** PostgreSQL SQLSTATE codes the services react to. */
export const SqlState = {
  uniqueViolation: '23505',
  checkViolation: '23514',
  foreignKeyViolation: '23503',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
} as const;

/** True when `error` is a PostgreSQL error with the given SQLSTATE (same shape on both drivers). */
export function hasSqlState(error: unknown, state: string): error is { code: string; constraint?: string } {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === state;
}
