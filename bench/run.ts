import 'reflect-metadata';
import { signClientAuthorization } from '../runtime/auth/tokens';
import { developmentAuthConfig } from '../runtime/config/authConfig';
import { gatewayOwnSettings } from '../gateway/settings';
import { createLogger } from '../runtime/logging/logger';
import { startStack } from '../stack/startStack';
import { openBenchDatabase } from './benchDatabase';
import { setUpProgram } from './benchProgram';
import { bulkLoadMembers, bulkMemberIds } from './bulkLoad';
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

/** Up to `count` of the loaded members' ids spread evenly over the first `members`, for load to rotate through. */
function spreadIds(memberIds: readonly string[], members: number, count = 5_000): string[] {
  const step = Math.max(1, members / count);
  const ids: string[] = [];
  for (let at = 0; at < Math.min(members, memberIds.length); at += step) ids.push(memberIds[Math.floor(at)]!);
  return ids;
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
        await bulkLoadMembers(
          { gatewayUrl: stack.gateway.url, authorization, db: database.db },
          {
            from: loaded,
            to: target,
            ordersPerMember,
            now: historyEnds,
            onProgress: (done, total) =>
              process.stdout.write(
                `\rLoading members ${loaded.toLocaleString('en')} to ${target.toLocaleString('en')} (${ordersPerMember} orders each) on ${database.label}: ${Math.round((done / total) * 100)}%`,
              ),
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
