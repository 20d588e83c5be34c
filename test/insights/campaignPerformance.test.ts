import { holdoutBucket } from '../../subgraphs/campaign/campaigns/holdout.rules';
import { fromCampaign, launchCampaign, record, refreshHistoryMutation } from '../campaigns/support';
import { enrollMember, purchaseInput, returnOfOrder, setEarnRate } from '../support/fixtures';
import { TestClock } from '../support/ledger';
import { startTestGraph, type GraphClient, type TestGraph } from '../support/testGraph';

type Vars = Record<string, unknown>;
const performanceQuery = `query($id: ID!, $from: DateTimeISO, $to: DateTimeISO, $pointCost: Float) {
  campaign(id: $id) { holdoutPercent performance(from: $from, to: $to, pointCost: $pointCost) {
    currency pointsGranted grants membersReached holdoutPercent audienceMembers treatmentMembers holdoutMembers
    treatmentBuyers holdoutBuyers treatmentSpendPerMember holdoutSpendPerMember incrementalSpend pointCost cost roi } } }`;
interface PerformanceView {
  campaign: { holdoutPercent: number; performance: Record<string, unknown> };
}

describe('campaign performance against a random holdout', () => {
  const clock = new TestClock(new Date('2026-06-01T09:00:00Z'));
  const range = { from: '2026-06-02T00:00:00Z', to: '2026-06-09T00:00:00Z' };
  let graph: TestGraph;
  let marketer: GraphClient;
  let campaignId: string;
  const treatment: string[] = [];
  const holdout: string[] = [];
  const heldOutPurchases: number[] = [];
  const treatedPurchases: number[] = [];

  beforeAll(async () => {
    graph = await startTestGraph({ clock: clock.now });
    await setEarnRate(graph);
    marketer = await graph.as({ role: 'marketer', subject: 'mara' });
    const campaign = await launchCampaign(marketer, {
      name: 'Summer bonus',
      reward: { kind: 'FIXED_BONUS', points: 100 },
      schedule: { startsAt: range.from, endsAt: range.to, weekly: [] },
      holdoutPercent: 50,
    });
    campaignId = campaign.id;
    // June 1, before the campaign: members buy €10.00 each, so campaigns know them, until each
    // side of the (random, per member) holdout has at least two.
    while (treatment.length < 2 || holdout.length < 2) {
      const member = await enrollMember(graph);
      await record(graph, purchaseInput(member.id, { lines: [{ sku: 'SOCKS', quantity: 1, unitPrice: 1000 }] }));
      (holdoutBucket(campaignId, member.id) < 50 ? holdout : treatment).push(member.id);
    }
    // June 3: everyone buys, treated members €30.00 (2 × €15.00), held-out ones €10.00.
    clock.advanceDays(2);
    const sale = (customerId: string, quantity: number) =>
      purchaseInput(customerId, { lines: [{ sku: 'SHIRT', quantity, unitPrice: 1500 }] });
    for (const id of treatment) treatedPurchases.push(fromCampaign(await record(graph, sale(id, 2)), campaignId));
    for (const id of holdout) {
      heldOutPurchases.push(
        fromCampaign(
          await record(graph, purchaseInput(id, { lines: [{ sku: 'SOCKS', quantity: 1, unitPrice: 1000 }] })),
          campaignId,
        ),
      );
    }
    // A newcomer held out of the campaign buys for the first time during it: they were not in the
    // audience when it started, so they count on neither side.
    for (;;) {
      const newcomer = await enrollMember(graph);
      if (holdoutBucket(campaignId, newcomer.id) >= 50) continue;
      await record(graph, purchaseInput(newcomer.id, { lines: [{ sku: 'SOCKS', quantity: 1, unitPrice: 1000 }] }));
      break;
    }
    // The first treated member returns one of their two shirts: half of that purchase.
    const returned = sale(treatment[0]!, 2);
    treatedPurchases.push(fromCampaign(await record(graph, returned), campaignId));
    await graph.admin.data(`mutation($input: RecordReturnInput!) { recordReturn(input: $input) { id } }`, {
      input: returnOfOrder(returned, [{ sku: 'SHIRT', quantity: 1 }]),
    });
    await graph.admin.data(refreshHistoryMutation, {});
  });
  afterAll(() => graph?.stop());

  it('gives held-out members nothing from the campaign, and everyone else its bonus', () => {
    expect(heldOutPurchases.every((points) => points === 0)).toBe(true);
    expect(treatedPurchases.every((points) => points === 100)).toBe(true);
  });

  it('measures points granted, reach, incremental spend, cost and ROI by hand', async () => {
    const { campaign } = await marketer.data<PerformanceView, Vars>(performanceQuery, {
      id: campaignId,
      ...range,
      pointCost: 2,
    });
    const t = treatment.length;
    const h = holdout.length;
    // Treated: €30.00 each, and the first spent €15.00 more net (€30.00 less €15.00 returned).
    const treatedSpend = 3000 * t + 1500;
    // 100 points per treated purchase, the returned one counting half.
    const points = 100 * t + 50;
    const incremental = Math.round((treatedSpend / t - 1000) * t);
    expect(campaign.holdoutPercent).toBe(50);
    expect(campaign.performance).toEqual({
      currency: 'EUR',
      pointsGranted: points,
      grants: t + 1,
      membersReached: t,
      holdoutPercent: 50,
      audienceMembers: t + h,
      treatmentMembers: t,
      holdoutMembers: h,
      treatmentBuyers: t,
      holdoutBuyers: h,
      treatmentSpendPerMember: Math.round(treatedSpend / t),
      holdoutSpendPerMember: 1000,
      incrementalSpend: incremental,
      pointCost: 2,
      cost: points * 2,
      roi: (incremental - points * 2) / (points * 2),
    });
  });

  it('counts nothing in a range before the campaign ran', async () => {
    const { campaign } = await marketer.data<PerformanceView, Vars>(performanceQuery, {
      id: campaignId,
      from: '2026-06-01T12:00:00Z',
      to: range.from,
    });
    expect(campaign.performance).toMatchObject({
      pointsGranted: 0,
      grants: 0,
      membersReached: 0,
      treatmentMembers: treatment.length,
      holdoutMembers: holdout.length,
      treatmentSpendPerMember: 0,
      holdoutSpendPerMember: 0,
      incrementalSpend: 0,
      cost: 0,
      roi: null,
    });
  });

  it('simulates the campaign with the same members held out', async () => {
    const { simulateCampaign } = await marketer.data<{ simulateCampaign: Vars }, Vars>(
      `query($id: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {
        simulateCampaign(id: $id, from: $from, to: $to) { customersReached } }`,
      { id: campaignId, ...range },
    );
    expect(simulateCampaign.customersReached).toBe(treatment.length);
  });

  it.each([
    [{ pointCost: -1 }, 'pointCost'],
    [{ from: range.to, to: range.from }, 'from'],
  ])('refuses %o with BAD_USER_INPUT', async (variables, argument) => {
    const result = await marketer.request(performanceQuery, { id: campaignId, ...variables });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });

  it('keeps the holdout of a scheduled campaign: a change is a CONFLICT, an update without it keeps it', async () => {
    const update = `mutation($id: ID!, $input: CampaignInput!) { updateCampaign(id: $id, input: $input) { holdoutPercent } }`;
    const input = {
      name: 'Summer bonus',
      reward: { kind: 'FIXED_BONUS', points: 100 },
      schedule: { startsAt: range.from, endsAt: range.to, weekly: [] },
    };
    const changed = await marketer.request(update, { id: campaignId, input: { ...input, holdoutPercent: 10 } });
    expect(changed.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const kept = await marketer.data<{ updateCampaign: { holdoutPercent: number } }, Vars>(update, {
      id: campaignId,
      input: { ...input, name: 'Summer bonus, renamed' },
    });
    expect(kept.updateCampaign.holdoutPercent).toBe(50);
  });

  it('refuses a holdout above half the audience, and saves nothing', async () => {
    const result = await marketer.request(`mutation($input: CampaignInput!) { createCampaign(input: $input) { id } }`, {
      input: { name: 'Too careful', reward: { kind: 'FIXED_BONUS', points: 5 }, holdoutPercent: 60 },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const { campaigns } = await marketer.data<{ campaigns: { edges: unknown[] } }, Vars>(
      `{ campaigns(first: 50) { edges { node { id } } } }`,
      {},
    );
    expect(campaigns.edges).toHaveLength(1);
  });
});
