import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startLedgerSubgraph, type RunningLedger } from '../../subgraphs/ledger';
import { eventually } from '../support/eventually';
import { enrollMember, purchaseInput, setEarnRate } from '../support/fixtures';
import { sampleValue, scrape } from '../support/prometheus';
import { startPrivateNats, type PrivateNats } from '../support/privateNats';
import { connectTestNats, type TestNats } from '../support/testNats';
import {
  startTestGraph,
  subgraphOptions,
  type GraphClient,
  type LiveSubscription,
  type TestGraph,
} from '../support/testGraph';

type Vars = Record<string, unknown>;
interface BalanceEvent {
  balanceUpdated: { eventId: string; balance: number };
}
const purchase = `mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { id } }`;
const balanceUpdates = `subscription($id: ID!) { balanceUpdated(customerId: $id, after: "0") { eventId balance } }`;
/**
 * The outbox readers' poll, the safety net behind the stream, is left longer than the test: every
 * event a subscriber gets came through JetStream.
 */
const noPoll = 120_000;

/** An integration's endpoint: answers 200 and keeps each request's body. */
async function startReceiver() {
  const bodies: Array<{ id: string; type: string }> = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: string; type: string });
      response.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    bodies,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function take(live: LiveSubscription<BalanceEvent>, count: number): Promise<BalanceEvent['balanceUpdated'][]> {
  const received = [];
  for (let i = 0; i < count; i++) {
    const message = await live.next(15_000);
    if (message.errors) throw new Error(`subscription error: ${JSON.stringify(message.errors)}`);
    received.push(message.data!.balanceUpdated);
  }
  return received;
}

// PostgreSQL server and NATS JetStream only (issue 30): two instances of every service share one
// database and one NATS server, as two deployments behind a load balancer would.
describe('events over NATS JetStream across two instances of every service', () => {
  let nats: TestNats;
  let graph: TestGraph;
  let second: Awaited<ReturnType<TestGraph['startInstance']>>;
  let secondAdmin: GraphClient;
  let restarted: RunningLedger | undefined;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    nats = await connectTestNats();
    receiver = await startReceiver();
    graph = await startTestGraph({
      eventTransport: { kind: 'nats', nats: nats.nats },
      eventPollIntervalMs: noPoll,
      // Webhooks and the campaign's history are woken by the streams only: their polls wait longer than the test.
      webhooks: { followIntervalMs: noPoll, dispatchIntervalMs: noPoll },
      historyIntervalMs: noPoll,
    });
    await setEarnRate(graph, 'EUR', 1, 100);
    second = await graph.startInstance();
    secondAdmin = await second.as({ role: 'admin', subject: 'second-admin' });
  });
  afterAll(async () => {
    await restarted?.stop();
    await graph?.stop();
    await nats?.dispose();
    await receiver?.close();
  });

  it('delivers to a subscriber of gateway A, once and in order, purchases recorded through gateway B, while a ledger and the relays restart', async () => {
    const member = await enrollMember(graph, 'Ada', 'Nats');
    const app = await graph.as({ role: 'member', subject: member.id });
    const live = await app.subscribe<BalanceEvent, Vars>(balanceUpdates, { id: member.id });
    const buy = () => secondAdmin.data(purchase, { input: purchaseInput(member.id) });

    for (let i = 0; i < 3; i++) await buy();
    const seen = await take(live, 3);

    // Instance B's ledger is killed and A's relay stopped: no relay runs, events wait in the outbox.
    const ledgerB = second.stack.subgraphs.ledger;
    const port = Number(new URL(ledgerB.url).port);
    await ledgerB.stop();
    await graph.stack.subgraphs.ledger.relay!.job.stop();
    await graph.admin.data(purchase, { input: purchaseInput(member.id) });
    await graph.admin.data(purchase, { input: purchaseInput(member.id) });
    await expect(live.next(500)).rejects.toThrow(/no subscription message/);

    // B's ledger comes back on its port: its new relay publishes what waited, then goes on.
    restarted = await startLedgerSubgraph({
      ...subgraphOptions(graph, port),
      eventPollIntervalMs: noPoll,
      eventTransport: { kind: 'nats', nats: nats.nats },
      profileUrl: second.stack.subgraphs.profile.url,
      campaignUrl: second.stack.subgraphs.campaign.url,
    });
    seen.push(...(await take(live, 2)));
    for (let i = 0; i < 2; i++) await buy();
    seen.push(...(await take(live, 2)));

    // A relay that crashed after publishing, before saving its position, is left behind the stream:
    // the next one (restarted) reads the stream's head and publishes nothing twice.
    await graph.database.db.query(`update ledger.outbox_relays set last_event_id = last_event_id - 3`);
    await restarted.stop();
    restarted = await startLedgerSubgraph({
      ...subgraphOptions(graph, port),
      eventPollIntervalMs: noPoll,
      eventTransport: { kind: 'nats', nats: nats.nats },
      profileUrl: second.stack.subgraphs.profile.url,
      campaignUrl: second.stack.subgraphs.campaign.url,
    });
    await buy();
    seen.push(...(await take(live, 1)));
    await expect(live.next(500)).rejects.toThrow(/no subscription message/);

    expect(seen.map((event) => event.balance)).toEqual([25, 50, 75, 100, 125, 150, 175, 200]);
    const ids = seen.map((event) => Number(event.eventId));
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    // Every ledger event is in the stream exactly once, and the relays report nothing left behind.
    const { rows } = await graph.database.db.query<{ n: string }>('select count(*) as n from ledger.events');
    expect(await nats.nats.storedCount('ledger')).toBe(Number(rows[0]!.n));
    const metrics = await scrape(graph.stack.subgraphs.ledger.url);
    expect(sampleValue(metrics, 'outbox_unpublished_events', { service: 'ledger' })).toBe(0);

    // The timelines of both profile instances follow the ledger's stream through one durable
    // consumer: each purchase is on the member's timeline once.
    const purchases = await eventually(
      async () =>
        (
          await graph.database.db.query<{ n: string }>(
            `select count(*) as n from profile.timeline_entries where customer_id = $1 and source = 'ledger'`,
            [member.id],
          )
        ).rows[0]!.n,
      (n) => Number(n) >= 8,
      'the purchases on the timeline',
    );
    expect(Number(purchases)).toBe(8);
  });

  it("moves a merged member's points once, whichever ledger instance reads the merge from the profile's stream", async () => {
    const survivor = await enrollMember(graph, 'Cy', 'Survivor');
    const merged = await enrollMember(graph, 'Cy', 'Merged');
    for (const member of [survivor, merged]) await secondAdmin.data(purchase, { input: purchaseInput(member.id) });
    await secondAdmin.data(
      `mutation($s: ID!, $m: ID!) { mergeCustomers(survivorId: $s, mergedId: $m, reason: "same person") { mergedId } }`,
      { s: survivor.id, m: merged.id },
    );
    await eventually(
      () =>
        graph.admin.data<{ customer: { loyalty: { balance: number } } }, Vars>(
          `query($id: ID!) { customer(id: $id) { loyalty { balance } } }`,
          { id: survivor.id },
        ),
      (view) => view.customer.loyalty.balance === 50,
      'the ledger to move the points',
    );
    const { rows } = await graph.database.db.query<{ n: string }>(
      `select count(*) as n from ledger.entries where customer_id = $1 and kind = 'TRANSFER_IN'`,
      [survivor.id],
    );
    expect(Number(rows[0]!.n)).toBe(1);
  });

  it("sends one webhook per purchase made through gateway B and counts each once in the campaign's history, with both engagement and campaign instances on the streams", async () => {
    await graph.admin.data(
      `mutation($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) { secret } }`,
      { input: { url: receiver.url, eventTypes: ['PurchaseRecorded'], description: 'nats test' } },
    );
    const member = await enrollMember(graph, 'Di', 'Hooks');
    for (let i = 0; i < 3; i++) await secondAdmin.data(purchase, { input: purchaseInput(member.id) });

    const stats = async () =>
      (
        await graph.database.db.query<{ purchase_count: number }>(
          `select purchase_count from campaign.customer_stats where customer_id = $1`,
          [member.id],
        )
      ).rows[0]?.purchase_count ?? 0;
    expect(await eventually(stats, (count) => count >= 3, "the campaign's history of the purchases")).toBe(3);
    const received = await eventually(
      async () => receiver.bodies.filter((body) => body.type === 'PurchaseRecorded'),
      (bodies) => bodies.length >= 3,
      'the webhooks of the purchases',
    );
    // Both instances' followers and dispatchers share the consumers: nothing more comes.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(received).toHaveLength(3);
    expect(receiver.bodies.filter((body) => body.type === 'PurchaseRecorded')).toHaveLength(3);
    expect(new Set(received.map((body) => body.id)).size).toBe(3);
    const { rows } = await graph.database.db.query<{ n: string }>(
      `select count(*) as n from campaign.purchases where customer_id = $1`,
      [member.id],
    );
    expect(Number(rows[0]!.n)).toBe(3);
  });
});

describe('events over NATS JetStream when the NATS server is killed and started again', () => {
  let server: PrivateNats;
  let nats: TestNats;
  let graph: TestGraph;
  let secondAdmin: GraphClient;

  beforeAll(async () => {
    server = await startPrivateNats();
    nats = await connectTestNats(server.url);
    graph = await startTestGraph({
      eventTransport: { kind: 'nats', nats: nats.nats },
      eventPollIntervalMs: noPoll,
    });
    await setEarnRate(graph, 'EUR', 1, 100);
    secondAdmin = await (await graph.startInstance()).as({ role: 'admin', subject: 'second-admin' });
  });
  afterAll(async () => {
    await graph?.stop();
    await nats?.dispose();
    await server?.destroy();
  });

  it("loses no committed event and no subscriber's place", async () => {
    const member = await enrollMember(graph, 'Bo', 'Nats');
    const app = await graph.as({ role: 'member', subject: member.id });
    const live = await app.subscribe<BalanceEvent, Vars>(balanceUpdates, { id: member.id });
    const buy = () => secondAdmin.data(purchase, { input: purchaseInput(member.id) });

    for (let i = 0; i < 2; i++) await buy();
    const seen = await take(live, 2);
    await server.kill();
    // Committed while NATS is away: the relays retry until it is back.
    for (let i = 0; i < 2; i++) await buy();
    await server.start();
    seen.push(...(await take(live, 2)));
    await buy();
    seen.push(...(await take(live, 1)));
    await expect(live.next(500)).rejects.toThrow(/no subscription message/);

    expect(seen.map((event) => event.balance)).toEqual([25, 50, 75, 100, 125]);
    const ids = seen.map((event) => Number(event.eventId));
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    const { rows } = await graph.database.db.query<{ n: string }>('select count(*) as n from ledger.events');
    expect(await nats.nats.storedCount('ledger')).toBe(Number(rows[0]!.n));
    const onTimeline = async () =>
      (
        await graph.database.db.query<{ n: string }>(
          `select count(*) as n from profile.timeline_entries where customer_id = $1 and source = 'ledger'`,
          [member.id],
        )
      ).rows[0]!.n;
    expect(Number(await eventually(onTimeline, (n) => Number(n) >= 5, 'the purchases on the timeline'))).toBe(5);
  });
});
