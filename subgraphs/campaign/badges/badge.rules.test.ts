import fc from 'fast-check';
import {
  badgeDefinitionProblem,
  BadgeCounting,
  BadgeEvent,
  BadgePeriod,
  completingPurchase,
  countingLife,
  progressAt,
  qualifies,
  type BadgeDefinition,
  type BadgeLife,
  type BadgePurchase,
  type BadgeRule,
} from './badge.rules';
import { BadgeStreakUnit } from './badgeStreak.rules';
import { AttributeOperator } from '../segments/segment.rules';

const PARIS = 'Europe/Paris';
const DAY = 86_400_000;

const rule = (changes: Partial<BadgeRule> = {}): BadgeRule => ({
  event: BadgeEvent.PURCHASE,
  count: 1,
  counting: BadgeCounting.PURCHASES,
  channels: [],
  storeId: null,
  minAmount: null,
  minAmountCurrency: null,
  period: BadgePeriod.EVER,
  withinDays: null,
  ...changes,
});

const definition = (changes: Partial<BadgeRule> = {}, rest: Partial<BadgeDefinition> = {}): BadgeDefinition => ({
  key: 'omnichannel-shopper',
  name: 'Omnichannel shopper',
  description: null,
  pointsOnCompletion: 50,
  rule: rule(changes),
  startsAt: null,
  endsAt: null,
  ...rest,
});

const visits = { eventType: 'store.visited', conditions: [], oncePer: null };
const life: BadgeLife = { countsFrom: new Date('2026-03-01T00:00:00Z'), retiredAt: null };

let sequence = 0;
const purchase = (iso: string, changes: Partial<BadgePurchase> = {}): BadgePurchase => ({
  purchaseId: `00000000-0000-4000-8000-${String(++sequence).padStart(12, '0')}`,
  channel: 'IN_STORE',
  storeId: 'berlin-1',
  currency: 'EUR',
  totalAmount: 2500,
  occurredAt: new Date(iso),
  ...changes,
});

describe('badge rules', () => {
  describe('badgeDefinitionProblem', () => {
    it('accepts the examples of the issue', () => {
      expect(badgeDefinitionProblem(definition({ count: 3, counting: BadgeCounting.CHANNELS }))).toBeNull();
      expect(
        badgeDefinitionProblem(definition({ count: 5, channels: ['IN_STORE'], period: BadgePeriod.MONTH })),
      ).toBeNull();
    });

    it.each<[string, BadgeDefinition, string]>([
      ['a key that is not kebab-case', definition({}, { key: 'Omni Channel' }), 'input.key'],
      ['an empty name', definition({}, { name: '  ' }), 'input.name'],
      ['negative points', definition({}, { pointsOnCompletion: -1 }), 'input.pointsOnCompletion'],
      ['a count of 0', definition({ count: 0 }), 'input.rule.count'],
      ['a count above 1000', definition({ count: 1001 }), 'input.rule.count'],
      ['a channel that is not a code', definition({ channels: ['in store'] }), 'input.rule.channels'],
      ['a channel named twice', definition({ channels: ['ONLINE', 'ONLINE'] }), 'input.rule.channels'],
      [
        'more distinct channels than allowed',
        definition({ count: 3, counting: BadgeCounting.CHANNELS, channels: ['IN_STORE', 'ONLINE'] }),
        'input.rule.count',
      ],
      [
        'distinct stores within one store',
        definition({ count: 2, counting: BadgeCounting.STORES, storeId: 'berlin-1' }),
        'input.rule.count',
      ],
      ['a minimum amount of 0', definition({ minAmount: 0, minAmountCurrency: 'EUR' }), 'input.rule.minAmount'],
      ['an unknown currency', definition({ minAmount: 100, minAmountCurrency: 'XYZ' }), 'input.rule.minAmountCurrency'],
      ['a currency without an amount', definition({ minAmountCurrency: 'EUR' }), 'input.rule.minAmountCurrency'],
      [
        'a calendar period and a rolling window',
        definition({ period: BadgePeriod.MONTH, withinDays: 30 }),
        'input.rule.withinDays',
      ],
      ['a rolling window of 0 days', definition({ withinDays: 0 }), 'input.rule.withinDays'],
      [
        'a streak within a period',
        definition({ streak: BadgeStreakUnit.WEEK, period: BadgePeriod.MONTH }),
        'input.rule.period',
      ],
      [
        'a streak within a rolling window',
        definition({ streak: BadgeStreakUnit.DAY, withinDays: 7 }),
        'input.rule.withinDays',
      ],
      [
        'a streak of distinct channels',
        definition({ streak: BadgeStreakUnit.WEEK, counting: BadgeCounting.CHANNELS }),
        'input.rule.counting',
      ],
      [
        'a custom event badge without a trigger',
        definition({ event: BadgeEvent.CUSTOM_EVENT }),
        'input.rule.eventTrigger',
      ],
      ['a purchase badge with a trigger', definition({ eventTrigger: visits }), 'input.rule.eventTrigger'],
      [
        'custom events counted by store',
        definition({ event: BadgeEvent.CUSTOM_EVENT, eventTrigger: visits, counting: BadgeCounting.STORES }),
        'input.rule.counting',
      ],
      [
        'custom events with a minimum amount',
        definition({ event: BadgeEvent.CUSTOM_EVENT, eventTrigger: visits, minAmount: 100, minAmountCurrency: 'EUR' }),
        'input.rule.minAmount',
      ],
      [
        'a trigger with oncePer',
        definition({ event: BadgeEvent.CUSTOM_EVENT, eventTrigger: { ...visits, oncePer: ['storeId'] } }),
        'input.rule.eventTrigger.oncePer',
      ],
      [
        'a property condition that cannot be evaluated',
        definition({
          event: BadgeEvent.CUSTOM_EVENT,
          eventTrigger: {
            ...visits,
            conditions: [{ path: ['rating'], operator: AttributeOperator.GTE, value: null, values: null }],
          },
        }),
        'input.rule.eventTrigger.conditions[0].value',
      ],
      [
        'a challenge that ends before it starts',
        definition({}, { startsAt: new Date('2026-03-10T00:00:00Z'), endsAt: new Date('2026-03-09T00:00:00Z') }),
        'input.endsAt',
      ],
    ])('refuses %s, naming the argument', (_, badge, argument) => {
      expect(badgeDefinitionProblem(badge)?.argument).toBe(argument);
    });
  });

  describe('qualifies', () => {
    it('keeps only purchases of the channels, store and minimum amount named', () => {
      const online = purchase('2026-03-02T10:00:00Z', { channel: 'ONLINE', storeId: null });
      const inStore = purchase('2026-03-02T10:00:00Z');
      expect(qualifies(rule({ channels: ['ONLINE'] }), online)).toBe(true);
      expect(qualifies(rule({ channels: ['ONLINE'] }), inStore)).toBe(false);
      expect(qualifies(rule({ storeId: 'berlin-1' }), inStore)).toBe(true);
      expect(qualifies(rule({ storeId: 'hamburg-2' }), inStore)).toBe(false);
      expect(qualifies(rule({ minAmount: 2500, minAmountCurrency: 'EUR' }), inStore)).toBe(true);
      expect(qualifies(rule({ minAmount: 2501, minAmountCurrency: 'EUR' }), inStore)).toBe(false);
      // An order in another currency is not compared.
      expect(qualifies(rule({ minAmount: 100, minAmountCurrency: 'USD' }), inStore)).toBe(false);
    });
  });

  describe('completingPurchase', () => {
    const twoChannels = rule({ count: 2, counting: BadgeCounting.CHANNELS });

    it('completes "a purchase in two channels" at the first purchase in a second channel', () => {
      const first = purchase('2026-03-02T10:00:00Z');
      const again = purchase('2026-03-03T10:00:00Z');
      const online = purchase('2026-03-04T10:00:00Z', { channel: 'ONLINE', storeId: null });
      const later = purchase('2026-03-05T10:00:00Z', { channel: 'MOBILE_APP', storeId: null });
      expect(completingPurchase(twoChannels, life, [first, again], PARIS)).toBeNull();
      expect(completingPurchase(twoChannels, life, [later, online, again, first], PARIS)).toBe(online);
    });

    it('counts nothing bought before the badge was defined or after it was retired', () => {
      const before = purchase('2026-02-28T23:59:59Z', { channel: 'ONLINE', storeId: null });
      const after = purchase('2026-03-02T10:00:00Z');
      expect(completingPurchase(twoChannels, life, [before, after], PARIS)).toBeNull();
      const retired = { ...life, retiredAt: new Date('2026-03-03T00:00:00Z') };
      const tooLate = purchase('2026-03-04T10:00:00Z', { channel: 'ONLINE', storeId: null });
      expect(completingPurchase(twoChannels, retired, [after, tooLate], PARIS)).toBeNull();
    });

    it('needs "five store visits in a month" within one calendar month of the program time zone', () => {
      const fiveVisits = rule({ count: 5, channels: ['IN_STORE'], period: BadgePeriod.MONTH });
      // 31 March 23:30 UTC is 1 April 01:30 in Paris: the fifth visit falls in April there.
      const march = ['2026-03-10', '2026-03-12', '2026-03-20', '2026-03-25'].map((day) => purchase(`${day}T10:00:00Z`));
      const aprilInParis = purchase('2026-03-31T23:30:00Z');
      expect(completingPurchase(fiveVisits, life, [...march, aprilInParis], PARIS)).toBeNull();
      expect(completingPurchase(fiveVisits, life, [...march, aprilInParis], 'UTC')).toBe(aprilInParis);
      const online = purchase('2026-03-28T10:00:00Z', { channel: 'ONLINE', storeId: null });
      expect(completingPurchase(fiveVisits, life, [...march, online], PARIS)).toBeNull();
      const fifth = purchase('2026-03-30T10:00:00Z');
      expect(completingPurchase(fiveVisits, life, [...march, online, fifth], PARIS)).toBe(fifth);
    });

    it('counts a rolling window of withinDays up to each purchase', () => {
      const threeIn7Days = rule({ count: 3, withinDays: 7 });
      const a = purchase('2026-03-02T10:00:00Z');
      const b = purchase('2026-03-05T10:00:00Z');
      const c = purchase('2026-03-09T10:00:00Z'); // 7 days after a: a is out of the window
      const d = purchase('2026-03-09T11:00:00Z');
      expect(completingPurchase(threeIn7Days, life, [a, b, c], PARIS)).toBeNull();
      expect(completingPurchase(threeIn7Days, life, [a, b, c, d], PARIS)).toBe(d);
    });

    it('counts distinct stores, ignoring purchases without one', () => {
      const threeStores = rule({ count: 3, counting: BadgeCounting.STORES });
      const stores = ['berlin-1', 'berlin-1', 'hamburg-2'].map((storeId, i) =>
        purchase(`2026-03-0${i + 2}T10:00:00Z`, { storeId }),
      );
      const online = purchase('2026-03-06T10:00:00Z', { channel: 'ONLINE', storeId: null });
      const third = purchase('2026-03-07T10:00:00Z', { storeId: 'munich-3' });
      expect(completingPurchase(threeStores, life, [...stores, online], PARIS)).toBeNull();
      expect(completingPurchase(threeStores, life, [...stores, online, third], PARIS)).toBe(third);
    });

    it('completes at the purchase where progress first reaches the target, whatever the order given', () => {
      const day = (n: number) => new Date(life.countsFrom.getTime() + n * DAY);
      const arbitraryPurchases = fc.array(
        fc.record({
          day: fc.integer({ min: -5, max: 60 }),
          channel: fc.constantFrom('IN_STORE', 'ONLINE', 'MOBILE_APP'),
        }),
        { maxLength: 12 },
      );
      const arbitraryRule = fc.record({
        count: fc.integer({ min: 1, max: 4 }),
        counting: fc.constantFrom(BadgeCounting.PURCHASES, BadgeCounting.CHANNELS),
        period: fc.constantFrom(BadgePeriod.EVER, BadgePeriod.WEEK, BadgePeriod.MONTH),
      });
      fc.assert(
        fc.property(arbitraryPurchases, arbitraryRule, (drawn, changes) => {
          const badge = rule(changes);
          const purchases = drawn.map((p) => purchase(day(p.day).toISOString(), { channel: p.channel }));
          const completing = completingPurchase(badge, life, [...purchases].reverse(), PARIS);
          const reached = (at: Date) => progressAt(badge, life, purchases, at, PARIS).current >= badge.count;
          if (completing === null) {
            // Never reached at any purchase.
            return purchases.every((p) => !reached(p.occurredAt));
          }
          // Reached at the completing purchase, and at no purchase strictly before it.
          return (
            reached(completing.occurredAt) &&
            purchases.filter((p) => p.occurredAt < completing.occurredAt).every((p) => !reached(p.occurredAt))
          );
        }),
      );
    });
  });

  describe('progressAt', () => {
    it('shows the count so far and the channels seen, capped at the target', () => {
      const twoChannels = rule({ count: 2, counting: BadgeCounting.CHANNELS });
      const now = new Date('2026-03-10T00:00:00Z');
      const inStore = [purchase('2026-03-02T10:00:00Z'), purchase('2026-03-03T10:00:00Z')];
      expect(progressAt(twoChannels, life, inStore, now, PARIS)).toEqual({
        current: 1,
        target: 2,
        channels: ['IN_STORE'],
        streak: null,
      });
      const all = [...inStore, purchase('2026-03-04T10:00:00Z', { channel: 'ONLINE' })];
      all.push(purchase('2026-03-05T10:00:00Z', { channel: 'MOBILE_APP' }));
      expect(progressAt(twoChannels, life, all, now, PARIS)).toEqual({
        current: 2,
        target: 2,
        channels: ['IN_STORE', 'ONLINE', 'MOBILE_APP'],
        streak: null,
      });
    });

    it('starts again with each calendar week, and ignores purchases after the instant asked', () => {
      const weekly = rule({ count: 3, period: BadgePeriod.WEEK });
      // Monday 2 March 2026 00:30 in Paris is Sunday 23:30 UTC.
      const lastWeek = purchase('2026-03-01T22:30:00Z');
      const thisWeek = purchase('2026-03-01T23:30:00Z');
      const tomorrow = purchase('2026-03-03T10:00:00Z');
      const at = new Date('2026-03-02T12:00:00Z');
      expect(progressAt(weekly, life, [lastWeek, thisWeek, tomorrow], at, PARIS).current).toBe(1);
    });
  });

  describe('streaks', () => {
    const threeWeeks = rule({ count: 3, streak: BadgeStreakUnit.WEEK });
    // Wednesdays at noon in Paris, weeks from Monday 2 March 2026.
    const wednesday = (week: number) => purchase(new Date(Date.UTC(2026, 2, 4 + 7 * week, 11)).toISOString());

    it('completes at the purchase that makes three consecutive weeks, a late one filling the gap included', () => {
      const [w0, w1, w2] = [wednesday(0), wednesday(1), wednesday(2)];
      expect(completingPurchase(threeWeeks, life, [w0, w2], PARIS)).toBeNull();
      // w1 arrives after w2 (late): sorted into its week, the run w0..w2 completes at w2.
      expect(completingPurchase(threeWeeks, life, [w0, w2, w1], PARIS)).toBe(w2);
      // Two in one week are one week.
      const again = purchase(new Date(Date.UTC(2026, 2, 5, 11)).toISOString());
      expect(completingPurchase(threeWeeks, life, [w0, again, w2], PARIS)).toBeNull();
    });

    it('counts weeks in the program time zone: Sunday 23:30 UTC is Monday in Paris', () => {
      const sundayNightUtc = purchase('2026-03-15T23:30:00Z');
      const [w0, w1] = [wednesday(0), wednesday(1)];
      expect(completingPurchase(threeWeeks, life, [w0, w1, sundayNightUtc], PARIS)).toBe(sundayNightUtc);
      expect(completingPurchase(threeWeeks, life, [w0, w1, sundayNightUtc], 'UTC')).toBeNull();
    });

    it('shows the current and best streak, when the unit ends and when the streak breaks', () => {
      const purchases = [wednesday(0), wednesday(2), wednesday(3)];
      // Thursday of week 3: the streak is weeks 2 and 3; it breaks at the end of week 4 (Monday 30 March, CEST).
      const progress = progressAt(threeWeeks, life, purchases, new Date('2026-03-26T10:00:00Z'), PARIS);
      expect(progress.current).toBe(2);
      expect(progress.streak).toEqual({
        current: 2,
        best: 2,
        unitEndsAt: new Date('2026-03-29T22:00:00Z'),
        breaksAt: new Date('2026-04-05T22:00:00Z'),
      });
      // In week 4 with nothing yet, the streak is alive until the week ends.
      const week4 = progressAt(threeWeeks, life, purchases, new Date('2026-04-01T10:00:00Z'), PARIS);
      expect(week4.streak).toMatchObject({ current: 2, breaksAt: new Date('2026-04-05T22:00:00Z') });
      // In week 5 with nothing in week 4, it is broken; the best stays.
      const week5 = progressAt(threeWeeks, life, purchases, new Date('2026-04-08T10:00:00Z'), PARIS);
      expect(week5.streak).toMatchObject({ current: 0, best: 2, breaksAt: null });
      expect(week5.current).toBe(0);
    });

    it('counts days and months too', () => {
      const days = rule({ count: 3, streak: BadgeStreakUnit.DAY });
      const at = (iso: string) => purchase(iso);
      // 23:30 UTC on 2 March is 3 March in Paris.
      const run = [at('2026-03-01T10:00:00Z'), at('2026-03-02T10:00:00Z'), at('2026-03-02T23:30:00Z')];
      expect(completingPurchase(days, life, run, PARIS)).toBe(run[2]);
      expect(completingPurchase(days, life, run, 'UTC')).toBeNull();
      const months = rule({ count: 2, streak: BadgeStreakUnit.MONTH });
      const monthly = [at('2026-03-31T10:00:00Z'), at('2026-04-01T10:00:00Z')];
      expect(completingPurchase(months, life, monthly, PARIS)).toBe(monthly[1]);
    });

    it('is found whatever the order the purchases are given in, and equals the longest run at completion', () => {
      const arbitraryWeeks = fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 12 });
      fc.assert(
        fc.property(arbitraryWeeks, fc.integer({ min: 1, max: 4 }), (weeks, count) => {
          const badge = rule({ count, streak: BadgeStreakUnit.WEEK });
          const purchases = weeks.map(wednesday);
          const completing = completingPurchase(badge, life, purchases, PARIS);
          expect(completingPurchase(badge, life, [...purchases].reverse(), PARIS)?.occurredAt).toEqual(
            completing?.occurredAt,
          );
          const best = progressAt(badge, life, purchases, wednesday(11).occurredAt, PARIS).streak!.best;
          expect(completing !== null).toBe(best >= count);
        }),
      );
    });
  });

  describe('challenges', () => {
    it('count only what happens in their window, and cannot complete after it ends', () => {
      const twoVisits = rule({ count: 2 });
      const window = countingLife({
        ...life,
        startsAt: new Date('2026-03-05T00:00:00Z'),
        endsAt: new Date('2026-03-10T00:00:00Z'),
      });
      const before = purchase('2026-03-04T23:59:59Z');
      const inside = purchase('2026-03-06T10:00:00Z');
      const after = purchase('2026-03-10T00:00:00Z');
      expect(completingPurchase(twoVisits, window, [before, inside, after], PARIS)).toBeNull();
      expect(
        progressAt(twoVisits, window, [before, inside, after], new Date('2026-03-20T00:00:00Z'), PARIS).current,
      ).toBe(1);
      const late = purchase('2026-03-09T23:59:59Z');
      expect(completingPurchase(twoVisits, window, [before, inside, after, late], PARIS)).toBe(late);
    });

    it('narrow the life of the badge, never widen it', () => {
      const retired = { countsFrom: life.countsFrom, retiredAt: new Date('2026-03-08T00:00:00Z') };
      expect(
        countingLife({
          ...retired,
          startsAt: new Date('2026-02-01T00:00:00Z'),
          endsAt: new Date('2026-03-20T00:00:00Z'),
        }),
      ).toEqual(retired);
    });
  });
});
