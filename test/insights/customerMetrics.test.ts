import { enrollMember, purchaseInput, returnOfOrder, setEarnRate } from '../support/fixtures';
import { TestClock } from '../support/ledger';
import { startTestGraph, type TestGraph } from '../support/testGraph';

const metricsQuery = `query($id: ID!) { customer(id: $id) { metrics {
  purchases currency netSpend averageOrderValue historicClv predictedNext12Months predictedClv
  purchaseFrequency firstPurchaseAt lastPurchaseAt daysSinceLastPurchase channels churnRisk } } }`;

interface MetricsView {
  customer: { metrics: Record<string, unknown> };
}

describe("a member's metrics through the gateway", () => {
  const clock = new TestClock(new Date('2026-03-01T10:00:00Z'));
  const start = clock.now();
  let graph: TestGraph;
  let memberId: string;
  beforeAll(async () => {
    graph = await startTestGraph({ clock: clock.now });
    await setEarnRate(graph);
    memberId = (await enrollMember(graph)).id;
    const purchase = `mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { id } }`;
    // Day 0 in store (2 × €12.50), day 20 online (€40.00), day 40 in store (€15.00).
    const first = purchaseInput(memberId);
    await graph.admin.data(purchase, { input: first });
    clock.advanceDays(20);
    await graph.admin.data(purchase, {
      input: purchaseInput(memberId, {
        channel: 'ONLINE',
        storeId: null,
        lines: [{ sku: 'BAG', quantity: 1, unitPrice: 4000 }],
      }),
    });
    clock.advanceDays(20);
    await graph.admin.data(purchase, {
      input: purchaseInput(memberId, { lines: [{ sku: 'SOCKS', quantity: 1, unitPrice: 1500 }] }),
    });
    // One shirt of the first order comes back: €12.50 refunded.
    await graph.admin.data(`mutation($input: RecordReturnInput!) { recordReturn(input: $input) { id } }`, {
      input: returnOfOrder(first, [{ sku: 'SHIRT-M', quantity: 1 }]),
    });
    clock.advanceDays(10);
  });
  afterAll(() => graph?.stop());

  it('gives staff the value, frequency, channels and churn risk computed from the orders', async () => {
    const associate = await graph.as({ role: 'associate', subject: 'ana@berlin-1', storeId: 'berlin-1' });
    for (const client of [graph.admin, associate]) {
      const { customer } = await client.data<MetricsView, { id: string }>(metricsQuery, { id: memberId });
      // €80.00 spent, €12.50 refunded: €67.50 over 3 orders. 3 purchases in 50 days: 0.06 a day.
      expect(customer.metrics).toEqual({
        purchases: 3,
        currency: 'EUR',
        netSpend: 6750,
        averageOrderValue: 2250,
        historicClv: 6750,
        // 2250 × 0.06 × 365, at LOW risk (10 days since the last purchase, churn after 90)
        predictedNext12Months: 49_275,
        predictedClv: 56_025,
        purchaseFrequency: 1.8,
        firstPurchaseAt: start.toISOString(),
        lastPurchaseAt: new Date(start.getTime() + 40 * 86_400_000).toISOString(),
        daysSinceLastPurchase: 10,
        channels: ['IN_STORE', 'ONLINE'],
        churnRisk: 'LOW',
      });
    }
  });

  it('rates a member who stopped buying as churned, with no value expected ahead', async () => {
    clock.advanceDays(80);
    const { customer } = await graph.admin.data<MetricsView, { id: string }>(metricsQuery, { id: memberId });
    expect(customer.metrics).toMatchObject({
      daysSinceLastPurchase: 90,
      churnRisk: 'HIGH',
      predictedNext12Months: 0,
      predictedClv: 6750,
    });
  });

  it('refuses a member their own metrics, and answers the rest of the customer', async () => {
    const member = await graph.as({ role: 'member', subject: memberId });
    const result = await member.request<
      { customer: { loyalty: { balance: number }; metrics: unknown } },
      { id: string }
    >(`query($id: ID!) { customer(id: $id) { loyalty { balance } metrics { netSpend } } }`, { id: memberId });
    expect(result.data?.customer.loyalty.balance).toBeGreaterThan(0);
    expect(result.data?.customer.metrics).toBeNull();
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});
