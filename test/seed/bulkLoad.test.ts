import { bulkLoadMembers, bulkMemberIds } from '../../bench/bulkLoad';
import { importedBalanceReason } from '../../subgraphs/ledger/journal/journal.rules';
import { expectConsistentLedger } from '../support/ledger';
import { returnOfOrder, setEarnRate, unique } from '../support/fixtures';
import { startTestGraph, type TestGraph } from '../support/testGraph';

interface LoadedOrder {
  id: string;
  channel: string;
  store_id: string | null;
  external_order_id: string;
  lines: { sku: string; category: string | null; quantity: number; unitPrice: number }[];
  total_amount: string;
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

/** What the base rate (1 point per €1.00) credits on an order: what its BALANCES lot holds. */
const basePoints = (order: LoadedOrder) => Math.floor(Number(order.total_amount) / 100);

describe('bulk-loading members for benchmarks through the import path', () => {
  let graph: TestGraph;
  let ids: string[] = [];
  const bulkMemberId = (index: number) => ids[index]!;
  beforeAll(async () => {
    graph = await startTestGraph();
    await setEarnRate(graph);
    const target = { gatewayUrl: graph.url, authorization: graph.admin.authorization!, db: graph.database.db };
    const progress: number[] = [];
    await bulkLoadMembers(target, {
      from: 0,
      to: 20,
      ordersPerMember: 4,
      now: new Date(),
      onProgress: (loaded) => progress.push(loaded),
    });
    expect(progress.at(-1)).toBe(20);
    // A second load continues where the first stopped.
    await bulkLoadMembers(target, { from: 20, to: 30, ordersPerMember: 4, now: new Date() });
    ids = await bulkMemberIds(graph.database.db, 0, 30);
  }, 120_000);
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
      // One imported EARN entry per lot, a lot per order of what it would have earned.
      expect(totals.entries).toBe(4);
      expect(totals.balance).toBe((await ordersOf(index)).reduce((sum, order) => sum + basePoints(order), 0));
    }
  });

  it('reads through the gateway like a member whose purchases the graph recorded', async () => {
    const orders = await ordersOf(7);
    const view = await graph.admin.data<LoyaltyView, { id: string }>(loyaltyQuery, { id: bulkMemberId(7) });
    // Imported orders earn nothing themselves: the points are the BALANCES lots'.
    expect(orders.map((order) => Number(order.points_earned))).toEqual([0, 0, 0, 0]);
    const earned = orders.reduce((sum, order) => sum + basePoints(order), 0);
    expect(view.customer.name).toBe('Bench Member 7');
    expect(view.customer.email).toBe('bench-7@example.com');
    expect(view.customer.loyalty).toMatchObject({ balance: earned, lifetimePoints: earned });
    const history = view.customer.loyalty.history.edges.map((edge) => edge.node);
    expect(history.map((entry) => entry.kind)).toEqual(['EARN', 'EARN', 'EARN', 'EARN']);
    expect(history[0]!.balanceAfter).toBe(earned);
    expect(history[0]!.points).toBe(basePoints(orders.at(-1)!));
    expect(history.map((entry) => entry.reason)).toEqual(Array(4).fill(importedBalanceReason));
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

  it('replays a retried loaded order, takes its return (reversing 0 points) and credits a new purchase on top', async () => {
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
    expect(retry.recordPurchase).toEqual({ id: first!.id, pointsEarned: 0 });
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
    // The imported order earned no points (its lot came from BALANCES), so its return reverses none.
    expect(recordReturn.pointsReversed).toBe(0);
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
    expect(after.balance).toBe(before.balance + 10);
  });
});
