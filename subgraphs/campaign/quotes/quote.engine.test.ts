import fc from 'fast-check';
import {
  ActivityKind,
  CampaignStatus,
  CampaignTrigger,
  CapPeriod,
  noRestriction,
  RewardKind,
  type Audience,
  type CampaignLimits,
  type CampaignReward,
  type CampaignRule,
  type CustomerFacts,
} from '../campaigns/campaign.rules';
import { Weekday, zonedInstant, type Schedule } from '../schedules/schedule.rules';
import { periodStart } from '../limits/usage.rules';
import { formatMoney } from './money';
import {
  CampaignNoteKind,
  quoteActivity,
  QuoteError,
  quoteOrder,
  QuoteLineKind,
  stack,
  type CampaignSituation,
  type EarnRate,
  type Quote,
  type QuoteLine,
  type QuoteOrder,
  type RuleUsage,
} from './quote.engine';

const eur: EarnRate = { currency: 'EUR', points: 1, perAmount: 100 };
const order = (lines: QuoteOrder['lines'], currency = 'EUR'): QuoteOrder => ({
  customerId: 'c',
  channel: 'ONLINE',
  currency,
  lines,
});

describe('quote engine', () => {
  it('earns the base rate on the order total, rounded down', () => {
    const quote = quoteOrder(order([{ sku: 'A', quantity: 3, unitPrice: 1099 }]), eur);
    expect(quote.totalPoints).toBe(32);
    expect(quote.lines).toEqual([
      { kind: QuoteLineKind.BASE, points: 32, reason: 'Base rate: 1 point per €1.00 on €32.97', ruleId: 'base:EUR' },
    ]);
  });

  it('earns nothing without a rate for the currency', () => {
    expect(quoteOrder(order([{ sku: 'A', quantity: 1, unitPrice: 5000 }], 'USD'), eur)).toEqual({
      totalPoints: 0,
      campaignNotes: [],
      lines: [],
    });
    expect(quoteOrder(order([{ sku: 'A', quantity: 1, unitPrice: 5000 }]), undefined).totalPoints).toBe(0);
  });

  it('refuses an order that would earn more points than a safe integer holds', () => {
    const huge = order([{ sku: 'A', quantity: 10_000, unitPrice: 900_000_000_000 }]);
    expect(() => quoteOrder(huge, { currency: 'EUR', points: 1_000_000, perAmount: 1 })).toThrow(QuoteError);
  });

  it('formats zero-decimal currencies', () => {
    expect(formatMoney(500, 'JPY')).toBe('¥500');
  });

  it('never earns more than the rate allows, nor less than one point short (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ quantity: fc.integer({ min: 1, max: 100 }), unitPrice: fc.integer({ min: 0, max: 1_000_000 }) }),
          {
            minLength: 1,
            maxLength: 20,
          },
        ),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 10_000 }),
        (lines, points, perAmount) => {
          const total = lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0);
          const quote = quoteOrder(order(lines.map((l) => ({ sku: 'S', ...l }))), {
            currency: 'EUR',
            points,
            perAmount,
          });
          const exact = (total * points) / perAmount;
          expect(quote.totalPoints).toBeLessThanOrEqual(exact);
          expect(quote.totalPoints).toBeGreaterThan(exact - 1);
          expect(quote.lines.reduce((sum, l) => sum + l.points, 0)).toBe(quote.totalPoints);
        },
      ),
    );
  });
});

const PARIS = 'Europe/Paris';
const DAY = 86_400_000;

/** The instant of a wall-clock time in Paris, `'2026-10-25 23:30'`. */
const paris = (text: string): Date => {
  const [year, month, day, hour, minute] = text.split(/[- :]/).map(Number) as [number, number, number, number, number];
  return zonedInstant({ year, month, day, hour, minute }, PARIS);
};
const plus = (date: Date, ms: number): Date => new Date(date.getTime() + ms);

const saturday = paris('2026-11-21 12:00');
const ALWAYS: Schedule = { startsAt: null, endsAt: null, weekly: [] };
const WEEKEND: Schedule = {
  startsAt: null,
  endsAt: null,
  weekly: [{ startDay: Weekday.FRIDAY, startTime: '18:00', endDay: Weekday.SUNDAY, endTime: '23:59' }],
};

const multiplier = (multiplierPercent: number): CampaignReward => ({
  kind: RewardKind.MULTIPLIER,
  multiplierPercent,
  points: null,
  perAmount: null,
  currency: null,
});
const bonus = (points: number): CampaignReward => ({
  kind: RewardKind.FIXED_BONUS,
  multiplierPercent: null,
  points,
  perAmount: null,
  currency: null,
});
const rateReward = (points: number, perAmount: number, currency = 'EUR'): CampaignReward => ({
  kind: RewardKind.RATE,
  multiplierPercent: null,
  points,
  perAmount,
  currency,
});
const noLimits: CampaignLimits = {
  perCustomerPoints: null,
  perCustomerGrants: null,
  capPeriod: CapPeriod.CAMPAIGN,
  budgetPoints: null,
};

interface Changes extends Omit<Partial<CampaignRule>, 'audience' | 'limits'> {
  audience?: Partial<Audience>;
  limits?: Partial<CampaignLimits>;
}
/** A running purchase campaign, double points unless told otherwise. */
const campaign = (id: string, changes: Changes = {}): CampaignRule => ({
  id,
  status: CampaignStatus.SCHEDULED,
  name: id,
  description: null,
  trigger: CampaignTrigger.PURCHASE,
  activityKind: null,
  reward: multiplier(200),
  schedule: ALWAYS,
  exclusive: false,
  priority: 0,
  holdoutPercent: 0,
  ...changes,
  audience: { ...noRestriction, ...changes.audience },
  limits: { ...noLimits, ...changes.limits },
});
const doubleWeekend = campaign('double', { name: 'Double points weekend', schedule: WEEKEND });
const signUp = campaign('sign-up', {
  name: 'Welcome',
  trigger: CampaignTrigger.ACTIVITY,
  activityKind: ActivityKind.SIGN_UP,
  reward: bonus(100),
});

/** A member who bought online twice before. */
const regular: CustomerFacts = {
  tier: null,
  purchasesBefore: 2,
  channelsBefore: ['ONLINE'],
  segments: [],
  enrolledAt: new Date('2025-01-01T00:00:00Z'),
};
const newcomer: CustomerFacts = { ...regular, purchasesBefore: 0, channelsBefore: [] };

const usage = (entries: Record<string, Partial<RuleUsage>>): Map<string, RuleUsage> =>
  new Map(
    Object.entries(entries).map(([id, used]) => [
      id,
      { periodPoints: 0, periodGrants: 0, grantsEver: 0, budgetLeft: null, ...used },
    ]),
  );
const situation = (rules: readonly CampaignRule[], changes: Partial<CampaignSituation> = {}): CampaignSituation => ({
  rules,
  facts: regular,
  timeZone: PARIS,
  at: saturday,
  usage: new Map(),
  ...changes,
});

/** A €50.00 order: 50 base points at 1 point per €1. */
const fifty = (channel = 'ONLINE', changes: Partial<QuoteOrder> = {}): QuoteOrder => ({
  customerId: 'c',
  channel,
  currency: 'EUR',
  lines: [{ sku: 'A', quantity: 1, unitPrice: 5000 }],
  ...changes,
});
/** Lines: 2 × €12.50 of A (no category), €30.50 of B (shoes), €9.99 of C (hats): €65.49 in all, 65 base points. */
const mixed: QuoteOrder = fifty('ONLINE', {
  lines: [
    { sku: 'A', quantity: 2, unitPrice: 1250 },
    { sku: 'B', category: 'shoes', quantity: 1, unitPrice: 3050 },
    { sku: 'C', category: 'hats', quantity: 1, unitPrice: 999 },
  ],
});

const campaignLines = (quote: Quote): QuoteLine[] => quote.lines.filter((line) => line.campaignId !== undefined);
const granted = (quote: Quote): Array<[string, number]> =>
  campaignLines(quote).map((line) => [line.campaignId!, line.points]);
const bonusLine = (id: string, points: number, reason: string): QuoteLine => ({
  kind: QuoteLineKind.BONUS,
  points,
  reason,
  ruleId: `campaign:${id}`,
  campaignId: id,
});

describe('quote engine with campaigns', () => {
  describe('quoteOrder: double points on a weekend in Europe/Paris', () => {
    it('doubles the base points on Saturday, with a line that names the campaign', () => {
      expect(quoteOrder(fifty(), eur, situation([doubleWeekend]))).toEqual({
        totalPoints: 100,
        campaignNotes: [],
        lines: [
          {
            kind: QuoteLineKind.BASE,
            points: 50,
            reason: 'Base rate: 1 point per €1.00 on €50.00',
            ruleId: 'base:EUR',
          },
          bonusLine('double', 50, 'Double points weekend: 2× points'),
        ],
      });
    });

    it.each<[string, string[], string, number]>([
      ['every channel', [], 'IN_STORE', 100],
      ['every channel', [], 'ONLINE', 100],
      ['every channel', [], 'MOBILE_APP', 100],
      ['both channels', ['IN_STORE', 'ONLINE'], 'IN_STORE', 100],
      ['both channels', ['IN_STORE', 'ONLINE'], 'ONLINE', 100],
      ['both channels', ['IN_STORE', 'ONLINE'], 'MOBILE_APP', 50],
      ['in store only', ['IN_STORE'], 'ONLINE', 50],
    ])('for %s (%j) gives a %s order %i points', (_, channels, channel, total) => {
      const rule = campaign('double', { schedule: WEEKEND, audience: { channels } });
      expect(quoteOrder(fifty(channel), eur, situation([rule])).totalPoints).toBe(total);
    });

    it.each<[string, string, number]>([
      ['Friday 17:59', '2026-11-20 17:59', 50],
      ['Friday 18:00', '2026-11-20 18:00', 100],
      ['Saturday 12:00', '2026-11-21 12:00', 100],
      ['Sunday 23:59', '2026-11-22 23:59', 100],
      ['Monday 00:00', '2026-11-23 00:00', 50],
      ['Monday 12:00', '2026-11-23 12:00', 50],
      ['Wednesday 12:00', '2026-11-25 12:00', 50],
      // Spring forward: Sunday 29 Mar 2026 has no 02:xx.
      ['Saturday 28 Mar (before spring forward)', '2026-03-28 12:00', 100],
      ['Sunday 29 Mar 03:00 (just after the jump)', '2026-03-29 03:00', 100],
      ['Sunday 29 Mar 23:59', '2026-03-29 23:59', 100],
      ['Monday 30 Mar 00:00', '2026-03-30 00:00', 50],
      // Fall back: Sunday 25 Oct 2026 has 25 hours.
      ['Saturday 24 Oct', '2026-10-24 12:00', 100],
      ['Sunday 25 Oct 23:30', '2026-10-25 23:30', 100],
      ['Monday 26 Oct 00:00', '2026-10-26 00:00', 50],
    ])('on %s gives %i points', (_, at, total) => {
      expect(quoteOrder(fifty('IN_STORE'), eur, situation([doubleWeekend], { at: paris(at) })).totalPoints).toBe(total);
    });

    it('is live on both 02:30s of the fall-back night and through the last millisecond of Sunday', () => {
      const quote = (at: string): number =>
        quoteOrder(fifty(), eur, situation([doubleWeekend], { at: new Date(at) })).totalPoints;
      expect(quote('2026-10-25T00:30:00Z')).toBe(100); // 02:30 CEST
      expect(quote('2026-10-25T01:30:00Z')).toBe(100); // 02:30 CET
      expect(quote('2026-10-25T22:59:59.999Z')).toBe(100); // Sunday 23:59:59.999 CET
      expect(quote('2026-10-25T23:00:00Z')).toBe(50); // Monday 00:00 CET
      expect(quote('2026-03-29T21:59:59.999Z')).toBe(100); // Sunday 23:59:59.999 CEST
      expect(quote('2026-03-29T22:00:00Z')).toBe(50); // Monday 00:00 CEST
    });

    it('reads the window in the program time zone', () => {
      // Friday 17:30 UTC is 18:30 in Paris but 12:30 in New York.
      const at = new Date('2026-11-20T17:30:00Z');
      expect(quoteOrder(fifty(), eur, situation([doubleWeekend], { at })).totalPoints).toBe(100);
      expect(
        quoteOrder(fifty(), eur, situation([doubleWeekend], { at, timeZone: 'America/New_York' })).totalPoints,
      ).toBe(50);
    });

    it('keeps to startsAt and endsAt', () => {
      const december = campaign('dec', {
        schedule: { startsAt: paris('2026-12-01 00:00'), endsAt: paris('2026-12-25 00:00'), weekly: [] },
      });
      const at = (text: string) => situation([december], { at: paris(text) });
      expect(quoteOrder(fifty(), eur, at('2026-11-30 23:59')).totalPoints).toBe(50);
      expect(quoteOrder(fifty(), eur, at('2026-12-01 00:00')).totalPoints).toBe(100);
      expect(quoteOrder(fifty(), eur, at('2026-12-24 23:59')).totalPoints).toBe(100);
      expect(quoteOrder(fifty(), eur, at('2026-12-25 00:00')).totalPoints).toBe(50);
    });

    it.each([CampaignStatus.DRAFT, CampaignStatus.PAUSED, CampaignStatus.ENDED])(
      'grants nothing while %s',
      (status) => {
        const quote = quoteOrder(fifty(), eur, situation([{ ...doubleWeekend, status }]));
        expect(quote.totalPoints).toBe(50);
        expect(campaignLines(quote)).toEqual([]);
      },
    );

    it('gives the same quote with no campaigns as without a situation', () => {
      const tiered = fifty('ONLINE', { tier: { name: 'Gold', multiplierPercent: 150 } });
      expect(quoteOrder(tiered, eur, situation([]))).toEqual(quoteOrder(tiered, eur));
      expect(quoteOrder(tiered, eur, situation([signUp]))).toEqual(quoteOrder(tiered, eur));
    });

    it('adds campaign bonuses after the tier bonus, each on the base points', () => {
      const tiered = fifty('ONLINE', { tier: { name: 'Gold', multiplierPercent: 150 } });
      const quote = quoteOrder(tiered, eur, situation([doubleWeekend]));
      expect(quote.totalPoints).toBe(50 + 25 + 50);
      expect(quote.lines.map((line) => [line.ruleId, line.points])).toEqual([
        ['base:EUR', 50],
        ['tier:Gold', 25],
        ['campaign:double', 50],
      ]);
    });

    it('rounds a multiplier down and leaves out a campaign that would grant nothing', () => {
      const oneAndAHalf = campaign('x15', { name: 'Half again', reward: multiplier(150) });
      const quote = quoteOrder(
        fifty('ONLINE', { lines: [{ sku: 'A', quantity: 1, unitPrice: 5_199 }] }),
        eur,
        situation([oneAndAHalf]),
      );
      expect(quote.lines.at(-1)).toEqual(bonusLine('x15', 25, 'Half again: 1.5× points'));
      // €1.99 earns 1 base point, half a point more rounds down to none.
      const small = quoteOrder(
        fifty('ONLINE', { lines: [{ sku: 'A', quantity: 1, unitPrice: 199 }] }),
        eur,
        situation([oneAndAHalf]),
      );
      expect(small).toEqual({
        totalPoints: 1,
        campaignNotes: [],
        lines: [expect.objectContaining({ kind: QuoteLineKind.BASE, points: 1 })],
      });
    });

    it('grants a multiplier nothing without a base rate for the order currency', () => {
      expect(quoteOrder(fifty(), undefined, situation([doubleWeekend]))).toEqual({
        totalPoints: 0,
        lines: [],
        campaignNotes: [],
      });
      const usd = { currency: 'USD', points: 1, perAmount: 100 };
      expect(quoteOrder(fifty(), usd, situation([doubleWeekend]))).toEqual({
        totalPoints: 0,
        lines: [],
        campaignNotes: [],
      });
    });

    it('ignores ACTIVITY campaigns', () => {
      expect(campaignLines(quoteOrder(fifty(), eur, situation([signUp])))).toEqual([]);
    });
  });

  describe('quoteOrder: audience', () => {
    const welcome = campaign('welcome', { name: 'Welcome', reward: bonus(200), audience: { firstPurchase: true } });
    const storeDebut = campaign('store-debut', {
      name: 'Try our stores',
      reward: bonus(300),
      audience: { firstPurchaseInChannel: true, channels: ['IN_STORE'] },
    });
    const anyDebut = campaign('any-debut', {
      name: 'New channel',
      reward: bonus(40),
      audience: { firstPurchaseInChannel: true },
    });

    it('grants a first-purchase bonus only on the first purchase, and only once', () => {
      expect(quoteOrder(fifty(), eur, situation([welcome], { facts: newcomer }))).toEqual({
        totalPoints: 250,
        campaignNotes: [],
        lines: [
          expect.objectContaining({ kind: QuoteLineKind.BASE, points: 50 }),
          bonusLine('welcome', 200, 'Welcome: 200 bonus points'),
        ],
      });
      expect(quoteOrder(fifty(), eur, situation([welcome], { facts: regular })).totalPoints).toBe(50);
      // The facts say first purchase (its earlier order was returned, say), but the bonus was granted already.
      const again = situation([welcome], { facts: newcomer, usage: usage({ welcome: { grantsEver: 1 } }) });
      expect(quoteOrder(fifty(), eur, again).totalPoints).toBe(50);
    });

    it('grants a first purchase in a channel only in a channel the member never bought in, and only once', () => {
      expect(granted(quoteOrder(fifty('IN_STORE'), eur, situation([storeDebut])))).toEqual([['store-debut', 300]]);
      expect(granted(quoteOrder(fifty('ONLINE'), eur, situation([storeDebut])))).toEqual([]);
      const storeRegular = { ...regular, channelsBefore: ['ONLINE', 'IN_STORE'] };
      expect(granted(quoteOrder(fifty('IN_STORE'), eur, situation([storeDebut], { facts: storeRegular })))).toEqual([]);
      const again = situation([storeDebut], { usage: usage({ 'store-debut': { grantsEver: 1 } }) });
      expect(granted(quoteOrder(fifty('IN_STORE'), eur, again))).toEqual([]);
      // Without channels, any channel new to the member counts; a brand-new member's every channel is new.
      expect(granted(quoteOrder(fifty('MOBILE_APP'), eur, situation([anyDebut])))).toEqual([['any-debut', 40]]);
      expect(granted(quoteOrder(fifty('ONLINE'), eur, situation([anyDebut])))).toEqual([]);
      expect(granted(quoteOrder(fifty('ONLINE'), eur, situation([anyDebut], { facts: newcomer })))).toEqual([
        ['any-debut', 40],
      ]);
    });

    it('needs the member tier, segment or recent enrolment when the audience names one', () => {
      const gold = campaign('gold', { reward: bonus(10), audience: { tiers: ['Gold'] } });
      const champions = campaign('champions', { reward: bonus(20), audience: { segments: ['champions'] } });
      const fresh = campaign('fresh', { reward: bonus(30), audience: { newMemberWithinDays: 30 } });
      const rules = [gold, champions, fresh];
      expect(granted(quoteOrder(fifty(), eur, situation(rules)))).toEqual([]);
      const member: CustomerFacts = {
        ...regular,
        tier: 'Gold',
        segments: ['champions'],
        enrolledAt: plus(saturday, -30 * DAY),
      };
      expect(granted(quoteOrder(fifty(), eur, situation(rules, { facts: member })))).toEqual([
        ['champions', 20],
        ['fresh', 30],
        ['gold', 10],
      ]);
    });

    it('needs the minimum spend, in its currency', () => {
      const bigBasket = campaign('big', {
        name: 'Big basket',
        reward: bonus(75),
        audience: { minSpend: 5000, minSpendCurrency: 'EUR' },
      });
      const spend = (unitPrice: number, currency = 'EUR') =>
        granted(
          quoteOrder(
            fifty('ONLINE', { currency, lines: [{ sku: 'A', quantity: 1, unitPrice }] }),
            eur,
            situation([bigBasket]),
          ),
        );
      expect(spend(4999)).toEqual([]);
      expect(spend(5000)).toEqual([['big', 75]]);
      expect(spend(1_000_000, 'USD')).toEqual([]);
      // The order total counts, whichever lines qualify.
      const shoesOver50 = campaign('shoes50', {
        reward: bonus(75),
        audience: { minSpend: 5000, minSpendCurrency: 'EUR', categories: ['shoes'] },
      });
      expect(granted(quoteOrder(mixed, eur, situation([shoesOver50])))).toEqual([['shoes50', 75]]);
    });

    it('multiplies the base points of the qualifying lines only', () => {
      const shoeDays = campaign('shoes', {
        name: 'Shoe days',
        audience: { skus: ['A'], categories: ['shoes'] },
      });
      const quote = quoteOrder(mixed, eur, situation([shoeDays]));
      // €25.00 of A and €30.50 of shoes: 55 base points, doubled.
      expect(quote.totalPoints).toBe(65 + 55);
      expect(quote.lines.at(-1)).toEqual(bonusLine('shoes', 55, 'Shoe days: 2× points on €55.50 of qualifying items'));
      const hats = campaign('hats', { name: 'Hats', reward: multiplier(300), audience: { categories: ['hats'] } });
      // €9.99 of hats: 9 base points, tripled is 18 more.
      expect(granted(quoteOrder(mixed, eur, situation([hats])))).toEqual([['hats', 18]]);
      const none = campaign('none', { audience: { skus: ['Z'], categories: ['coats'] } });
      expect(granted(quoteOrder(mixed, eur, situation([none])))).toEqual([]);
    });

    it('grants a fixed bonus once for an order with any qualifying line', () => {
      const shoes = campaign('shoes', { name: 'Shoes', reward: bonus(15), audience: { categories: ['shoes'] } });
      expect(granted(quoteOrder(mixed, eur, situation([shoes])))).toEqual([['shoes', 15]]);
      expect(granted(quoteOrder(fifty(), eur, situation([shoes])))).toEqual([]);
    });

    it('grants a RATE on the qualifying lines, in its currency only, even without a base rate', () => {
      const fivePerTen = campaign('rate', { name: 'Rate', reward: rateReward(5, 1000) });
      expect(quoteOrder(mixed, eur, situation([fivePerTen])).lines.at(-1)).toEqual(
        bonusLine('rate', 32, 'Rate: 5 points per €10.00 on €65.49'),
      );
      expect(quoteOrder(mixed, undefined, situation([fivePerTen]))).toEqual({
        totalPoints: 32,
        campaignNotes: [],
        lines: [bonusLine('rate', 32, 'Rate: 5 points per €10.00 on €65.49')],
      });
      const shoeRate = campaign('shoe-rate', {
        name: 'Shoe rate',
        reward: rateReward(5, 1000),
        audience: { categories: ['shoes'] },
      });
      expect(quoteOrder(mixed, eur, situation([shoeRate])).lines.at(-1)).toEqual(
        bonusLine('shoe-rate', 15, 'Shoe rate: 5 points per €10.00 on €30.50 of qualifying items'),
      );
      const usdOrder = { ...mixed, currency: 'USD' };
      expect(granted(quoteOrder(usdOrder, eur, situation([fivePerTen])))).toEqual([]);
      const usdRate = campaign('usd', { name: 'USD', reward: rateReward(1, 100, 'USD') });
      expect(quoteOrder(usdOrder, eur, situation([usdRate]))).toEqual({
        totalPoints: 65,
        campaignNotes: [],
        lines: [bonusLine('usd', 65, 'USD: 1 point per $1.00 on $65.49')],
      });
    });
  });

  describe('quoteOrder: caps and budgets', () => {
    const capped = (limits: Partial<CampaignLimits>) => campaign('double', { name: 'Double', limits });

    it('grants nothing once the per-customer grants of the period are used up', () => {
      const twice = capped({ perCustomerGrants: 2, capPeriod: CapPeriod.DAY });
      const used = (periodGrants: number) =>
        situation([twice], { usage: usage({ double: { periodGrants, grantsEver: 5 } }) });
      expect(granted(quoteOrder(fifty(), eur, used(1)))).toEqual([['double', 50]]);
      expect(granted(quoteOrder(fifty(), eur, used(2)))).toEqual([]);
      expect(granted(quoteOrder(fifty(), eur, used(3)))).toEqual([]);
    });

    it('lowers the points to what the per-customer cap leaves, and says so', () => {
      const hundredAWeek = capped({ perCustomerPoints: 100, capPeriod: CapPeriod.WEEK });
      const used = (periodPoints: number) => situation([hundredAWeek], { usage: usage({ double: { periodPoints } }) });
      expect(quoteOrder(fifty(), eur, used(50)).lines.at(-1)).toEqual(bonusLine('double', 50, 'Double: 2× points'));
      const quote = quoteOrder(fifty(), eur, used(80));
      expect(quote.totalPoints).toBe(70);
      expect(quote.lines.at(-1)).toEqual(
        bonusLine('double', 20, "Double: 2× points (limited to 20 by the campaign's per-customer cap)"),
      );
      expect(granted(quoteOrder(fifty(), eur, used(100)))).toEqual([]);
      expect(granted(quoteOrder(fifty(), eur, used(150)))).toEqual([]);
      // Without usage, the cap alone limits one order.
      const tenAtMost = capped({ perCustomerPoints: 10 });
      expect(granted(quoteOrder(fifty(), eur, situation([tenAtMost])))).toEqual([['double', 10]]);
    });

    it('lowers the points to the budget left, says so, and grants nothing once it is spent', () => {
      const budgeted = capped({ budgetPoints: 10_000 });
      const left = (budgetLeft: number | null) => situation([budgeted], { usage: usage({ double: { budgetLeft } }) });
      expect(granted(quoteOrder(fifty(), eur, left(null)))).toEqual([['double', 50]]);
      expect(granted(quoteOrder(fifty(), eur, left(50)))).toEqual([['double', 50]]);
      expect(quoteOrder(fifty(), eur, left(30)).lines.at(-1)).toEqual(
        bonusLine('double', 30, "Double: 2× points (limited to 30 by the campaign's remaining budget)"),
      );
      expect(quoteOrder(fifty(), eur, left(0))).toEqual({
        totalPoints: 50,
        lines: [expect.objectContaining({ kind: QuoteLineKind.BASE })],
        campaignNotes: [budgetNote(50, 0)],
      });
      expect(quoteOrder(fifty(), eur, left(30)).campaignNotes).toEqual([budgetNote(50, 30)]);
      expect(quoteOrder(fifty(), eur, left(50)).campaignNotes).toEqual([]);
    });

    const budgetNote = (wouldGive: number, gave: number) => ({
      kind: CampaignNoteKind.BUDGET,
      campaignId: 'double',
      campaignName: 'Double',
      capPeriod: CapPeriod.CAMPAIGN,
      periodStart: null,
      wouldGive,
      gave,
    });

    it("notes a cap that removed or lowered a campaign's award, with the period of the time judged", () => {
      const monthly = capped({ perCustomerPoints: 40, capPeriod: CapPeriod.MONTH });
      const quote = (periodPoints: number) =>
        quoteOrder(fifty(), eur, situation([monthly], { usage: usage({ double: { periodPoints } }) }));
      const note = (gave: number) => ({
        kind: CampaignNoteKind.CAPPED,
        campaignId: 'double',
        campaignName: 'Double',
        capPeriod: CapPeriod.MONTH,
        periodStart: periodStart(CapPeriod.MONTH, saturday, PARIS)!.toISOString(),
        wouldGive: 50,
        gave,
      });
      expect(quote(40).campaignNotes).toEqual([note(0)]);
      expect(quote(30).campaignNotes).toEqual([note(10)]);
      expect(quote(0).campaignNotes).toEqual([note(40)]);
      const roomy = capped({ perCustomerPoints: 100, capPeriod: CapPeriod.MONTH });
      expect(
        quoteOrder(fifty(), eur, situation([roomy], { usage: usage({ double: { periodPoints: 10 } }) })).campaignNotes,
      ).toEqual([]);
    });

    it('notes a campaign that applied at the time judged and has ended by the time of the quote', () => {
      const monday = paris('2026-11-23 12:00');
      const late = quoteOrder(fifty(), eur, situation([doubleWeekend], { now: monday }));
      expect(granted(late)).toEqual([['double', 50]]);
      expect(late.campaignNotes).toEqual([
        {
          kind: CampaignNoteKind.ENDED_SINCE,
          campaignId: 'double',
          campaignName: 'Double points weekend',
          capPeriod: CapPeriod.CAMPAIGN,
          periodStart: null,
          wouldGive: 50,
          gave: 50,
        },
      ]);
      const sunday = paris('2026-11-22 12:00');
      expect(quoteOrder(fifty(), eur, situation([doubleWeekend], { now: sunday })).campaignNotes).toEqual([]);
    });

    it('applies whichever of the cap and the budget leaves less', () => {
      const both = capped({ perCustomerPoints: 40, budgetPoints: 1000 });
      const quote = (budgetLeft: number, periodPoints: number) =>
        quoteOrder(
          fifty(),
          eur,
          situation([both], { usage: usage({ double: { budgetLeft, periodPoints } }) }),
        ).lines.at(-1)!;
      expect(quote(25, 0)).toEqual(
        bonusLine('double', 25, "Double: 2× points (limited to 25 by the campaign's remaining budget)"),
      );
      expect(quote(25, 30)).toEqual(
        bonusLine('double', 10, "Double: 2× points (limited to 10 by the campaign's per-customer cap)"),
      );
    });

    it('caps a fixed bonus and a first-purchase bonus the same way', () => {
      const welcome = campaign('welcome', {
        name: 'Welcome',
        reward: bonus(200),
        audience: { firstPurchase: true },
        limits: { budgetPoints: 5000 },
      });
      const quote = quoteOrder(
        fifty(),
        eur,
        situation([welcome], { facts: newcomer, usage: usage({ welcome: { budgetLeft: 120 } }) }),
      );
      expect(quote.lines.at(-1)).toEqual(
        bonusLine('welcome', 120, "Welcome: 200 bonus points (limited to 120 by the campaign's remaining budget)"),
      );
    });
  });

  describe('quoteOrder: stacking', () => {
    const stackable = (id: string, points: number, priority = 0) => campaign(id, { reward: bonus(points), priority });
    const exclusive = (id: string, points: number, priority = 0) =>
      campaign(id, { reward: bonus(points), priority, exclusive: true });

    it('lets the highest-priority exclusive campaign win alone', () => {
      const rules = [stackable('a', 10, 1), exclusive('x', 5, 3), stackable('b', 20, 2), exclusive('y', 50, 2)];
      expect(granted(quoteOrder(fifty(), eur, situation(rules)))).toEqual([['x', 5]]);
    });

    it('applies every stackable campaign when one of them has the highest priority, and sets exclusives aside', () => {
      const rules = [stackable('a', 10, 1), exclusive('x', 500, 2), stackable('b', 20, 3), stackable('c', 30, 1)];
      expect(granted(quoteOrder(fifty(), eur, situation(rules)))).toEqual([
        ['b', 20],
        ['a', 10],
        ['c', 30],
      ]);
    });

    it('breaks a priority tie by id', () => {
      expect(granted(quoteOrder(fifty(), eur, situation([stackable('b', 20, 1), exclusive('a', 5, 1)])))).toEqual([
        ['a', 5],
      ]);
      expect(granted(quoteOrder(fifty(), eur, situation([exclusive('b', 5, 1), stackable('a', 20, 1)])))).toEqual([
        ['a', 20],
      ]);
    });

    it('sets aside an exclusive campaign that cannot grant: out of budget, not running, or not for this order', () => {
      const rules = [exclusive('x', 500, 9), stackable('a', 10)];
      const spent = situation(rules, { usage: usage({ x: { budgetLeft: 0 } }) });
      expect(granted(quoteOrder(fifty(), eur, spent))).toEqual([['a', 10]]);
      const paused = situation([{ ...rules[0]!, status: CampaignStatus.PAUSED }, rules[1]!]);
      expect(granted(quoteOrder(fifty(), eur, paused))).toEqual([['a', 10]]);
      const storeOnly = situation([
        { ...rules[0]!, audience: { ...noRestriction, channels: ['IN_STORE'] } },
        rules[1]!,
      ]);
      expect(granted(quoteOrder(fifty(), eur, storeOnly))).toEqual([['a', 10]]);
    });
  });

  describe('stack', () => {
    const candidate = (id: string, priority: number, exclusive: boolean) => ({ rule: { id, priority, exclusive } });
    const idsOf = (result: ReadonlyArray<{ rule: { id: string } }>) => result.map((c) => c.rule.id);

    it('stacks nothing from nothing', () => {
      expect(stack([])).toEqual([]);
    });

    it('keeps the top exclusive alone, or every stackable best first', () => {
      expect(idsOf(stack([candidate('a', 1, false), candidate('x', 2, true), candidate('y', 2, true)]))).toEqual(['x']);
      expect(
        idsOf(
          stack([
            candidate('a', 1, false),
            candidate('x', 0, true),
            candidate('b', 1, false),
            candidate('c', 5, false),
          ]),
        ),
      ).toEqual(['c', 'a', 'b']);
      expect(idsOf(stack([candidate('x', -1, true)]))).toEqual(['x']);
    });

    const candidates = fc
      .uniqueArray(
        fc.record({
          id: fc.string({ minLength: 1, maxLength: 3 }),
          priority: fc.integer({ min: -2, max: 2 }),
          exclusive: fc.boolean(),
        }),
        { selector: (rule) => rule.id, maxLength: 10 },
      )
      .map((rules) => rules.map((rule) => ({ rule })));

    it('gives one exclusive alone or no exclusive, the same whatever the input order (property)', () => {
      fc.assert(
        fc.property(
          candidates.chain((all) =>
            fc.tuple(fc.constant(all), fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length })),
          ),
          ([all, shuffled]) => {
            const result = stack(all);
            const exclusives = result.filter((c) => c.rule.exclusive);
            expect(exclusives.length === 0 || (exclusives.length === 1 && result.length === 1)).toBe(true);
            expect(idsOf(stack(shuffled))).toEqual(idsOf(result));
            // Something stacks whenever there is something; everything it returns came in.
            expect(result.length > 0).toBe(all.length > 0);
            for (const c of result) expect(all).toContain(c);
            if (result.length === 0) return;
            if (exclusives.length === 0) {
              // Every stackable, none left out, and no exclusive outranks them all.
              expect(result.length).toBe(all.filter((c) => !c.rule.exclusive).length);
              const top = Math.max(...all.map((c) => c.rule.priority));
              expect(result[0]!.rule.priority).toBe(top);
            } else {
              const winner = exclusives[0]!.rule;
              for (const c of all) {
                expect(
                  c.rule.priority < winner.priority ||
                    (c.rule.priority === winner.priority && c.rule.id.localeCompare(winner.id) >= 0),
                ).toBe(true);
              }
            }
          },
        ),
      );
    });
  });

  describe('quoteActivity', () => {
    const review = campaign('review', {
      name: 'Review',
      trigger: CampaignTrigger.ACTIVITY,
      activityKind: ActivityKind.PRODUCT_REVIEW,
      reward: bonus(25),
    });

    it('grants the fixed bonus of a running ACTIVITY campaign of the same kind', () => {
      expect(quoteActivity({ kind: ActivityKind.SIGN_UP, channel: 'ONLINE' }, situation([signUp, review]))).toEqual({
        totalPoints: 100,
        campaignNotes: [],
        lines: [bonusLine('sign-up', 100, 'Welcome: 100 bonus points')],
      });
      expect(
        quoteActivity({ kind: ActivityKind.PRODUCT_REVIEW, channel: 'ONLINE' }, situation([signUp, review])),
      ).toEqual({
        totalPoints: 25,
        campaignNotes: [],
        lines: [bonusLine('review', 25, 'Review: 25 bonus points')],
      });
      expect(quoteActivity({ kind: ActivityKind.BIRTHDAY, channel: 'ONLINE' }, situation([signUp, review]))).toEqual({
        totalPoints: 0,
        campaignNotes: [],
        lines: [],
      });
    });

    it('ignores purchase campaigns, even a fixed bonus', () => {
      const purchaseBonus = campaign('p', { reward: bonus(500) });
      expect(
        quoteActivity({ kind: ActivityKind.SIGN_UP, channel: 'ONLINE' }, situation([purchaseBonus])).totalPoints,
      ).toBe(0);
    });

    it('grants only while SCHEDULED and live, on the campaign channels, to the campaign audience', () => {
      const act = (rules: CampaignRule[], changes: Partial<CampaignSituation> = {}, channel = 'ONLINE') =>
        quoteActivity({ kind: ActivityKind.SIGN_UP, channel }, situation(rules, changes)).totalPoints;
      expect(act([{ ...signUp, status: CampaignStatus.PAUSED }])).toBe(0);
      expect(act([{ ...signUp, status: CampaignStatus.DRAFT }])).toBe(0);
      expect(act([{ ...signUp, schedule: WEEKEND }], { at: paris('2026-11-23 00:00') })).toBe(0);
      expect(act([{ ...signUp, schedule: WEEKEND }], { at: paris('2026-10-25 23:30') })).toBe(100);
      const appOnly = { ...signUp, audience: { ...noRestriction, channels: ['MOBILE_APP'] } };
      expect(act([appOnly])).toBe(0);
      expect(act([appOnly], {}, 'MOBILE_APP')).toBe(100);
      const goldOnly = { ...signUp, audience: { ...noRestriction, tiers: ['Gold'] } };
      expect(act([goldOnly])).toBe(0);
      expect(act([goldOnly], { facts: { ...regular, tier: 'Gold' } })).toBe(100);
    });

    it('keeps to the caps and the budget', () => {
      const limitedSignUp = { ...signUp, limits: { ...noLimits, perCustomerGrants: 1, perCustomerPoints: 150 } };
      const act = (used: Partial<RuleUsage>) =>
        quoteActivity(
          { kind: ActivityKind.SIGN_UP, channel: 'ONLINE' },
          situation([limitedSignUp], { usage: usage({ 'sign-up': used }) }),
        );
      expect(act({}).totalPoints).toBe(100);
      expect(act({ periodGrants: 1 }).totalPoints).toBe(0);
      expect(act({ budgetLeft: 0 }).totalPoints).toBe(0);
      expect(act({ budgetLeft: 60 }).lines).toEqual([
        bonusLine('sign-up', 60, "Welcome: 100 bonus points (limited to 60 by the campaign's remaining budget)"),
      ]);
      expect(act({ periodPoints: 90 }).lines).toEqual([
        bonusLine('sign-up', 60, "Welcome: 100 bonus points (limited to 60 by the campaign's per-customer cap)"),
      ]);
    });

    it('stacks activity campaigns like purchase ones', () => {
      const extra = { ...signUp, id: 'extra', name: 'Extra', reward: bonus(10), priority: 1 };
      const solo = { ...signUp, id: 'solo', name: 'Solo', reward: bonus(1000), exclusive: true, priority: 5 };
      const act = (rules: CampaignRule[]) =>
        granted(quoteActivity({ kind: ActivityKind.SIGN_UP, channel: 'ONLINE' }, situation(rules)));
      expect(act([signUp, extra])).toEqual([
        ['extra', 10],
        ['sign-up', 100],
      ]);
      expect(act([signUp, extra, solo])).toEqual([['solo', 1000]]);
      expect(act([signUp, extra, { ...solo, priority: 0 }])).toEqual([
        ['extra', 10],
        ['sign-up', 100],
      ]);
    });
  });

  describe('properties', () => {
    const channels = ['IN_STORE', 'ONLINE', 'MOBILE_APP'];
    const anyReward = fc.oneof(
      fc.integer({ min: 101, max: 500 }).map(multiplier),
      fc.integer({ min: 1, max: 500 }).map(bonus),
      fc
        .tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 5000 }), fc.constantFrom('EUR', 'USD'))
        .map(([points, perAmount, currency]) => rateReward(points, perAmount, currency)),
    );
    const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });
    const anyRule = fc.record({
      status: fc.constantFrom(
        CampaignStatus.SCHEDULED,
        CampaignStatus.SCHEDULED,
        CampaignStatus.PAUSED,
        CampaignStatus.DRAFT,
      ),
      trigger: fc.constantFrom(CampaignTrigger.PURCHASE, CampaignTrigger.PURCHASE, CampaignTrigger.ACTIVITY),
      reward: anyReward,
      weekend: fc.boolean(),
      exclusive: fc.boolean(),
      priority: fc.integer({ min: 0, max: 3 }),
      channels: fc.subarray(channels),
      firstPurchase: fc.boolean(),
      firstPurchaseInChannel: fc.boolean(),
      minSpend: maybe(fc.integer({ min: 0, max: 20_000 })),
      skus: fc.subarray(['A', 'B']),
      categories: fc.subarray(['shoes', 'hats']),
      perCustomerPoints: maybe(fc.integer({ min: 1, max: 300 })),
      perCustomerGrants: maybe(fc.integer({ min: 1, max: 3 })),
    });
    const anyUsage = fc.record({
      periodPoints: fc.integer({ min: 0, max: 400 }),
      periodGrants: fc.integer({ min: 0, max: 4 }),
      grantsEver: fc.integer({ min: 0, max: 2 }),
      budgetLeft: maybe(fc.integer({ min: 0, max: 300 })),
    });
    const anyRules = fc
      .array(fc.tuple(anyRule, fc.option(anyUsage, { nil: undefined })), { maxLength: 8 })
      .map((pairs) => {
        const rules = pairs.map(([r], index): CampaignRule =>
          campaign(`c${index}`, {
            status: r.status,
            trigger: r.trigger,
            activityKind: r.trigger === CampaignTrigger.ACTIVITY ? ActivityKind.SIGN_UP : null,
            reward: r.reward,
            schedule: r.weekend ? WEEKEND : ALWAYS,
            exclusive: r.exclusive,
            priority: r.priority,
            audience: {
              channels: r.channels,
              firstPurchase: r.firstPurchase,
              firstPurchaseInChannel: r.firstPurchaseInChannel,
              minSpend: r.minSpend,
              minSpendCurrency: r.minSpend === null ? null : 'EUR',
              skus: r.skus,
              categories: r.categories,
            },
            limits: { perCustomerPoints: r.perCustomerPoints, perCustomerGrants: r.perCustomerGrants },
          }),
        );
        const used = new Map<string, RuleUsage>();
        pairs.forEach(([, u], index) => {
          if (u) used.set(`c${index}`, u);
        });
        return { rules, used };
      });
    const anyOrder = fc.record({
      customerId: fc.constant('c'),
      channel: fc.constantFrom(...channels),
      currency: fc.constantFrom('EUR', 'EUR', 'USD'),
      lines: fc.array(
        fc.record({
          sku: fc.constantFrom('A', 'B', 'C'),
          category: fc.constantFrom('shoes', 'hats', null),
          quantity: fc.integer({ min: 1, max: 10 }),
          unitPrice: fc.integer({ min: 0, max: 100_000 }),
        }),
        { minLength: 1, maxLength: 5 },
      ),
    });
    const anyFacts = fc.record({
      tier: fc.constant(null),
      purchasesBefore: fc.integer({ min: 0, max: 3 }),
      channelsBefore: fc.subarray(channels),
      segments: fc.constant([]),
      enrolledAt: fc.constant(null),
    });
    const transitions = ['2026-03-29T01:00Z', '2026-10-25T01:00Z', '2026-10-25T23:00Z', '2026-11-20T17:00Z'].map(
      Date.parse,
    );
    const anyInstant = fc.oneof(
      fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }),
      fc.tuple(fc.constantFrom(...transitions), fc.integer({ min: -DAY, max: DAY })).map(([at, by]) => at + by),
    );
    const anyRate = fc.option(
      fc.record({
        currency: fc.constantFrom('EUR', 'USD'),
        points: fc.integer({ min: 1, max: 5 }),
        perAmount: fc.integer({ min: 1, max: 1000 }),
      }),
      { nil: undefined },
    );
    const anyQuote = fc.record({
      campaigns: anyRules,
      order: anyOrder,
      facts: anyFacts,
      at: anyInstant,
      rate: anyRate,
    });

    it('adds up, keeps every campaign line within its limits, and stacks one exclusive or none (property)', () => {
      fc.assert(
        fc.property(anyQuote, ({ campaigns: { rules, used }, order, facts, at, rate }) => {
          const quote = quoteOrder(order, rate, situation(rules, { facts, at: new Date(at), usage: used }));
          expect(quote.lines.reduce((sum, line) => sum + line.points, 0)).toBe(quote.totalPoints);
          const lines = campaignLines(quote);
          const granting = lines.map((line) => rules.find((rule) => rule.id === line.campaignId)!);
          expect(new Set(lines.map((line) => line.campaignId)).size).toBe(lines.length);
          for (const [index, line] of lines.entries()) {
            const rule = granting[index]!;
            const u = used.get(rule.id);
            expect(Number.isSafeInteger(line.points)).toBe(true);
            expect(line.points).toBeGreaterThan(0);
            expect(line.kind).toBe(QuoteLineKind.BONUS);
            expect(line.ruleId).toBe(`campaign:${rule.id}`);
            expect(rule.status).toBe(CampaignStatus.SCHEDULED);
            expect(rule.trigger).toBe(CampaignTrigger.PURCHASE);
            if (u?.budgetLeft != null) expect(line.points).toBeLessThanOrEqual(u.budgetLeft);
            if (rule.limits.perCustomerPoints !== null)
              expect(line.points).toBeLessThanOrEqual(rule.limits.perCustomerPoints - (u?.periodPoints ?? 0));
            if (rule.limits.perCustomerGrants !== null)
              expect(u?.periodGrants ?? 0).toBeLessThan(rule.limits.perCustomerGrants);
            if (rule.audience.firstPurchase) expect(facts.purchasesBefore).toBe(0);
            if (rule.audience.firstPurchase || rule.audience.firstPurchaseInChannel) expect(u?.grantsEver ?? 0).toBe(0);
            if (rule.audience.firstPurchaseInChannel) expect(facts.channelsBefore).not.toContain(order.channel);
            if (rule.audience.channels.length > 0) expect(rule.audience.channels).toContain(order.channel);
            if (rule.audience.minSpend !== null) expect(order.currency).toBe('EUR');
          }
          const exclusives = granting.filter((rule) => rule.exclusive);
          expect(exclusives.length === 0 || granting.length === 1).toBe(true);
        }),
      );
    });

    it('gives the same quote whatever order the campaigns come in (property)', () => {
      fc.assert(
        fc.property(
          anyQuote.chain((input) =>
            fc.tuple(
              fc.constant(input),
              fc.shuffledSubarray(input.campaigns.rules, {
                minLength: input.campaigns.rules.length,
                maxLength: input.campaigns.rules.length,
              }),
            ),
          ),
          ([
            {
              campaigns: { rules, used },
              order,
              facts,
              at,
              rate,
            },
            shuffled,
          ]) => {
            const quote = (these: readonly CampaignRule[]) =>
              quoteOrder(order, rate, situation(these, { facts, at: new Date(at), usage: used }));
            expect(quote(shuffled)).toEqual(quote(rules));
          },
        ),
      );
    });

    it('never lowers the base and tier points, and grants nothing from campaigns that are not running (property)', () => {
      fc.assert(
        fc.property(anyQuote, ({ campaigns: { rules, used }, order, facts, at, rate }) => {
          const plain = quoteOrder(order, rate);
          const withCampaigns = quoteOrder(order, rate, situation(rules, { facts, at: new Date(at), usage: used }));
          expect(withCampaigns.lines.slice(0, plain.lines.length)).toEqual(plain.lines);
          const stopped = rules.map((rule) => ({ ...rule, status: CampaignStatus.PAUSED }));
          expect(quoteOrder(order, rate, situation(stopped, { facts, at: new Date(at), usage: used }))).toEqual(plain);
        }),
      );
    });

    it('grants an activity only from running ACTIVITY campaigns of its kind, within their limits (property)', () => {
      fc.assert(
        fc.property(anyRules, anyInstant, fc.constantFrom(...channels), ({ rules, used }, at, channel) => {
          const activityRules = rules.map((rule) =>
            rule.trigger === CampaignTrigger.ACTIVITY
              ? {
                  ...rule,
                  reward: bonus(rule.reward.points ?? 7),
                  audience: { ...rule.audience, firstPurchase: false, firstPurchaseInChannel: false },
                }
              : rule,
          );
          const quote = quoteActivity(
            { kind: ActivityKind.SIGN_UP, channel },
            situation(activityRules, { at: new Date(at), usage: used }),
          );
          expect(quote.lines.reduce((sum, line) => sum + line.points, 0)).toBe(quote.totalPoints);
          for (const line of quote.lines) {
            const rule = activityRules.find((r) => r.id === line.campaignId)!;
            const u = used.get(rule.id);
            expect(rule.trigger).toBe(CampaignTrigger.ACTIVITY);
            expect(rule.status).toBe(CampaignStatus.SCHEDULED);
            expect(line.points).toBeGreaterThan(0);
            expect(line.points).toBeLessThanOrEqual(rule.reward.points!);
            if (u?.budgetLeft != null) expect(line.points).toBeLessThanOrEqual(u.budgetLeft);
          }
          expect(
            quoteActivity(
              { kind: ActivityKind.REFERRAL, channel },
              situation(activityRules, { at: new Date(at), usage: used }),
            ),
          ).toEqual({
            totalPoints: 0,
            campaignNotes: [],
            lines: [],
          });
        }),
      );
    });
  });
});
