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

/** How an attribute condition compares the member's attribute with its value. */
export enum AttributeOperator {
  EQ = 'EQ',
  NEQ = 'NEQ',
  GT = 'GT',
  GTE = 'GTE',
  LT = 'LT',
  LTE = 'LTE',
  IN = 'IN',
  EXISTS = 'EXISTS',
  NOT_EXISTS = 'NOT_EXISTS',
  CONTAINS = 'CONTAINS',
}

/** A typed value: exactly one of the three is set. */
export interface SegmentValue {
  string: string | null;
  number: number | null;
  boolean: boolean | null;
}

/** The member's attribute at `path` (keys from the top), compared by `operator`. */
export interface AttributeCondition {
  path: string[];
  operator: AttributeOperator;
  /** For every operator but IN, EXISTS and NOT_EXISTS. */
  value: SegmentValue | null;
  /** For IN. */
  values: SegmentValue[] | null;
}

export interface ConsentCondition {
  /** EMAIL, SMS or PUSH. */
  channel: string;
  /** true: the member's latest answer on the channel is yes; false: it is no, or they never answered. */
  granted: boolean;
}

/** Bought one of the SKUs, or a product of one of the categories, within the last `withinDays` days. */
export interface BoughtCondition {
  skus: string[];
  categories: string[];
  withinDays: number;
}

/**
 * Tracked at least `atLeast` and at most `atMost` custom events of `type` (issue 26) in the last
 * `withinDays` days, counted by UTC day: the day of the instant judged and the `withinDays - 1` before.
 * With `properties`, only the events whose properties meet every condition count (the model and
 * checks of EVENT campaigns' property conditions: `cart.updated` with `cartValue.amount >= 5000`).
 */
export interface EventCountCondition {
  type: string;
  atLeast: number | null;
  atMost: number | null;
  withinDays: number;
  /** Absent in rules saved before property conditions: none. */
  properties?: AttributeCondition[] | null;
}

/** How a member may have answered a message (engagement's MessageResponded). */
export type MessageResponseKind = 'OPENED' | 'CLICKED' | 'REDEEMED';

/**
 * Responded to a message (issue 26), of a kind and of a campaign when given. `responded` true: did
 * `response` within the last `withinDays` days. False: was sent such a message within the last
 * `withinDays` days and did not `response` any of them (so far) — "was sent one and did not open".
 */
export interface MessageCondition {
  response: MessageResponseKind;
  responded: boolean;
  /** A message kind (`ABSENCE_OFFER`, `VOUCHER_ISSUED`, ...); null: any. */
  kind: string | null;
  /** The campaign side's key the message was for (an absence trigger's); null: any. */
  campaignKey: string | null;
  withinDays: number;
}

/**
 * One condition beyond the purchase figures: exactly one of attribute, consent, bought, inAudience, events, message.
 * `negate` takes the members it does not match (a member with no such attribute included).
 */
export interface SegmentCondition {
  negate: boolean;
  attribute: AttributeCondition | null;
  consent: ConsentCondition | null;
  bought: BoughtCondition | null;
  /** In the static audience of this key. */
  inAudience: string | null;
  /** Absent in rules saved before event counts. */
  events?: EventCountCondition | null;
  /** Absent in rules saved before message responses. */
  message?: MessageCondition | null;
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
  /** Conditions on attributes, consent, products bought and audiences; every one must hold. */
  conditions: SegmentCondition[];
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
  conditions: [],
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

export const consentChannels: readonly string[] = ['EMAIL', 'SMS', 'PUSH'];

/** A problem with one field of a rule's conditions: the field's path in the input, and what to fix. */
export interface ConditionProblem {
  field: string;
  message: string;
}

const valueKinds = (value: SegmentValue): Array<'string' | 'number' | 'boolean'> =>
  (['string', 'number', 'boolean'] as const).filter((kind) => value[kind] !== null && value[kind] !== undefined);

/** The problem of one typed value, or null; `ordered` refuses booleans (GT, GTE, LT, LTE). */
function valueProblem(value: SegmentValue | null, field: string, operator: AttributeOperator): ConditionProblem | null {
  if (value === null) return { field, message: `${operator} needs a value` };
  const kinds = valueKinds(value);
  if (kinds.length !== 1) return { field, message: 'give exactly one of string, number, boolean' };
  if (kinds[0] === 'number' && !Number.isFinite(value.number)) return { field, message: 'the number must be finite' };
  const ordered = [AttributeOperator.GT, AttributeOperator.GTE, AttributeOperator.LT, AttributeOperator.LTE];
  if (kinds[0] === 'boolean' && ordered.includes(operator))
    return { field, message: `${operator} compares numbers or strings, not booleans` };
  return null;
}

/**
 * Null when an attribute-style condition (a member's attribute, or a custom event's property) can be
 * evaluated, else the field under `at` to fix.
 */
export function attributeConditionProblem(attribute: AttributeCondition, at: string): ConditionProblem | null {
  const { operator } = attribute;
  if (operator === AttributeOperator.IN) {
    if (attribute.value !== null) return { field: `${at}.value`, message: 'IN takes values, not value' };
    if (!attribute.values || attribute.values.length === 0)
      return { field: `${at}.values`, message: 'IN needs at least one value' };
    for (const [i, value] of attribute.values.entries()) {
      const problem = valueProblem(value, `${at}.values[${i}]`, operator);
      if (problem) return problem;
    }
  } else if (operator === AttributeOperator.EXISTS || operator === AttributeOperator.NOT_EXISTS) {
    if (attribute.value !== null || attribute.values !== null)
      return { field: `${at}.value`, message: `${operator} takes no value` };
  } else {
    if (attribute.values !== null) return { field: `${at}.values`, message: `${operator} takes value, not values` };
    return valueProblem(attribute.value, `${at}.value`, operator);
  }
  return null;
}

/** Null when the conditions can be evaluated, else the first field to fix (`rule.conditions[i]...`). */
export function conditionsProblem(conditions: readonly SegmentCondition[]): ConditionProblem | null {
  for (const [index, condition] of conditions.entries()) {
    const at = `rule.conditions[${index}]`;
    const kinds = (['attribute', 'consent', 'bought', 'inAudience', 'events', 'message'] as const).filter(
      (kind) => (condition[kind] ?? null) !== null,
    );
    if (kinds.length !== 1)
      return { field: at, message: 'give exactly one of attribute, consent, bought, inAudience, events, message' };
    const { attribute, consent, bought, events } = condition;
    if (attribute) {
      const problem = attributeConditionProblem(attribute, `${at}.attribute`);
      if (problem) return problem;
    }
    if (events) {
      if (events.atLeast === null && events.atMost === null)
        return { field: `${at}.events`, message: 'give atLeast, atMost or both' };
      if (events.atLeast !== null && events.atMost !== null && events.atLeast > events.atMost)
        return { field: `${at}.events.atLeast`, message: 'atLeast is above atMost' };
      for (const [i, property] of (events.properties ?? []).entries()) {
        const problem = attributeConditionProblem(property, `${at}.events.properties[${i}]`);
        if (problem) return problem;
      }
    }
    if (consent && !consentChannels.includes(consent.channel))
      return { field: `${at}.consent.channel`, message: `channel must be one of ${consentChannels.join(', ')}` };
    if (bought && bought.skus.length === 0 && bought.categories.length === 0)
      return { field: `${at}.bought`, message: 'name at least one SKU or category' };
  }
  return null;
}
