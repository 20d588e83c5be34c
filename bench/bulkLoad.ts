import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../runtime/database/database';
import type { ImportKind } from '../runtime/imports/importBatch';
import { importFile, type ImportJobView } from '../scripts/importFile';
import { historyStore } from '../subgraphs/campaign/segments/segment.store';
import { cloneMembersStore } from './cloneMembers.store';
import { benchMemberKey, writeImportFiles, type ImportFiles } from './importFiles';

export interface BulkLoadOptions {
  /** Members `from` .. `to - 1` are loaded; loading continues where a previous load stopped. */
  from: number;
  to: number;
  ordersPerMember: number;
  /** Orders are spread over the `days` before `now`. */
  now: Date;
  days?: number;
  /** The earn rate the orders would have been credited at: `points` per `perAmount` minor units, in EUR. */
  points?: number;
  perAmount?: number;
  /** Called as the import goes on: members (of `to - from`) whose records went in, counting all three files. */
  onProgress?: (loaded: number, total: number) => void;
}

/** Where the loader imports: the running graph's gateway, and its database to look the members up. */
export interface BulkLoadTarget {
  gatewayUrl: string;
  /** An admin's `Bearer` header. */
  authorization: string;
  db: Database;
}

/** The files' kinds, in the order they import (balances and orders name members by key). */
const kinds: ReadonlyArray<[ImportKind, keyof ImportFiles]> = [
  ['MEMBERS', 'members'],
  ['BALANCES', 'balances'],
  ['ORDERS', 'orders'],
];

/** Imports one generated file through the documented path; a job that does not apply every record fails the load. */
export async function importGenerated(
  target: BulkLoadTarget,
  kind: ImportKind,
  file: { file: string; records: number },
  onProgress?: (job: ImportJobView) => void,
): Promise<ImportJobView> {
  const job = await importFile({
    gatewayUrl: target.gatewayUrl,
    authorization: target.authorization,
    kind,
    file: file.file,
    format: 'ndjson',
    onProgress,
  });
  if (job.state !== 'COMPLETED' || job.applied + job.skipped !== file.records) {
    throw new Error(`${kind} import of ${file.file}: ${JSON.stringify(job)}`);
  }
  return job;
}

/** Waits until the campaign subgraph's copy of the purchases has caught up with the ledger's orders. */
export async function campaignCaughtUp(db: Database, timeoutMs = 600_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.query<{ behind: boolean }>(
      `select (select count(*) from ledger.orders) > (select count(*) from campaign.purchases) as behind`,
    );
    if (!rows[0]!.behind) return;
    if (Date.now() > until) throw new Error('The campaign history did not catch up with the imported orders');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Loads generated members and their purchase history for benchmarks through the import path:
 * writes MEMBERS, BALANCES and ORDERS files (bench/importFiles.ts) and imports them with
 * `importFile` through the gateway, as an operator would (`npm run -s loyalty -- import`).
 *
 * Imported orders earn no points, so each member's BALANCES record holds one lot per order of what
 * it would have earned at the base rate: the balance, lifetime points and lots are what recording
 * the purchases would have left (the journal holds one imported EARN entry per lot). The campaign
 * subgraph gets the purchases from the ledger's OrdersImported events; the load waits for it.
 * Fingerprints are the ledger's, so a retry of a loaded order replays it and a return finds it.
 */
export async function bulkLoadMembers(target: BulkLoadTarget, options: BulkLoadOptions): Promise<void> {
  if (options.to <= options.from) return;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'loyalty-bench-'));
  try {
    const files = await writeImportFiles({ ...options, dir });
    const members = options.to - options.from;
    const all = files.members.records + files.balances.records + files.orders.records;
    let done = 0;
    for (const [kind, name] of kinds) {
      await importGenerated(target, kind, files[name], (job) =>
        options.onProgress?.(Math.floor(((done + job.processed) / all) * members), members),
      );
      done += files[name].records;
      options.onProgress?.(Math.floor((done / all) * members), members);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  await campaignCaughtUp(target.db);
  // What the campaign's history job does within a minute, now, so segments see RFM scores at once.
  await target.db.transaction((tx) => historyStore.rescoreRfm(tx));
  // Fresh statistics, so the planner sees the tables as they are now rather than as they were, and a
  // vacuum for the rows the import updated (autovacuum may be off, as on the bench machine's server).
  for (const table of loadedTables)
    await target.db.query(target.db.kind === 'postgres' ? `vacuum (analyze) ${table}` : `analyze ${table}`);
}

const loadedTables = [
  'profile.customers',
  'profile.identities',
  'ledger.accounts',
  'ledger.orders',
  'ledger.entries',
  'ledger.lots',
  'campaign.purchases',
  'campaign.customer_stats',
];

/** Members copied per transaction: big enough to amortise the statements, small enough to keep the WAL of one modest. */
const cloneChunk = 50_000;

/**
 * Fills members `from` .. `to - 1` straight into the tables as copies of the first `seedMembers`
 * imported members (member j copies member j mod seedMembers, with its own ids, keys, email and
 * card), for the scale levels the import path would take too long to reach (1,000,000 members).
 * Copies every per-member row the import and the subgraphs' consumers wrote (bench/cloneMembers.store.ts):
 * profile, identities, consents, timeline; accounts, orders, journal, lots, imported balances,
 * metrics; the campaign's purchases, figures, profiles and consents; the engagement's consents.
 * Rows of the purchase path no import writes (order earnings, claims, redemptions) are not copied,
 * so copies are for reading: the customer query, segments, metrics. Then VACUUM (ANALYZE).
 */
export async function cloneImportedMembers(
  db: Database,
  options: {
    seedMembers: number;
    from: number;
    to: number;
    keyPrefix?: string;
    onProgress?: BulkLoadOptions['onProgress'];
  },
): Promise<void> {
  if (options.to <= options.from) return;
  const keyPrefix = options.keyPrefix ?? benchMemberKey(0).replace(/0$/, '');
  for (let from = options.from; from < options.to; from += cloneChunk) {
    const to = Math.min(options.to, from + cloneChunk);
    await db.transaction((tx) =>
      cloneMembersStore.copyMembers(tx, { seedMembers: options.seedMembers, from, to, keyPrefix }),
    );
    options.onProgress?.(to - options.from, options.to - options.from);
  }
  await db.transaction((tx) => historyStore.rescoreRfm(tx));
  await cloneMembersStore.vacuumAnalyze(db);
}

/** The customer ids of bench members `from` .. `to - 1`, in index order (imported members get fresh ids). */
export async function bulkMemberIds(db: Database, from: number, to: number, prefix?: string): Promise<string[]> {
  const keys = Array.from({ length: to - from }, (_, i) => benchMemberKey(from + i, prefix));
  const byKey = new Map<string, string>();
  // In slices, so a million keys do not make one statement of tens of megabytes.
  for (let at = 0; at < keys.length; at += 100_000) {
    const { rows } = await db.query<{ value: string; customer_id: string }>(
      `select value, customer_id from profile.identities where type = 'LEGACY_MEMBER_ID' and value = any($1::text[])`,
      [keys.slice(at, at + 100_000)],
    );
    for (const row of rows) byKey.set(row.value, row.customer_id);
  }
  return keys.map((key) => {
    const id = byKey.get(key);
    if (!id) throw new Error(`No loaded member ${key}`);
    return id;
  });
}
