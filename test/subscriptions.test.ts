import { BalanceUpdatedDocument, MemberOverviewDocument, RecordPurchaseDocument } from '../examples/sdk/graphql';
import { enrollMember, purchaseInput, setEarnRate } from './support/fixtures';
import { startTestGraph, type TestGraph } from './support/testGraph';

describe('live balance updates through the gateway', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph();
    await setEarnRate(graph);
    await graph.admin.data(
      `mutation { createReward(input: { name: "Tote bag", kind: FREE_PRODUCT, costPoints: 20 }) { id } }`,
    );
  });
  afterAll(() => graph?.stop());

  const ledgerSubscribers = () => graph.stack.subgraphs.ledger.events.subscriberCount;

  /** Subscribes, and waits until the ledger holds the upstream subscription, so no event is missed. */
  const subscribeLive = async (variables: { customerId: string; after?: string }) => {
    const before = ledgerSubscribers();
    const live = await graph.admin.subscribe(BalanceUpdatedDocument, variables);
    for (let i = 0; i < 250 && ledgerSubscribers() <= before; i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ledgerSubscribers()).toBeGreaterThan(before);
    return live;
  };

  it('pushes a committed purchase with fields from the profile and rewards subgraphs', async () => {
    const member = await enrollMember(graph, 'Grace', 'Hopper');
    const live = await subscribeLive({ customerId: member.id });

    const { recordPurchase } = await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(member.id) });

    const message = await live.next();
    expect(message.errors).toBeUndefined();
    expect(message.data?.balanceUpdated).toMatchObject({
      balance: 25,
      change: 25,
      reason: expect.stringContaining('IN_STORE'),
      customer: { name: 'Grace Hopper', rewards: { available: [{ name: 'Tote bag', costPoints: 20 }] } },
    });
    expect(recordPurchase.balanceAfter).toBe(25);
    live.close();
  });

  it('sends nothing for a retried purchase, which changed nothing', async () => {
    const member = await enrollMember(graph);
    const live = await subscribeLive({ customerId: member.id });
    const input = purchaseInput(member.id);
    await graph.admin.data(RecordPurchaseDocument, { input });
    await graph.admin.data(RecordPurchaseDocument, { input });
    await graph.admin.data(RecordPurchaseDocument, {
      input: purchaseInput(member.id, { lines: [{ sku: 'A', quantity: 1, unitPrice: 100 }] }),
    });
    expect((await live.next()).data?.balanceUpdated.balance).toBe(25);
    // The next message is the third purchase: the retry in between sent nothing.
    expect((await live.next()).data?.balanceUpdated).toMatchObject({ balance: 26, change: 1 });
    live.close();
  });

  it('only sends a member their own balance', async () => {
    const [watched, other] = await Promise.all([enrollMember(graph), enrollMember(graph)]);
    const live = await subscribeLive({ customerId: watched.id });
    await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(other.id) });
    await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(watched.id) });
    const message = await live.next();
    expect(message.data?.balanceUpdated).toMatchObject({ balance: 25, customer: { name: 'Test Member' } });
    live.close();
  });

  it('replays what a reconnecting client missed after the last event id it saw, then goes on live', async () => {
    const member = await enrollMember(graph);
    const first = await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(member.id) });
    const live = await graph.admin.subscribe(BalanceUpdatedDocument, { customerId: member.id, after: '0' });
    const seen = await live.next();
    expect(seen.data?.balanceUpdated.balance).toBe(first.recordPurchase.balanceAfter);
    live.close();

    // Offline while two purchases commit.
    await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(member.id) });
    await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(member.id) });

    const resumed = await graph.admin.subscribe(BalanceUpdatedDocument, {
      customerId: member.id,
      after: seen.data!.balanceUpdated.eventId,
    });
    expect((await resumed.next()).data?.balanceUpdated.balance).toBe(50);
    expect((await resumed.next()).data?.balanceUpdated.balance).toBe(75);
    await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(member.id) });
    expect((await resumed.next()).data?.balanceUpdated.balance).toBe(100);
    resumed.close();
  });

  it('gives the balance and the last event id in one read, so a subscription after it misses nothing', async () => {
    const member = await enrollMember(graph);
    await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(member.id) });
    const { customerByIdentifier } = await graph.admin.data(MemberOverviewDocument, { email: member.email });
    const { balance, lastEventId } = customerByIdentifier!.loyalty!;
    expect(balance).toBe(25);
    // A purchase commits between the read and the subscription.
    await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(member.id) });
    const live = await graph.admin.subscribe(BalanceUpdatedDocument, { customerId: member.id, after: lastEventId });
    expect((await live.next()).data?.balanceUpdated).toMatchObject({ balance: 50, change: 25 });
    live.close();
  });

  it('replays the whole catch-up to each of two clients resuming from the same cursor', async () => {
    const member = await enrollMember(graph);
    await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(member.id) });
    await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(member.id) });
    const first = await graph.admin.subscribe(BalanceUpdatedDocument, { customerId: member.id, after: '0' });
    expect((await first.next()).data?.balanceUpdated.balance).toBe(25);
    const second = await graph.admin.subscribe(BalanceUpdatedDocument, { customerId: member.id, after: '0' });
    for (const live of [first, second]) {
      const balances = [];
      while (balances.at(-1) !== 50) balances.push((await live.next()).data?.balanceUpdated.balance);
      expect(balances).toEqual(live === first ? [50] : [25, 50]);
      live.close();
    }
  });

  it('refuses a cursor newer than any event, which would skip events silently', async () => {
    const member = await enrollMember(graph);
    const live = await graph.admin.subscribe(BalanceUpdatedDocument, { customerId: member.id, after: '999999999' });
    const message = await live.next();
    expect(message.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(message.errors?.[0]?.message).toMatch(/after/);
  });

  it('refuses a customer no profile has with NOT_FOUND on every subgraph, rather than waiting for events', async () => {
    const nobody = '00000000-0000-4000-8000-000000000001';
    const balance = await graph.admin.subscribe(BalanceUpdatedDocument, { customerId: nobody });
    const vouchers = await graph.admin.subscribe(
      `subscription($id: ID!) { rewardIssued(customerId: $id) { eventId } }`,
      { id: nobody },
    );
    for (const live of [balance, vouchers]) {
      const message = await live.next();
      expect(message.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(message.errors?.[0]?.message).toContain(nobody);
    }
  });

  it('refuses a voucher cursor newer than any event too', async () => {
    const member = await enrollMember(graph);
    const live = await graph.admin.subscribe(
      `subscription($id: ID!) { voucherConsumed(customerId: $id, after: "999999999") { eventId } }`,
      { id: member.id },
    );
    expect((await live.next()).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers invalid variables with an error before subscribing upstream', async () => {
    const live = await graph.admin.subscribe(BalanceUpdatedDocument, { customerId: null as unknown as string });
    const message = await live.next();
    expect(message.errors?.[0]?.message).toMatch(/customerId/);
    expect(message.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers a malformed customer id with BAD_USER_INPUT from the owning subgraph', async () => {
    const live = await graph.admin.subscribe(BalanceUpdatedDocument, { customerId: 'not-a-uuid' });
    const message = await live.next();
    expect(message.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('tells an HTTP client that subscriptions need a WebSocket', async () => {
    const result = await graph.admin.request(BalanceUpdatedDocument, {
      customerId: '00000000-0000-4000-8000-000000000000',
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(result.errors?.[0]?.message).toMatch(/WebSocket/);
  });

  it('shares one upstream subscription among clients watching the same member', async () => {
    const member = await enrollMember(graph);
    const before = ledgerSubscribers();
    const a = await subscribeLive({ customerId: member.id });
    const b = await graph.admin.subscribe(BalanceUpdatedDocument, { customerId: member.id });
    await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(member.id) });
    expect((await a.next()).data?.balanceUpdated.balance).toBe(25);
    expect((await b.next()).data?.balanceUpdated.balance).toBe(25);
    expect(ledgerSubscribers()).toBe(before + 1);
    a.close();
    b.close();
  });
});
