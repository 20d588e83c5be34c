import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../runtime/database/database';
import { migrateSubgraph } from '../runtime/server/startSubgraph';
import { profileMigrationsDir } from '../subgraphs/profile';
import { timelineStore } from '../subgraphs/profile/timeline/timeline.store';
import { timelineFilter, type TimelineEntryKind } from '../subgraphs/profile/timeline/timelineEntry.rules';
import { openBenchDatabase } from './benchDatabase';

/**
 * The plan and time of a timeline page read (issue 26) with 1,000,000 entries in
 * `profile.timeline_entries` (and 100,000 custom events): 10,000 members, one of them holding
 * 100,000 entries of their own. EXPLAIN (ANALYZE, BUFFERS) runs the store's own SQL, first page and
 * a page deep in the heavy member's history, with and without a kinds filter.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run -s build && node dist/bench/timelinePlan.js
 *
 * `BENCH_TIMELINE_ENTRIES` (1000000) sets the size.
 */

const entries = Number(process.env.BENCH_TIMELINE_ENTRIES ?? 1_000_000);
const members = 10_000;
const heavyShare = 0.1;

/** A Queryable that answers the plan of each query instead of its rows. */
const explaining = (db: Queryable, plans: string[]): Queryable => ({
  async query<Row>(sql: string, params?: readonly unknown[]) {
    const { rows } = await db.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${sql}`, params);
    plans.push(rows.map((row) => row['QUERY PLAN']).join('\n'));
    return { rows: [] as Row[], rowCount: 0 } as never;
  },
  exec: (sql) => db.exec(sql),
});

async function main(): Promise<void> {
  const bench = await openBenchDatabase('loyalty_bench_timeline');
  try {
    const { db } = bench;
    await migrateSubgraph(db, 'profile', profileMigrationsDir);
    const heavy = randomUUID();
    const started = Date.now();
    await db.query(
      `insert into profile.customers (id, given_name, family_name, enrollment_channel)
       select case when n = 0 then $1::uuid else gen_random_uuid() end, 'Bench', 'Member', 'ONLINE'
         from generate_series(0, $2 - 1) n`,
      [heavy, members],
    );
    // A tenth of the entries are the heavy member's; the rest spread over everyone, over two years.
    await db.query(
      `insert into profile.timeline_entries (customer_id, kind, occurred_at, channel, summary, source, source_key)
       select case when n < $3 then $1::uuid else ids[1 + n % array_length(ids, 1)] end,
              (array['PURCHASE', 'PURCHASE', 'PURCHASE', 'RETURN', 'REDEMPTION'])[1 + n % 5],
              now() - (n % 63072000) * interval '1 second', 'ONLINE',
              jsonb_build_object('orderId', n::text, 'totalAmount', 2500, 'currency', 'EUR', 'pointsEarned', 25),
              'ledger', 'bench:' || n
         from generate_series(0, $2 - 1) n,
              (select array_agg(id) as ids from profile.customers) c`,
      [heavy, entries, Math.round(entries * heavyShare)],
    );
    await db.query(
      `insert into profile.event_types (name, version, properties, members_may_send)
       values ('page.viewed', 1, '[]', false)`,
    );
    await db.query(
      `insert into profile.customer_events (id, customer_id, type, type_version, properties, occurred_at, channel,
                                            idempotency_key, fingerprint)
       select gen_random_uuid(), case when n < $3 then $1::uuid else ids[1 + n % array_length(ids, 1)] end,
              'page.viewed', 1, '{}', now() - (n % 63072000) * interval '1 second', 'ONLINE', 'bench:' || n, ''
         from generate_series(0, $2 / 10 - 1) n,
              (select array_agg(id) as ids from profile.customers) c`,
      [heavy, entries, Math.round(entries * heavyShare)],
    );
    await db.query('analyze profile.timeline_entries');
    await db.query('analyze profile.customer_events');
    const loadedMs = Date.now() - started;

    // A cursor deep in the heavy member's history: the 50,000th entry.
    const { rows: deep } = await db.query<{ occurred_at: Date; id: string }>(
      `select occurred_at, id from profile.timeline_entries where customer_id = $1
        order by occurred_at desc, id desc offset 50000 limit 1`,
      [heavy],
    );
    const cases: Array<{ name: string; kinds: TimelineEntryKind[] | null; deep: boolean }> = [
      { name: 'first page, every kind', kinds: null, deep: false },
      { name: 'page after 50,000 entries, every kind', kinds: null, deep: true },
      { name: 'page after 50,000 entries, REDEMPTION only', kinds: ['REDEMPTION' as TimelineEntryKind], deep: true },
    ];
    console.log(`# Timeline page read: ${bench.label}`);
    console.log(
      `${entries.toLocaleString('en')} timeline entries and ${(entries / 10).toLocaleString('en')} custom events over ${members.toLocaleString('en')} members (one holds ${(entries * heavyShare).toLocaleString('en')} entries), loaded in ${(loadedMs / 1000).toFixed(1)} s\n`,
    );
    for (const { name, kinds, deep: isDeep } of cases) {
      const asked = timelineFilter(kinds, null);
      if (!asked.ok) throw new Error(asked.message);
      const after = isDeep ? { occurredAt: deep[0]!.occurred_at.toISOString(), id: deep[0]!.id } : null;
      // Once to warm the cache, then the plan that is reported.
      await timelineStore.page(db, heavy, { first: 20, after, filter: asked.filter });
      const plans: string[] = [];
      await timelineStore.page(explaining(db, plans), heavy, { first: 20, after, filter: asked.filter });
      console.log(`## ${name}\n\n${plans.join('\n')}\n`);
    }
  } finally {
    await bench.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
