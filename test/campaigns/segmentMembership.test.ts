import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { loadMigrations, migrate } from '../../runtime/migrations/migrate';
import { campaignMigrationsDir } from '../../subgraphs/campaign/index';
import {
  anyone,
  AttributeOperator,
  builtInSegments,
  type CustomerStats,
  type SegmentCondition,
  type SegmentDefinition,
  type SegmentRule,
  type SegmentValue,
} from '../../subgraphs/campaign/segments/segment.rules';
import { segmentMembershipStore } from '../../subgraphs/campaign/segments/segmentMembership.store';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

// The segment evaluator's SQL against the database itself (both kinds), member by member: each case
// writes a member's figures (and profile view) and asks which segments they are in at `now`.

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

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.db, 'campaign', loadMigrations(campaignMigrationsDir));
});

afterAll(() => database.dispose());

interface ProfileView {
  attributes?: Record<string, unknown>;
  consents?: Record<string, boolean>;
}

/** Writes a new member with these figures (none: unknown to campaigns) and view; returns their id. */
async function member(who: CustomerStats | undefined, view?: ProfileView): Promise<string> {
  const id = randomUUID();
  const { db } = database;
  if (who) {
    await db.query(
      `insert into campaign.customer_stats (customer_id, purchase_count, first_purchase_at, last_purchase_at, spend,
         channels, tier, recency_score, frequency_score, monetary_score)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        id,
        who.purchaseCount,
        who.firstPurchaseAt,
        who.lastPurchaseAt,
        who.spend,
        who.channels,
        who.tier,
        who.recency,
        who.frequency,
        who.monetary,
      ],
    );
  }
  if (view) {
    await db.query('insert into campaign.member_profiles (customer_id, attributes) values ($1, $2::jsonb)', [
      id,
      JSON.stringify(view.attributes ?? {}),
    ]);
    for (const [channel, granted] of Object.entries(view.consents ?? {})) {
      await db.query(
        'insert into campaign.member_consents (customer_id, channel, granted, event_id) values ($1, $2, $3, 1)',
        [id, channel, granted],
      );
    }
  }
  return id;
}

async function keysOf(who: CustomerStats | undefined, segments: readonly SegmentDefinition[]): Promise<string[]> {
  const customerId = await member(who);
  const [keys] = await segmentMembershipStore.segmentsAt(database.db, segments, [{ customerId, at: now }]);
  return keys!;
}

const probe = (rule: SegmentRule): SegmentDefinition[] => [{ key: 'probe', name: 'Probe', description: null, rule }];

async function matches(segment: SegmentRule, who: CustomerStats | undefined): Promise<boolean> {
  return (await keysOf(who, probe(segment))).includes('probe');
}

describe('segment evaluation', () => {
  describe('built-in segments', () => {
    it('puts a shopper of two channels or more in omnichannel, of one channel in single-channel', async () => {
      const omnichannel = builtIn('omnichannel');
      const single = builtIn('single-channel');
      expect(await matches(omnichannel, stats({ channels: ['ONLINE', 'IN_STORE'] }))).toBe(true);
      expect(await matches(omnichannel, stats({ channels: ['ONLINE', 'IN_STORE', 'MOBILE_APP'] }))).toBe(true);
      expect(await matches(omnichannel, stats({ channels: ['ONLINE'] }))).toBe(false);
      expect(await matches(omnichannel, nobody)).toBe(false);
      expect(await matches(single, stats({ channels: ['IN_STORE'] }))).toBe(true);
      expect(await matches(single, stats({ channels: ['ONLINE', 'IN_STORE'] }))).toBe(false);
      expect(await matches(single, nobody)).toBe(false);
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
    ])('%s takes RFM %j: %s', async (key, [recency, frequency, monetary], expected) => {
      expect(await matches(builtIn(key), rfm(recency, frequency, monetary))).toBe(expected);
    });

    it('keeps members without RFM scores out of every RFM group', async () => {
      for (const key of ['champions', 'loyal', 'at-risk', 'hibernating']) {
        expect(await matches(builtIn(key), nobody)).toBe(false);
      }
    });

    it('takes a new customer with one purchase in the last 30 days, to the millisecond', async () => {
      const fresh = builtIn('new-customers');
      expect(await matches(fresh, stats({ purchaseCount: 1, lastPurchaseAt: daysAgo(30) }))).toBe(true);
      expect(await matches(fresh, stats({ purchaseCount: 1, lastPurchaseAt: daysAgo(30, 1) }))).toBe(false);
      expect(await matches(fresh, stats({ purchaseCount: 2, lastPurchaseAt: daysAgo(1) }))).toBe(false);
      expect(await matches(fresh, nobody)).toBe(false);
    });
  });

  describe('figures', () => {
    it('takes anyone, even someone who never bought, with no conditions', async () => {
      expect(await matches(anyone, nobody)).toBe(true);
      expect(await matches(anyone, stats({}))).toBe(true);
    });

    it.each<[keyof SegmentRule, keyof SegmentRule, keyof CustomerStats]>([
      ['minPurchases', 'maxPurchases', 'purchaseCount'],
      ['minSpend', 'maxSpend', 'spend'],
      ['minRecency', 'maxRecency', 'recency'],
      ['minFrequency', 'maxFrequency', 'frequency'],
      ['minMonetary', 'maxMonetary', 'monetary'],
    ])('keeps %s and %s inclusive on %s', async (min, max, field) => {
      const between = rule({ [min]: 2, [max]: 4 });
      expect(await matches(between, stats({ [field]: 1 }))).toBe(false);
      expect(await matches(between, stats({ [field]: 2 }))).toBe(true);
      expect(await matches(between, stats({ [field]: 4 }))).toBe(true);
      expect(await matches(between, stats({ [field]: 5 }))).toBe(false);
    });

    it('keeps minChannels and maxChannels inclusive', async () => {
      const twoOrThree = rule({ minChannels: 2, maxChannels: 3 });
      expect(await matches(twoOrThree, stats({ channels: ['A'] }))).toBe(false);
      expect(await matches(twoOrThree, stats({ channels: ['A', 'B'] }))).toBe(true);
      expect(await matches(twoOrThree, stats({ channels: ['A', 'B', 'C'] }))).toBe(true);
      expect(await matches(twoOrThree, stats({ channels: ['A', 'B', 'C', 'D'] }))).toBe(false);
    });

    it('keeps a member without a score out of a range on it, in either direction', async () => {
      expect(await matches(rule({ minRecency: 1 }), nobody)).toBe(false);
      expect(await matches(rule({ maxRecency: 5 }), nobody)).toBe(false);
      expect(await matches(rule({ maxFrequency: 2 }), nobody)).toBe(false);
      expect(await matches(rule({ minMonetary: 1 }), nobody)).toBe(false);
    });

    it('takes purchasedWithinDays up to exactly that many days', async () => {
      const recent = rule({ purchasedWithinDays: 7 });
      expect(await matches(recent, stats({ lastPurchaseAt: now }))).toBe(true);
      expect(await matches(recent, stats({ lastPurchaseAt: daysAgo(7) }))).toBe(true);
      expect(await matches(recent, stats({ lastPurchaseAt: daysAgo(7, 1) }))).toBe(false);
      expect(await matches(recent, nobody)).toBe(false);
    });

    it('takes notPurchasedForDays from exactly that many days, and not someone who never bought', async () => {
      const lapsed = rule({ notPurchasedForDays: 90 });
      expect(await matches(lapsed, stats({ lastPurchaseAt: daysAgo(90) }))).toBe(true);
      expect(await matches(lapsed, stats({ lastPurchaseAt: daysAgo(120) }))).toBe(true);
      expect(await matches(lapsed, stats({ lastPurchaseAt: daysAgo(90, -1) }))).toBe(false);
      expect(await matches(lapsed, stats({ lastPurchaseAt: now }))).toBe(false);
      // Lapsed means they bought, but not for 90 days.
      expect(await matches(lapsed, nobody)).toBe(false);
    });

    it('takes a window of days: bought 30 to 60 days ago', async () => {
      const window = rule({ purchasedWithinDays: 60, notPurchasedForDays: 30 });
      expect(await matches(window, stats({ lastPurchaseAt: daysAgo(29) }))).toBe(false);
      expect(await matches(window, stats({ lastPurchaseAt: daysAgo(30) }))).toBe(true);
      expect(await matches(window, stats({ lastPurchaseAt: daysAgo(60) }))).toBe(true);
      expect(await matches(window, stats({ lastPurchaseAt: daysAgo(61) }))).toBe(false);
    });

    it('takes channelsAny as any one of them and channelsAll as every one', async () => {
      const anyOf = rule({ channelsAny: ['IN_STORE', 'MOBILE_APP'] });
      expect(await matches(anyOf, stats({ channels: ['ONLINE', 'MOBILE_APP'] }))).toBe(true);
      expect(await matches(anyOf, stats({ channels: ['ONLINE'] }))).toBe(false);
      expect(await matches(anyOf, nobody)).toBe(false);
      const allOf = rule({ channelsAll: ['IN_STORE', 'ONLINE'] });
      expect(await matches(allOf, stats({ channels: ['ONLINE', 'IN_STORE', 'MOBILE_APP'] }))).toBe(true);
      expect(await matches(allOf, stats({ channels: ['ONLINE'] }))).toBe(false);
    });

    it('takes one of the tiers, and no one without a tier', async () => {
      const gold = rule({ tiers: ['Gold'] });
      expect(await matches(gold, stats({ tier: 'Gold' }))).toBe(true);
      expect(await matches(gold, stats({ tier: 'Silver' }))).toBe(false);
      expect(await matches(gold, stats({ tier: null }))).toBe(false);
    });

    it('needs every condition (property)', async () => {
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
      await fc.assert(
        fc.asyncProperty(conditions, customer, async (parts, { lastDaysAgo, ...figures }) => {
          const who = stats({ ...figures, lastPurchaseAt: lastDaysAgo === null ? null : daysAgo(lastDaysAgo) });
          const whole = await matches(rule(parts), who);
          const each: boolean[] = [];
          for (const [key, value] of Object.entries(parts)) each.push(await matches(rule({ [key]: value }), who));
          expect(whole).toBe(each.every(Boolean));
        }),
        { numRuns: 25 },
      );
    });
  });

  describe('several segments', () => {
    it('lists every built-in segment a customer is in, in order', async () => {
      const champion = rfm(5, 5, 5, { channels: ['ONLINE', 'IN_STORE'] });
      expect(await keysOf(champion, builtInSegments)).toEqual(['champions', 'loyal', 'omnichannel']);
      const newcomer = rfm(5, 1, 1, { purchaseCount: 1, lastPurchaseAt: daysAgo(3), channels: ['IN_STORE'] });
      expect(await keysOf(newcomer, builtInSegments)).toEqual(['new-customers', 'single-channel']);
      const sleeper = rfm(1, 2, 2, { purchaseCount: 2, lastPurchaseAt: daysAgo(400) });
      expect(await keysOf(sleeper, builtInSegments)).toEqual(['hibernating', 'single-channel']);
    });

    it('lists nothing for an unknown customer, and nothing built in for one who never bought', async () => {
      expect(await keysOf(undefined, builtInSegments)).toEqual([]);
      expect(await keysOf(nobody, builtInSegments)).toEqual([]);
    });

    it('lists custom segments by key', async () => {
      const custom = [
        { key: 'big-spenders', name: 'Big spenders', description: null, rule: rule({ minSpend: 10_000 }) },
        { key: 'gold', name: 'Gold', description: null, rule: rule({ tiers: ['Gold'] }) },
      ];
      expect(await keysOf(stats({ spend: 10_000, tier: 'Silver' }), custom)).toEqual(['big-spenders']);
      expect(await keysOf(stats({ spend: 9_999, tier: 'Gold' }), custom)).toEqual(['gold']);
    });
  });

  describe('conditions', () => {
    const text = (string: string): SegmentValue => ({ string, number: null, boolean: null });
    const num = (number: number): SegmentValue => ({ string: null, number, boolean: null });
    const bool = (boolean: boolean): SegmentValue => ({ string: null, number: null, boolean });
    const on = (
      path: string[],
      operator: AttributeOperator,
      value: SegmentValue | null,
      values: SegmentValue[] | null = null,
    ) =>
      ({
        negate: false,
        attribute: { path, operator, value, values },
        consent: null,
        bought: null,
        inAudience: null,
      }) satisfies SegmentCondition;

    async function attributeMatch(condition: SegmentCondition, attributes: Record<string, unknown>): Promise<boolean> {
      const customerId = await member(undefined, { attributes });
      const [keys] = await segmentMembershipStore.segmentsAt(database.db, probe(rule({ conditions: [condition] })), [
        { customerId, at: now },
      ]);
      return keys!.includes('probe');
    }

    it.each<[string, SegmentCondition, Record<string, unknown>, boolean]>([
      ['EQ a string', on(['city'], AttributeOperator.EQ, text('Lyon')), { city: 'Lyon' }, true],
      ['EQ another string', on(['city'], AttributeOperator.EQ, text('Lyon')), { city: 'Paris' }, false],
      ['EQ the number 5 against the string "5"', on(['size'], AttributeOperator.EQ, num(5)), { size: '5' }, false],
      ['EQ the string "5" against the number 5', on(['size'], AttributeOperator.EQ, text('5')), { size: 5 }, false],
      ['EQ 5 against 5.0', on(['size'], AttributeOperator.EQ, num(5)), { size: 5.0 }, true],
      ['EQ true', on(['vip'], AttributeOperator.EQ, bool(true)), { vip: true }, true],
      ['EQ true against "true"', on(['vip'], AttributeOperator.EQ, bool(true)), { vip: 'true' }, false],
      [
        'EQ on a nested key',
        on(['address', 'city'], AttributeOperator.EQ, text('Lyon')),
        { address: { city: 'Lyon' } },
        true,
      ],
      ['NEQ a different value', on(['city'], AttributeOperator.NEQ, text('Lyon')), { city: 'Paris' }, true],
      ['NEQ a value of another type', on(['size'], AttributeOperator.NEQ, num(5)), { size: '5' }, true],
      ['NEQ without the attribute', on(['city'], AttributeOperator.NEQ, text('Lyon')), {}, false],
      ['GT a number', on(['age'], AttributeOperator.GT, num(30)), { age: 31 }, true],
      ['GT its own value', on(['age'], AttributeOperator.GT, num(30)), { age: 30 }, false],
      ['GTE its own value', on(['age'], AttributeOperator.GTE, num(30)), { age: 30 }, true],
      ['GT a number against a string', on(['age'], AttributeOperator.GT, num(30)), { age: '99' }, false],
      ['LT a decimal', on(['score'], AttributeOperator.LT, num(4.5)), { score: 4.25 }, true],
      ['LTE a larger number', on(['score'], AttributeOperator.LTE, num(4.5)), { score: 5 }, false],
      ['GT a string, by code point', on(['code'], AttributeOperator.GT, text('B')), { code: 'a' }, true],
      ['LT a string against a number', on(['code'], AttributeOperator.LT, text('9')), { code: 1 }, false],
      [
        'IN one of the values',
        on(['city'], AttributeOperator.IN, null, [text('Lyon'), num(7)]),
        { city: 'Lyon' },
        true,
      ],
      ['IN a number among them', on(['city'], AttributeOperator.IN, null, [text('Lyon'), num(7)]), { city: 7 }, true],
      ['IN "7" among 7', on(['city'], AttributeOperator.IN, null, [text('Lyon'), num(7)]), { city: '7' }, false],
      ['EXISTS', on(['city'], AttributeOperator.EXISTS, null), { city: '' }, true],
      ['EXISTS a JSON null', on(['city'], AttributeOperator.EXISTS, null), { city: null }, false],
      ['NOT_EXISTS absent', on(['city'], AttributeOperator.NOT_EXISTS, null), {}, true],
      ['NOT_EXISTS present', on(['city'], AttributeOperator.NOT_EXISTS, null), { city: 'Lyon' }, false],
      [
        'CONTAINS in an array',
        on(['tags'], AttributeOperator.CONTAINS, text('vegan')),
        { tags: ['vegan', 'runner'] },
        true,
      ],
      [
        'CONTAINS a number in an array of strings',
        on(['tags'], AttributeOperator.CONTAINS, num(1)),
        { tags: ['1'] },
        false,
      ],
      ['CONTAINS in a string', on(['bio'], AttributeOperator.CONTAINS, text('run')), { bio: 'trail runner' }, true],
      [
        'CONTAINS not in a string',
        on(['bio'], AttributeOperator.CONTAINS, text('swim')),
        { bio: 'trail runner' },
        false,
      ],
    ])('takes %s: %s', async (_what, condition, attributes, expected) => {
      expect(await attributeMatch(condition, attributes)).toBe(expected);
    });

    it('takes a negated condition as its opposite, members without the attribute included', async () => {
      const notLyon = { ...on(['city'], AttributeOperator.EQ, text('Lyon')), negate: true };
      expect(await attributeMatch(notLyon, { city: 'Lyon' })).toBe(false);
      expect(await attributeMatch(notLyon, { city: 'Paris' })).toBe(true);
      expect(await attributeMatch(notLyon, {})).toBe(true);
      expect(await matches(rule({ conditions: [notLyon] }), nobody)).toBe(true);
    });

    it('takes consent as the latest answer, never answering as not granted', async () => {
      const granted = (granted: boolean): SegmentCondition => ({
        negate: false,
        attribute: null,
        consent: { channel: 'EMAIL', granted },
        bought: null,
        inAudience: null,
      });
      const yes = await member(undefined, { consents: { EMAIL: true } });
      const no = await member(undefined, { consents: { EMAIL: false, SMS: true } });
      const never = await member(nobody);
      const asked = [yes, no, never].map((customerId) => ({ customerId, at: now }));
      const optedIn = await segmentMembershipStore.segmentsAt(
        database.db,
        probe(rule({ conditions: [granted(true)] })),
        asked,
      );
      expect(optedIn.map((keys) => keys.length)).toEqual([1, 0, 0]);
      const optedOut = await segmentMembershipStore.segmentsAt(
        database.db,
        probe(rule({ conditions: [granted(false)] })),
        asked,
      );
      expect(optedOut.map((keys) => keys.length)).toEqual([0, 1, 1]);
    });
  });
});
