import type { Database } from '../../runtime/database/database';
import { graphqlRequest } from '../../runtime/http/graphqlRequest';
import { load, summarise, type Row } from '../loadRunner';
import type { LoadStep } from '../loadWorker';
import type { BenchSettings } from '../settings';
import { commonLoad, recordPurchaseBody, type Bench, type BenchScenario } from './scenario';
import { everyoneAudience } from '../../stack/campaignAudiences';

/**
 * The database's own rate: `concurrency` clients each committing a one-row insert per transaction,
 * as fast as they can. What purchases/s would be if only commits cost anything.
 */
async function measureCommitRate(db: Database, settings: BenchSettings): Promise<Row> {
  const { concurrency, warmupMs, durationMs } = settings;
  await db.query('create table if not exists public.bench_commits (id bigint generated always as identity, n int)');
  const latencies: number[] = [];
  const measureFrom = performance.now() + warmupMs;
  const end = measureFrom + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, client) => {
      while (performance.now() < end) {
        const began = performance.now();
        await db.transaction((tx) => tx.query('insert into public.bench_commits (n) values ($1)', [client]));
        if (began >= measureFrom) latencies.push(performance.now() - began);
      }
    }),
  );
  await db.query('drop table public.bench_commits');
  return summarise('PostgreSQL alone: one-row insert per transaction (the commit rate)', {
    requests: latencies.length,
    sent: latencies.length,
    errors: 0,
    latenciesMs: latencies,
    elapsedMs: durationMs,
  });
}

/** A purchase recorded through the gateway for `customerId` (`{id}`: a rotating member), each with its own order id. */
function purchases(bench: Bench, customerId: string, orderPrefix: string): LoadStep[][] {
  return [
    [
      {
        url: bench.stack.gateway.url,
        authorization: bench.authorization,
        body: recordPurchaseBody(customerId, orderPrefix),
      },
    ],
  ];
}

/**
 * Campaigns every benchmark purchase qualifies for: a multiplier, a category rate, a fixed bonus with
 * a per-customer daily cap, one with a budget (every purchase takes its row lock), and a segment
 * campaign the members are not in.
 */
async function launchBenchCampaigns(gatewayUrl: string, authorization: string): Promise<void> {
  const campaigns = [
    { name: 'Double points', reward: { kind: 'MULTIPLIER', multiplierPercent: 200 } },
    {
      name: 'Books rate',
      reward: { kind: 'RATE', points: 2, perAmount: 100, currency: 'EUR' },
      audience: { ...everyoneAudience, categories: ['books'] },
    },
    {
      name: 'Daily bonus',
      reward: { kind: 'FIXED_BONUS', points: 5 },
      limits: { capPeriod: 'DAY', perCustomerGrants: 1000 },
    },
    {
      name: 'Budgeted bonus',
      reward: { kind: 'FIXED_BONUS', points: 1 },
      limits: { capPeriod: 'CAMPAIGN', budgetPoints: 1_000_000_000 },
    },
    {
      name: 'Champions only',
      reward: { kind: 'FIXED_BONUS', points: 50 },
      audience: { ...everyoneAudience, segments: ['champions'] },
    },
  ];
  for (const input of campaigns) {
    const { createCampaign } = await graphqlRequest<{ createCampaign: { id: string } }>(
      gatewayUrl,
      `mutation($input: CampaignInput!) { createCampaign(input: $input) { id } }`,
      { input },
      { headers: { authorization } },
    );
    await graphqlRequest(
      gatewayUrl,
      `mutation($id: ID!) { scheduleCampaign(id: $id) { id } }`,
      { id: createCampaign.id },
      { headers: { authorization } },
    );
  }
}

/**
 * Purchases per second: the database's commit rate (the ceiling), then recordPurchase through the
 * gateway for distinct members, for one member (every client on one account lock), and with five
 * campaigns running.
 */
export const purchasesScenario: BenchScenario = {
  name: 'purchases',
  async run(bench) {
    const { results, database, ids } = bench;
    const common = commonLoad(bench);
    results.rows.push(await measureCommitRate(database.db, bench.settings));
    results.rows.push(
      summarise(
        'recordPurchase through the gateway (distinct members)',
        await load({ ...common, groups: purchases(bench, '{id}', 'bench') }),
      ),
    );
    results.rows.push(
      summarise(
        'recordPurchase through the gateway (all clients, one member)',
        await load({ ...common, groups: purchases(bench, ids[0]!, 'bench-one') }),
      ),
    );
    await launchBenchCampaigns(bench.stack.gateway.url, bench.authorization);
    results.rows.push(
      summarise(
        'recordPurchase, 5 campaigns running (distinct members)',
        await load({ ...common, groups: purchases(bench, '{id}', 'bench-campaigns') }),
      ),
    );
  },
};
