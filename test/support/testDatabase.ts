import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from '../../runtime/database/database';
import { openPglite } from '../../runtime/database/pglite';
import { openPostgres } from '../../runtime/database/postgres';
import { createScratchDatabase } from '../../runtime/database/scratchDatabase';
import { migrateSubgraph, subgraphMigrations } from '../../runtime/server/startSubgraph';
import { campaignMigrationsDir } from '../../subgraphs/campaign';
import { engagementMigrationsDir } from '../../subgraphs/engagement';
import { ledgerMigrationsDir } from '../../subgraphs/ledger';
import { profileMigrationsDir } from '../../subgraphs/profile';
import { rewardsMigrationsDir } from '../../subgraphs/rewards';

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

/** Every subgraph's migrations folder, in the order the stack starts them. */
const stackMigrationDirs = {
  profile: profileMigrationsDir,
  campaign: campaignMigrationsDir,
  rewards: rewardsMigrationsDir,
  ledger: ledgerMigrationsDir,
  engagement: engagementMigrationsDir,
};

/**
 * The data folder of an in-memory PGlite with every subgraph's migrations applied. Creating a
 * PGlite and migrating it costs seconds per graph; loading this copy, one. Kept in the temp folder
 * under a hash of the migrations and the PGlite version, so it is made once per change of either
 * (by whichever Jest worker gets there first; the rename makes a half-written copy invisible).
 */
async function migratedPgliteTemplate(): Promise<Blob> {
  const plan = Object.entries(stackMigrationDirs).map(([schema, dir]) => ({
    schema,
    ...subgraphMigrations(schema, dir),
  }));
  // Its package.json is not among the package's exports: read it beside the entry point (dist/).
  const pglitePackage = path.join(path.dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json');
  const pgliteVersion = (JSON.parse(readFileSync(pglitePackage, 'utf8')) as { version: string }).version;
  const key = createHash('sha256').update(JSON.stringify({ pgliteVersion, plan })).digest('hex').slice(0, 16);
  const file = path.join(tmpdir(), `loyalty-test-pglite-${key}.tar`);
  try {
    return new Blob([readFileSync(file)]);
  } catch {
    // not made yet
  }
  const db = await openPglite();
  try {
    for (const [schema, dir] of Object.entries(stackMigrationDirs)) await migrateSubgraph(db, schema, dir);
    const dump = await db.dumpDataDir();
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
    return dump;
  } finally {
    await db.close();
  }
}

/**
 * A fresh database for one test file: in-memory PGlite, or a new database on the PostgreSQL server
 * named by DATABASE_URL (dropped afterwards). Empty, or with `migrated` (in memory on PGlite) already
 * holding every subgraph's schema, as a first start of the stack leaves it.
 */
export async function createTestDatabase(
  options: { onDisk?: boolean; migrated?: boolean } = {},
): Promise<TestDatabase> {
  if (testDatabaseKind() === 'pglite') {
    const dataDir = options.onDisk ? mkdtempSync(path.join(tmpdir(), 'loyalty-test-')) : undefined;
    const template = options.migrated && !dataDir ? await migratedPgliteTemplate() : undefined;
    const handle: TestDatabase = {
      db: await openPglite({ dataDir, loadDataDir: template }),
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
