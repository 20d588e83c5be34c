import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { signClientAuthorization } from '../runtime/auth/tokens';
import { developmentAuthConfig } from '../runtime/config/authConfig';
import { commonSettings } from '../runtime/config/commonSettings';
import { projectRoot } from '../runtime/config/projectRoot';
import { openPostgres } from '../runtime/database/postgres';
import { createScratchDatabase } from '../runtime/database/scratchDatabase';
import { NatsEvents, type EventTransport } from '../runtime/events/natsEvents';
import { graphqlRequest } from '../runtime/http/graphqlRequest';
import { createLogger } from '../runtime/logging/logger';
import { startStack } from '../stack/startStack';
import { measureLiveUpdates, type LiveUpdatesResult } from './liveUpdates';
import { benchRateLimits, benchSettings } from './settings';

/**
 * Event-to-client latency over `NOTIFY` and over NATS JetStream, side by side in one run (issue 30):
 * for each transport, two instances of the whole graph (two gateways, two of every subgraph) on a
 * scratch database of the PostgreSQL server, `BENCH_SUBSCRIBERS` subscribers spread over both
 * gateways' WebSockets (watching `BENCH_LIVE_MEMBERS` members), and paced purchases
 * (`BENCH_LIVE_RATE` a second for `BENCH_DURATION_MS`) written through the second gateway only, so
 * every event a subscriber of the first gets crossed instances.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres BENCH_SUBSCRIBERS=10000 npm run -s bench:transports
 */

interface TransportRow extends LiveUpdatesResult {
  transport: string;
}

async function measure(kind: 'postgres' | 'nats', serverUrl: string): Promise<TransportRow> {
  const scratch = await createScratchDatabase(serverUrl, `loyalty_bench_${kind}`);
  const db = await openPostgres({ connectionString: scratch.url, poolSize: 20 });
  const nats =
    kind === 'nats'
      ? await NatsEvents.connect({
          url: commonSettings.settings.natsUrl.read(process.env),
          subjectPrefix: `bench-${Date.now()}`,
          name: 'loyalty-graph-bench',
          logger: createLogger('error'),
        })
      : undefined;
  const eventTransport: EventTransport = nats ? { kind: 'nats', nats } : { kind: 'postgres' };
  const start = () =>
    startStack({
      db,
      logger: createLogger('error'),
      gateway: { rateLimits: benchRateLimits },
      eventTransport,
    });
  const first = await start();
  const second = await start();
  try {
    const authorization = await signClientAuthorization({ role: 'admin', subject: 'bench' }, developmentAuthConfig());
    const call = <T>(query: string, variables: Record<string, unknown> = {}) =>
      graphqlRequest<T>(second.gateway.url, query, variables, { headers: { authorization }, timeoutMs: 30_000 });
    await call(`mutation { setEarnRate(input: { currency: "EUR", points: 1, perAmount: 100 }) { currency } }`);
    const memberIds: string[] = [];
    for (let n = 0; n < benchSettings.liveMembers; n++) {
      const { enrollCustomer } = await call<{ enrollCustomer: { id: string } }>(
        `mutation($email: String!) { enrollCustomer(input: { givenName: "Bench", email: $email, channel: "ONLINE" }) { id } }`,
        { email: `bench-${n}@loyalty.test` },
      );
      memberIds.push(enrollCustomer.id);
    }
    const { liveSubscribers, livePacedRate, durationMs, concurrency } = benchSettings;
    const events = Math.round((livePacedRate * durationMs) / 1000);
    console.log(
      `${kind}: ${liveSubscribers} subscribers over 2 gateways, ${events} purchases at ${livePacedRate}/s...`,
    );
    const result = await measureLiveUpdates({
      gatewayUrl: second.gateway.url,
      wsUrl: [first.gateway.wsUrl, second.gateway.wsUrl],
      authorization,
      memberIds,
      subscribers: liveSubscribers,
      events,
      writers: concurrency,
      purchasesPerSecond: livePacedRate,
    });
    return { transport: kind === 'nats' ? 'NATS JetStream' : 'PostgreSQL NOTIFY', ...result };
  } finally {
    await second.stop();
    await first.stop();
    await nats?.removeStreams();
    await nats?.close();
    await db.close();
    await scratch.drop();
  }
}

async function main(): Promise<void> {
  // Two whole graphs in this process, each server listening for the stop signals.
  process.setMaxListeners(50);
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('bench/transports runs two instances on PostgreSQL: set DATABASE_URL');
  const rows = [await measure('postgres', serverUrl), await measure('nats', serverUrl)];
  console.log('\nLive updates across 2 gateways, purchases through the second: purchase answered to receipt\n');
  console.log('| transport | subscribers | purchases/s | deliveries/s | median | p99 | missed |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows)
    console.log(
      `| ${row.transport} | ${row.subscribers.toLocaleString('en')} | ${row.purchasesPerSecond} | ${row.deliveriesPerSecond.toLocaleString('en')} | ${row.afterCommitMedianMs.toFixed(1)} ms | ${row.afterCommitP99Ms.toFixed(1)} ms | ${row.missing} |`,
    );
  const directory = path.join(projectRoot(), 'bench/results');
  mkdirSync(directory, { recursive: true });
  writeFileSync(
    path.join(directory, 'transports.json'),
    `${JSON.stringify({ measuredAt: new Date().toISOString(), rows }, null, 2)}\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
