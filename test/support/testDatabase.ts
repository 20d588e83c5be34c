import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from '../../runtime/database/database';
import { openPglite } from '../../runtime/database/pglite';
import { openPostgres } from '../../runtime/database/postgres';
import { createScratchDatabase } from '../../runtime/database/scratchDatabase';

declare const LOYALTY_TEST_DATABASE: 'pglite' | 'postgres' | undefined;

/** Which database this Jest project runs against (set per project in jest.config.js). */
export function testDatabaseKind(): 'pglite' | 'postgres' {
  return typeof LOYALTY_TEST_DATABASE === 'undefined' ? 'pglite' : LOYALTY_TEST_DATABASE;
}

export interface TestDatabase {
  db: Database;
  /** Closes the connection and opens the same database again (what a restart does). */
  reopen(): Promise<Database>;
  /** Closes the database and deletes it. */
  dispose(): Promise<void>;
}

/**
 * A fresh, empty database for one test file: in-memory PGlite, or a new database on the
 * PostgreSQL server named by DATABASE_URL (dropped afterwards).
 */
export async function createTestDatabase(options: { onDisk?: boolean } = {}): Promise<TestDatabase> {
  if (testDatabaseKind() === 'pglite') {
    const dataDir = options.onDisk ? mkdtempSync(path.join(tmpdir(), 'loyalty-test-')) : undefined;
    const handle: TestDatabase = {
      db: await openPglite({ dataDir }),
      async reopen() {
        if (!dataDir) throw new Error('an in-memory database cannot be reopened; pass onDisk');
        await handle.db.close();
        handle.db = await openPglite({ dataDir });
        return handle.db;
      },
      async dispose() {
        await handle.db.close();
        if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      },
    };
    return handle;
  }
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('the postgres test project needs DATABASE_URL');
  const scratch = await createScratchDatabase(serverUrl, 'loyalty_test');
  return testDatabaseAt(scratch.url, () => scratch.drop());
}

/** The PostgreSQL database at `url` as a test's database; `drop` runs once it is closed at dispose. */
export async function testDatabaseAt(url: string, drop?: () => Promise<void>): Promise<TestDatabase> {
  const open = () => openPostgres({ connectionString: url, poolSize: 10 });
  const handle: TestDatabase = {
    db: await open(),
    async reopen() {
      await handle.db.close();
      handle.db = await open();
      return handle.db;
    },
    async dispose() {
      await handle.db.close();
      await drop?.();
    },
  };
  return handle;
}
