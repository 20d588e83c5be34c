import { BalanceUpdatedDocument, MemberOverviewDocument, RecordPurchaseDocument } from '../examples/sdk/graphql';
import { enrollMember, purchaseInput, setEarnRate } from './support/fixtures';
import { startTestGraph, type TestGraph } from './support/testGraph';

describe('when a subgraph is down', () => {
  let graph: TestGraph;
  let member: { id: string; email: string };
  beforeAll(async () => {
    graph = await startTestGraph({ gateway: { subscriptionResumeWindowMs: 1000 } });
    await setEarnRate(graph);
    member = await enrollMember(graph, 'Kim', 'Lee');
    await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(member.id) });
  });
  afterAll(() => graph?.stop());

  it("still answers with the other subgraphs' data, and an error for the missing part", async () => {
    await graph.stack.subgraphs.rewards.stop();
    const result = await graph.admin.request(MemberOverviewDocument, { email: member.email });
    expect(result.data?.customerByIdentifier).toMatchObject({ name: 'Kim Lee', loyalty: { balance: 25 } });
    expect(result.errors?.length).toBeGreaterThan(0);
    expect((await fetch(new URL('/health', graph.url))).status).toBe(200);
  });

  it('refuses a purchase it cannot quote with SERVICE_UNAVAILABLE and records nothing', async () => {
    await graph.stack.subgraphs.campaign.stop();
    const input = purchaseInput(member.id);
    const result = await graph.admin.request(RecordPurchaseDocument, { input });
    expect(result.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    // It says which service, and nothing of where it runs.
    expect(result.errors?.[0]?.message).toMatch(/campaign service did not answer/);
    expect(result.errors?.[0]?.message).not.toMatch(/127\.0\.0\.1|localhost|:\d{2,5}/);
    const { rows } = await graph.database.db.query('select 1 from ledger.orders where external_order_id = $1', [
      input.externalOrderId,
    ]);
    expect(rows).toHaveLength(0);
    const balance = await graph.admin.data<{ customer: { loyalty: { balance: number } } }, unknown>(
      `query($id: ID!) { customer(id: $id) { loyalty { balance } } }`,
      { id: member.id },
    );
    expect(balance.customer.loyalty.balance).toBe(25);
  });

  it('ends a live subscription with SERVICE_UNAVAILABLE when its subgraph stays away past the resume window', async () => {
    const live = await graph.admin.subscribe(BalanceUpdatedDocument, { customerId: member.id, after: '0' });
    expect((await live.next()).data?.balanceUpdated.balance).toBe(25);
    await graph.stack.subgraphs.ledger.stop();
    const message = await live.next();
    expect(message.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(message.errors?.[0]?.message).toMatch(/ledger/);
  });
});
