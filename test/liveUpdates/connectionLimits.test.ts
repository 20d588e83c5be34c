import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { RecordPurchaseDocument } from '../../examples/sdk/graphql';
import { enrollMember, purchaseInput, setEarnRate } from '../support/fixtures';
import { startTestGraph, type LiveSubscription, type TestGraph } from '../support/testGraph';

/** One member's balance, under an alias of its own: each alias is a distinct upstream operation. */
const aliasedBalance = (n: number) =>
  `subscription($customerId: ID!) { balanceUpdated(customerId: $customerId) { balance${n}: balance } }`;

describe('operations per WebSocket connection', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph();
    await setEarnRate(graph);
  });
  afterAll(() => graph?.stop());

  const ledgerSubscribers = () => graph.stack.subgraphs.ledger.events.subscriberCount;
  const waitForLedgerSubscribers = async (count: number) => {
    for (let i = 0; i < 250 && ledgerSubscribers() < count; i++) await new Promise((r) => setTimeout(r, 20));
    expect(ledgerSubscribers()).toBeGreaterThanOrEqual(count);
  };

  it("refuses a client's operation past the gateway's limit of 20, and keeps the other 20 running", async () => {
    const member = await enrollMember(graph);
    const client = await graph.as({ role: 'admin', subject: 'one-connection' });
    const open: Array<LiveSubscription<Record<string, { [key: string]: number }>>> = [];
    for (let n = 0; n < 20; n++) open.push(await client.subscribe(aliasedBalance(n), { customerId: member.id }));
    const refused = await client.subscribe(aliasedBalance(20), { customerId: member.id });

    expect((await refused.next()).errors?.[0]?.extensions?.code).toBe('TOO_MANY_SUBSCRIPTIONS');
    await waitForLedgerSubscribers(20);
    await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(member.id) });
    for (const [n, live] of open.entries())
      expect((await live.next()).data?.balanceUpdated).toEqual({ [`balance${n}`]: 25 });
    for (const live of open) live.close();
  });

  it('carries more subscriptions to a subgraph than one client connection may hold', async () => {
    // 3 clients × 20 distinct subscriptions: the gateway holds 60 on its one socket to the ledger,
    // which bounds a client of its own at 50.
    const member = await enrollMember(graph);
    const before = ledgerSubscribers();
    const open: Array<{ n: number; live: LiveSubscription<Record<string, { [key: string]: number }>> }> = [];
    for (let c = 0; c < 3; c++) {
      const client = await graph.as({ role: 'admin', subject: `multiplexed-${c}` });
      for (let i = 0; i < 20; i++) {
        const n = c * 20 + i;
        open.push({ n, live: await client.subscribe(aliasedBalance(n), { customerId: member.id }) });
      }
    }
    await waitForLedgerSubscribers(before + 60);

    await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(member.id) });

    for (const { n, live } of open) {
      const message = await live.next();
      expect(message.errors).toBeUndefined();
      expect(message.data?.balanceUpdated).toEqual({ [`balance${n}`]: 25 });
      live.close();
    }
  });

  it('bounds a client connected straight to a subgraph at 50 operations', async () => {
    const member = await enrollMember(graph);
    const admin = graph.admin.authorization!;
    const client = createClient({
      url: graph.stack.subgraphs.ledger.wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: admin },
    });
    try {
      const refusals: unknown[] = [];
      const unsubscribes: Array<() => void> = [];
      for (let n = 0; n < 51; n++)
        unsubscribes.push(
          client.subscribe(
            { query: aliasedBalance(n), variables: { customerId: member.id }, extensions: { authorization: admin } },
            { next: () => undefined, error: (error) => refusals.push(error), complete: () => undefined },
          ),
        );
      for (let i = 0; i < 250 && refusals.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(refusals).toEqual([[expect.objectContaining({ extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } })]]);
      for (const unsubscribe of unsubscribes) unsubscribe();
    } finally {
      await client.dispose();
    }
  });
});
