import 'reflect-metadata';
import { signClientAuthorization } from '../runtime/auth/tokens';
import { developmentAuthConfig } from '../runtime/config/authConfig';
import { graphqlRequest } from '../runtime/http/graphqlRequest';
import { createLogger } from '../runtime/logging/logger';
import { startStack } from '../stack/startStack';
import { openBenchDatabase } from './benchDatabase';
import { postgresCpuMeter } from './processCpu';
import { benchRateLimits } from './settings';

/**
 * What one call costs, one client, one call at a time, through the gateway: single `trackEvent` and
 * single `recordPurchase` by turns (`--slices`, default 4, of `--calls` each, default 300), with
 * the CPU of this process (the whole graph and the client, `process.cpuUsage()`) and of the
 * PostgreSQL backends serving the scratch database (from /proc: the server must run on this
 * machine) per call. The work the calls leave to the followers counts when it runs in the slice.
 * `--only trackEvent` measures one operation alone, for `node --cpu-prof`.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node dist/bench/callCost.js
 */

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} takes a whole number`);
  return value;
}

interface Slice {
  operation: string;
  calls: number;
  wallMs: number;
  nodeCpuMs: number;
  postgresCpuMs: number;
}

async function main(): Promise<void> {
  const slices = option('--slices', 4);
  const calls = option('--calls', 300);
  const database = await openBenchDatabase('loyalty_callcost');
  if (database.db.kind !== 'postgres') throw new Error('Set DATABASE_URL: the PostgreSQL CPU is read from /proc');
  const stack = await startStack({
    db: database.db,
    logger: createLogger('error'),
    gateway: { rateLimits: benchRateLimits },
  });
  const authorization = await signClientAuthorization({ role: 'admin', subject: 'bench' }, developmentAuthConfig());
  const call = <T>(query: string, variables: Record<string, unknown> = {}) =>
    graphqlRequest<T>(stack.gateway.url, query, variables, { headers: { authorization } });
  try {
    await call(`mutation { setEarnRate(input: { currency: "EUR", points: 1, perAmount: 100 }) { currency } }`);
    await call(
      `mutation { defineEventType(input: { name: "bench.product.viewed", properties: [
         { name: "skus", kind: SKU_LIST, required: true }, { name: "price", kind: MONEY }, { name: "position", kind: NUMBER } ] }) { version } }`,
    );
    const members: string[] = [];
    for (let index = 0; index < 50; index++) {
      const { enrollCustomer } = await call<{ enrollCustomer: { id: string } }>(
        `mutation($input: EnrollCustomerInput!) { enrollCustomer(input: $input) { id } }`,
        { input: { givenName: 'Cost', email: `cost-${index}-${Date.now()}@example.com`, channel: 'ONLINE' } },
      );
      members.push(enrollCustomer.id);
    }
    let n = 0;
    const operations: Record<string, () => Promise<unknown>> = {
      trackEvent: () =>
        call(`mutation($input: TrackEventInput!) { trackEvent(input: $input) { id } }`, {
          input: {
            customerId: members[n % members.length],
            type: 'bench.product.viewed',
            properties: { skus: ['TEA-1'], price: { amount: 2500, currency: 'EUR' }, position: 3 },
            channel: 'ONLINE',
            idempotencyKey: `cost-event-${n}`,
          },
        }),
      recordPurchase: () =>
        call(`mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { pointsEarned } }`, {
          input: {
            customerId: members[n % members.length],
            channel: 'ONLINE',
            externalOrderId: `cost-order-${n}`,
            currency: 'EUR',
            lines: [{ sku: 'A', category: 'books', quantity: 1, unitPrice: 2500 }],
          },
        }),
    };
    // `--only <operation>` measures one of them (to profile it alone with --cpu-prof).
    const only = process.argv.indexOf('--only');
    if (only >= 0)
      for (const name of Object.keys(operations)) if (name !== process.argv[only + 1]) delete operations[name];
    // A warm-up of each, then the slices by turns.
    for (const run of Object.values(operations)) for (let k = 0; k < 50; k++, n++) await run();
    const measured: Slice[] = [];
    for (let slice = 0; slice < slices; slice++) {
      for (const [operation, run] of Object.entries(operations)) {
        const postgresCpu = await postgresCpuMeter(database.db);
        const nodeBefore = process.cpuUsage();
        const began = performance.now();
        for (let k = 0; k < calls; k++, n++) await run();
        const wallMs = performance.now() - began;
        const node = process.cpuUsage(nodeBefore);
        const postgresCpuMs = (await postgresCpu()) * 1000;
        measured.push({ operation, calls, wallMs, nodeCpuMs: (node.user + node.system) / 1000, postgresCpuMs });
      }
    }
    const rows = Object.keys(operations).map((operation) => {
      const mine = measured.filter((slice) => slice.operation === operation);
      const total = (pick: (slice: Slice) => number) => mine.reduce((sum, slice) => sum + pick(slice), 0);
      const count = total((slice) => slice.calls);
      return {
        operation,
        calls: count,
        'calls/s (1 client)': Math.round((count / total((slice) => slice.wallMs)) * 1000),
        'wall ms/call': Number((total((slice) => slice.wallMs) / count).toFixed(2)),
        'node CPU ms/call': Number((total((slice) => slice.nodeCpuMs) / count).toFixed(2)),
        'PostgreSQL CPU ms/call': Number((total((slice) => slice.postgresCpuMs) / count).toFixed(2)),
      };
    });
    console.table(rows);
  } finally {
    await stack.stop();
    await database.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
