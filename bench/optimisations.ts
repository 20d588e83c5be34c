import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Database, Queryable } from '../runtime/database/database';
import { accountStore } from '../subgraphs/ledger/accounts/account.store';
import { journalStore, type HistoryRequest } from '../subgraphs/ledger/journal/journal.store';
import { percentile } from './percentile';

/** One change measured both ways in the same run: the median of each, in milliseconds. */
export interface OptimisationRow {
  change: string;
  without: string;
  with: string;
  withoutMs: number;
  withMs: number;
  /** How many times faster `with` is at the median. */
  speedup: number;
  /** Requests per second of each, where the change was measured under HTTP load. */
  withoutPerSecond?: number;
  withPerSecond?: number;
}

/** What the ledger reads for one member of the customer query: the account and a history page. */
async function readMembers(db: Queryable, customerIds: readonly string[]): Promise<void> {
  const requests: HistoryRequest[] = customerIds.map((customerId) => ({
    customerId,
    filter: null,
    beforeId: null,
    limit: 6,
  }));
  await Promise.all([accountStore.findByCustomerIds(db, customerIds), journalStore.historyPages(db, requests)]);
}

const median = (times: number[]) =>
  Number(
    percentile(
      [...times].sort((x, y) => x - y),
      50,
    ).toFixed(3),
  );

async function medianOf(rounds: number, run: (round: number) => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const began = performance.now();
    await run(round);
    times.push(performance.now() - began);
  }
  return median(times);
}

/**
 * Runs `a` and `b` alternately `rounds` times (so drift on a noisy machine hits both alike) and
 * returns their median durations.
 */
async function alternate(
  rounds: number,
  a: (round: number) => Promise<unknown>,
  b: (round: number) => Promise<unknown>,
): Promise<[number, number]> {
  const timesA: number[] = [];
  const timesB: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const [run, times] of [
      [a, timesA],
      [b, timesB],
    ] as const) {
      const began = performance.now();
      await run(round);
      times.push(performance.now() - began);
    }
  }
  return [median(timesA), median(timesB)];
}

function row(change: string, without: string, withIt: string, [withoutMs, withMs]: [number, number]): OptimisationRow {
  return { change, without, with: withIt, withoutMs, withMs, speedup: Number((withoutMs / withMs).toFixed(1)) };
}

/**
 * A pg connection as a Queryable; with `prepare`, every statement is sent as a named prepared
 * statement, so the server parses and plans it once per connection instead of on every call.
 */
function onConnection(client: pg.PoolClient, prepare: boolean): Queryable {
  return {
    async query<Row>(sql: string, params?: readonly unknown[]) {
      const values = params ? [...params] : [];
      const name = prepare ? `s${createHash('sha1').update(sql).digest('hex').slice(0, 16)}` : undefined;
      const result = await client.query({ text: sql, values, name });
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

/**
 * Measures, on the loaded data, what the ledger's read path gets from batching (DataLoader), from
 * its index on entries, and what it would get from prepared statements (PostgreSQL server only).
 */
export async function measureOptimisations(options: {
  db: Database;
  /** The bench database's URL on a PostgreSQL server; without it, prepared statements are skipped. */
  databaseUrl?: string;
  memberIds: readonly string[];
}): Promise<OptimisationRow[]> {
  const { db, memberIds } = options;
  const rows: OptimisationRow[] = [];
  const batchOf = (round: number) =>
    Array.from({ length: 20 }, (_, i) => memberIds[(round * 20 + i) % memberIds.length]!);
  rows.push(
    row(
      'DataLoader batching: the ledger reads for 20 members of one `_entities` request',
      'one account and one history query per member (40 queries)',
      'one query for the 20 accounts, one for the 20 history pages',
      await alternate(
        50,
        async (round) => {
          for (const id of batchOf(round)) await readMembers(db, [id]);
        },
        (round) => readMembers(db, batchOf(round)),
      ),
    ),
  );

  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 2 });
    const [one, two] = [await pool.connect(), await pool.connect()];
    try {
      const [unprepared, prepared] = [onConnection(one, false), onConnection(two, true)];
      rows.push(
        row(
          'Prepared statements: the ledger reads for one member',
          'parsed and planned on every call',
          'named statements, parsed and planned once per connection',
          await alternate(
            500,
            (round) => readMembers(unprepared, [memberIds[round % memberIds.length]!]),
            (round) => readMembers(prepared, [memberIds[round % memberIds.length]!]),
          ),
        ),
      );
    } finally {
      one.release();
      two.release();
      await pool.end();
    }
  }

  // Without the index, in a transaction that is rolled back: nothing changes for anyone else (the
  // dropped index is back the moment it ends; writers wait meanwhile).
  const member = (round: number) => memberIds[round % memberIds.length]!;
  const withIndex = await medianOf(20, (round) => readMembers(db, [member(round)]));
  const withoutIndex = await db
    .transaction(async (tx) => {
      await tx.query('drop index ledger.entries_customer_idx');
      await tx.query('drop index ledger.entries_customer_time_idx');
      throw new RolledBack(await medianOf(5, (round) => readMembers(tx, [member(round)])));
    })
    .catch((error: unknown) => {
      if (error instanceof RolledBack) return error.medianMs;
      throw error;
    });
  rows.push(
    row(
      'SQL index: entries by (customer, id)',
      'no index: the history page scans the journal',
      'entries_customer_idx',
      [withoutIndex, withIndex],
    ),
  );
  return rows;
}

class RolledBack extends Error {
  constructor(readonly medianMs: number) {
    super('rolled back on purpose');
  }
}
