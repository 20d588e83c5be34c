import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { percentile } from './percentile';

export interface LiveUpdatesResult {
  /** `paced` (purchases at a set rate) or `saturating` (as fast as the writers go). */
  load: string;
  /** `one identity` (clients share streams) or `one each` (every subscriber its own stream). */
  identities: string;
  /** Purchases per second asked for (paced) and reached. */
  targetPurchasesPerSecond: number | null;
  purchasesPerSecond: number;
  subscribers: number;
  events: number;
  /** Events delivered to subscribers per second (every subscriber of a member counts). */
  deliveriesPerSecond: number;
  /** From the writer's answer (the purchase committed) to the subscriber's receipt. */
  afterCommitMedianMs: number;
  afterCommitP99Ms: number;
  /** From sending the purchase to the subscriber's receipt (commit included). */
  afterRequestMedianMs: number;
  afterRequestP99Ms: number;
  missing: number;
}

const subscription = `subscription($id: ID!) { balanceUpdated(customerId: $id) { eventId balance customer { name } } }`;
const purchase = `mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { balanceAfter } }`;

/**
 * Opens `subscribers` balance subscriptions through the gateway (one member each), records `events` purchases on those members from `writers` concurrent clients,
 * and measures when each subscriber receives its member's event. With `purchasesPerSecond` the
 * writers keep to that rate, which measures delivery latency apart from the queueing of a graph
 * saturated by writes; without it they write as fast as they can, which measures throughput.
 */
export async function measureLiveUpdates(options: {
  gatewayUrl: string;
  /** The gateways subscribers connect to, connection by connection in turn (several: instances behind a balancer). */
  wsUrl: string | readonly string[];
  authorization: string;
  memberIds: readonly string[];
  subscribers: number;
  events: number;
  writers: number;
  purchasesPerSecond?: number;
  /**
   * The token of each subscriber's own connection. Without it, subscribers use `authorization`,
   * 20 to a connection, and those watching one member share one stream.
   */
  tokenFor?: (subscriber: number) => Promise<string>;
}): Promise<LiveUpdatesResult> {
  const members = options.memberIds.slice(0, options.subscribers);
  const clients: Client[] = [];
  const arrivals = new Map<string, number[]>();
  const received: number[] = [];
  const unsubscribes: Array<() => void> = [];
  const wsUrls = typeof options.wsUrl === 'string' ? [options.wsUrl] : options.wsUrl;
  for (let i = 0; i < options.subscribers; i++) {
    if (options.tokenFor || i % 20 === 0) {
      const authorization = options.tokenFor ? await options.tokenFor(i) : options.authorization;
      clients.push(
        createClient({
          url: wsUrls[clients.length % wsUrls.length]!,
          webSocketImpl: WebSocket,
          retryAttempts: 0,
          connectionParams: { authorization },
        }),
      );
    }
    const memberId = members[i % members.length]!;
    unsubscribes.push(
      clients[clients.length - 1]!.subscribe<{ balanceUpdated: { balance: number } }>(
        { query: subscription, variables: { id: memberId } },
        {
          next: (result) => {
            received[i] = (received[i] ?? 0) + 1;
            const key = `${memberId}:${result.data?.balanceUpdated.balance}`;
            const times = arrivals.get(key) ?? [];
            times.push(performance.now());
            arrivals.set(key, times);
          },
          error: (error) => console.error('live updates: a subscription failed', error),
          complete: () => undefined,
        },
      ),
    );
  }
  const purchaseFor = async (memberId: string, orderId: string) => {
    const response = await fetch(options.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: options.authorization },
      body: JSON.stringify({
        query: purchase,
        variables: {
          input: {
            customerId: memberId,
            channel: 'ONLINE',
            externalOrderId: orderId,
            currency: 'EUR',
            lines: [{ sku: 'A', quantity: 1, unitPrice: 2500 }],
          },
        },
      }),
    });
    const body = (await response.json()) as { data?: { recordPurchase: { balanceAfter: number } } };
    if (!body.data) throw new Error(`live updates: a purchase failed: ${JSON.stringify(body)}`);
    return body.data.recordPurchase.balanceAfter;
  };
  // Warm-up: purchases for the members of subscribers that have had no event yet, again until
  // every subscriber has had one. Only then is each subscription surely open end to end (at the
  // gateway, not only upstream), so a miss in the measured run is a miss.
  const warmup = `warmup-${performance.now()}`;
  const warmupDeadline = performance.now() + 60_000;
  const silent = () => Array.from({ length: options.subscribers }, (_, i) => i).filter((i) => !received[i]);
  for (let round = 0; performance.now() < warmupDeadline; round++) {
    const pending = [...new Set(silent().map((i) => members[i % members.length]!))];
    if (pending.length === 0) break;
    let nextMember = 0;
    await Promise.all(
      Array.from({ length: options.writers }, async () => {
        while (nextMember < pending.length) {
          const n = nextMember++;
          await purchaseFor(pending[n]!, `${warmup}-${round}-${n}`);
        }
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (silent().length > 0) console.error(`live updates: ${silent().length} subscribers had no warm-up event in 60 s`);
  arrivals.clear();

  const sent: Array<{ key: string; requestAt: number; answerAt: number; subscribers: number }> = [];
  const subscribersOf = (id: string) => Math.ceil((options.subscribers - members.indexOf(id)) / members.length);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.writers }, async () => {
      while (next < options.events) {
        const n = next++;
        const memberId = members[n % members.length]!;
        if (options.purchasesPerSecond) {
          const due = started + (n * 1000) / options.purchasesPerSecond;
          if (due > performance.now()) await new Promise((resolve) => setTimeout(resolve, due - performance.now()));
        }
        const requestAt = performance.now();
        const balanceAfter = await purchaseFor(memberId, `live-${started}-${n}`);
        const answerAt = performance.now();
        sent.push({
          key: `${memberId}:${balanceAfter}`,
          requestAt,
          answerAt,
          subscribers: subscribersOf(memberId),
        });
      }
    }),
  );
  // Wait for the deliveries still under way (at most 10 s).
  const expected = sent.reduce((sum, event) => sum + event.subscribers, 0);
  const deadline = performance.now() + 10_000;
  const delivered = () => sent.reduce((sum, event) => sum + (arrivals.get(event.key)?.length ?? 0), 0);
  while (delivered() < expected && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const lastArrival = Math.max(...[...arrivals.values()].flat());
  const lastAnswer = Math.max(...sent.map((event) => event.answerAt));
  const afterCommit: number[] = [];
  const afterRequest: number[] = [];
  for (const event of sent) {
    for (const at of arrivals.get(event.key) ?? []) {
      afterCommit.push(at - event.answerAt);
      afterRequest.push(at - event.requestAt);
    }
  }
  afterCommit.sort((a, b) => a - b);
  afterRequest.sort((a, b) => a - b);
  for (const unsubscribe of unsubscribes) unsubscribe();
  await Promise.all(clients.map((client) => client.dispose()));
  return {
    load: options.purchasesPerSecond ? 'paced' : 'saturating',
    identities: options.tokenFor ? 'one each' : 'one identity',
    targetPurchasesPerSecond: options.purchasesPerSecond ?? null,
    purchasesPerSecond: Math.round(sent.length / ((lastAnswer - started) / 1000)),
    subscribers: options.subscribers,
    events: sent.length,
    deliveriesPerSecond: Math.round(afterCommit.length / ((lastArrival - started) / 1000)),
    afterCommitMedianMs: percentile(afterCommit, 50),
    afterCommitP99Ms: percentile(afterCommit, 99),
    afterRequestMedianMs: percentile(afterRequest, 50),
    afterRequestP99Ms: percentile(afterRequest, 99),
    missing: expected - afterCommit.length,
  };
}
