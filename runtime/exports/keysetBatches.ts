/**
 * Reads a table in batches ordered by a unique key, each batch starting after the last key of the
 * one before (keyset pagination): no row is read twice or skipped when rows are added meanwhile,
 * and a batch costs an index range scan however deep into the table it is.
 */
export interface KeysetRead<Row, Key> {
  /** The rows after `after` (null: from the start), ordered by the key, at most `limit`. */
  read(after: Key | null, limit: number): Promise<readonly Row[]>;
  keyOf(row: Row): Key;
  batchSize: number;
  /** Stops before the next batch when it aborts (the client went away). */
  signal?: AbortSignal;
}

export async function* keysetBatches<Row, Key>(options: KeysetRead<Row, Key>): AsyncGenerator<readonly Row[]> {
  const { batchSize } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError('batchSize must be a positive integer');
  let after: Key | null = null;
  for (;;) {
    if (options.signal?.aborted) return;
    const rows = await options.read(after, batchSize);
    if (rows.length > batchSize)
      throw new Error(`a keyset read returned ${rows.length} rows for a limit of ${batchSize}`);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    after = options.keyOf(rows[rows.length - 1]!);
  }
}
