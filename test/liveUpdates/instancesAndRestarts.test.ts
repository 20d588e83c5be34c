import { startLedgerSubgraph, type RunningLedger } from '../../subgraphs/ledger';
import { enrollMember, purchaseInput, setEarnRate } from '../support/fixtures';
import {
  startTestGraph,
  subgraphOptions,
  type GraphClient,
  type LiveSubscription,
  type TestGraph,
} from '../support/testGraph';

type Vars = Record<string, unknown>;
interface BalanceEvent {
  balanceUpdated: { eventId?: string; balance: number; change: number; customer?: { name: string } };
}
const purchaseMutation = `mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { id } }`;
// Subscribed `after: "0"` (the member has no earlier event): whether a purchase commits before or after
// a subscription's upstream opens, it is delivered, once — no sleep to wait for the upstream.
const withCursor = `subscription($id: ID!) { balanceUpdated(customerId: $id, after: "0") { eventId balance change customer { name } } }`;
// No eventId selected: the gateway resumes from its own copy of the cursor.
const withoutCursor = `subscription($id: ID!) { updated: balanceUpdated(customerId: $id, after: "0") { balance change } }`;

async function take<Data>(live: LiveSubscription<Data>, count: number): Promise<Data[]> {
  const received: Data[] = [];
  for (let i = 0; i < count; i++) {
    const message = await live.next(15_000);
    if (message.errors) throw new Error(`subscription error: ${JSON.stringify(message.errors)}`);
    received.push(message.data!);
  }
  return received;
}

describe('live updates across instances and restarts', () => {
  let graph: TestGraph;
  let second: { as(principal: { role: 'admin' | 'member'; subject: string }): Promise<GraphClient> };
  let secondAdmin: GraphClient;

  beforeAll(async () => {
    graph = await startTestGraph({ gateway: { subscriptionResumeWindowMs: 20_000 } });
    await setEarnRate(graph, 'EUR', 1, 100);
    second = await graph.startInstance();
    secondAdmin = await second.as({ role: 'admin', subject: 'second-admin' });
  });
  afterAll(() => graph?.stop());

  it('delivers every event, in order and once, to subscribers of both gateways, whichever ledger wrote it', async () => {
    const member = await enrollMember(graph, 'Ada', 'Two');
    const subscribers = [
      await graph.admin.subscribe<BalanceEvent, Vars>(withCursor, { id: member.id }),
      await (
        await graph.as({ role: 'member', subject: member.id })
      ).subscribe<BalanceEvent, Vars>(withCursor, {
        id: member.id,
      }),
      await (
        await second.as({ role: 'member', subject: member.id })
      ).subscribe<BalanceEvent, Vars>(withCursor, {
        id: member.id,
      }),
      await secondAdmin.subscribe<BalanceEvent, Vars>(withCursor, { id: member.id }),
    ];
    for (let i = 0; i < 6; i++) {
      const writer = i % 2 === 0 ? graph.admin : secondAdmin;
      await writer.data(purchaseMutation, { input: purchaseInput(member.id) });
    }
    for (const live of subscribers) {
      const events = (await take(live, 6)).map((data) => data.balanceUpdated);
      expect(events.map((event) => event.balance)).toEqual([25, 50, 75, 100, 125, 150]);
      const ids = events.map((event) => Number(event.eventId));
      expect(new Set(ids).size).toBe(6);
      expect([...ids].sort((a, b) => a - b)).toEqual(ids);
      expect(events[0]!.customer?.name).toBe('Ada Two');
    }
  });

  it('keeps a stream open while its subgraph restarts, then delivers what was committed meanwhile', async () => {
    const member = await enrollMember(graph, 'Bo', 'Restart');
    const app = await graph.as({ role: 'member', subject: member.id });
    const live = await app.subscribe<{ updated: { balance: number; change: number } }, Vars>(withoutCursor, {
      id: member.id,
    });
    await graph.admin.data(purchaseMutation, { input: purchaseInput(member.id) });
    expect((await take(live, 1))[0]!.updated.balance).toBe(25);

    const ledger = graph.stack.subgraphs.ledger;
    const port = Number(new URL(ledger.url).port);
    await ledger.stop();
    // Written through the other instance's ledger while this gateway's ledger is down.
    await secondAdmin.data(purchaseMutation, { input: purchaseInput(member.id) });
    let restarted: RunningLedger | undefined;
    try {
      restarted = await startLedgerSubgraph({
        ...subgraphOptions(graph, port),
        profileUrl: graph.stack.subgraphs.profile.url,
        campaignUrl: graph.stack.subgraphs.campaign.url,
      });
      await graph.admin.data(purchaseMutation, { input: purchaseInput(member.id) });
      const events = (await take(live, 2)).map((data) => data.updated);
      expect(events).toEqual([
        { balance: 50, change: 25 },
        { balance: 75, change: 25 },
      ]);
      await expect(live.next(500)).rejects.toThrow(/no subscription message/);
    } finally {
      await restarted?.stop();
    }
  });
});
