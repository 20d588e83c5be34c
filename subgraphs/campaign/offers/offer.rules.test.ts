import fc from 'fast-check';
import {
  ActivityKind,
  CampaignStatus,
  CampaignTrigger,
  CapPeriod,
  isRunning,
  noRestriction,
  RewardKind,
  type Audience,
  type CampaignReward,
  type CampaignRule,
  type CustomerFacts,
} from '../campaigns/campaign.rules';
import type { RuleUsage } from '../quotes/quote.engine';
import { Weekday, zonedInstant, type Schedule } from '../schedules/schedule.rules';
import { rankOffers, type RankedOffer } from './offer.rules';

const PARIS = 'Europe/Paris';
const DAY = 86_400_000;

/** The instant of a wall-clock time in Paris, `'2026-11-21 12:00'`. */
const local = (text: string): Date => {
  const [year, month, day, hour, minute] = text.split(/[- :]/).map(Number) as [number, number, number, number, number];
  return zonedInstant({ year, month, day, hour, minute }, PARIS);
};
const plus = (date: Date, ms: number): Date => new Date(date.getTime() + ms);

const saturdayNoon = local('2026-11-21 12:00');
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
const rate = (points: number, perAmount: number): CampaignReward => ({
  kind: RewardKind.RATE,
  multiplierPercent: null,
  points,
  perAmount,
  currency: 'EUR',
});

interface Changes extends Omit<Partial<CampaignRule>, 'audience'> {
  audience?: Partial<Audience>;
}
const campaign = (id: string, changes: Changes = {}): CampaignRule => ({
  id,
  status: CampaignStatus.SCHEDULED,
  name: id,
  description: null,
  trigger: CampaignTrigger.PURCHASE,
  activityKind: null,
  reward: multiplier(200),
  schedule: ALWAYS,
  limits: { perCustomerPoints: null, perCustomerGrants: null, capPeriod: CapPeriod.CAMPAIGN, budgetPoints: null },
  exclusive: false,
  priority: 0,
  holdoutPercent: 0,
  ...changes,
  audience: { ...noRestriction, ...changes.audience },
});

/** A member who has bought online three times. */
const onlineShopper: CustomerFacts = {
  tier: 'Gold',
  purchasesBefore: 3,
  channelsBefore: ['ONLINE'],
  segments: ['loyal'],
  enrolledAt: new Date('2025-01-01T00:00:00Z'),
};

const usage = (entries: Record<string, Partial<RuleUsage>> = {}): Map<string, RuleUsage> =>
  new Map(
    Object.entries(entries).map(([id, used]) => [
      id,
      { periodPoints: 0, periodGrants: 0, grantsEver: 0, budgetLeft: null, ...used },
    ]),
  );

const rank = (
  rules: readonly CampaignRule[],
  used = usage(),
  facts: CustomerFacts = onlineShopper,
  at: Date = saturdayNoon,
): RankedOffer[] => rankOffers(rules, facts, used, PARIS, at);
const ids = (offers: readonly RankedOffer[]): string[] => offers.map((offer) => offer.rule.id);

describe('offer rules', () => {
  describe('rankOffers', () => {
    const doubleWeekend = campaign('double', { schedule: WEEKEND });
    const firstInStore = campaign('first-store', {
      reward: bonus(500),
      audience: { firstPurchaseInChannel: true, channels: ['IN_STORE'] },
    });

    it('ranks a first purchase in a channel the member never bought in above double points', () => {
      const offers = rank([doubleWeekend, firstInStore]);
      expect(ids(offers)).toEqual(['first-store', 'double']);
      expect(offers[0]).toEqual({
        rule: firstInStore,
        liveNow: true,
        startsAt: saturdayNoon,
        endsAt: null,
        why: 'Your first purchase in store',
        score: 500 + 3000 + 600,
        description: '500 bonus points in store, always',
      });
      expect(offers[1]).toEqual({
        rule: doubleWeekend,
        liveNow: true,
        startsAt: saturdayNoon,
        endsAt: local('2026-11-23 00:00'),
        why: 'For every member',
        // Worth 100 (the extra 100 %), live now, and ending within two days.
        score: 100 + 600 + 50,
        description: '2× points on every channel, Fridays 18:00 to Sundays 23:59 (Europe/Paris)',
      });
    });

    it('ranks the new channel first even when it only starts next week and double points are live', () => {
      const nextWeek = campaign('first-store', {
        reward: bonus(1),
        audience: { firstPurchaseInChannel: true, channels: ['IN_STORE'] },
        schedule: { ...ALWAYS, startsAt: plus(saturdayNoon, 6 * DAY) },
      });
      const triple = campaign('triple', { reward: multiplier(1000), schedule: WEEKEND });
      const offers = rank([triple, nextWeek]);
      expect(ids(offers)).toEqual(['first-store', 'triple']);
      expect(offers.map((offer) => [offer.score, offer.liveNow])).toEqual([
        [1 + 3000, false],
        [500 + 600 + 50, true],
      ]);
    });

    it('leaves out a first purchase in a channel the member already bought in', () => {
      const firstOnline = campaign('first-online', {
        audience: { firstPurchaseInChannel: true, channels: ['ONLINE'] },
      });
      expect(rank([firstOnline])).toEqual([]);
      // Among several channels it names only the new ones.
      const firstElsewhere = campaign('first-elsewhere', {
        audience: { firstPurchaseInChannel: true, channels: ['ONLINE', 'IN_STORE', 'MOBILE_APP'] },
      });
      expect(rank([firstElsewhere])[0]!.why).toBe('Your first purchase in store or in the app');
      // Without channels it is any new channel.
      const anyNew = campaign('any-new', { audience: { firstPurchaseInChannel: true } });
      expect(rank([anyNew])[0]!.why).toBe('Your first purchase in a new channel');
    });

    it('offers a first purchase only to someone who never bought, and only once', () => {
      const welcome = campaign('welcome', { reward: bonus(200), audience: { firstPurchase: true } });
      expect(rank([welcome])).toEqual([]);
      const newcomer: CustomerFacts = { ...onlineShopper, purchasesBefore: 0, channelsBefore: [] };
      const offers = rank([welcome], usage(), newcomer);
      expect(offers.map((offer) => [offer.rule.id, offer.why, offer.score])).toEqual([
        ['welcome', 'Your first purchase', 200 + 2000 + 600],
      ]);
      expect(rank([welcome], usage({ welcome: { grantsEver: 1 } }), newcomer)).toEqual([]);
      const firstInStoreGranted = usage({ 'first-store': { grantsEver: 1 } });
      expect(rank([firstInStore], firstInStoreGranted)).toEqual([]);
    });

    it('offers what starts within 7 days, not later', () => {
      const inSevenDays = campaign('soon', { schedule: { ...ALWAYS, startsAt: plus(saturdayNoon, 7 * DAY) } });
      const later = campaign('later', { schedule: { ...ALWAYS, startsAt: plus(saturdayNoon, 7 * DAY + 1) } });
      const offers = rank([inSevenDays, later]);
      expect(ids(offers)).toEqual(['soon']);
      expect(offers[0]).toMatchObject({ liveNow: false, startsAt: plus(saturdayNoon, 7 * DAY), score: 100 });
    });

    it('offers a weekly window that comes round within the week, not one that is over', () => {
      const morning = (day: Weekday): Schedule => ({
        ...ALWAYS,
        weekly: [{ startDay: day, startTime: '09:00', endDay: day, endTime: '10:59' }],
      });
      const monday = campaign('monday', { schedule: morning(Weekday.MONDAY) });
      const tuesday = campaign('tuesday', { schedule: morning(Weekday.TUESDAY) });
      const over = campaign('over', { schedule: { ...ALWAYS, endsAt: plus(saturdayNoon, -1) } });
      const offers = rank([tuesday, monday, over]);
      expect(ids(offers)).toEqual(['monday', 'tuesday']);
      expect(offers[0]).toMatchObject({
        liveNow: false,
        startsAt: local('2026-11-23 09:00'),
        endsAt: local('2026-11-23 11:00'),
        // Monday 11:00 is 47 hours away: it ends within two days.
        score: 100 + 50,
      });
      expect(offers[1]).toMatchObject({ liveNow: false, startsAt: local('2026-11-24 09:00'), score: 100 });
    });

    it('offers only SCHEDULED campaigns', () => {
      const rules = [CampaignStatus.DRAFT, CampaignStatus.PAUSED, CampaignStatus.ENDED].map((status) =>
        campaign(status, { status }),
      );
      expect(rank(rules)).toEqual([]);
    });

    it('leaves out campaigns with no budget left or a customer cap reached', () => {
      const rules = [
        campaign('broke', { limits: { ...doubleWeekend.limits, budgetPoints: 1000 } }),
        campaign('grants', { limits: { ...doubleWeekend.limits, perCustomerGrants: 2, capPeriod: CapPeriod.WEEK } }),
        campaign('points', { limits: { ...doubleWeekend.limits, perCustomerPoints: 300, capPeriod: CapPeriod.DAY } }),
        campaign('fine', { limits: { ...doubleWeekend.limits, budgetPoints: 1000, perCustomerGrants: 2 } }),
      ];
      const used = usage({
        broke: { budgetLeft: 0 },
        grants: { periodGrants: 2 },
        points: { periodPoints: 300 },
        fine: { budgetLeft: 1, periodGrants: 1, periodPoints: 5000 },
      });
      expect(ids(rank(rules, used))).toEqual(['fine']);
      // One point short of the caps still offers them.
      const almost = usage({ broke: { budgetLeft: 1 }, grants: { periodGrants: 1 }, points: { periodPoints: 299 } });
      expect(ids(rank(rules, almost))).toEqual(['broke', 'fine', 'grants', 'points']);
    });

    it('leaves out campaigns the member does not qualify for', () => {
      const rules = [
        campaign('platinum', { audience: { tiers: ['Platinum'] } }),
        campaign('champions', { audience: { segments: ['champions'] } }),
        campaign('newbies', { audience: { newMemberWithinDays: 30 } }),
      ];
      expect(rank(rules)).toEqual([]);
    });

    it('says why a targeted campaign is shown, and ranks it above one for every member', () => {
      const rules = [
        campaign('everyone', { reward: multiplier(600) }),
        campaign('gold', { audience: { tiers: ['Gold'] } }),
        campaign('loyal', { audience: { segments: ['loyal'] } }),
        campaign('newbies', { audience: { newMemberWithinDays: 30 } }),
      ];
      const newMember = { ...onlineShopper, enrolledAt: plus(saturdayNoon, -2 * DAY) };
      const offers = rank(rules, usage(), newMember);
      expect(offers.map((offer) => [offer.rule.id, offer.why, offer.score])).toEqual([
        ['gold', 'For Gold members', 100 + 1000 + 600],
        ['loyal', 'Picked for you', 1700],
        ['newbies', 'Because you joined recently', 1700],
        // Worth 500 at most, whatever the multiplier.
        ['everyone', 'For every member', 500 + 600],
      ]);
    });

    it('describes activity campaigns by what the member does', () => {
      const review = campaign('review', {
        trigger: CampaignTrigger.ACTIVITY,
        activityKind: ActivityKind.PRODUCT_REVIEW,
        reward: bonus(50),
        audience: { channels: ['MOBILE_APP'] },
      });
      expect(rank([review])).toEqual([
        expect.objectContaining({
          why: 'For something you do',
          score: 50 + 600,
          description: '50 bonus points for product review, always',
        }),
      ]);
    });

    it('ranks rewards by worth: a rate per €1, a fixed bonus, a multiplier', () => {
      const rules = [
        campaign('rate', { reward: rate(3, 100) }), // 300 per €100
        campaign('bonus', { reward: bonus(250) }),
        campaign('double', { reward: multiplier(200) }),
        campaign('huge', { reward: bonus(10_000) }),
      ];
      const offers = rank(rules);
      expect(offers.map((offer) => [offer.rule.id, offer.score])).toEqual([
        ['huge', 1100],
        ['rate', 900],
        ['bonus', 850],
        ['double', 700],
      ]);
      expect(offers[1]!.description).toBe('3 points per €1.00 on every channel, always');
    });

    it('uses a marketer’s own description when there is one', () => {
      const described = campaign('d', { description: 'Black Friday: triple points' });
      expect(rank([described])[0]!.description).toBe('Black Friday: triple points');
    });

    it('breaks ties by priority, then by id', () => {
      const rules = [
        campaign('b'),
        campaign('a'),
        campaign('low', { priority: -1 }),
        campaign('high', { priority: 5 }),
      ];
      expect(ids(rank(rules))).toEqual(['high', 'a', 'b', 'low']);
    });

    describe('properties', () => {
      const anyRule = fc
        .record({
          status: fc.constantFrom(...Object.values(CampaignStatus)),
          reward: fc.oneof(
            fc.integer({ min: 101, max: 1000 }).map(multiplier),
            fc.integer({ min: 1, max: 2000 }).map(bonus),
            fc
              .tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 1000 }))
              .map(([p, per]) => rate(p, per)),
          ),
          firstPurchaseInChannel: fc.boolean(),
          firstPurchase: fc.boolean(),
          channels: fc.subarray(['ONLINE', 'IN_STORE', 'MOBILE_APP']),
          tiers: fc.subarray(['Gold', 'Silver']),
          startInDays: fc.option(fc.integer({ min: -20, max: 20 }), { nil: null }),
          weekend: fc.boolean(),
          priority: fc.integer({ min: -2, max: 2 }),
        })
        .map((r) =>
          campaign('x', {
            status: r.status,
            reward: r.reward,
            audience: {
              firstPurchaseInChannel: r.firstPurchaseInChannel,
              firstPurchase: r.firstPurchase,
              channels: r.channels,
              tiers: r.tiers,
            },
            schedule: {
              ...(r.weekend ? WEEKEND : ALWAYS),
              startsAt: r.startInDays === null ? null : plus(saturdayNoon, r.startInDays * DAY),
            },
            priority: r.priority,
          }),
        );
      const anyRules = fc
        .array(fc.tuple(anyRule, fc.option(fc.integer({ min: 0, max: 3 }), { nil: null })), { maxLength: 12 })
        .map((pairs) => {
          const rules = pairs.map(([rule], index) => ({ ...rule, id: `c${index}` }));
          const used = new Map<string, RuleUsage>(
            pairs.map(([, budgetLeft], index) => [
              `c${index}`,
              { periodPoints: 0, periodGrants: 0, grantsEver: 0, budgetLeft },
            ]),
          );
          return { rules, used };
        });

      it('offers only running or soon-starting SCHEDULED campaigns with budget left, best first (property)', () => {
        fc.assert(
          fc.property(anyRules, ({ rules, used }) => {
            const offers = rank(rules, used);
            for (const [index, offer] of offers.entries()) {
              expect(offer.rule.status).toBe(CampaignStatus.SCHEDULED);
              expect(used.get(offer.rule.id)!.budgetLeft).not.toBe(0);
              expect(offer.startsAt.getTime() - saturdayNoon.getTime()).toBeLessThanOrEqual(7 * DAY);
              expect(offer.liveNow).toBe(isRunning(offer.rule, PARIS, saturdayNoon));
              expect(offer.rule.audience.firstPurchase).toBe(false);
              const next = offers[index + 1];
              if (next) expect(offer.score).toBeGreaterThanOrEqual(next.score);
            }
            // Every live campaign the member can use is offered.
            for (const rule of rules.filter((candidate) => isRunning(candidate, PARIS, saturdayNoon))) {
              const usable =
                used.get(rule.id)!.budgetLeft !== 0 &&
                (rule.audience.tiers.length === 0 || rule.audience.tiers.includes('Gold')) &&
                !rule.audience.firstPurchase &&
                !(
                  rule.audience.firstPurchaseInChannel &&
                  rule.audience.channels.length > 0 &&
                  rule.audience.channels.every((channel) => channel === 'ONLINE')
                );
              expect(ids(offers).includes(rule.id)).toBe(usable);
            }
          }),
        );
      });

      it('ranks the same whatever order the campaigns come in (property)', () => {
        fc.assert(
          fc.property(
            anyRules.chain(({ rules, used }) =>
              fc.tuple(
                fc.constant(used),
                fc.constant(rules),
                fc.shuffledSubarray(rules, { minLength: rules.length, maxLength: rules.length }),
              ),
            ),
            ([used, rules, shuffled]) => {
              expect(ids(rank(shuffled, used))).toEqual(ids(rank(rules, used)));
            },
          ),
        );
      });
    });
  });
});
