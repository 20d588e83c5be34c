/** What the campaign subgraph knows of a customer from the ledger's events. */
export interface CustomerStats {
  purchaseCount: number;
  firstPurchaseAt: Date | null;
  lastPurchaseAt: Date | null;
  /** Net of returns, in minor units of the program's currency. */
  spend: number;
  channels: readonly string[];
  tier: string | null;
  /** RFM scores, 1 to 5 (5 is the most recent, most frequent, highest spending fifth); null before a first purchase. */
  recency: number | null;
  frequency: number | null;
  monetary: number | null;
}

/** Conditions a member must all meet; nulls and empty lists do not restrict. */
export interface SegmentRule {
  minPurchases: number | null;
  maxPurchases: number | null;
  minSpend: number | null;
  maxSpend: number | null;
  purchasedWithinDays: number | null;
  notPurchasedForDays: number | null;
  /** Bought in at least one of these channels. */
  channelsAny: string[];
  /** Bought in every one of these channels. */
  channelsAll: string[];
  minChannels: number | null;
  maxChannels: number | null;
  tiers: string[];
  minRecency: number | null;
  maxRecency: number | null;
  minFrequency: number | null;
  maxFrequency: number | null;
  minMonetary: number | null;
  maxMonetary: number | null;
}

export interface SegmentDefinition {
  key: string;
  name: string;
  description: string | null;
  rule: SegmentRule;
}

export const anyone: SegmentRule = {
  minPurchases: null,
  maxPurchases: null,
  minSpend: null,
  maxSpend: null,
  purchasedWithinDays: null,
  notPurchasedForDays: null,
  channelsAny: [],
  channelsAll: [],
  minChannels: null,
  maxChannels: null,
  tiers: [],
  minRecency: null,
  maxRecency: null,
  minFrequency: null,
  maxFrequency: null,
  minMonetary: null,
  maxMonetary: null,
};

const rule = (conditions: Partial<SegmentRule>): SegmentRule => ({ ...anyone, ...conditions });

/** Segments every program has: the classic RFM groups and omnichannel vs single-channel shoppers. */
export const builtInSegments: readonly SegmentDefinition[] = [
  {
    key: 'champions',
    name: 'Champions',
    description: 'Bought recently, buy often and spend the most (RFM 4+ on all three).',
    rule: rule({ minRecency: 4, minFrequency: 4, minMonetary: 4 }),
  },
  {
    key: 'loyal',
    name: 'Loyal customers',
    description: 'Buy more often than most (frequency 4+).',
    rule: rule({ minFrequency: 4 }),
  },
  {
    key: 'at-risk',
    name: 'At risk',
    description: 'Used to buy often but have not bought for a while (recency 2 or less, frequency 3+).',
    rule: rule({ maxRecency: 2, minFrequency: 3 }),
  },
  {
    key: 'hibernating',
    name: 'Hibernating',
    description: 'Bought rarely and long ago (recency and frequency 2 or less).',
    rule: rule({ minPurchases: 1, maxRecency: 2, maxFrequency: 2 }),
  },
  {
    key: 'new-customers',
    name: 'New customers',
    description: 'One purchase, in the last 30 days.',
    rule: rule({ minPurchases: 1, maxPurchases: 1, purchasedWithinDays: 30 }),
  },
  {
    key: 'omnichannel',
    name: 'Omnichannel shoppers',
    description: 'Have bought in two channels or more.',
    rule: rule({ minChannels: 2 }),
  },
  {
    key: 'single-channel',
    name: 'Single-channel shoppers',
    description: 'Have bought in exactly one channel.',
    rule: rule({ minChannels: 1, maxChannels: 1 }),
  },
];

const dayMs = 86_400_000;

const within = (value: number | null, min: number | null, max: number | null): boolean =>
  (min === null || (value !== null && value >= min)) && (max === null || (value !== null && value <= max));

/** Whether a customer's figures meet every condition of a rule at `now`. */
export function matchesSegment(segment: SegmentRule, stats: CustomerStats, now: Date): boolean {
  if (!within(stats.purchaseCount, segment.minPurchases, segment.maxPurchases)) return false;
  if (!within(stats.spend, segment.minSpend, segment.maxSpend)) return false;
  if (!within(stats.channels.length, segment.minChannels, segment.maxChannels)) return false;
  if (!within(stats.recency, segment.minRecency, segment.maxRecency)) return false;
  if (!within(stats.frequency, segment.minFrequency, segment.maxFrequency)) return false;
  if (!within(stats.monetary, segment.minMonetary, segment.maxMonetary)) return false;
  const last = stats.lastPurchaseAt?.getTime() ?? null;
  if (segment.purchasedWithinDays !== null) {
    if (last === null || now.getTime() - last > segment.purchasedWithinDays * dayMs) return false;
  }
  if (segment.notPurchasedForDays !== null) {
    // Lapsed customers: they bought, but not for that long (someone who never bought is not lapsed).
    if (last === null || now.getTime() - last < segment.notPurchasedForDays * dayMs) return false;
  }
  if (segment.channelsAny.length > 0 && !segment.channelsAny.some((c) => stats.channels.includes(c))) return false;
  if (!segment.channelsAll.every((c) => stats.channels.includes(c))) return false;
  if (segment.tiers.length > 0 && (stats.tier === null || !segment.tiers.includes(stats.tier))) return false;
  return true;
}

/** The keys of the segments a customer belongs to now. */
export function segmentsOf(
  stats: CustomerStats | undefined,
  segments: readonly SegmentDefinition[],
  now: Date,
): string[] {
  if (!stats) return [];
  return segments.filter((segment) => matchesSegment(segment.rule, stats, now)).map((segment) => segment.key);
}

/** Null when a rule can match, else what to fix. */
export function segmentRuleProblem(segment: SegmentRule): string | null {
  const pairs: Array<[string, number | null, number | null]> = [
    ['purchases', segment.minPurchases, segment.maxPurchases],
    ['spend', segment.minSpend, segment.maxSpend],
    ['channels', segment.minChannels, segment.maxChannels],
    ['recency', segment.minRecency, segment.maxRecency],
    ['frequency', segment.minFrequency, segment.maxFrequency],
    ['monetary', segment.minMonetary, segment.maxMonetary],
  ];
  for (const [name, min, max] of pairs) {
    if (min !== null && max !== null && min > max) return `the minimum ${name} is above the maximum`;
  }
  for (const [name, min, max] of pairs.slice(3)) {
    if ((min !== null && (min < 1 || min > 5)) || (max !== null && (max < 1 || max > 5)))
      return `${name} scores run from 1 to 5`;
  }
  return null;
}
