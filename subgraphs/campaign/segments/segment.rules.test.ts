import fc from 'fast-check';
import {
  anyone,
  builtInSegments,
  matchesSegment,
  segmentRuleProblem,
  segmentsOf,
  type CustomerStats,
  type SegmentRule,
} from './segment.rules';

const DAY = 86_400_000;
const now = new Date('2026-11-21T12:00:00Z');
const daysAgo = (days: number, ms = 0): Date => new Date(now.getTime() - days * DAY - ms);

const rule = (conditions: Partial<SegmentRule>): SegmentRule => ({ ...anyone, ...conditions });

/** Someone who never bought. */
const nobody: CustomerStats = {
  purchaseCount: 0,
  firstPurchaseAt: null,
  lastPurchaseAt: null,
  spend: 0,
  channels: [],
  tier: null,
  recency: null,
  frequency: null,
  monetary: null,
};
const stats = (changes: Partial<CustomerStats>): CustomerStats => ({
  ...nobody,
  purchaseCount: 3,
  firstPurchaseAt: daysAgo(200),
  lastPurchaseAt: daysAgo(10),
  spend: 12_000,
  channels: ['ONLINE'],
  recency: 3,
  frequency: 3,
  monetary: 3,
  ...changes,
});
const rfm = (recency: number, frequency: number, monetary: number, changes: Partial<CustomerStats> = {}) =>
  stats({ recency, frequency, monetary, ...changes });

const builtIn = (key: string): SegmentRule => builtInSegments.find((segment) => segment.key === key)!.rule;

describe('segment rules', () => {
  describe('builtInSegments', () => {
    it('has the RFM groups and the channel groups, with unique keys and sound rules', () => {
      expect(builtInSegments.map((segment) => segment.key)).toEqual([
        'champions',
        'loyal',
        'at-risk',
        'hibernating',
        'new-customers',
        'omnichannel',
        'single-channel',
      ]);
      for (const segment of builtInSegments) {
        expect(segmentRuleProblem(segment.rule)).toBeNull();
        expect(segment.name).not.toBe('');
      }
    });

    it('puts a shopper of two channels or more in omnichannel, of one channel in single-channel', () => {
      const omnichannel = builtIn('omnichannel');
      const single = builtIn('single-channel');
      expect(matchesSegment(omnichannel, stats({ channels: ['ONLINE', 'IN_STORE'] }), now)).toBe(true);
      expect(matchesSegment(omnichannel, stats({ channels: ['ONLINE', 'IN_STORE', 'MOBILE_APP'] }), now)).toBe(true);
      expect(matchesSegment(omnichannel, stats({ channels: ['ONLINE'] }), now)).toBe(false);
      expect(matchesSegment(omnichannel, nobody, now)).toBe(false);
      expect(matchesSegment(single, stats({ channels: ['IN_STORE'] }), now)).toBe(true);
      expect(matchesSegment(single, stats({ channels: ['ONLINE', 'IN_STORE'] }), now)).toBe(false);
      expect(matchesSegment(single, nobody, now)).toBe(false);
    });

    it.each<[string, [number, number, number], boolean]>([
      ['champions', [4, 4, 4], true],
      ['champions', [5, 5, 5], true],
      ['champions', [3, 5, 5], false],
      ['champions', [5, 3, 5], false],
      ['champions', [5, 5, 3], false],
      ['loyal', [1, 4, 1], true],
      ['loyal', [5, 3, 5], false],
      ['at-risk', [2, 3, 1], true],
      ['at-risk', [1, 5, 5], true],
      ['at-risk', [3, 3, 3], false],
      ['at-risk', [2, 2, 5], false],
      ['hibernating', [2, 2, 5], true],
      ['hibernating', [1, 1, 1], true],
      ['hibernating', [3, 2, 1], false],
      ['hibernating', [2, 3, 1], false],
    ])('%s takes RFM %j: %s', (key, [recency, frequency, monetary], expected) => {
      expect(matchesSegment(builtIn(key), rfm(recency, frequency, monetary), now)).toBe(expected);
    });

    it('keeps members without RFM scores out of every RFM group', () => {
      for (const key of ['champions', 'loyal', 'at-risk', 'hibernating']) {
        expect(matchesSegment(builtIn(key), nobody, now)).toBe(false);
      }
    });

    it('takes a new customer with one purchase in the last 30 days, to the millisecond', () => {
      const fresh = builtIn('new-customers');
      expect(matchesSegment(fresh, stats({ purchaseCount: 1, lastPurchaseAt: daysAgo(30) }), now)).toBe(true);
      expect(matchesSegment(fresh, stats({ purchaseCount: 1, lastPurchaseAt: daysAgo(30, 1) }), now)).toBe(false);
      expect(matchesSegment(fresh, stats({ purchaseCount: 2, lastPurchaseAt: daysAgo(1) }), now)).toBe(false);
      expect(matchesSegment(fresh, nobody, now)).toBe(false);
    });
  });

  describe('matchesSegment', () => {
    it('takes anyone, even someone who never bought, with no conditions', () => {
      expect(matchesSegment(anyone, nobody, now)).toBe(true);
      expect(matchesSegment(anyone, stats({}), now)).toBe(true);
    });

    it.each<[keyof SegmentRule, keyof SegmentRule, keyof CustomerStats]>([
      ['minPurchases', 'maxPurchases', 'purchaseCount'],
      ['minSpend', 'maxSpend', 'spend'],
      ['minRecency', 'maxRecency', 'recency'],
      ['minFrequency', 'maxFrequency', 'frequency'],
      ['minMonetary', 'maxMonetary', 'monetary'],
    ])('keeps %s and %s inclusive on %s', (min, max, field) => {
      const between = rule({ [min]: 2, [max]: 4 });
      expect(matchesSegment(between, stats({ [field]: 1 }), now)).toBe(false);
      expect(matchesSegment(between, stats({ [field]: 2 }), now)).toBe(true);
      expect(matchesSegment(between, stats({ [field]: 4 }), now)).toBe(true);
      expect(matchesSegment(between, stats({ [field]: 5 }), now)).toBe(false);
    });

    it('keeps minChannels and maxChannels inclusive', () => {
      const twoOrThree = rule({ minChannels: 2, maxChannels: 3 });
      expect(matchesSegment(twoOrThree, stats({ channels: ['A'] }), now)).toBe(false);
      expect(matchesSegment(twoOrThree, stats({ channels: ['A', 'B'] }), now)).toBe(true);
      expect(matchesSegment(twoOrThree, stats({ channels: ['A', 'B', 'C'] }), now)).toBe(true);
      expect(matchesSegment(twoOrThree, stats({ channels: ['A', 'B', 'C', 'D'] }), now)).toBe(false);
    });

    it('keeps a member without a score out of a range on it, in either direction', () => {
      expect(matchesSegment(rule({ minRecency: 1 }), nobody, now)).toBe(false);
      expect(matchesSegment(rule({ maxRecency: 5 }), nobody, now)).toBe(false);
      expect(matchesSegment(rule({ maxFrequency: 2 }), nobody, now)).toBe(false);
      expect(matchesSegment(rule({ minMonetary: 1 }), nobody, now)).toBe(false);
    });

    it('takes purchasedWithinDays up to exactly that many days', () => {
      const recent = rule({ purchasedWithinDays: 7 });
      expect(matchesSegment(recent, stats({ lastPurchaseAt: now }), now)).toBe(true);
      expect(matchesSegment(recent, stats({ lastPurchaseAt: daysAgo(7) }), now)).toBe(true);
      expect(matchesSegment(recent, stats({ lastPurchaseAt: daysAgo(7, 1) }), now)).toBe(false);
      expect(matchesSegment(recent, nobody, now)).toBe(false);
    });

    it('takes notPurchasedForDays from exactly that many days, and not someone who never bought', () => {
      const lapsed = rule({ notPurchasedForDays: 90 });
      expect(matchesSegment(lapsed, stats({ lastPurchaseAt: daysAgo(90) }), now)).toBe(true);
      expect(matchesSegment(lapsed, stats({ lastPurchaseAt: daysAgo(120) }), now)).toBe(true);
      expect(matchesSegment(lapsed, stats({ lastPurchaseAt: daysAgo(90, -1) }), now)).toBe(false);
      expect(matchesSegment(lapsed, stats({ lastPurchaseAt: now }), now)).toBe(false);
      // Lapsed means they bought, but not for 90 days.
      expect(matchesSegment(lapsed, nobody, now)).toBe(false);
    });

    it('takes a window of days: bought 30 to 60 days ago', () => {
      const window = rule({ purchasedWithinDays: 60, notPurchasedForDays: 30 });
      expect(matchesSegment(window, stats({ lastPurchaseAt: daysAgo(29) }), now)).toBe(false);
      expect(matchesSegment(window, stats({ lastPurchaseAt: daysAgo(30) }), now)).toBe(true);
      expect(matchesSegment(window, stats({ lastPurchaseAt: daysAgo(60) }), now)).toBe(true);
      expect(matchesSegment(window, stats({ lastPurchaseAt: daysAgo(61) }), now)).toBe(false);
    });

    it('takes channelsAny as any one of them and channelsAll as every one', () => {
      const anyOf = rule({ channelsAny: ['IN_STORE', 'MOBILE_APP'] });
      expect(matchesSegment(anyOf, stats({ channels: ['ONLINE', 'MOBILE_APP'] }), now)).toBe(true);
      expect(matchesSegment(anyOf, stats({ channels: ['ONLINE'] }), now)).toBe(false);
      expect(matchesSegment(anyOf, nobody, now)).toBe(false);
      const allOf = rule({ channelsAll: ['IN_STORE', 'ONLINE'] });
      expect(matchesSegment(allOf, stats({ channels: ['ONLINE', 'IN_STORE', 'MOBILE_APP'] }), now)).toBe(true);
      expect(matchesSegment(allOf, stats({ channels: ['ONLINE'] }), now)).toBe(false);
    });

    it('takes one of the tiers, and no one without a tier', () => {
      const gold = rule({ tiers: ['Gold'] });
      expect(matchesSegment(gold, stats({ tier: 'Gold' }), now)).toBe(true);
      expect(matchesSegment(gold, stats({ tier: 'Silver' }), now)).toBe(false);
      expect(matchesSegment(gold, stats({ tier: null }), now)).toBe(false);
    });

    it('needs every condition (property)', () => {
      const maybe = (min: number, max: number) => fc.option(fc.integer({ min, max }), { nil: null });
      const conditions = fc.record({
        minPurchases: maybe(0, 5),
        maxSpend: maybe(0, 10_000),
        minChannels: maybe(0, 3),
        maxRecency: maybe(1, 5),
        purchasedWithinDays: maybe(0, 100),
        notPurchasedForDays: maybe(0, 100),
      });
      const customer = fc.record({
        purchaseCount: fc.integer({ min: 0, max: 6 }),
        spend: fc.integer({ min: 0, max: 12_000 }),
        channels: fc.subarray(['ONLINE', 'IN_STORE', 'MOBILE_APP']),
        recency: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
        lastDaysAgo: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
      });
      fc.assert(
        fc.property(conditions, customer, (parts, { lastDaysAgo, ...figures }) => {
          const who = stats({ ...figures, lastPurchaseAt: lastDaysAgo === null ? null : daysAgo(lastDaysAgo) });
          const whole = matchesSegment(rule(parts), who, now);
          const each = Object.entries(parts).every(([key, value]) => matchesSegment(rule({ [key]: value }), who, now));
          expect(whole).toBe(each);
        }),
      );
    });
  });

  describe('segmentsOf', () => {
    it('lists every built-in segment a customer is in, in order', () => {
      const champion = rfm(5, 5, 5, { channels: ['ONLINE', 'IN_STORE'] });
      expect(segmentsOf(champion, builtInSegments, now)).toEqual(['champions', 'loyal', 'omnichannel']);
      const newcomer = rfm(5, 1, 1, { purchaseCount: 1, lastPurchaseAt: daysAgo(3), channels: ['IN_STORE'] });
      expect(segmentsOf(newcomer, builtInSegments, now)).toEqual(['new-customers', 'single-channel']);
      const sleeper = rfm(1, 2, 2, { purchaseCount: 2, lastPurchaseAt: daysAgo(400) });
      expect(segmentsOf(sleeper, builtInSegments, now)).toEqual(['hibernating', 'single-channel']);
    });

    it('lists nothing for an unknown customer, and nothing built in for one who never bought', () => {
      expect(segmentsOf(undefined, builtInSegments, now)).toEqual([]);
      expect(segmentsOf(nobody, builtInSegments, now)).toEqual([]);
    });

    it('lists custom segments by key', () => {
      const custom = [
        { key: 'big-spenders', name: 'Big spenders', description: null, rule: rule({ minSpend: 10_000 }) },
        { key: 'gold', name: 'Gold', description: null, rule: rule({ tiers: ['Gold'] }) },
      ];
      expect(segmentsOf(stats({ spend: 10_000, tier: 'Silver' }), custom, now)).toEqual(['big-spenders']);
      expect(segmentsOf(stats({ spend: 9_999, tier: 'Gold' }), custom, now)).toEqual(['gold']);
    });
  });

  describe('segmentRuleProblem', () => {
    it('accepts a rule with no conditions and ranges that meet', () => {
      expect(segmentRuleProblem(anyone)).toBeNull();
      expect(segmentRuleProblem(rule({ minPurchases: 3, maxPurchases: 3, minRecency: 1, maxRecency: 5 }))).toBeNull();
      expect(segmentRuleProblem(rule({ minSpend: 0, maxChannels: 0 }))).toBeNull();
    });

    it.each<[Partial<SegmentRule>, string]>([
      [{ minPurchases: 4, maxPurchases: 3 }, 'the minimum purchases is above the maximum'],
      [{ minSpend: 100, maxSpend: 99 }, 'the minimum spend is above the maximum'],
      [{ minChannels: 3, maxChannels: 2 }, 'the minimum channels is above the maximum'],
      [{ minRecency: 5, maxRecency: 4 }, 'the minimum recency is above the maximum'],
      [{ minFrequency: 2, maxFrequency: 1 }, 'the minimum frequency is above the maximum'],
      [{ minMonetary: 3, maxMonetary: 2 }, 'the minimum monetary is above the maximum'],
      [{ minRecency: 0 }, 'recency scores run from 1 to 5'],
      [{ maxRecency: 6 }, 'recency scores run from 1 to 5'],
      [{ minFrequency: 6 }, 'frequency scores run from 1 to 5'],
      [{ maxMonetary: 0 }, 'monetary scores run from 1 to 5'],
    ])('refuses %j', (conditions, problem) => {
      expect(segmentRuleProblem(rule(conditions))).toBe(problem);
    });

    it('finds no problem in a rule whose scores lie within 1 to 5 and whose minimums are not above maximums (property)', () => {
      const score = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null });
      fc.assert(
        fc.property(score, score, score, score, (minRecency, maxRecency, minMonetary, maxMonetary) => {
          const problem = segmentRuleProblem(rule({ minRecency, maxRecency, minMonetary, maxMonetary }));
          const inverted =
            (minRecency !== null && maxRecency !== null && minRecency > maxRecency) ||
            (minMonetary !== null && maxMonetary !== null && minMonetary > maxMonetary);
          expect(problem === null).toBe(!inverted);
        }),
      );
    });
  });
});
