import { randomUUID } from 'node:crypto';
import { enrollMember, purchaseInput, returnOfOrder, setEarnRate, unique } from '../support/fixtures';
import { setTierProgram, TestClock } from '../support/ledger';
import { startTestGraph, type TestGraph } from '../support/testGraph';

const metricsQuery = `query($from: DateTimeISO!, $to: DateTimeISO!) { programMetrics(from: $from, to: $to, currency: "EUR") {
  activeMembers purchases netSpend averageOrderValue purchaseFrequency multiChannelMembers multiChannelShare
  multiChannelAverageSpend singleChannelAverageSpend pointsIssued pointsReversed pointsRedeemed pointsExpired
  pointsOutstanding redemptionRate averageClv multiChannelAverageClv singleChannelAverageClv churnBase churnedMembers churnRate
  byChannel { key activeMembers purchases netSpend averageOrderValue }
  byStore { key activeMembers purchases netSpend averageOrderValue } } }`;
type Vars = Record<string, unknown>;
interface MetricsView {
  programMetrics: Record<string, unknown>;
}

describe('program metrics', () => {
  const clock = new TestClock(new Date('2026-04-01T10:00:00Z'));
  let graph: TestGraph;
  let reversed: number;
  let memberIds: string[];
  const purchase = `mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { id } }`;
  const refresh = () => graph.admin.data(`mutation { refreshProgramMetrics { events lastEventId } }`, {});
  const metrics = (from: string, to: string) =>
    graph.admin.data<MetricsView, Vars>(metricsQuery, { from, to }).then((view) => view.programMetrics);

  beforeAll(async () => {
    graph = await startTestGraph({ clock: clock.now });
    await setEarnRate(graph);
    const [ada, ben, cy] = await Promise.all([enrollMember(graph), enrollMember(graph), enrollMember(graph)]);
    memberIds = [ada.id, ben.id, cy.id];
    // April 1: Ada in store berlin-1 (€25.00), Ben online (€40.00).
    const adaInStore = purchaseInput(ada.id);
    await graph.admin.data(purchase, { input: adaInStore });
    const online = (customerId: string, unitPrice: number, channel = 'ONLINE') =>
      purchaseInput(customerId, { channel, storeId: null, lines: [{ sku: 'WEB', quantity: 1, unitPrice }] });
    await graph.admin.data(purchase, { input: online(ben.id, 4000) });
    // April 2: Ada online (€10.00), and she returns one shirt from the store (€12.50).
    clock.advanceDays(1);
    await graph.admin.data(purchase, { input: online(ada.id, 1000) });
    const { recordReturn } = await graph.admin.data<{ recordReturn: { pointsReversed: number } }, Vars>(
      `mutation($input: RecordReturnInput!) { recordReturn(input: $input) { pointsReversed } }`,
      {
        input: returnOfOrder(adaInStore, [{ sku: 'SHIRT-M', quantity: 1 }]),
      },
    );
    reversed = recordReturn.pointsReversed;
    // April 3: Ben redeems a 20-point reward.
    clock.advanceDays(1);
    const { createReward } = await graph.admin.data<{ createReward: { id: string } }, Vars>(
      `mutation($input: CreateRewardInput!) { createReward(input: $input) { id } }`,
      { input: { name: unique('Mug'), kind: 'FREE_PRODUCT', costPoints: 20 } },
    );
    await graph.admin.data(`mutation($input: RedeemRewardInput!) { redeemReward(input: $input) { id } }`, {
      input: { redemptionId: randomUUID(), rewardId: createReward.id, customerId: ben.id, channel: 'MOBILE_APP' },
    });
    // April 11, outside the first range: Cy in the app (€50.00).
    clock.advanceDays(8);
    await graph.admin.data(purchase, { input: online(cy.id, 5000, 'MOBILE_APP') });
    await refresh();
  });
  afterAll(() => graph?.stop());

  it('counts members, spend, channels and points of a range from the aggregates', async () => {
    expect(reversed).toBeGreaterThan(0);
    // Ada: €25.00 + €10.00 − €12.50 in two channels; Ben: €40.00 online.
    expect(await metrics('2026-04-01T00:00:00Z', '2026-04-04T00:00:00Z')).toEqual({
      activeMembers: 2,
      purchases: 3,
      netSpend: 6250,
      averageOrderValue: 2083,
      purchaseFrequency: 1.5,
      multiChannelMembers: 1,
      multiChannelShare: 0.5,
      multiChannelAverageSpend: 2250,
      singleChannelAverageSpend: 4000,
      pointsIssued: 75,
      pointsReversed: reversed,
      pointsRedeemed: 20,
      pointsExpired: 0,
      pointsOutstanding: 75 - reversed - 20,
      redemptionRate: 0.2667,
      // All their history is in this range: Ada €22.50 over two channels, Ben €40.00 in one.
      averageClv: 3125,
      multiChannelAverageClv: 2250,
      singleChannelAverageClv: 4000,
      // Nobody bought in the 90 days before April 1.
      churnBase: 0,
      churnedMembers: 0,
      churnRate: 0,
      byChannel: [
        { key: 'IN_STORE', activeMembers: 1, purchases: 1, netSpend: 1250, averageOrderValue: 1250 },
        { key: 'ONLINE', activeMembers: 2, purchases: 2, netSpend: 5000, averageOrderValue: 2500 },
      ],
      byStore: [{ key: 'berlin-1', activeMembers: 1, purchases: 1, netSpend: 1250, averageOrderValue: 1250 }],
    });
  });

  it("counts CLV over the active members' whole history up to the range's end, not just the range", async () => {
    // April 2 to 3: only Ada bought (online), but her CLV counts April 1's store purchase too, and
    // she has bought in two channels; the range's own spend is her €10.00 less the €12.50 refund.
    expect(await metrics('2026-04-02T00:00:00Z', '2026-04-04T00:00:00Z')).toMatchObject({
      activeMembers: 1,
      netSpend: -250,
      averageClv: 2250,
      multiChannelAverageClv: 2250,
      singleChannelAverageClv: 0,
    });
  });

  it("states the points liability at the range's end as the sum of every balance then", async () => {
    const whole = await metrics('2026-04-01T00:00:00Z', '2026-04-12T00:00:00Z');
    const { rows } = await graph.database.db.query<{ balance: number }>(
      'select coalesce(sum(balance), 0)::bigint as balance from ledger.accounts where customer_id = any($1::uuid[])',
      [memberIds],
    );
    expect(whole).toMatchObject({ activeMembers: 3, purchases: 4, pointsOutstanding: rows[0]!.balance });
    expect(whole.pointsOutstanding).toBe(75 - reversed - 20 + 50);
  });

  it('follows the buyers of the churn window before the range into it', async () => {
    const churn = `query($from: DateTimeISO!, $to: DateTimeISO!, $days: Int!) {
      programMetrics(from: $from, to: $to, currency: "EUR", churnAfterDays: $days) { churnBase churnedMembers churnRate } }`;
    const at = (from: string, to: string, days: number) =>
      graph.admin.data<MetricsView, Vars>(churn, { from, to, days }).then((view) => view.programMetrics);
    // Ada and Ben bought on April 1; on April 2 or 3 only Ada did.
    expect(await at('2026-04-02T00:00:00Z', '2026-04-04T00:00:00Z', 1)).toEqual({
      churnBase: 2,
      churnedMembers: 1,
      churnRate: 0.5,
    });
    // Of March 12 to April 10's buyers (Ada, Ben), none bought on April 11 (only Cy, who is new).
    expect(await at('2026-04-11T00:00:00Z', '2026-04-12T00:00:00Z', 30)).toEqual({
      churnBase: 2,
      churnedMembers: 2,
      churnRate: 1,
    });
    const refused = await graph.admin.request(churn, {
      from: '2026-04-11T00:00:00Z',
      to: '2026-04-12T00:00:00Z',
      days: 0,
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'churnAfterDays' });
  });

  it('folds each event once, however often it is refreshed', async () => {
    const before = await metrics('2026-04-01T00:00:00Z', '2026-04-12T00:00:00Z');
    await Promise.all([refresh(), refresh()]);
    expect(await metrics('2026-04-01T00:00:00Z', '2026-04-12T00:00:00Z')).toEqual(before);
  });

  it('is for marketers and admins, and refuses a range that is not one or an unknown currency', async () => {
    const marketer = await graph.as({ role: 'marketer', subject: 'max@hq' });
    const member = await graph.as({ role: 'member', subject: memberIds[0]! });
    const range = { from: '2026-04-01T00:00:00Z', to: '2026-04-04T00:00:00Z' };
    expect((await marketer.request(metricsQuery, range)).errors).toBeUndefined();
    expect((await member.request(metricsQuery, range)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const backwards = await graph.admin.request(metricsQuery, { from: range.to, to: range.from });
    expect(backwards.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknownCurrency = await graph.admin.request(
      `query { programMetrics(from: "2026-04-01T00:00:00Z", to: "2026-04-04T00:00:00Z", currency: "EURO") { purchases } }`,
    );
    expect(unknownCurrency.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'currency' });
  });
});

describe('program metrics per tier', () => {
  let graph: TestGraph;
  afterAll(() => graph?.stop());

  it('counts each purchase in the tier the member held when they bought', async () => {
    graph = await startTestGraph();
    await setEarnRate(graph);
    await setTierProgram(graph, 12, [
      { name: 'Bronze', qualifyingPoints: 0 },
      { name: 'Silver', qualifyingPoints: 30 },
    ]);
    const { id } = await enrollMember(graph);
    const buy = (unitPrice: number) =>
      graph.admin.data(`mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { id } }`, {
        input: purchaseInput(id, { lines: [{ sku: 'TEA', quantity: 1, unitPrice }] }),
      });
    const tierOf = async () =>
      (
        await graph.admin.data<{ customer: { loyalty: { tier: { name: string } | null } } }, Vars>(
          `query($id: ID!) { customer(id: $id) { loyalty { tier { name } } } }`,
          { id },
        )
      ).customer.loyalty.tier?.name ?? 'NONE';
    // Each purchase is counted under the tier read just before it.
    const expected = new Map<string, { purchases: number; netSpend: number }>();
    for (const unitPrice of [2500, 1000, 2000]) {
      const tier = await tierOf();
      const figures = expected.get(tier) ?? { purchases: 0, netSpend: 0 };
      expected.set(tier, { purchases: figures.purchases + 1, netSpend: figures.netSpend + unitPrice });
      await buy(unitPrice);
    }
    // 25 then 35 qualifying points: the last purchase was made as Silver.
    expect(expected.get('Silver')).toEqual({ purchases: 1, netSpend: 2000 });
    await graph.admin.data(`mutation { refreshProgramMetrics { events } }`, {});
    const now = Date.now();
    const { programMetrics } = await graph.admin.data<
      { programMetrics: { byTier: { key: string; purchases: number; netSpend: number }[] } },
      Vars
    >(
      `query($from: DateTimeISO!, $to: DateTimeISO!) { programMetrics(from: $from, to: $to, currency: "EUR") {
        byTier { key purchases netSpend } } }`,
      { from: new Date(now - 86_400_000).toISOString(), to: new Date(now + 86_400_000).toISOString() },
    );
    expect(programMetrics.byTier).toEqual(
      [...expected].map(([key, figures]) => ({ key, ...figures })).sort((a, b) => a.key.localeCompare(b.key)),
    );
  });
});
