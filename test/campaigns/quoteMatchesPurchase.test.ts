import fc from 'fast-check';
import { PointsQuoteDocument } from '../../examples/sdk/graphql';
import { defaultLedgerPolicy } from '../../subgraphs/ledger/program/ledgerPolicy';
import { enrollMember, purchaseInput, setEarnRate, unique } from '../support/fixtures';
import { runPointsJobMutation, setTierProgram, TestClock } from '../support/ledger';
import { startTestGraph, type GraphClient, type TestGraph } from '../support/testGraph';
import { endCampaignMutation, launchCampaign, everyoneAudience, record, type PurchaseView } from './support';

// Issue 23: a Silver member was quoted 58 points and then credited 62 for the same basket at the
// same moment; the quote had left out the "Silver tier: 1.25×" line.

const pendingDays = 14;
const channels = ['IN_STORE', 'ONLINE', 'MOBILE_APP'] as const;
const skus = ['TEA', 'MUG', 'CAKE'] as const;
const categories = ['tea', 'kitchen'] as const;
interface OrderLine {
  sku: string;
  category: string | null;
  quantity: number;
  unitPrice: number;
}

/** The quote's lines as the purchase's earnings read: BASE is posted as EARN. */
const asEarnings = (lines: ReadonlyArray<{ kind: string; points: number; reason: string; ruleId?: string | null }>) =>
  lines.map((line) => ({
    kind: line.kind === 'BASE' ? 'EARN' : line.kind,
    points: line.points,
    reason: line.reason,
    ruleId: line.ruleId ?? null,
  }));

describe('a quote and the purchase that follows it', () => {
  // Saturday 28 November 2026, 12:00 in Paris.
  const clock = new TestClock(new Date('2026-11-28T11:00:00Z'));
  let graph: TestGraph;
  let marketer: GraphClient;

  beforeAll(async () => {
    graph = await startTestGraph({
      clock: clock.now,
      program: { timeZone: 'Europe/Paris', currency: 'EUR' },
      historyIntervalMs: 0,
      // Each randomized case arranges its tier program, member and campaigns through the gateway.
      gateway: { rateLimits: { mutationsPerToken: 100_000, mutationsPerIp: 100_000, windowMs: 60_000 } },
      // Points stay pending for the return window, so the purchase compared with the quote is a pending one.
      ledgerPolicy: { ...defaultLedgerPolicy, pendingDays, expiry: { kind: 'NEVER' }, jobIntervalMs: 0 },
    });
    marketer = await graph.as({ role: 'marketer', subject: 'mara' });
    await setEarnRate(graph, 'EUR', 1, 100);
  });
  afterAll(() => graph?.stop());

  /** A new member whose purchases so far (released from their hold) earned `points` qualifying points. */
  async function memberWith(points: number, channel: string = 'ONLINE'): Promise<string> {
    const member = await enrollMember(graph);
    if (points > 0) {
      await record(
        graph,
        purchaseInput(member.id, {
          channel,
          storeId: channel === 'IN_STORE' ? 'berlin-1' : null,
          lines: [{ sku: unique('ARRANGE'), quantity: 1, unitPrice: points * 100 }],
        }),
      );
      clock.advanceDays(pendingDays + 1);
      await graph.admin.data(runPointsJobMutation);
    }
    return member.id;
  }

  async function loyaltyOf(customerId: string): Promise<{ tier: string | null; pending: number }> {
    const { customer } = await graph.admin.data<
      { customer: { loyalty: { tier: { name: string } | null; pending: number } } },
      Record<string, unknown>
    >(`query($id: ID!) { customer(id: $id) { loyalty { tier { name } pending } } }`, { id: customerId });
    return { tier: customer.loyalty.tier?.name ?? null, pending: customer.loyalty.pending };
  }

  /** Quotes the basket as the member sees it at checkout, then records the same basket at the same moment. */
  async function quoteThenBuy(customerId: string, channel: string, lines: OrderLine[]) {
    const storeId = channel === 'IN_STORE' ? 'berlin-1' : null;
    const member = await graph.as({ role: 'member', subject: customerId });
    const { pointsQuote } = await member.data(PointsQuoteDocument, {
      order: { customerId, channel, storeId, currency: 'EUR', lines },
    });
    const purchase: PurchaseView = await record(graph, purchaseInput(customerId, { channel, storeId, lines }));
    return { pointsQuote, purchase };
  }

  it('quotes a Silver member the tier bonus the purchase then credits, line by line', async () => {
    await setTierProgram(graph, 12, [
      { name: 'Member', qualifyingPoints: 0 },
      { name: 'Silver', qualifyingPoints: 100, multiplierPercent: 125 },
      { name: 'Gold', qualifyingPoints: 300, multiplierPercent: 150 },
    ]);
    const customerId = await memberWith(150);
    expect(await loyaltyOf(customerId)).toEqual({ tier: 'Silver', pending: 0 });
    const campaigns = [
      await launchCampaign(marketer, {
        name: 'Tea week',
        reward: { kind: 'MULTIPLIER', multiplierPercent: 200 },
        audience: { ...everyoneAudience, categories: ['tea'] },
        // Campaign lines come by priority (then by id): this one first.
        priority: 1,
      }),
      await launchCampaign(marketer, {
        name: 'Silver thanks',
        reward: { kind: 'FIXED_BONUS', points: 26 },
        audience: { ...everyoneAudience, tiers: ['Silver'] },
      }),
    ];
    const lines = [{ sku: 'TEA-MATCHA', category: 'tea', quantity: 2, unitPrice: 800 }];

    const { pointsQuote, purchase } = await quoteThenBuy(customerId, 'MOBILE_APP', lines).finally(async () => {
      for (const campaign of campaigns) await marketer.data(endCampaignMutation, { id: campaign.id });
    });

    expect(asEarnings(pointsQuote.lines)).toEqual([
      { kind: 'EARN', points: 16, reason: 'Base rate: 1 point per €1.00 on €16.00', ruleId: 'base:EUR' },
      { kind: 'BONUS', points: 4, reason: 'Silver tier: 1.25× points', ruleId: 'tier:Silver' },
      expect.objectContaining({ kind: 'BONUS', points: 16, reason: 'Tea week: 2× points' }),
      expect.objectContaining({ kind: 'BONUS', points: 26, reason: 'Silver thanks: 26 bonus points' }),
    ]);
    expect(pointsQuote.totalPoints).toBe(62);
    expect(purchase.earnings).toEqual(asEarnings(pointsQuote.lines));
    expect(purchase.pointsEarned).toBe(pointsQuote.totalPoints);
    expect(await loyaltyOf(customerId)).toEqual({ tier: 'Silver', pending: 62 });
  });

  it('quotes what the purchase then credits, for any basket, tier and campaigns (property)', async () => {
    const anyLine = fc.record({
      sku: fc.constantFrom(...skus),
      category: fc.constantFrom(...categories, null),
      quantity: fc.integer({ min: 1, max: 5 }),
      unitPrice: fc.integer({ min: 0, max: 20_000 }),
    });
    const anyCampaign = fc.record({
      reward: fc.oneof(
        fc.integer({ min: 110, max: 300 }).map((multiplierPercent) => ({ kind: 'MULTIPLIER', multiplierPercent })),
        fc.integer({ min: 1, max: 200 }).map((points) => ({ kind: 'FIXED_BONUS', points })),
        fc
          .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 50, max: 1000 }))
          .map(([points, perAmount]) => ({ kind: 'RATE', points, perAmount, currency: 'EUR' })),
      ),
      channels: fc.subarray([...channels]),
      tiers: fc.subarray(['Member', 'Silver', 'Gold']),
      firstPurchase: fc.boolean(),
      firstPurchaseInChannel: fc.boolean(),
      skus: fc.subarray([...skus], { maxLength: 2 }),
      categories: fc.subarray([...categories], { maxLength: 1 }),
      perCustomerPoints: fc.option(fc.integer({ min: 1, max: 100 }), { nil: null }),
      exclusive: fc.boolean(),
      priority: fc.integer({ min: 0, max: 2 }),
    });
    const anyCase = fc.record({
      silverPercent: fc.integer({ min: 100, max: 300 }),
      goldPercent: fc.integer({ min: 100, max: 300 }),
      // Qualifying points so far: none (a first purchase), Member, Silver or Gold.
      pointsSoFar: fc.constantFrom(0, 40, 150, 400),
      boughtIn: fc.constantFrom(...channels),
      channel: fc.constantFrom(...channels),
      lines: fc.array(anyLine, { minLength: 1, maxLength: 4 }),
      campaigns: fc.array(anyCampaign, { maxLength: 3 }),
    });

    await fc.assert(
      fc.asyncProperty(anyCase, async (c) => {
        await setTierProgram(graph, 12, [
          { name: 'Member', qualifyingPoints: 0 },
          { name: 'Silver', qualifyingPoints: 100, multiplierPercent: c.silverPercent },
          { name: 'Gold', qualifyingPoints: 300, multiplierPercent: c.goldPercent },
        ]);
        const customerId = await memberWith(c.pointsSoFar, c.boughtIn);
        const launched = [];
        for (const [index, campaign] of c.campaigns.entries()) {
          launched.push(
            await launchCampaign(marketer, {
              name: `Campaign ${index + 1}`,
              reward: campaign.reward,
              audience: {
                ...everyoneAudience,
                channels: campaign.channels,
                tiers: campaign.tiers,
                firstPurchase: campaign.firstPurchase,
                firstPurchaseInChannel: campaign.firstPurchaseInChannel,
                skus: campaign.skus,
                categories: campaign.categories,
              },
              limits: { capPeriod: 'DAY', perCustomerPoints: campaign.perCustomerPoints },
              exclusive: campaign.exclusive,
              priority: campaign.priority,
            }),
          );
        }
        try {
          const { pointsQuote, purchase } = await quoteThenBuy(customerId, c.channel, c.lines);
          expect(purchase.earnings).toEqual(asEarnings(pointsQuote.lines));
          expect(purchase.pointsEarned).toBe(pointsQuote.totalPoints);
        } finally {
          for (const campaign of launched) await marketer.data(endCampaignMutation, { id: campaign.id });
        }
      }),
      { numRuns: 15 },
    );
  });
});
