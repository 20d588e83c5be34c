import 'reflect-metadata';
import { InternalCredential } from '../runtime/auth/tokens';
import { developmentAuthConfig } from '../runtime/config/authConfig';
import { outboxMigrations } from '../runtime/events/outbox';
import { UpstreamError } from '../runtime/http/graphqlRequest';
import { createLogger } from '../runtime/logging/logger';
import { loadMigrations, migrate } from '../runtime/migrations/migrate';
import { campaignMigrationsDir } from '../subgraphs/campaign';
import { AbsenceScheduler } from '../subgraphs/campaign/absence/absenceScheduler';
import { LedgerAwards } from '../subgraphs/campaign/upstream/ledgerAwards';
import { RewardGrants } from '../subgraphs/campaign/upstream/rewardGrants';
import { openBenchDatabase } from './benchDatabase';
import { percentile } from './percentile';

/**
 * `npm run bench:absence`: how late absence timers fire with many pending (issue 26: within 1 s of
 * their deadline at 100,000 pending timers, and no timer lost or doubled by a restart). Loads
 * `BENCH_ABSENCE_TIMERS` pending timers of a message-only trigger, due over the next
 * `BENCH_ABSENCE_SPREAD_MS` from a few seconds on; runs the campaign's scheduler (armed at the
 * earliest due time, the safety poll at its default), stops it halfway and starts a new one as a
 * restart would; then reads each timer's lateness (fired_at - due_at) and counts the
 * AbsenceTriggered events.
 */
const timers = Number(process.env.BENCH_ABSENCE_TIMERS ?? 100_000);
const spreadMs = Number(process.env.BENCH_ABSENCE_SPREAD_MS ?? 30_000);
const leadMs = 3_000;

async function main(): Promise<void> {
  const bench = await openBenchDatabase('loyalty_bench_absence');
  const { db } = bench;
  try {
    await migrate(db, 'campaign', outboxMigrations('campaign'), 'runtime_migrations');
    await migrate(db, 'campaign', loadMigrations(campaignMigrationsDir));
    await db.query(
      `insert into campaign.absence_triggers (key, name, start_kind, event_type, wait_seconds, send_message)
       values ('bench-cart', 'Bench cart', 'CUSTOM_EVENT', 'cart.updated', 7200, true)`,
    );
    const loadStart = Date.now();
    const first = new Date(Date.now() + leadMs);
    await db.query(
      `insert into campaign.absence_timers (id, trigger_key, customer_id, started_at, due_at, status)
       select gen_random_uuid(), 'bench-cart', gen_random_uuid(), due - interval '2 hours', due, 'PENDING'
       from (select $1::timestamptz + (i * $2::double precision / $3) * interval '1 millisecond' as due
             from generate_series(0, $3 - 1) as i) as t`,
      [first, spreadMs, timers],
    );
    console.log(`loaded ${timers} pending timers in ${Date.now() - loadStart} ms (${bench.label})`);
    const unreachable = () => {
      throw new UpstreamError('UpstreamUnavailable', 'no peers in this bench');
    };
    const credential = new InternalCredential('campaign', developmentAuthConfig().internalSecret);
    const scheduler = () =>
      new AbsenceScheduler(
        db,
        new LedgerAwards(unreachable, credential),
        new RewardGrants(unreachable, credential),
        () => new Date(),
        createLogger('error'),
      );
    const before = scheduler();
    await before.start(30_000);
    await new Promise((resolve) => setTimeout(resolve, leadMs + spreadMs / 2));
    await before.stop();
    const after = scheduler();
    await after.start(30_000);
    const deadline = Date.now() + leadMs + spreadMs + 60_000;
    for (;;) {
      const { rows } = await db.query<{ n: number }>(
        `select count(*)::int as n from campaign.absence_timers where status = 'PENDING'`,
      );
      if (rows[0]!.n === 0 || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await after.stop();
    const { rows } = await db.query<{ late_ms: number }>(
      `select extract(epoch from (fired_at - due_at)) * 1000 as late_ms from campaign.absence_timers where status = 'FIRED'`,
    );
    const late = rows.map((row) => Number(row.late_ms)).sort((a, b) => a - b);
    const events = await db.query<{ n: number; distinct_timers: number }>(
      `select count(*)::int as n, count(distinct payload->>'timerId')::int as distinct_timers
       from campaign.events where type = 'AbsenceTriggered'`,
    );
    const { n, distinct_timers } = events.rows[0]!;
    console.log(
      JSON.stringify(
        {
          database: bench.label,
          pendingTimers: timers,
          spreadMs,
          fired: late.length,
          events: n,
          distinctTimersInEvents: distinct_timers,
          lateMs: {
            p50: percentile(late, 50),
            p99: percentile(late, 99),
            max: late[late.length - 1] ?? null,
          },
        },
        null,
        2,
      ),
    );
  } finally {
    await bench.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
