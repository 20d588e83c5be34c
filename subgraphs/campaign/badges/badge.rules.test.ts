import fc from 'fast-check';
import {
  badgeDefinitionProblem,
  BadgeCounting,
  BadgeEvent,
  BadgePeriod,
  completingPurchase,
  progressAt,
  qualifies,
  type BadgeDefinition,
  type BadgeLife,
  type BadgePurchase,
  type BadgeRule,
} from './badge.rules';

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
  ...rest,
});

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
      });
      const all = [...inStore, purchase('2026-03-04T10:00:00Z', { channel: 'ONLINE' })];
      all.push(purchase('2026-03-05T10:00:00Z', { channel: 'MOBILE_APP' }));
      expect(progressAt(twoChannels, life, all, now, PARIS)).toEqual({
        current: 2,
        target: 2,
        channels: ['IN_STORE', 'ONLINE', 'MOBILE_APP'],
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
});
