import 'reflect-metadata';
import { signClientAuthorization } from '../runtime/auth/tokens';
import { developmentAuthConfig } from '../runtime/config/authConfig';
import { gatewayOwnSettings } from '../gateway/settings';
import { createLogger } from '../runtime/logging/logger';
import { startStack } from '../stack/startStack';
import { openBenchDatabase } from './benchDatabase';
import { setUpProgram } from './benchProgram';
import { bulkLoadMembers, bulkMemberIds, cloneImportedMembers } from './bulkLoad';
import { checkLedgerInvariants } from './ledgerInvariants';
import { benchReport, writeBenchReport } from './report';
import { bulkPurchasesScenario } from './scenarios/bulkPurchases';
import { eventsScenario } from './scenarios/events';
import { importScenario } from './scenarios/import';
import { liveScenario } from './scenarios/live';
import { optimisationsScenario } from './scenarios/optimisations';
import { purchasesScenario } from './scenarios/purchases';
import { queryScenario } from './scenarios/query';
import { scaleScenario } from './scenarios/scale';
import type { Bench, BenchScenario } from './scenarios/scenario';
import { benchRateLimits, benchSettings as settings } from './settings';

/** Every scenario, in the order they run; BENCH_SCENARIOS picks among them. */
const allScenarios: readonly BenchScenario[] = [
  queryScenario,
  purchasesScenario,
  bulkPurchasesScenario,
  eventsScenario,
  liveScenario,
  optimisationsScenario,
  scaleScenario,
  importScenario,
];

/** A pseudo-random generator with a fixed seed, so every run picks the same members. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Up to `count` of the loaded members' ids picked at random over the first `members` (old and new
 * members alike, so the database's caches see a member population, not its newest pages).
 */
function spreadIds(memberIds: readonly string[], members: number, count = 5_000): string[] {
  const population = Math.min(members, memberIds.length);
  if (population <= count) return memberIds.slice(0, population);
  const random = seededRandom(population);
  const picked = new Set<number>();
  while (picked.size < count) picked.add(Math.floor(random() * population));
  return [...picked].map((index) => memberIds[index]!);
}

/**
 * Starts the graph on a scratch database, loads the members, runs the selected scenarios (each in
 * bench/scenarios/) against it, prints their tables side by side and writes the report.
 */
async function main(): Promise<void> {
  const selected = allScenarios.filter((scenario) => settings.scenarios.has(scenario.name));
  const database = await openBenchDatabase();
  const stack = await startStack({
    db: database.db,
    logger: createLogger('error'),
    gateway: {
      rateLimits: benchRateLimits,
      importBatchesInFlight: gatewayOwnSettings.settings.importBatchesInFlight.read(process.env),
    },
    historyIntervalMs: Number(process.env.PURCHASE_HISTORY_INTERVAL_MS ?? 2000),
  });
  const authorization = await signClientAuthorization({ role: 'admin', subject: 'bench' }, developmentAuthConfig());
  try {
    await setUpProgram(stack.gateway.url, authorization);
    const historyEnds = new Date();
    let loaded = 0;
    /** The loaded members' customer ids by index (the import gives each a fresh id). */
    const memberIds: string[] = [];
    const loading: { members: number; orders: number; seconds: number }[] = [];
    const { ordersPerMember } = settings;
    const bench: Bench = {
      settings,
      database,
      stack,
      authorization,
      spreadIds: (members) => spreadIds(memberIds, members),
      ids: [],
      subgraphUrls: Object.fromEntries(Object.entries(stack.subgraphs).map(([name, subgraph]) => [name, subgraph.url])),
      results: { rows: [], scaling: [], live: [], optimisations: [] },
      async loadTo(target) {
        if (target <= loaded) return;
        const began = performance.now();
        const progress = (done: number, total: number) =>
          process.stdout.write(
            `\rLoading members ${loaded.toLocaleString('en')} to ${target.toLocaleString('en')} (${ordersPerMember} orders each) on ${database.label}: ${Math.round((done / total) * 100)}%`,
          );
        // Past the imported members, copies of them written straight into the tables: the import
        // path would take hours to reach 1,000,000 members (bench/README.md, "Flat with data").
        if (loaded >= settings.members) {
          await cloneImportedMembers(database.db, {
            seedMembers: settings.members,
            from: loaded,
            to: target,
            onProgress: progress,
          });
          await checkLedgerInvariants(database.db);
        } else
          await bulkLoadMembers(
            { gatewayUrl: stack.gateway.url, authorization, db: database.db },
            {
              from: loaded,
              to: target,
              ordersPerMember,
              now: historyEnds,
              onProgress: progress,
            },
          );
        memberIds.push(...(await bulkMemberIds(database.db, loaded, target)));
        // Flush what was just written now, rather than while the next scenario is measured.
        if (database.db.kind === 'postgres') await database.db.query('checkpoint');
        const seconds = Number(((performance.now() - began) / 1000).toFixed(1));
        process.stdout.write(` in ${seconds} s\n`);
        loading.push({ members: target - loaded, orders: (target - loaded) * ordersPerMember, seconds });
        loaded = target;
      },
    };
    for (const scenario of selected) await scenario.whileLoading?.(bench);
    await bench.loadTo(settings.members);
    bench.ids = bench.spreadIds(settings.members);
    console.log(
      `Each scenario: ${settings.warmupMs / 1000}s warm-up, ${settings.durationMs / 1000}s measured, ${settings.concurrency} concurrent clients.`,
    );
    for (const scenario of selected) await scenario.run?.(bench);
    const { results } = bench;
    if (results.optimisations.length > 0) console.table(results.optimisations);
    for (const scenario of selected) await scenario.afterOthers?.(bench);
    if (results.scaling.length > 0) console.table(results.scaling);

    // The purchases above raced each other: every account must still hold balance = sum(entries).
    const { rows: drift } = await database.db.query<{ accounts: number }>(
      `select count(*)::int as accounts from ledger.accounts a
        where a.balance <> (select coalesce(sum(points), 0) from ledger.entries e where e.customer_id = a.customer_id)`,
    );
    const ledgerConsistent = drift[0]!.accounts === 0;
    console.log(ledgerConsistent ? 'Every balance equals the sum of its journal entries.' : 'LEDGER DRIFT FOUND');
    const report = benchReport({
      settings,
      databaseLabel: database.label,
      scaleLevels: settings.scenarios.has('scale') ? settings.scaleLevels : [],
      loading,
      results,
      ledgerConsistent,
    });
    console.table(results.rows);
    if (report.gatewayOverheadMedianMs !== undefined)
      console.log(
        `Gateway overhead at the median: ${report.gatewayOverheadMedianMs} ms (×${report.gatewayOverheadRatio} the direct floor) under load, ${report.gatewayOverheadOneClientMedianMs} ms with one client`,
      );
    writeBenchReport(report);
    console.log('Report written to bench/results/latest.{json,md}, chart to bench/results/latest.svg');
  } finally {
    await stack.stop();
    await database.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
