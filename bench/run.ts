import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { signClientAuthorization } from '../runtime/auth/tokens';
import { developmentAuthConfig } from '../runtime/config/authConfig';
import { projectRoot } from '../runtime/config/projectRoot';
import type { Database } from '../runtime/database/database';
import { graphqlRequest } from '../runtime/http/graphqlRequest';
import { createLogger } from '../runtime/logging/logger';
import { startStack } from '../stack/startStack';
import { readSupergraphSdl } from '../gateway/composition/generateSchemaFiles';
import { startGateway } from '../gateway';
import { openBenchDatabase } from './benchDatabase';
import { bulkLoadMembers, bulkMemberId } from './bulkLoad';
import { latencyChart } from './chart';
import { markdownReport } from './markdown';
import { measureLiveUpdates, type LiveUpdatesResult } from './liveUpdates';
import { measureOptimisations, type OptimisationRow } from './optimisations';
import { percentile } from './percentile';
import { startGatewayProcess, startHiveGateway } from './peerGateway';
import type { LoadJob, LoadResult, LoadStep } from './loadWorker';

const members = Number(process.env.BENCH_MEMBERS ?? 10_000);
const ordersPerMember = Number(process.env.BENCH_ORDERS_PER_MEMBER ?? 20);
/** Member counts the customer query is measured at, loading more members between them (flat is the goal). */
const scaleLevels = (process.env.BENCH_SCALE_MEMBERS ?? '1000,10000,100000')
  .split(',')
  .filter((level) => level.trim() !== '')
  .map(Number);
/** Live-update subscribers watch this many members (several subscribers per member). */
const liveMembers = Number(process.env.BENCH_LIVE_MEMBERS ?? 200);
const durationMs = Number(process.env.BENCH_DURATION_MS ?? 10_000);
const warmupMs = Number(process.env.BENCH_WARMUP_MS ?? 2_000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const liveSubscribers = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const liveEvents = Number(process.env.BENCH_LIVE_EVENTS ?? 600);
const livePacedRate = Number(process.env.BENCH_LIVE_RATE ?? 20);
/** A larger paced run on shared streams (0: skip). */
const liveSubscribersLarge = Number(process.env.BENCH_SUBSCRIBERS_LARGE ?? 10_000);
/** Which scenarios run: `query`, `purchases`, `live`, `optimisations`, `scale` (comma-separated; all by default). */
const scenarios = new Set(
  (process.env.BENCH_SCENARIOS ?? 'query,purchases,live,optimisations,scale').split(',').map((s) => s.trim()),
);

const gatewayQuery = `query($id: ID!) { customer(id: $id) { name loyalty { balance history(first: 5) { edges { node { points reason } } } }
  rewards { available(first: 3) { name costPoints } } offers { title } } }`;

/** What the query plan sends each subgraph for that query, sent directly: the floor the gateway adds to. */
const entities = (selection: string) =>
  `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Customer { ${selection} } } }`;

function body(query: string, variables: Record<string, unknown>): string {
  return JSON.stringify({ query, variables });
}

async function load(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'loadWorker.js'), { workerData: job });
    worker.once('message', (result: LoadResult) => {
      void worker.terminate();
      resolve(result);
    });
    worker.once('error', reject);
  });
}

/** The program the loaded history was earned under, and a catalog to show as available rewards. */
async function setUpProgram(gatewayUrl: string, authorization: string): Promise<void> {
  const call = <T>(query: string, variables: Record<string, unknown> = {}) =>
    graphqlRequest<T>(gatewayUrl, query, variables, { headers: { authorization } });
  await call(`mutation { setEarnRate(input: { currency: "EUR", points: 1, perAmount: 100 }) { currency } }`);
  for (const [name, cost] of [
    ['Coffee', 150],
    ['Tote bag', 400],
    ['€5 voucher', 500],
  ] as const) {
    await call(
      `mutation($name: String!, $cost: Int!) { createReward(input: { name: $name, kind: FREE_PRODUCT, costPoints: $cost }) { id } }`,
      { name, cost },
    );
  }
}

/** Up to `count` member ids spread evenly over the first `members`, for load to rotate through. */
function spreadIds(members: number, count = 5_000): string[] {
  const step = Math.max(1, members / count);
  const ids: string[] = [];
  for (let at = 0; at < members; at += step) ids.push(bulkMemberId(Math.floor(at)));
  return ids;
}

interface Row {
  scenario: string;
  requestsPerSecond: number;
  medianMs: number;
  p99Ms: number;
  errors: number;
}

function summarise(scenario: string, result: LoadResult): Row {
  const sorted = [...result.latenciesMs].sort((a, b) => a - b);
  if (result.firstError) console.error(`${scenario}: first error: ${result.firstError}`);
  return {
    scenario,
    requestsPerSecond: Math.round((result.requests / result.elapsedMs) * 1000),
    medianMs: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    errors: result.errors,
  };
}

/**
 * The database's own rate: `concurrency` clients each committing a one-row insert per transaction,
 * as fast as they can. What purchases/s would be if only commits cost anything.
 */
async function measureCommitRate(db: Database): Promise<Row> {
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
    errors: 0,
    latenciesMs: latencies,
    elapsedMs: durationMs,
  });
}

/**
 * Runs two loads by turns, in `rounds` slices of the measured duration each, and pools each one's
 * slices: drift on a shared machine hits both alike. (Side by side at the same time would not do:
 * both would queue on the same cores, and each would be slowed by the other's cost.)
 */
async function byTurns(a: LoadJob, b: LoadJob, rounds = 4): Promise<[LoadResult, LoadResult]> {
  const pooled: [LoadResult, LoadResult] = [
    { requests: 0, errors: 0, latenciesMs: [], elapsedMs: 0 },
    { requests: 0, errors: 0, latenciesMs: [], elapsedMs: 0 },
  ];
  for (let round = 0; round < rounds; round++) {
    for (const [index, job] of [a, b].entries()) {
      const warmupMs = round === 0 ? job.warmupMs : Math.min(job.warmupMs, 500);
      const slice = await load({ ...job, warmupMs, durationMs: job.durationMs / rounds });
      const total = pooled[index]!;
      total.requests += slice.requests;
      total.errors += slice.errors;
      total.latenciesMs.push(...slice.latenciesMs);
      total.elapsedMs += slice.elapsedMs;
      total.firstError ??= slice.firstError;
    }
  }
  return pooled;
}

function compare(
  change: string,
  [without, withIt]: [string, string],
  [withoutResult, withResult]: [LoadResult, LoadResult],
): OptimisationRow {
  const before = summarise(`${change}: ${without}`, withoutResult);
  const after = summarise(`${change}: ${withIt}`, withResult);
  return {
    change,
    without,
    with: withIt,
    withoutMs: before.medianMs,
    withMs: after.medianMs,
    speedup: Number((before.medianMs / after.medianMs).toFixed(1)),
    withoutPerSecond: before.requestsPerSecond,
    withPerSecond: after.requestsPerSecond,
  };
}

const benchRateLimits = { mutationsPerToken: 1e9, mutationsPerIp: 1e9, windowMs: 60_000 };

async function main(): Promise<void> {
  const database = await openBenchDatabase();
  // Throughput is what is measured here, so the mutation rate limits are set out of the way.
  const stack = await startStack({
    db: database.db,
    logger: createLogger('error'),
    gateway: { rateLimits: benchRateLimits },
    historyIntervalMs: Number(process.env.PURCHASE_HISTORY_INTERVAL_MS ?? 2000),
  });
  const authorization = await signClientAuthorization({ role: 'admin', subject: 'bench' }, developmentAuthConfig());
  try {
    await setUpProgram(stack.gateway.url, authorization);
    const historyEnds = new Date();
    let loaded = 0;
    const loading: { members: number; orders: number; seconds: number }[] = [];
    const loadTo = async (target: number) => {
      if (target <= loaded) return;
      const began = performance.now();
      await bulkLoadMembers(database.db, {
        from: loaded,
        to: target,
        ordersPerMember,
        now: historyEnds,
        onProgress: (done, total) =>
          process.stdout.write(
            `\rLoading members ${loaded.toLocaleString('en')} to ${target.toLocaleString('en')} (${ordersPerMember} orders each) on ${database.label}: ${Math.round((done / total) * 100)}%`,
          ),
      });
      // Flush what was just written now, rather than while the next scenario is measured.
      if (database.db.kind === 'postgres') await database.db.query('checkpoint');
      const seconds = Number(((performance.now() - began) / 1000).toFixed(1));
      process.stdout.write(` in ${seconds} s\n`);
      loading.push({ members: target - loaded, orders: (target - loaded) * ordersPerMember, seconds });
      loaded = target;
    };
    /** The customer query, sent to the gateway at `url` for a rotating member. */
    const customerQueryAt = (url: string): LoadStep[][] => [
      [{ url, authorization, body: body(gatewayQuery, { id: '{id}' }) }],
    ];
    const gatewaySteps = customerQueryAt(stack.gateway.url);
    const subgraphUrls = Object.fromEntries(
      Object.entries(stack.subgraphs).map(([name, subgraph]) => [name, subgraph.url]),
    );
    const scaling: (Row & { members: number })[] = [];
    const measureAtScale = async (level: number) => {
      await loadTo(level);
      // Half the measured time of the other scenarios: three levels, and only the trend matters.
      const result = await load({
        ids: spreadIds(level),
        concurrency,
        warmupMs,
        durationMs: durationMs / 2,
        groups: gatewaySteps,
      });
      scaling.push({
        ...summarise(`customer query through the gateway, ${level.toLocaleString('en')} members`, result),
        members: level,
      });
    };
    const levels = scenarios.has('scale') ? scaleLevels : [];
    for (const level of levels.filter((level) => level <= members)) await measureAtScale(level);
    await loadTo(members);
    const ids = spreadIds(members);
    const { profile, ledger, rewards, campaign } = stack.subgraphs;
    const reps = { representations: [{ __typename: 'Customer', id: '{id}' }] };
    const direct: LoadStep[][] = [
      [
        {
          url: profile.url,
          authorization,
          body: body(`query($id: ID!) { customer(id: $id) { __typename id name } }`, { id: '{id}' }),
        },
      ],
      [
        {
          url: ledger.url,
          authorization,
          body: body(entities('loyalty { balance history(first: 5) { edges { node { points reason } } } }'), reps),
        },
        {
          url: rewards.url,
          authorization,
          body: body(entities('rewards { available(first: 3) { name costPoints } }'), reps),
        },
        { url: campaign.url, authorization, body: body(entities('offers { title }'), reps) },
      ],
    ];
    const common = { ids, concurrency, warmupMs, durationMs };
    const rows: Row[] = [];
    console.log(
      `Each scenario: ${warmupMs / 1000}s warm-up, ${durationMs / 1000}s measured, ${concurrency} concurrent clients.`,
    );
    const optimisations: OptimisationRow[] = [];
    /** The content-encoding the gateway answers a client that accepts gzip with. */
    let compression: string | undefined;
    let floor: Row | undefined;
    let viaGateway: Row | undefined;
    let floorOneClient: Row | undefined;
    let gatewayOneClient: Row | undefined;
    if (scenarios.has('query')) {
      // The floor and the gateway by turns, so the machine's drift does not land on one of them.
      const [floorResult, gatewayResult] = await byTurns(
        { ...common, groups: direct },
        { ...common, groups: gatewaySteps },
      );
      floor = summarise('customer query, subgraphs called directly (floor)', floorResult);
      viaGateway = summarise('customer query through the gateway', gatewayResult);
      rows.push(floor, viaGateway);
      // One client at a time: what the gateway adds to a request, without queueing on busy cores.
      const oneClient = { ...common, concurrency: 1 };
      const [floorOneClientResult, gatewayOneClientResult] = await byTurns(
        { ...oneClient, groups: direct },
        { ...oneClient, groups: gatewaySteps },
      );
      floorOneClient = summarise('customer query, subgraphs directly, 1 client', floorOneClientResult);
      gatewayOneClient = summarise('customer query through the gateway, 1 client', gatewayOneClientResult);
      rows.push(floorOneClient, gatewayOneClient);
      // Changes measured both ways by turns: the gateway's caches, and how it sends subgraph requests.
      const newOperation = [
        [
          {
            url: stack.gateway.url,
            authorization,
            body: body(gatewayQuery.replace('query(', 'query Customer{n}('), { id: '{id}' }),
          },
        ],
      ];
      optimisations.push(
        compare(
          'Parsed-document and query-plan caches (Apollo Server, @apollo/gateway)',
          ['a new operation text on every request (no cache hit)', 'the same operation again'],
          await byTurns(
            { ...oneClient, durationMs: durationMs / 2, groups: newOperation },
            { ...oneClient, durationMs: durationMs / 2, groups: gatewaySteps },
          ),
        ),
      );
      // The same gateway sending its subgraph requests with Node's fetch instead of @apollo/gateway's.
      const nodeFetchGateway = await startGateway({
        supergraphSdl: readSupergraphSdl(),
        subgraphUrls,
        auth: developmentAuthConfig(),
        logger: createLogger('error'),
        rateLimits: benchRateLimits,
        subgraphFetcher: 'node',
      });
      try {
        for (const clients of [concurrency, 1]) {
          const each = { ...common, concurrency: clients, durationMs: durationMs / 2 };
          optimisations.push(
            compare(
              `Subgraph requests with Node's fetch (undici), ${clients} client${clients === 1 ? '' : 's'}`,
              ["@apollo/gateway's own fetcher (make-fetch-happen), the default", "Node's fetch"],
              await byTurns(
                { ...each, groups: gatewaySteps },
                { ...each, groups: customerQueryAt(nodeFetchGateway.url) },
              ),
            ),
          );
        }
      } finally {
        await nodeFetchGateway.stop();
      }
      // Each gateway alone in its own process, on the same subgraphs: ours, then the peer's.
      const gateways = [await startGatewayProcess(subgraphUrls)];
      try {
        if (process.env.BENCH_PEERS !== '0') {
          const peer = await startHiveGateway(readSupergraphSdl(), subgraphUrls);
          if (peer) gateways.push(peer);
        }
        const steps = gateways.map((gateway) => customerQueryAt(gateway.url));
        for (const [clients, suffix] of [
          [concurrency, ''],
          [1, ', 1 client'],
        ] as const) {
          console.log(`Customer query through ${gateways.map((gateway) => gateway.name).join(' and ')}${suffix}...`);
          const jobs = steps.map((groups) => ({ ...common, concurrency: clients, groups }));
          const results = jobs.length === 2 ? await byTurns(jobs[0]!, jobs[1]!) : [await load(jobs[0]!)];
          results.forEach((result, index) =>
            rows.push(summarise(`customer query through ${gateways[index]!.name}${suffix}`, result)),
          );
        }
      } finally {
        await Promise.all(gateways.map((gateway) => gateway.stop()));
      }
    }
    const purchases = (customerId: string, orderPrefix: string): LoadStep[][] => [
      [
        {
          url: stack.gateway.url,
          authorization,
          body: body(`mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { pointsEarned } }`, {
            input: {
              customerId,
              channel: 'ONLINE',
              externalOrderId: `${orderPrefix}-{n}`,
              currency: 'EUR',
              lines: [{ sku: 'A', category: 'books', quantity: 1, unitPrice: 2500 }],
            },
          }),
        },
      ],
    ];
    if (scenarios.has('purchases')) {
      rows.push(await measureCommitRate(database.db));
      rows.push(
        summarise(
          'recordPurchase through the gateway (distinct members)',
          await load({ ...common, groups: purchases('{id}', 'bench') }),
        ),
      );
      rows.push(
        summarise(
          'recordPurchase through the gateway (all clients, one member)',
          await load({ ...common, groups: purchases(ids[0]!, 'bench-one') }),
        ),
      );
      await launchBenchCampaigns(stack.gateway.url, authorization);
      rows.push(
        summarise(
          'recordPurchase, 5 campaigns running (distinct members)',
          await load({ ...common, groups: purchases('{id}', 'bench-campaigns') }),
        ),
      );
    }
    const live: LiveUpdatesResult[] = [];
    if (scenarios.has('live')) {
      const shared = {
        gatewayUrl: stack.gateway.url,
        wsUrl: stack.gateway.wsUrl,
        authorization,
        memberIds: ids.slice(0, liveMembers),
        subscribers: liveSubscribers,
        writers: concurrency,
      };
      const pacedEvents = Math.round((livePacedRate * durationMs) / 1000);
      const tokenFor = (i: number) =>
        signClientAuthorization({ role: 'admin', subject: `bench-subscriber-${i}` }, developmentAuthConfig());
      console.log(`Live updates: ${liveSubscribers} subscribers, ${pacedEvents} purchases at ${livePacedRate}/s...`);
      live.push(
        await measureLiveUpdates({ ...shared, events: pacedEvents, purchasesPerSecond: livePacedRate, tokenFor }),
      );
      live.push(await measureLiveUpdates({ ...shared, events: pacedEvents, purchasesPerSecond: livePacedRate }));
      console.log(`Live updates: ${liveSubscribers} subscribers, ${liveEvents} purchases as fast as they go...`);
      live.push(await measureLiveUpdates({ ...shared, events: liveEvents, tokenFor }));
      if (liveSubscribersLarge > 0) {
        console.log(
          `Live updates: ${liveSubscribersLarge} subscribers, ${pacedEvents} purchases at ${livePacedRate}/s...`,
        );
        live.push(
          await measureLiveUpdates({
            ...shared,
            subscribers: liveSubscribersLarge,
            events: pacedEvents,
            purchasesPerSecond: livePacedRate,
          }),
        );
      }
      console.table(live);
    }
    if (scenarios.has('optimisations')) {
      console.log('Optimisations, each measured with and without...');
      optimisations.push(
        ...(await measureOptimisations({ db: database.db, databaseUrl: database.url, memberIds: ids })),
      );
      const encoding = (
        await fetch(stack.gateway.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip, br', authorization },
          body: body(gatewayQuery, { id: ids[0] }),
        })
      ).headers.get('content-encoding');
      compression = encoding ?? 'none';
    }
    if (optimisations.length > 0) console.table(optimisations);
    for (const level of levels.filter((level) => level > members)) await measureAtScale(level);
    if (scaling.length > 0) console.table(scaling);
    // The purchases above raced each other: every account must still hold balance = sum(entries).
    const { rows: drift } = await database.db.query<{ accounts: number }>(
      `select count(*)::int as accounts from ledger.accounts a
        where a.balance <> (select coalesce(sum(points), 0) from ledger.entries e where e.customer_id = a.customer_id)`,
    );
    const ledgerConsistent = drift[0]!.accounts === 0;
    console.log(ledgerConsistent ? 'Every balance equals the sum of its journal entries.' : 'LEDGER DRIFT FOUND');
    const report = {
      date: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
      },
      database: database.label,
      settings: {
        members,
        ordersPerMember,
        scaleLevels: levels,
        liveMembers,
        durationMs,
        warmupMs,
        concurrency,
        liveSubscribers,
        liveSubscribersLarge,
        livePacedRate,
      },
      loading,
      results: rows,
      scaling,
      liveUpdates: live,
      optimisations,
      compression,
      ledgerConsistent,
      ...(floor &&
        viaGateway && {
          gatewayOverheadMedianMs: Number((viaGateway.medianMs - floor.medianMs).toFixed(2)),
          gatewayOverheadRatio: Number((viaGateway.medianMs / floor.medianMs).toFixed(2)),
        }),
      ...(floorOneClient &&
        gatewayOneClient && {
          gatewayOverheadOneClientMedianMs: Number((gatewayOneClient.medianMs - floorOneClient.medianMs).toFixed(2)),
        }),
    };
    console.table(rows);
    if (report.gatewayOverheadMedianMs !== undefined)
      console.log(
        `Gateway overhead at the median: ${report.gatewayOverheadMedianMs} ms (×${report.gatewayOverheadRatio} the direct floor) under load, ${report.gatewayOverheadOneClientMedianMs} ms with one client`,
      );
    const dir = path.join(projectRoot(), 'bench/results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(path.join(dir, 'latest.md'), markdownReport(report));
    writeFileSync(
      path.join(dir, 'latest.svg'),
      latencyChart(`Loyalty Graph benchmark, ${report.date.slice(0, 10)}, ${database.label}`, [
        {
          heading: `HTTP, ${concurrency} concurrent clients unless noted`,
          rows: rows.map((row) => ({
            ...row,
            label: row.scenario,
            note: `${row.requestsPerSecond} req/s`,
            perSecond: row.requestsPerSecond,
          })),
        },
        {
          heading: `Scaling with data: the customer query through the gateway, ${ordersPerMember} orders per member`,
          rows: scaling.map((row) => ({
            ...row,
            label: `${row.members.toLocaleString('en')} members`,
            note: `${row.requestsPerSecond} req/s`,
            perSecond: row.requestsPerSecond,
          })),
        },
        {
          heading: 'Live updates: from the commit to the subscriber',
          rows: live.map((run) => ({
            label: `${run.subscribers.toLocaleString('en')} subscribers, ${run.load}, ${run.identities}`,
            note: `${run.deliveriesPerSecond} deliveries/s`,
            perSecond: run.deliveriesPerSecond,
            medianMs: run.afterCommitMedianMs,
            p99Ms: run.afterCommitP99Ms,
          })),
        },
      ]),
    );
    console.log('Report written to bench/results/latest.{json,md}, chart to bench/results/latest.svg');
  } finally {
    await stack.stop();
    await database.dispose();
  }
}

/**
 * Campaigns every benchmark purchase qualifies for: a multiplier, a category rate, a fixed bonus with
 * a per-customer daily cap, one with a budget (every purchase takes its row lock), and a segment
 * campaign the members are not in.
 */
async function launchBenchCampaigns(gatewayUrl: string, authorization: string): Promise<void> {
  const everyone = {
    channels: [],
    tiers: [],
    segments: [],
    firstPurchase: false,
    firstPurchaseInChannel: false,
    skus: [],
    categories: [],
  };
  const campaigns = [
    { name: 'Double points', reward: { kind: 'MULTIPLIER', multiplierPercent: 200 } },
    {
      name: 'Books rate',
      reward: { kind: 'RATE', points: 2, perAmount: 100, currency: 'EUR' },
      audience: { ...everyone, categories: ['books'] },
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
      audience: { ...everyone, segments: ['champions'] },
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

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
