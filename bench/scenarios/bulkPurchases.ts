import { body, byTurns, summarise } from '../loadRunner';
import type { LoadJob, LoadStep } from '../loadWorker';
import { commonLoad, type Bench, type BenchScenario } from './scenario';

/** Orders per `recordPurchases` call: the default batch size (`LEDGER_BATCH_MAX_ITEMS`). */
const batchSize = 100;

const order = (customerId: string, externalOrderId: string) => ({
  customerId,
  channel: 'ONLINE',
  externalOrderId,
  currency: 'EUR',
  lines: [{ sku: 'A', category: 'books', quantity: 1, unitPrice: 2500 }],
});

/** One order per call, for a rotating member. */
function single(bench: Bench): LoadStep[][] {
  const query = `mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { pointsEarned } }`;
  return [
    [
      {
        url: bench.stack.gateway.url,
        authorization: bench.authorization,
        body: body(query, { input: order('{id}', 'bulk-single-{n}') }),
      },
    ],
  ];
}

/** `batchSize` orders per call, each for another member (`{id0}` ... `{id99}`); an item's error fails the call. */
function batched(bench: Bench): LoadStep[][] {
  const query = `mutation($inputs: [RecordPurchaseInput!]!) { recordPurchases(inputs: $inputs) { index purchase { pointsEarned } error { code message } } }`;
  const inputs = Array.from({ length: batchSize }, (_, k) => order(`{id${k}}`, `bulk-batch-{n}-${k}`));
  return [
    [
      {
        url: bench.stack.gateway.url,
        authorization: bench.authorization,
        body: body(query, { inputs }),
        failsOn: '"code"',
      },
    ],
  ];
}

/**
 * Orders/s through the gateway, single `recordPurchase` calls against `recordPurchases` with 100
 * orders per call, by turns in one run (the same members, the same program, the same clients).
 */
export const bulkPurchasesScenario: BenchScenario = {
  name: 'bulk',
  async run(bench) {
    const common = commonLoad(bench);
    const singleJob: LoadJob = { ...common, groups: single(bench) };
    // A quarter of the clients: each call carries 100 orders, so fewer are in flight at once (200
    // against 8 with the default 8 clients) and a call's latency stays well inside a turn's slice.
    const clients = Math.max(1, Math.floor(common.concurrency / 4));
    const batchJob: LoadJob = { ...common, concurrency: clients, groups: batched(bench), width: batchSize };
    const [singles, batches] = await byTurns(singleJob, batchJob);
    const singleRow = summarise(
      `recordPurchase, 1 order per call, ${common.concurrency} clients (distinct members)`,
      singles,
    );
    const batchRow = summarise(
      `recordPurchases, ${batchSize} orders per call, ${clients} clients (distinct members)`,
      batches,
    );
    bench.results.rows.push(singleRow, batchRow);
    const singleRate = singleRow.requestsPerSecond;
    const batchRate = Math.round((batches.requests / batches.elapsedMs) * 1000 * batchSize);
    const ratio = singleRate > 0 ? (batchRate / singleRate).toFixed(1) : 'n/a';
    console.log(
      `Orders/s through the gateway: ${singleRate} one per call, ${batchRate} with ${batchSize} per call (×${ratio}); ` +
        `batch latency median ${batchRow.medianMs} ms, p99 ${batchRow.p99Ms} ms.`,
    );
  },
};
