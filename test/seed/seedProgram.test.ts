import { planProgram, seedProgram } from '../../stack/seedProgram';
import { expectConsistentLedger } from '../support/ledger';
import { startTestGraph, type TestGraph } from '../support/testGraph';

describe('seeding a generated program through the graph', () => {
  let graph: TestGraph;
  let now = new Date();
  beforeAll(async () => {
    graph = await startTestGraph({ clock: () => new Date(now) });
    await graph.admin.data(
      `mutation { setEarnRate(input: { currency: "GBP", points: 1, perAmount: 100 }) { currency } }`,
    );
  });
  afterAll(() => graph?.stop());

  it('records every planned order once, on the day it was planned, with consistent balances', async () => {
    const plan = planProgram({ members: 8, months: 4, ordersPerMember: 3, seed: 7 }, new Date());
    // A reward of the catalog since the program's first day.
    now = plan.start;
    await graph.admin.data(
      `mutation { createReward(input: { name: "Mug", kind: FREE_PRODUCT, costPoints: 20 }) { id } }`,
    );
    const progress: string[] = [];
    const result = await seedProgram({
      gatewayUrl: graph.url,
      authorization: graph.admin.authorization!,
      plan,
      setNow: (at) => (now = at),
      concurrency: 3,
      onProgress: ({ phase, done, total }) => progress.push(`${phase} ${done}/${total}`),
    });

    expect(result).toEqual({ members: 8, orders: plan.orders.length, redemptions: expect.any(Number) });
    expect(progress.at(-1)).toBe(`orders ${plan.orders.length}/${plan.orders.length}`);
    const { rows } = await graph.database.db.query<{ customer_id: string; days: string[]; orders: number }>(
      `select customer_id, array_agg(distinct to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD')) as days,
              count(*)::int as orders
         from ledger.orders where external_order_id like 'seed-%' group by customer_id`,
    );
    expect(rows.reduce((sum, row) => sum + row.orders, 0)).toBe(plan.orders.length);
    const plannedDays = new Set(plan.orders.map((order) => order.at.toISOString().slice(0, 10)));
    const recordedDays = new Set(rows.flatMap((row) => row.days));
    expect(recordedDays).toEqual(plannedDays);
    for (const row of rows) await expectConsistentLedger(graph, row.customer_id);
    // Members redeemed along the way, each redemption a debit in the ledger.
    const { rows: debits } = await graph.database.db.query<{ count: number }>(
      `select count(*)::int as count from ledger.entries where kind = 'REDEEM'`,
    );
    expect(result.redemptions).toBeGreaterThan(0);
    expect(debits[0]!.count).toBe(result.redemptions);
  });
});
