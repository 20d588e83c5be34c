import fc from 'fast-check';
import { Weekday, zonedInstant } from '../schedules/schedule.rules';
import {
  ActivityKind,
  campaignProblem,
  campaignRuleId,
  CampaignStatus,
  CampaignTrigger,
  CapPeriod,
  channelQualifies,
  isRunning,
  lineQualifies,
  memberQualifies,
  noRestriction,
  RewardKind,
  type Audience,
  type CampaignDefinition,
  type CampaignRule,
  type CustomerFacts,
} from './campaign.rules';

const PARIS = 'Europe/Paris';
const DAY = 86_400_000;

/** The instant of a wall-clock time, `'2026-10-25 23:30'`. */
const local = (text: string, timeZone = PARIS): Date => {
  const [year, month, day, hour, minute] = text.split(/[- :]/).map(Number) as [number, number, number, number, number];
  return zonedInstant({ year, month, day, hour, minute }, timeZone);
};
const plus = (date: Date, ms: number): Date => new Date(date.getTime() + ms);

const doublePoints: CampaignDefinition = {
  name: 'Double points weekend',
  description: null,
  trigger: CampaignTrigger.PURCHASE,
  activityKind: null,
  reward: { kind: RewardKind.MULTIPLIER, multiplierPercent: 200, points: null, perAmount: null, currency: null },
  audience: noRestriction,
  schedule: {
    startsAt: null,
    endsAt: null,
    weekly: [{ startDay: Weekday.FRIDAY, startTime: '18:00', endDay: Weekday.SUNDAY, endTime: '23:59' }],
  },
  limits: { perCustomerPoints: null, perCustomerGrants: null, capPeriod: CapPeriod.CAMPAIGN, budgetPoints: null },
  exclusive: false,
  priority: 0,
  holdoutPercent: 0,
};

const signUpBonus: CampaignDefinition = {
  ...doublePoints,
  name: 'Welcome',
  trigger: CampaignTrigger.ACTIVITY,
  activityKind: ActivityKind.SIGN_UP,
  reward: { kind: RewardKind.FIXED_BONUS, multiplierPercent: null, points: 100, perAmount: null, currency: null },
  schedule: { startsAt: null, endsAt: null, weekly: [] },
};

const audience = (conditions: Partial<Audience>): Audience => ({ ...noRestriction, ...conditions });
const define = (changes: Partial<CampaignDefinition>): CampaignDefinition => ({ ...doublePoints, ...changes });
const rule = (status: CampaignStatus, changes: Partial<CampaignDefinition> = {}): CampaignRule => ({
  ...define(changes),
  id: 'c1',
  status,
});

const facts = (changes: Partial<CustomerFacts> = {}): CustomerFacts => ({
  tier: null,
  purchasesBefore: 0,
  channelsBefore: [],
  segments: [],
  enrolledAt: null,
  ...changes,
});

describe('campaign rules', () => {
  describe('campaignRuleId', () => {
    it('names the rule after the campaign', () => {
      expect(campaignRuleId('abc')).toBe('campaign:abc');
    });
  });

  describe('campaignProblem', () => {
    it.each([-1, 51, 12.5])('refuses a holdout of %p percent', (holdoutPercent) => {
      expect(campaignProblem({ ...doublePoints, holdoutPercent })).toBe(
        'holdoutPercent must be a whole number from 0 to 50',
      );
    });

    it('accepts a double-points weekend, a fixed bonus, a rate and an activity bonus', () => {
      expect(campaignProblem(doublePoints)).toBeNull();
      expect(
        campaignProblem(
          define({
            reward: {
              kind: RewardKind.FIXED_BONUS,
              multiplierPercent: null,
              points: 1,
              perAmount: null,
              currency: null,
            },
          }),
        ),
      ).toBeNull();
      expect(
        campaignProblem(
          define({
            reward: { kind: RewardKind.RATE, multiplierPercent: null, points: 5, perAmount: 100, currency: 'EUR' },
            audience: audience({ skus: ['SKU-1'], minSpend: 5000, minSpendCurrency: 'EUR' }),
            limits: { perCustomerPoints: 1, perCustomerGrants: 1, capPeriod: CapPeriod.DAY, budgetPoints: 1 },
          }),
        ),
      ).toBeNull();
      expect(campaignProblem(signUpBonus)).toBeNull();
    });

    it.each<[string, Partial<CampaignDefinition>, string]>([
      ['an empty name', { name: '' }, 'name must not be empty'],
      ['a blank name', { name: '   ' }, 'name must not be empty'],
      [
        'an activity campaign without a kind',
        { ...signUpBonus, activityKind: null },
        'an ACTIVITY campaign needs an activityKind',
      ],
      [
        'an activity campaign with a multiplier',
        { ...signUpBonus, reward: doublePoints.reward },
        'an ACTIVITY campaign grants a FIXED_BONUS',
      ],
      [
        'an activity campaign for first purchases',
        { ...signUpBonus, audience: audience({ firstPurchase: true }) },
        'purchase conditions (first purchase, minimum spend) do not apply to an ACTIVITY campaign',
      ],
      [
        'an activity campaign for first purchases in a channel',
        { ...signUpBonus, audience: audience({ firstPurchaseInChannel: true }) },
        'purchase conditions (first purchase, minimum spend) do not apply to an ACTIVITY campaign',
      ],
      [
        'an activity campaign with a minimum spend',
        { ...signUpBonus, audience: audience({ minSpend: 100, minSpendCurrency: 'EUR' }) },
        'purchase conditions (first purchase, minimum spend) do not apply to an ACTIVITY campaign',
      ],
      [
        'an activity campaign for some SKUs',
        { ...signUpBonus, audience: audience({ skus: ['A'] }) },
        'SKU and category conditions do not apply to an ACTIVITY campaign',
      ],
      [
        'an activity campaign for some categories',
        { ...signUpBonus, audience: audience({ categories: ['shoes'] }) },
        'SKU and category conditions do not apply to an ACTIVITY campaign',
      ],
      [
        'an event campaign without a trigger',
        { ...signUpBonus, activityKind: null, trigger: CampaignTrigger.EVENT },
        'an EVENT campaign needs an eventTrigger',
      ],
      [
        'an event campaign with a multiplier',
        {
          ...signUpBonus,
          activityKind: null,
          trigger: CampaignTrigger.EVENT,
          eventTrigger: { eventType: 'review.submitted', conditions: [], oncePer: null },
          reward: doublePoints.reward,
        },
        'an EVENT campaign grants a FIXED_BONUS',
      ],
      [
        'an event campaign for some SKUs',
        {
          ...signUpBonus,
          activityKind: null,
          trigger: CampaignTrigger.EVENT,
          eventTrigger: { eventType: 'review.submitted', conditions: [], oncePer: null },
          audience: audience({ skus: ['A'] }),
        },
        'SKU and category conditions do not apply to an EVENT campaign',
      ],
      [
        'a purchase campaign with an event trigger',
        { eventTrigger: { eventType: 'review.submitted', conditions: [], oncePer: null } },
        'eventTrigger is for EVENT campaigns only',
      ],
      [
        'a purchase campaign with an activity kind',
        { activityKind: ActivityKind.REFERRAL },
        'activityKind is for ACTIVITY campaigns only',
      ],
      [
        'a multiplier of 100',
        { reward: { ...doublePoints.reward, multiplierPercent: 100 } },
        'a MULTIPLIER needs multiplierPercent above 100 (200 is double points)',
      ],
      [
        'a multiplier without a percent',
        { reward: { ...doublePoints.reward, multiplierPercent: null } },
        'a MULTIPLIER needs multiplierPercent above 100 (200 is double points)',
      ],
      [
        'a fixed bonus of 0',
        {
          reward: { kind: RewardKind.FIXED_BONUS, multiplierPercent: null, points: 0, perAmount: null, currency: null },
        },
        'a FIXED_BONUS needs points of at least 1',
      ],
      [
        'a fixed bonus without points',
        {
          reward: {
            kind: RewardKind.FIXED_BONUS,
            multiplierPercent: null,
            points: null,
            perAmount: null,
            currency: null,
          },
        },
        'a FIXED_BONUS needs points of at least 1',
      ],
      [
        'a rate per 0',
        { reward: { kind: RewardKind.RATE, multiplierPercent: null, points: 1, perAmount: 0, currency: 'EUR' } },
        'a RATE needs points and perAmount of at least 1',
      ],
      [
        'a rate of 0 points',
        { reward: { kind: RewardKind.RATE, multiplierPercent: null, points: 0, perAmount: 100, currency: 'EUR' } },
        'a RATE needs points and perAmount of at least 1',
      ],
      [
        'a rate without a currency',
        { reward: { kind: RewardKind.RATE, multiplierPercent: null, points: 1, perAmount: 100, currency: null } },
        'a RATE needs the currency its perAmount is counted in',
      ],
      [
        'a minimum spend without a currency',
        { audience: audience({ minSpend: 5000 }) },
        'minSpend and minSpendCurrency go together',
      ],
      [
        'a minimum spend currency without an amount',
        { audience: audience({ minSpendCurrency: 'EUR' }) },
        'minSpend and minSpendCurrency go together',
      ],
      ['a budget of 0', { limits: { ...doublePoints.limits, budgetPoints: 0 } }, 'budgetPoints must be at least 1'],
      [
        'a points cap of 0',
        { limits: { ...doublePoints.limits, perCustomerPoints: 0 } },
        'perCustomerPoints must be at least 1',
      ],
      [
        'a grants cap of 0',
        { limits: { ...doublePoints.limits, perCustomerGrants: 0 } },
        'perCustomerGrants must be at least 1',
      ],
      [
        'a schedule that ends before it starts',
        { schedule: { startsAt: new Date('2026-12-02T00:00Z'), endsAt: new Date('2026-12-01T00:00Z'), weekly: [] } },
        'The end date must be after the start date',
      ],
      [
        'a weekly window with a bad time',
        {
          schedule: {
            startsAt: null,
            endsAt: null,
            weekly: [{ startDay: Weekday.FRIDAY, startTime: '18:00', endDay: Weekday.SUNDAY, endTime: '24:00' }],
          },
        },
        'Weekly window 1: the end time "24:00" must be a time of day as HH:MM, from 00:00 to 23:59',
      ],
    ])('refuses %s', (_, changes, problem) => {
      expect(campaignProblem(define(changes))).toBe(problem);
    });
  });

  describe('isRunning', () => {
    const saturday = local('2026-11-21 12:00');
    const monday = local('2026-11-23 00:00');

    it('runs only while SCHEDULED', () => {
      expect(isRunning(rule(CampaignStatus.SCHEDULED), PARIS, saturday)).toBe(true);
      expect(isRunning(rule(CampaignStatus.DRAFT), PARIS, saturday)).toBe(false);
      expect(isRunning(rule(CampaignStatus.PAUSED), PARIS, saturday)).toBe(false);
      expect(isRunning(rule(CampaignStatus.ENDED), PARIS, saturday)).toBe(false);
    });

    it('runs Friday 18:00 to Sunday 23:59 in Paris, not on Monday', () => {
      const scheduled = rule(CampaignStatus.SCHEDULED);
      expect(isRunning(scheduled, PARIS, plus(local('2026-11-20 18:00'), -1))).toBe(false);
      expect(isRunning(scheduled, PARIS, local('2026-11-20 18:00'))).toBe(true);
      expect(isRunning(scheduled, PARIS, plus(monday, -1))).toBe(true);
      expect(isRunning(scheduled, PARIS, monday)).toBe(false);
    });

    it('runs through both weekends the Paris clocks change', () => {
      const scheduled = rule(CampaignStatus.SCHEDULED);
      // Fall back: Sunday 25 Oct 2026 is 25 hours long.
      expect(isRunning(scheduled, PARIS, new Date('2026-10-25T00:30:00Z'))).toBe(true); // 02:30 CEST
      expect(isRunning(scheduled, PARIS, new Date('2026-10-25T01:30:00Z'))).toBe(true); // 02:30 CET
      expect(isRunning(scheduled, PARIS, local('2026-10-25 23:30'))).toBe(true);
      expect(local('2026-10-25 23:30').toISOString()).toBe('2026-10-25T22:30:00.000Z');
      expect(isRunning(scheduled, PARIS, local('2026-10-26 00:00'))).toBe(false);
      // Spring forward: Sunday 29 Mar 2026 is 23 hours long.
      expect(isRunning(scheduled, PARIS, local('2026-03-29 03:00'))).toBe(true);
      expect(isRunning(scheduled, PARIS, local('2026-03-29 23:59'))).toBe(true);
      expect(isRunning(scheduled, PARIS, local('2026-03-30 00:00'))).toBe(false);
      expect(isRunning(scheduled, PARIS, new Date('2026-03-29T22:00:00Z'))).toBe(false); // Monday 00:00 CEST
    });

    it('reads the schedule in the given time zone', () => {
      // Friday 17:30 UTC is 18:30 in Paris (live) and 12:30 in New York (not yet).
      const at = new Date('2026-11-20T17:30:00Z');
      expect(isRunning(rule(CampaignStatus.SCHEDULED), PARIS, at)).toBe(true);
      expect(isRunning(rule(CampaignStatus.SCHEDULED), 'America/New_York', at)).toBe(false);
    });

    it('never runs unless SCHEDULED, whatever the time (property)', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(CampaignStatus.DRAFT, CampaignStatus.PAUSED, CampaignStatus.ENDED),
          fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }),
          (status, at) => {
            expect(
              isRunning(rule(status, { schedule: { startsAt: null, endsAt: null, weekly: [] } }), PARIS, new Date(at)),
            ).toBe(false);
          },
        ),
      );
    });
  });

  describe('memberQualifies', () => {
    const at = new Date('2026-11-21T12:00:00Z');

    it('lets anyone in when the audience does not restrict', () => {
      expect(memberQualifies(noRestriction, facts(), at)).toBe(true);
    });

    it('needs one of the tiers when tiers are named', () => {
      const gold = audience({ tiers: ['Gold', 'Platinum'] });
      expect(memberQualifies(gold, facts({ tier: 'Gold' }), at)).toBe(true);
      expect(memberQualifies(gold, facts({ tier: 'Platinum' }), at)).toBe(true);
      expect(memberQualifies(gold, facts({ tier: 'Silver' }), at)).toBe(false);
      expect(memberQualifies(gold, facts({ tier: null }), at)).toBe(false);
    });

    it('needs any one of the segments when segments are named', () => {
      const targeted = audience({ segments: ['omnichannel', 'champions'] });
      expect(memberQualifies(targeted, facts({ segments: ['champions'] }), at)).toBe(true);
      expect(memberQualifies(targeted, facts({ segments: ['loyal', 'omnichannel'] }), at)).toBe(true);
      expect(memberQualifies(targeted, facts({ segments: ['loyal'] }), at)).toBe(false);
      expect(memberQualifies(targeted, facts({ segments: [] }), at)).toBe(false);
    });

    it('needs an enrolment at most newMemberWithinDays ago, to the millisecond', () => {
      const newMembers = audience({ newMemberWithinDays: 30 });
      expect(memberQualifies(newMembers, facts({ enrolledAt: plus(at, -30 * DAY) }), at)).toBe(true);
      expect(memberQualifies(newMembers, facts({ enrolledAt: plus(at, -30 * DAY - 1) }), at)).toBe(false);
      expect(memberQualifies(newMembers, facts({ enrolledAt: at }), at)).toBe(true);
      expect(memberQualifies(newMembers, facts({ enrolledAt: null }), at)).toBe(false);
      expect(memberQualifies(audience({ newMemberWithinDays: 0 }), facts({ enrolledAt: at }), at)).toBe(true);
    });

    it('needs every condition at once', () => {
      const all = audience({ tiers: ['Gold'], segments: ['loyal'], newMemberWithinDays: 7 });
      const member = facts({ tier: 'Gold', segments: ['loyal'], enrolledAt: plus(at, -DAY) });
      expect(memberQualifies(all, member, at)).toBe(true);
      expect(memberQualifies(all, { ...member, tier: 'Silver' }, at)).toBe(false);
      expect(memberQualifies(all, { ...member, segments: [] }, at)).toBe(false);
      expect(memberQualifies(all, { ...member, enrolledAt: plus(at, -8 * DAY) }, at)).toBe(false);
    });

    it('ignores purchase conditions, which depend on the order', () => {
      const purchase = audience({ firstPurchase: true, minSpend: 5000, minSpendCurrency: 'EUR', skus: ['A'] });
      expect(memberQualifies(purchase, facts({ purchasesBefore: 12 }), at)).toBe(true);
    });
  });

  describe('channelQualifies', () => {
    it('takes every channel when none are named, else only the named ones', () => {
      expect(channelQualifies(noRestriction, 'IN_STORE')).toBe(true);
      expect(channelQualifies(noRestriction, 'ONLINE')).toBe(true);
      const both = audience({ channels: ['IN_STORE', 'ONLINE'] });
      expect(channelQualifies(both, 'IN_STORE')).toBe(true);
      expect(channelQualifies(both, 'ONLINE')).toBe(true);
      expect(channelQualifies(both, 'MOBILE_APP')).toBe(false);
      expect(channelQualifies(audience({ channels: ['ONLINE'] }), 'IN_STORE')).toBe(false);
    });
  });

  describe('lineQualifies', () => {
    it('takes every line when no SKU or category is named', () => {
      expect(lineQualifies(noRestriction, { sku: 'A' })).toBe(true);
      expect(lineQualifies(noRestriction, { sku: 'A', category: null })).toBe(true);
    });

    it('takes a line by SKU or by category', () => {
      const shoes = audience({ skus: ['SOCKS-1'], categories: ['shoes'] });
      expect(lineQualifies(shoes, { sku: 'SOCKS-1' })).toBe(true);
      expect(lineQualifies(shoes, { sku: 'BOOT-9', category: 'shoes' })).toBe(true);
      expect(lineQualifies(shoes, { sku: 'HAT-2', category: 'hats' })).toBe(false);
      expect(lineQualifies(shoes, { sku: 'HAT-2', category: null })).toBe(false);
      expect(lineQualifies(shoes, { sku: 'HAT-2' })).toBe(false);
    });

    it('matches SKUs and categories exactly', () => {
      expect(lineQualifies(audience({ skus: ['A'] }), { sku: 'a' })).toBe(false);
      expect(lineQualifies(audience({ categories: ['shoes'] }), { sku: 'shoes', category: 'Shoes' })).toBe(false);
      expect(lineQualifies(audience({ categories: [''] }), { sku: 'X', category: '' })).toBe(false);
    });

    it('takes exactly the lines whose SKU or category is named (property)', () => {
      const names = fc.constantFrom('A', 'B', 'C', 'D');
      fc.assert(
        fc.property(
          fc.array(names, { maxLength: 3 }),
          fc.array(names, { maxLength: 3 }),
          names,
          fc.option(names, { nil: null }),
          (skus, categories, sku, category) => {
            const expected =
              (skus.length === 0 && categories.length === 0) ||
              skus.includes(sku) ||
              (category !== null && categories.includes(category));
            expect(lineQualifies(audience({ skus, categories }), { sku, category })).toBe(expected);
          },
        ),
      );
    });
  });
});
