import { graphqlRequest } from '../../runtime/http/graphqlRequest';
import { allByTurns, body, summarise } from '../loadRunner';
import type { LoadJob, LoadStep } from '../loadWorker';
import { commonLoad, type Bench, type BenchScenario } from './scenario';

/** Events per `trackEvents` call: the default batch size (`PROFILE_EVENT_BATCH_MAX_ITEMS`). */
const batchSize = 100;

const eventType = 'bench.product.viewed';

/** The scenario's figures in `results/latest.json` (`events`), besides its three rows. */
export interface EventsScenarioResult {
  purchasesPerSecond: number;
  eventsPerSecond: number;
  batchEventsPerSecond: number;
  /** trackEvent calls/s ÷ recordPurchase calls/s (issue 26: ≥ 2). */
  eventsPerPurchase: number;
  /** Events/s in batches of `batchSize` ÷ single trackEvent calls/s (issue 26: ≥ 10). */
  batchPerSingle: number;
  batchSize: number;
}

const event = (customerId: string, idempotencyKey: string) => ({
  customerId,
  type: eventType,
  properties: { skus: ['TEA-1'], price: { amount: 2500, currency: 'EUR' }, position: 3 },
  channel: 'ONLINE',
  idempotencyKey,
});

function step(bench: Bench, query: string, variables: Record<string, unknown>, failsOn?: string): LoadStep[][] {
  return [
    [{ url: bench.stack.gateway.url, authorization: bench.authorization, body: body(query, variables), failsOn }],
  ];
}

/**
 * Purchases/s against custom events/s through the gateway, in one run by turns: single
 * `recordPurchase`, single `trackEvent`, and `trackEvents` of 100 (distinct members each).
 */
export const eventsScenario: BenchScenario = {
  name: 'events',
  async run(bench) {
    await graphqlRequest(
      bench.stack.gateway.url,
      `mutation($input: DefineEventTypeInput!) { defineEventType(input: $input) { version } }`,
      {
        input: {
          name: eventType,
          properties: [
            { name: 'skus', kind: 'SKU_LIST', required: true },
            { name: 'price', kind: 'MONEY' },
            { name: 'position', kind: 'NUMBER' },
          ],
        },
      },
      { headers: { authorization: bench.authorization } },
    );
    const common = commonLoad(bench);
    const purchase: LoadJob = {
      ...common,
      groups: step(bench, `mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { pointsEarned } }`, {
        input: {
          customerId: '{id}',
          channel: 'ONLINE',
          externalOrderId: 'events-order-{n}',
          currency: 'EUR',
          lines: [{ sku: 'A', category: 'books', quantity: 1, unitPrice: 2500 }],
        },
      }),
    };
    const single: LoadJob = {
      ...common,
      groups: step(bench, `mutation($input: TrackEventInput!) { trackEvent(input: $input) { id } }`, {
        input: event('{id}', 'events-single-{n}'),
      }),
    };
    // A quarter of the clients, as `bulk` does: each call carries 100 events.
    const clients = Math.max(1, Math.floor(common.concurrency / 4));
    const batch: LoadJob = {
      ...common,
      concurrency: clients,
      width: batchSize,
      groups: step(
        bench,
        `mutation($inputs: [TrackEventInput!]!) { trackEvents(inputs: $inputs) { index event { id } error { code message } } }`,
        { inputs: Array.from({ length: batchSize }, (_, k) => event(`{id${k}}`, `events-batch-{n}-${k}`)) },
        '"code"',
      ),
    };
    const [purchases, singles, batches] = await allByTurns([purchase, single, batch]);
    const rows = [
      summarise(`recordPurchase, ${common.concurrency} clients (distinct members)`, purchases!),
      summarise(`trackEvent, 1 event per call, ${common.concurrency} clients (distinct members)`, singles!),
      summarise(`trackEvents, ${batchSize} events per call, ${clients} clients (distinct members)`, batches!),
    ];
    bench.results.rows.push(...rows);
    const perSecond = (result: { requests: number; elapsedMs: number }, items = 1) =>
      Math.round((result.requests / result.elapsedMs) * 1000 * items);
    const purchasesPerSecond = perSecond(purchases!);
    const eventsPerSecond = perSecond(singles!);
    const batchEventsPerSecond = perSecond(batches!, batchSize);
    const ratio = (a: number, b: number) => (b > 0 ? Number((a / b).toFixed(1)) : 0);
    bench.results.events = {
      purchasesPerSecond,
      eventsPerSecond,
      batchEventsPerSecond,
      eventsPerPurchase: ratio(eventsPerSecond, purchasesPerSecond),
      batchPerSingle: ratio(batchEventsPerSecond, eventsPerSecond),
      batchSize,
    };
    console.log(
      `Through the gateway: ${purchasesPerSecond} orders/s, ${eventsPerSecond} events/s one per call ` +
        `(×${bench.results.events.eventsPerPurchase} the orders), ${batchEventsPerSecond} events/s with ${batchSize} per call ` +
        `(×${bench.results.events.batchPerSingle} single calls); batch latency median ${rows[2]!.medianMs} ms, p99 ${rows[2]!.p99Ms} ms.`,
    );
  },
};
