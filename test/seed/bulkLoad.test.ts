import { bulkLoadMembers, bulkMemberId } from '../../bench/bulkLoad';
import { expectConsistentLedger } from '../support/ledger';
import { returnOfOrder, setEarnRate, unique } from '../support/fixtures';
import { startTestGraph, type TestGraph } from '../support/testGraph';

interface LoadedOrder {
  id: string;
  channel: string;
  store_id: string | null;
  external_order_id: string;
  lines: { sku: string; category: string | null; quantity: number; unitPrice: number }[];
  points_earned: string;
}

const loyaltyQuery = `query($id: ID!) { customer(id: $id) { name email
  loyalty { balance lifetimePoints history(first: 10) { edges { node { kind points balanceAfter reason } } } } } }`;

interface LoyaltyView {
  customer: {
    name: string;
    email: string;
    loyalty: {
      balance: number;
      lifetimePoints: number;
      history: { edges: { node: { kind: string; points: number; balanceAfter: number; reason: string } }[] };
    };
  };
}

describe('bulk-loading members for benchmarks', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph();
    await setEarnRate(graph);
    await bulkLoadMembers(graph.database.db, { from: 0, to: 20, ordersPerMember: 4, now: new Date() });
    // A second load continues where the first stopped.
    await bulkLoadMembers(graph.database.db, { from: 20, to: 30, ordersPerMember: 4, now: new Date() });
  });
  afterAll(() => graph?.stop());

  const ordersOf = async (index: number): Promise<LoadedOrder[]> =>
    (
      await graph.database.db.query<LoadedOrder>(
        'select * from ledger.orders where customer_id = $1 order by occurred_at',
        [bulkMemberId(index)],
      )
    ).rows;

  it('leaves every member with a journal, lots and balance that agree', async () => {
    const { rows } = await graph.database.db.query<{ members: number; orders: number }>(
      `select count(distinct customer_id)::int as members, count(*)::int as orders from ledger.orders`,
    );
    expect(rows[0]).toEqual({ members: 30, orders: 120 });
    for (let index = 0; index < 30; index++) {
      const totals = await expectConsistentLedger(graph, bulkMemberId(index));
      expect(totals.entries).toBe(4);
      expect(totals.balance).toBeGreaterThan(0);
    }
  });

  it('reads through the gateway like a member whose purchases the graph recorded', async () => {
    const orders = await ordersOf(7);
    const view = await graph.admin.data<LoyaltyView, { id: string }>(loyaltyQuery, { id: bulkMemberId(7) });
    const earned = orders.reduce((sum, order) => sum + Number(order.points_earned), 0);
    expect(view.customer.name).toBe('Bench Member 7');
    expect(view.customer.email).toBe('bench-7@example.com');
    expect(view.customer.loyalty).toMatchObject({ balance: earned, lifetimePoints: earned });
    const history = view.customer.loyalty.history.edges.map((edge) => edge.node);
    expect(history.map((entry) => entry.kind)).toEqual(['EARN', 'EARN', 'EARN', 'EARN']);
    expect(history[0]!.balanceAfter).toBe(earned);
    const newest = orders.at(-1)!;
    const euros = (newest.lines[0]!.unitPrice / 100).toFixed(2);
    expect(history[0]!.reason).toBe(`Base rate: 1 point per €1.00 on €${euros}`);
  });

  it("gives the campaign subgraph the same purchases, so segments see the loaded members' history", async () => {
    const { rows } = await graph.database.db.query<{ mismatched: number; scored: number }>(
      `select count(*) filter (where s.purchase_count <> l.orders or s.spend <> l.spend)::int as mismatched,
              count(*) filter (where s.recency_score is not null)::int as scored
         from campaign.customer_stats s
         join (select customer_id, count(*) as orders, sum(total_amount) as spend
                 from ledger.orders where external_order_id like 'bulk-%' group by customer_id) l using (customer_id)`,
    );
    expect(rows[0]).toEqual({ mismatched: 0, scored: 30 });
  });

  it('replays a retried loaded order, reverses its return, and credits a new purchase on top', async () => {
    const member = bulkMemberId(3);
    const [first] = await ordersOf(3);
    const before = await expectConsistentLedger(graph, member);
    const purchase = `mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { id pointsEarned } }`;
    const retry = await graph.admin.data<{ recordPurchase: { id: string; pointsEarned: number } }, { input: object }>(
      purchase,
      {
        input: {
          customerId: member,
          channel: first!.channel,
          storeId: first!.store_id,
          externalOrderId: first!.external_order_id,
          currency: 'EUR',
          lines: first!.lines.map(({ sku, quantity, unitPrice }) => ({ sku, quantity, unitPrice })),
        },
      },
    );
    expect(retry.recordPurchase).toEqual({ id: first!.id, pointsEarned: Number(first!.points_earned) });
    expect(await expectConsistentLedger(graph, member)).toEqual(before);

    const { recordReturn } = await graph.admin.data<{ recordReturn: { pointsReversed: number } }, { input: object }>(
      `mutation($input: RecordReturnInput!) { recordReturn(input: $input) { pointsReversed } }`,
      {
        input: returnOfOrder(
          { channel: first!.channel, storeId: first!.store_id, externalOrderId: first!.external_order_id },
          [{ sku: first!.lines[0]!.sku, quantity: 1 }],
        ),
      },
    );
    expect(recordReturn.pointsReversed).toBe(Number(first!.points_earned));
    await graph.admin.data(purchase, {
      input: {
        customerId: member,
        channel: 'ONLINE',
        externalOrderId: unique('web'),
        currency: 'EUR',
        lines: [{ sku: 'NEW', quantity: 1, unitPrice: 1000 }],
      },
    });
    const after = await expectConsistentLedger(graph, member);
    expect(after.balance).toBe(before.balance - Number(first!.points_earned) + 10);
  });
});
