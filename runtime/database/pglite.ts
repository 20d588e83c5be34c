import { mkdirSync } from 'node:fs';
import { PGlite, types } from '@electric-sql/pglite';
import { type Database, parseInt8, type Queryable, type QueryResult } from './database';
import { lockFolder } from './folderLock';

export interface PgliteOptions {
  /** Folder that keeps the data between runs; `undefined` keeps everything in memory. */
  dataDir?: string;
  /** Starts from this copy of a data folder (from `dumpDataDir`) instead of an empty database. */
  loadDataDir?: Blob;
}

/** The embedded database, which can also hand out a copy of its data folder. */
export interface PgliteDatabase extends Database {
  /** A tarball of the data folder as it is now, for `loadDataDir`. */
  dumpDataDir(): Promise<Blob>;
}

function toResult<Row>(result: { rows: Row[]; affectedRows?: number }): QueryResult<Row> {
  return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
}

/**
 * Embedded PostgreSQL (WebAssembly) in this process. One backend: transactions are serialised,
 * and `NOTIFY` reaches listeners in this process only.
 */
export async function openPglite(options: PgliteOptions = {}): Promise<PgliteDatabase> {
  let release = () => {};
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    release = lockFolder(options.dataDir);
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      dataDir: options.dataDir,
      loadDataDir: options.loadDataDir,
      parsers: { [types.INT8]: (value: string) => parseInt8(value) },
    });
  } catch (error) {
    release();
    throw error;
  }

  return {
    kind: 'pglite',
    async query<Row>(sql: string, params?: readonly unknown[]) {
      return toResult(await pglite.query<Row>(sql, params ? [...params] : undefined));
    },
    async exec(sql: string) {
      await pglite.exec(sql);
    },
    transaction<T>(work: (tx: Queryable) => Promise<T>) {
      return pglite.transaction(async (tx) =>
        work({
          async query<Row>(sql: string, params?: readonly unknown[]) {
            return toResult(await tx.query<Row>(sql, params ? [...params] : undefined));
          },
          async exec(sql: string) {
            await tx.exec(sql);
          },
        }),
      );
    },
    async listen(channel, onNotify) {
      const unlisten = await pglite.listen(channel, onNotify);
      return async () => {
        if (!pglite.closed) await unlisten();
      };
    },
    async dumpDataDir() {
      return pglite.dumpDataDir('none');
    },
    async close() {
      if (!pglite.closed) await pglite.close();
      release();
    },
  };
}
