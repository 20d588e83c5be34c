import { PointsQuoteDocument } from '../../examples/sdk/graphql';
import { enrollMember, purchaseInput, setEarnRate, unique } from '../support/fixtures';
import { expectConsistentLedger, TestClock } from '../support/ledger';
import { startTestGraph, type GraphClient, type TestGraph } from '../support/testGraph';
import {
  campaignQuery,
  createCampaignMutation,
  endCampaignMutation,
  fromCampaign,
  launchCampaign,
  everyoneAudience,
  pauseCampaignMutation,
  record,
  refreshHistoryMutation,
  scheduleCampaignMutation,
  type CampaignView,
} from './support';

// Saturday 28 November 2026, 12:00 in Paris (UTC+1).
const saturdayNoon = new Date('2026-11-28T11:00:00Z');
const weekend = [{ startDay: 'FRIDAY', startTime: '18:00', endDay: 'SUNDAY', endTime: '23:59' }];

describe('campaigns through the gateway', () => {
  let graph: TestGraph;
  let marketer: GraphClient;
  const clock = new TestClock(saturdayNoon);

  beforeAll(async () => {
    graph = await startTestGraph({
      clock: clock.now,
      program: { timeZone: 'Europe/Paris', currency: 'EUR' },
      historyIntervalMs: 0,
    });
    marketer = await graph.as({ role: 'marketer', subject: 'mara' });
    await setEarnRate(graph, 'EUR', 1, 100);
  });
  afterAll(() => graph?.stop());

  const at = (iso: string) => {
    const target = new Date(iso).getTime();
    clock.advanceDays((target - clock.now().getTime()) / 86_400_000);
  };

  it('applies a double-points weekend to an in-store and an online purchase alike, and not on Monday', async () => {
    at('2026-11-28T11:00:00Z');
    const sku = unique('SKU');
    const campaign = await launchCampaign(marketer, {
      name: 'Double points weekend',
      reward: { kind: 'MULTIPLIER', multiplierPercent: 200 },
      audience: { ...everyoneAudience, skus: [sku] },
      schedule: { weekly: weekend },
    });
    expect(campaign).toMatchObject({ status: 'SCHEDULED', liveNow: true });
    expect(campaign.scheduleText).toBe('Fridays 18:00 to Sundays 23:59 (Europe/Paris)');
    // The live interval ends at Sunday 23:59:59.999 Paris time, in absolute time.
    expect(campaign.nextLive?.end).toBe('2026-11-29T23:00:00.000Z');

    const member = await enrollMember(graph);
    const lines = [{ sku, quantity: 1, unitPrice: 4000 }];
    const inStore = await record(graph, purchaseInput(member.id, { lines }));
    const online = await record(graph, purchaseInput(member.id, { channel: 'ONLINE', storeId: null, lines }));
    for (const purchase of [inStore, online]) {
      expect(fromCampaign(purchase, campaign.id)).toBe(40);
      expect(purchase.pointsEarned).toBe(80);
      expect(purchase.earnings.find((e) => e.ruleId === `campaign:${campaign.id}`)?.reason).toBe(
        'Double points weekend: 2× points',
      );
    }

    at('2026-11-30T10:00:00Z'); // Monday 11:00 in Paris
    const monday = await record(graph, purchaseInput(member.id, { lines }));
    expect(fromCampaign(monday, campaign.id)).toBe(0);
    expect(monday.pointsEarned).toBe(40);
    await expectConsistentLedger(graph, member.id);
    await marketer.data(endCampaignMutation, { id: campaign.id });
  });

  it('grants a first-in-store bonus once, to a member who so far bought online, even when purchases race', async () => {
    at('2026-12-01T10:00:00Z');
    const sku = unique('SKU');
    const campaign = await launchCampaign(marketer, {
      name: 'Welcome to our stores',
      reward: { kind: 'FIXED_BONUS', points: 100 },
      audience: { ...everyoneAudience, channels: ['IN_STORE'], firstPurchaseInChannel: true, skus: [sku] },
    });
    const member = await enrollMember(graph);
    const lines = [{ sku, quantity: 1, unitPrice: 1000 }];
    const online = await record(graph, purchaseInput(member.id, { channel: 'ONLINE', storeId: null, lines }));
    expect(fromCampaign(online, campaign.id)).toBe(0);

    const racing = await Promise.all(
      Array.from({ length: 4 }, (_, i) => record(graph, purchaseInput(member.id, { storeId: `store-${i}`, lines }))),
    );
    expect(racing.map((purchase) => fromCampaign(purchase, campaign.id)).sort()).toEqual([0, 0, 0, 100]);
    const later = await record(graph, purchaseInput(member.id, { lines }));
    expect(fromCampaign(later, campaign.id)).toBe(0);
    const { campaign: after } = await marketer.data<{ campaign: CampaignView }, Record<string, unknown>>(
      campaignQuery,
      { id: campaign.id },
    );
    expect(after.spentPoints).toBe(100);
    await expectConsistentLedger(graph, member.id);
    await marketer.data(endCampaignMutation, { id: campaign.id });
  });

  it('never overspends a budget, however many purchases race for it', async () => {
    const sku = unique('SKU');
    const campaign = await launchCampaign(marketer, {
      name: 'Launch bonus',
      reward: { kind: 'FIXED_BONUS', points: 100 },
      audience: { ...everyoneAudience, skus: [sku] },
      limits: { capPeriod: 'CAMPAIGN', budgetPoints: 250 },
    });
    const members = await Promise.all(Array.from({ length: 8 }, () => enrollMember(graph)));
    const purchases = await Promise.all(
      members.map((member) =>
        record(graph, purchaseInput(member.id, { lines: [{ sku, quantity: 1, unitPrice: 500 }] })),
      ),
    );
    const granted = purchases.map((purchase) => fromCampaign(purchase, campaign.id));
    expect(granted.reduce((sum, points) => sum + points, 0)).toBe(250);
    expect([...granted].sort((a, b) => b - a).slice(0, 3)).toEqual([100, 100, 50]);
    const limited = purchases.find((purchase) => fromCampaign(purchase, campaign.id) === 50)!;
    expect(limited.earnings.find((e) => e.points === 50)?.reason).toContain(
      "limited to 50 by the campaign's remaining budget",
    );
    const { campaign: after } = await marketer.data<{ campaign: CampaignView }, Record<string, unknown>>(
      campaignQuery,
      { id: campaign.id },
    );
    expect(after).toMatchObject({ spentPoints: 250, budgetLeft: 0 });
    await marketer.data(endCampaignMutation, { id: campaign.id });
  });

  it('grants nothing while paused, and again once scheduled; an ended campaign stays ended', async () => {
    const sku = unique('SKU');
    const campaign = await launchCampaign(marketer, {
      name: 'Bonus on socks',
      reward: { kind: 'FIXED_BONUS', points: 10 },
      audience: { ...everyoneAudience, skus: [sku] },
    });
    const member = await enrollMember(graph);
    const lines = [{ sku, quantity: 1, unitPrice: 100 }];
    await marketer.data(pauseCampaignMutation, { id: campaign.id });
    expect(fromCampaign(await record(graph, purchaseInput(member.id, { lines })), campaign.id)).toBe(0);
    await marketer.data(scheduleCampaignMutation, { id: campaign.id });
    expect(fromCampaign(await record(graph, purchaseInput(member.id, { lines })), campaign.id)).toBe(10);
    await marketer.data(endCampaignMutation, { id: campaign.id });
    const again = await marketer.request(scheduleCampaignMutation, { id: campaign.id });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(fromCampaign(await record(graph, purchaseInput(member.id, { lines })), campaign.id)).toBe(0);
  });

  it('quotes before checkout without reserving anything, and caps points per customer per day', async () => {
    const sku = unique('SKU');
    const campaign = await launchCampaign(marketer, {
      name: 'Coffee club',
      reward: { kind: 'RATE', points: 10, perAmount: 100, currency: 'EUR' },
      audience: { ...everyoneAudience, categories: ['coffee'] },
      limits: { capPeriod: 'DAY', perCustomerPoints: 150 },
    });
    const member = await enrollMember(graph);
    const order = {
      customerId: member.id,
      channel: 'MOBILE_APP',
      currency: 'EUR',
      lines: [
        { sku, category: 'coffee', quantity: 2, unitPrice: 500 },
        { sku: 'MUG', category: 'kitchen', quantity: 1, unitPrice: 900 },
      ],
    };
    const member$ = await graph.as({ role: 'member', subject: member.id });
    const { pointsQuote } = await member$.data(PointsQuoteDocument, { order });
    expect(pointsQuote.totalPoints).toBe(19 + 100);
    expect(pointsQuote.lines.map((line) => line.reason)).toEqual([
      'Base rate: 1 point per €1.00 on €19.00',
      'Coffee club: 10 points per €1.00 on €10.00 of qualifying items',
    ]);
    // Quoting twice reserved nothing: the first purchase gets the whole line, the second what is left of the day's cap.
    await member$.data(PointsQuoteDocument, { order });
    const first = await record(graph, { ...purchaseInput(member.id), ...order, channel: 'MOBILE_APP', storeId: null });
    const second = await record(graph, { ...purchaseInput(member.id), ...order, channel: 'MOBILE_APP', storeId: null });
    expect([fromCampaign(first, campaign.id), fromCampaign(second, campaign.id)]).toEqual([100, 50]);
    clock.advanceDays(1);
    const nextDay = await record(graph, {
      ...purchaseInput(member.id),
      ...order,
      channel: 'MOBILE_APP',
      storeId: null,
    });
    expect(fromCampaign(nextDay, campaign.id)).toBe(100);
    await marketer.data(endCampaignMutation, { id: campaign.id });
  });

  it('lets only the highest-priority exclusive campaign apply when it outranks the others', async () => {
    const sku = unique('SKU');
    const stackable = await launchCampaign(marketer, {
      name: 'Stackable',
      reward: { kind: 'FIXED_BONUS', points: 5 },
      audience: { ...everyoneAudience, skus: [sku] },
      priority: 1,
    });
    const exclusive = await launchCampaign(marketer, {
      name: 'Exclusive',
      reward: { kind: 'FIXED_BONUS', points: 50 },
      audience: { ...everyoneAudience, skus: [sku] },
      exclusive: true,
      priority: 5,
    });
    const member = await enrollMember(graph);
    const purchase = await record(graph, purchaseInput(member.id, { lines: [{ sku, quantity: 1, unitPrice: 100 }] }));
    expect([fromCampaign(purchase, exclusive.id), fromCampaign(purchase, stackable.id)]).toEqual([50, 0]);
    await marketer.data(endCampaignMutation, { id: exclusive.id });
    const after = await record(graph, purchaseInput(member.id, { lines: [{ sku, quantity: 1, unitPrice: 100 }] }));
    expect(fromCampaign(after, stackable.id)).toBe(5);
    await marketer.data(endCampaignMutation, { id: stackable.id });
  });

  it('rewards activities once, and pays a referral when the friend first buys', async () => {
    const review = await launchCampaign(marketer, {
      name: 'Review reward',
      trigger: 'ACTIVITY',
      activityKind: 'PRODUCT_REVIEW',
      reward: { kind: 'FIXED_BONUS', points: 25 },
    });
    const referral = await launchCampaign(marketer, {
      name: 'Refer a friend',
      trigger: 'ACTIVITY',
      activityKind: 'REFERRAL',
      reward: { kind: 'FIXED_BONUS', points: 200 },
    });
    const member = await enrollMember(graph);
    const friend = await enrollMember(graph, 'Friend');
    const web = await graph.as({ role: 'service', subject: 'shop', channel: 'ONLINE' });
    const input = { customerId: member.id, kind: 'PRODUCT_REVIEW', externalId: unique('review'), channel: 'ONLINE' };
    const first = await web.data<{ recordActivity: { pointsEarned: number; status: string } }, Record<string, unknown>>(
      recordActivityMutation,
      {
        input,
      },
    );
    const retry = await web.data<{ recordActivity: { pointsEarned: number; id: string } }, Record<string, unknown>>(
      recordActivityMutation,
      {
        input,
      },
    );
    expect(first.recordActivity).toMatchObject({ pointsEarned: 25, status: 'CREDITED' });
    expect(retry.recordActivity.pointsEarned).toBe(25);

    const referred = await web.data<
      { recordActivity: { pointsEarned: number; status: string } },
      Record<string, unknown>
    >(recordActivityMutation, {
      input: {
        customerId: member.id,
        kind: 'REFERRAL',
        externalId: friend.id,
        channel: 'ONLINE',
        referredCustomerId: friend.id,
      },
    });
    expect(referred.recordActivity).toMatchObject({ pointsEarned: 0, status: 'AWAITING_PURCHASE' });
    const selfReferral = await web.request(recordActivityMutation, {
      input: {
        customerId: member.id,
        kind: 'REFERRAL',
        externalId: 'me',
        channel: 'ONLINE',
        referredCustomerId: member.id,
      },
    });
    expect(selfReferral.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    expect(await expectConsistentLedger(graph, member.id)).toMatchObject({ balance: 25 });
    await record(graph, purchaseInput(friend.id));
    await record(graph, purchaseInput(friend.id));
    expect(await expectConsistentLedger(graph, member.id)).toMatchObject({ balance: 225 });
    await marketer.data(endCampaignMutation, { id: review.id });
    await marketer.data(endCampaignMutation, { id: referral.id });
  });

  it('puts members in segments from their purchases, targets a segment, and ranks a new-channel offer first', async () => {
    const member = await enrollMember(graph);
    await record(graph, purchaseInput(member.id, { channel: 'ONLINE', storeId: null }));
    await record(graph, purchaseInput(member.id, { channel: 'MOBILE_APP', storeId: null }));
    await marketer.data(refreshHistoryMutation);
    const associate = await graph.as({ role: 'associate', subject: 'alex', storeId: 'berlin-1' });
    const { customer } = await associate.data<
      { customer: { segments: Array<{ key: string }> } },
      Record<string, unknown>
    >(`query($id: ID!) { customer(id: $id) { segments { key } } }`, { id: member.id });
    expect(customer.segments.map((segment) => segment.key)).toContain('omnichannel');

    const sku = unique('SKU');
    const bridge = await launchCampaign(marketer, {
      name: 'Try our stores',
      reward: { kind: 'FIXED_BONUS', points: 150 },
      audience: { ...everyoneAudience, channels: ['IN_STORE'], firstPurchaseInChannel: true },
    });
    const omni = await launchCampaign(marketer, {
      name: 'Omnichannel thanks',
      reward: { kind: 'FIXED_BONUS', points: 30 },
      audience: { ...everyoneAudience, segments: ['omnichannel'], skus: [sku] },
    });
    const member$ = await graph.as({ role: 'member', subject: member.id });
    const { customer: mine } = await member$.data<
      { customer: { offers: Array<{ title: string; why: string }> } },
      Record<string, unknown>
    >(`query($id: ID!) { customer(id: $id) { offers { title why liveNow } } }`, { id: member.id });
    expect(mine.offers[0]).toMatchObject({ title: 'Try our stores', why: 'Your first purchase in store' });
    expect(mine.offers.map((offer) => offer.title)).toContain('Omnichannel thanks');
    const purchase = await record(graph, purchaseInput(member.id, { lines: [{ sku, quantity: 1, unitPrice: 100 }] }));
    expect([fromCampaign(purchase, bridge.id), fromCampaign(purchase, omni.id)]).toEqual([150, 30]);
    const stranger = await enrollMember(graph);
    const theirs = await record(graph, purchaseInput(stranger.id, { lines: [{ sku, quantity: 1, unitPrice: 100 }] }));
    expect(fromCampaign(theirs, omni.id)).toBe(0);
    await marketer.data(endCampaignMutation, { id: bridge.id });
    await marketer.data(endCampaignMutation, { id: omni.id });
  });

  it('simulates a draft over past purchases: its cost and reach, before it goes live', async () => {
    const sku = unique('SKU');
    const members = await Promise.all(Array.from({ length: 3 }, () => enrollMember(graph)));
    clock.advanceDays(1);
    const from = clock.now();
    for (const member of members) {
      await record(graph, purchaseInput(member.id, { lines: [{ sku, quantity: 1, unitPrice: 2000 }] }));
      await record(graph, purchaseInput(member.id, { lines: [{ sku, quantity: 1, unitPrice: 2000 }] }));
    }
    await marketer.data(refreshHistoryMutation);
    const { simulateCampaign } = await marketer.data<
      {
        simulateCampaign: {
          purchasesConsidered: number;
          purchasesRewarded: number;
          customersReached: number;
          pointsCost: number;
        };
      },
      Record<string, unknown>
    >(
      `query($input: CampaignInput!, $from: DateTimeISO!, $to: DateTimeISO!) {
         simulateCampaign(input: $input, from: $from, to: $to) { purchasesConsidered purchasesRewarded customersReached pointsCost }
       }`,
      {
        input: {
          name: 'Triple points on the new line',
          reward: { kind: 'MULTIPLIER', multiplierPercent: 300 },
          audience: { ...everyoneAudience, skus: [sku] },
          limits: { capPeriod: 'CAMPAIGN', perCustomerGrants: 1 },
        },
        from: new Date(from.getTime() - 1000).toISOString(),
        to: new Date(clock.now().getTime() + 1000).toISOString(),
      },
    );
    // 6 purchases of €20 (20 base points each); triple points add 40, once per customer.
    expect(simulateCampaign).toMatchObject({
      purchasesConsidered: 6,
      purchasesRewarded: 3,
      customersReached: 3,
      pointsCost: 120,
    });
  });

  it('simulates a new-member campaign on members whose enrolment no live quote has asked for yet', async () => {
    const sku = unique('SKU');
    const fresh = await Promise.all(Array.from({ length: 2 }, () => enrollMember(graph)));
    const from = clock.now();
    for (const member of fresh) {
      await record(graph, purchaseInput(member.id, { lines: [{ sku, quantity: 1, unitPrice: 2000 }] }));
    }
    await marketer.data(refreshHistoryMutation);
    // No new-member campaign was live at those purchases: the campaign subgraph asked nobody's enrolment.
    const { simulateCampaign } = await marketer.data<
      { simulateCampaign: { purchasesRewarded: number; customersReached: number; pointsCost: number } },
      Record<string, unknown>
    >(
      `query($input: CampaignInput!, $from: DateTimeISO!, $to: DateTimeISO!) {
         simulateCampaign(input: $input, from: $from, to: $to) { purchasesRewarded customersReached pointsCost }
       }`,
      {
        input: {
          name: 'Welcome double points',
          reward: { kind: 'MULTIPLIER', multiplierPercent: 200 },
          audience: { ...everyoneAudience, skus: [sku], newMemberWithinDays: 30 },
        },
        from: new Date(from.getTime() - 1000).toISOString(),
        to: new Date(clock.now().getTime() + 1000).toISOString(),
      },
    );
    expect(simulateCampaign).toEqual({ purchasesRewarded: 2, customersReached: 2, pointsCost: 40 });
  });

  it('updates a campaign, and refuses an update made against an older version', async () => {
    const { createCampaign } = await marketer.data<{ createCampaign: CampaignView }, Record<string, unknown>>(
      createCampaignMutation,
      { input: { name: 'Draft one', reward: { kind: 'FIXED_BONUS', points: 5 } } },
    );
    const update = `mutation($id: ID!, $input: CampaignInput!, $v: Int) { updateCampaign(id: $id, input: $input, expectedVersion: $v) { name version } }`;
    const input = { name: 'Draft two', reward: { kind: 'FIXED_BONUS', points: 7 } };
    const first = await marketer.data<{ updateCampaign: { name: string; version: number } }, Record<string, unknown>>(
      update,
      { id: createCampaign.id, input },
    );
    expect(first.updateCampaign).toEqual({ name: 'Draft two', version: createCampaign.version + 1 });
    const stale = await marketer.request(update, { id: createCampaign.id, input, v: createCampaign.version });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    await marketer.data(endCampaignMutation, { id: createCampaign.id });
  });

  it('refuses bad campaigns with a clear code and changes nothing', async () => {
    const bad = await marketer.request(createCampaignMutation, {
      input: { name: 'Not a multiplier', reward: { kind: 'MULTIPLIER', multiplierPercent: 100 } },
    });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badWindow = await marketer.request(createCampaignMutation, {
      input: {
        name: 'Bad window',
        reward: { kind: 'FIXED_BONUS', points: 5 },
        schedule: { weekly: [{ startDay: 'FRIDAY', startTime: '25:00', endDay: 'SUNDAY', endTime: '23:59' }] },
      },
    });
    expect(badWindow.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await marketer.request(pauseCampaignMutation, { id: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const member = await enrollMember(graph);
    const member$ = await graph.as({ role: 'member', subject: member.id });
    const forbidden = await member$.request(createCampaignMutation, {
      input: { name: 'Free points for me', reward: { kind: 'FIXED_BONUS', points: 1_000_000 } },
    });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { campaigns } = await marketer.data<
      { campaigns: { edges: Array<{ node: { name: string } }> } },
      Record<string, unknown>
    >(`{ campaigns(first: 100) { edges { node { name } } } }`);
    expect(campaigns.edges.map((edge) => edge.node.name)).not.toEqual(
      expect.arrayContaining(['Not a multiplier', 'Bad window', 'Free points for me']),
    );
  });
});

const recordActivityMutation = `mutation($input: RecordActivityInput!) {
  recordActivity(input: $input) { id status pointsEarned earnings { points reason ruleId } }
}`;
