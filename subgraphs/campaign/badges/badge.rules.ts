import { isCode, isCurrencyCode } from '../../../runtime/validation/validators';
import { CapPeriod } from '../campaigns/campaign.rules';
import type { EventTrigger } from '../campaigns/campaign.rules';
import { eventTriggerProblem } from '../customEvents/eventTrigger.rules';
import { periodStart } from '../limits/usage.rules';
import { runThrough, streakAt, unitIndex, type BadgeStreakUnit, type StreakFacts } from './badgeStreak.rules';

/** What a badge counts. */
export enum BadgeEvent {
  PURCHASE = 'PURCHASE',
  /** Custom events of one type whose properties meet the rule's `eventTrigger` (issue 26). */
  CUSTOM_EVENT = 'CUSTOM_EVENT',
}

/** What `count` counts among the qualifying purchases. */
export enum BadgeCounting {
  PURCHASES = 'PURCHASES',
  /** Distinct channels ("first purchase in three channels"). */
  CHANNELS = 'CHANNELS',
  /** Distinct stores. */
  STORES = 'STORES',
}

/** Over which time the count must be reached, in the program's time zone (weeks start on Monday). */
export enum BadgePeriod {
  /** Any time since the badge was defined. */
  EVER = 'EVER',
  /** Within one calendar week. */
  WEEK = 'WEEK',
  /** Within one calendar month ("five store visits in a month"). */
  MONTH = 'MONTH',
}

/** Which purchases count, how, and over which time; a badge completes when `count` is reached. */
export interface BadgeRule {
  event: BadgeEvent;
  count: number;
  counting: BadgeCounting;
  /** Only purchases in these channels count; empty: every channel. */
  channels: string[];
  /** Only purchases in this store count. */
  storeId: string | null;
  /** Only purchases whose total is at least this, in minor units of `minAmountCurrency`. */
  minAmount: number | null;
  minAmountCurrency: string | null;
  period: BadgePeriod;
  /** Within any span of this many days (a rolling window); only with period EVER. */
  withinDays: number | null;
  /** CUSTOM_EVENT: the event type and property conditions (no `oncePer`). Absent on badges before issue 26. */
  eventTrigger?: EventTrigger | null;
  /**
   * A streak: at least one qualifying purchase or event in each of `count` consecutive units
   * (program time zone). Absent on badges before issue 26.
   */
  streak?: BadgeStreakUnit | null;
}

export interface BadgeDefinition {
  key: string;
  name: string;
  description: string | null;
  rule: BadgeRule;
  /** Points credited through the ledger on completion; 0 for none. */
  pointsOnCompletion: number;
  /** A challenge's window: only what happens from `startsAt` and before `endsAt` counts; null: open. */
  startsAt: Date | null;
  endsAt: Date | null;
}

/**
 * A purchase as a badge reads it (the campaign subgraph's copy of the ledger's PurchaseRecorded),
 * or a custom event that met the badge's trigger (its id as `purchaseId`, no store or amount).
 */
export interface BadgePurchase {
  purchaseId: string;
  channel: string;
  storeId: string | null;
  currency: string;
  totalAmount: number;
  occurredAt: Date;
}

/** What is wrong with a definition, and the argument to fix. */
export interface BadgeProblem {
  argument: string;
  message: string;
}

export const badgeLimits = {
  maxCount: 1000,
  maxChannels: 20,
  maxWithinDays: 366,
  maxPoints: 1_000_000,
  maxNameLength: 80,
  maxDescriptionLength: 500,
} as const;

const keyPattern = /^[a-z][a-z0-9-]{1,47}$/;
const dayMs = 86_400_000;

const problem = (argument: string, message: string): BadgeProblem => ({ argument, message });
const isWhole = (value: number, min: number, max: number) => Number.isInteger(value) && value >= min && value <= max;

/**
 * Null when a marketer's badge is sound, else the first thing to fix (arguments as `input.<path>`);
 * `now` is when it is defined (a challenge must not have ended by then).
 */
export function badgeDefinitionProblem(definition: BadgeDefinition, now?: Date): BadgeProblem | null {
  if (!keyPattern.test(definition.key))
    return problem('input.key', 'key must be lower-kebab-case, 2 to 48 characters (e.g. omnichannel-shopper)');
  return badgeDetailsProblem(definition) ?? badgeRuleProblem(definition.rule) ?? windowProblem(definition, now);
}

function windowProblem({ startsAt, endsAt }: BadgeDefinition, now: Date | undefined): BadgeProblem | null {
  if (startsAt !== null && Number.isNaN(startsAt.getTime())) return problem('input.startsAt', 'startsAt is not a time');
  if (endsAt !== null && Number.isNaN(endsAt.getTime())) return problem('input.endsAt', 'endsAt is not a time');
  if (startsAt !== null && endsAt !== null && endsAt <= startsAt)
    return problem('input.endsAt', 'endsAt must be after startsAt');
  if (endsAt !== null && now !== undefined && endsAt <= now)
    return problem('input.endsAt', 'endsAt has passed: a challenge must end after it is defined');
  return null;
}

/** The parts a marketer may change later: name, description, points. */
export function badgeDetailsProblem(
  details: Pick<BadgeDefinition, 'name' | 'description' | 'pointsOnCompletion'>,
): BadgeProblem | null {
  const name = details.name.trim();
  if (name.length < 1 || name.length > badgeLimits.maxNameLength)
    return problem('input.name', `name must be 1 to ${badgeLimits.maxNameLength} characters`);
  if (details.description !== null && details.description.length > badgeLimits.maxDescriptionLength)
    return problem('input.description', `description must be at most ${badgeLimits.maxDescriptionLength} characters`);
  if (!isWhole(details.pointsOnCompletion, 0, badgeLimits.maxPoints))
    return problem(
      'input.pointsOnCompletion',
      `pointsOnCompletion must be a whole number from 0 to ${badgeLimits.maxPoints}`,
    );
  return null;
}

export function badgeRuleProblem(rule: BadgeRule): BadgeProblem | null {
  if (!isWhole(rule.count, 1, badgeLimits.maxCount))
    return problem('input.rule.count', `count must be a whole number from 1 to ${badgeLimits.maxCount}`);
  const found = sourceProblem(rule) ?? streakProblem(rule);
  if (found) return found;
  if (rule.channels.length > badgeLimits.maxChannels)
    return problem('input.rule.channels', `at most ${badgeLimits.maxChannels} channels`);
  const badChannel = rule.channels.find((channel) => !isCode(channel));
  if (badChannel !== undefined)
    return problem('input.rule.channels', `${badChannel} is not a channel name (UPPER_SNAKE_CASE, e.g. IN_STORE)`);
  if (new Set(rule.channels).size !== rule.channels.length)
    return problem('input.rule.channels', 'each channel is named once');
  if (rule.storeId !== null && (rule.storeId.trim() === '' || rule.storeId.length > 64))
    return problem('input.rule.storeId', 'storeId must be 1 to 64 characters');
  if (rule.counting === BadgeCounting.CHANNELS) {
    if (rule.channels.length > 0 && rule.count > rule.channels.length)
      return problem(
        'input.rule.count',
        `count asks for ${rule.count} distinct channels but only ${rule.channels.length} are allowed`,
      );
    if (rule.storeId !== null && rule.count > 1)
      return problem(
        'input.rule.count',
        'purchases in one store come from one channel: count distinct channels without storeId',
      );
  }
  if (rule.counting === BadgeCounting.STORES && rule.storeId !== null && rule.count > 1)
    return problem('input.rule.count', 'count asks for distinct stores but storeId allows only one');
  if (rule.minAmount !== null && !isWhole(rule.minAmount, 1, Number.MAX_SAFE_INTEGER))
    return problem('input.rule.minAmount', 'minAmount must be a whole number of minor units, at least 1');
  if (rule.minAmountCurrency !== null && !isCurrencyCode(rule.minAmountCurrency))
    return problem('input.rule.minAmountCurrency', `${rule.minAmountCurrency} is not an ISO 4217 currency code`);
  if ((rule.minAmount === null) !== (rule.minAmountCurrency === null))
    return problem('input.rule.minAmountCurrency', 'minAmount and minAmountCurrency go together');
  if (rule.withinDays !== null) {
    if (!isWhole(rule.withinDays, 1, badgeLimits.maxWithinDays))
      return problem(
        'input.rule.withinDays',
        `withinDays must be a whole number from 1 to ${badgeLimits.maxWithinDays}`,
      );
    if (rule.period !== BadgePeriod.EVER)
      return problem('input.rule.withinDays', 'give a calendar period or withinDays, not both');
  }
  return null;
}

/** What a badge counts must go with it: an event trigger for custom events, store and amount for purchases. */
function sourceProblem(rule: BadgeRule): BadgeProblem | null {
  const trigger = rule.eventTrigger ?? null;
  if (rule.event === BadgeEvent.PURCHASE) {
    if (trigger !== null) return problem('input.rule.eventTrigger', 'eventTrigger is for CUSTOM_EVENT badges only');
    return null;
  }
  if (trigger === null) return problem('input.rule.eventTrigger', 'a CUSTOM_EVENT badge needs an eventTrigger');
  if (trigger.oncePer !== null)
    return problem('input.rule.eventTrigger.oncePer', 'oncePer is for campaigns; a badge counts every matching event');
  const condition = eventTriggerProblem(trigger, 'input.rule.eventTrigger');
  if (condition) return problem(condition.field, condition.message);
  if (rule.counting === BadgeCounting.STORES)
    return problem('input.rule.counting', 'custom events have no store: count EVENTS (PURCHASES) or CHANNELS');
  if (rule.storeId !== null) return problem('input.rule.storeId', 'custom events have no store');
  if (rule.minAmount !== null || rule.minAmountCurrency !== null)
    return problem('input.rule.minAmount', 'custom events have no amount: put a condition on a property instead');
  return null;
}

/** A streak counts consecutive calendar units: nothing else may say over which time. */
function streakProblem(rule: BadgeRule): BadgeProblem | null {
  if ((rule.streak ?? null) === null) return null;
  if (rule.period !== BadgePeriod.EVER)
    return problem('input.rule.period', 'a streak counts consecutive units (streak), not within a period');
  if (rule.withinDays !== null)
    return problem('input.rule.withinDays', 'a streak counts consecutive units (streak), not within withinDays');
  if (rule.counting !== BadgeCounting.PURCHASES)
    return problem('input.rule.counting', 'a streak counts units with at least one purchase or event: PURCHASES');
  return null;
}

/** Whether a purchase counts towards a badge at all (its window aside). */
export function qualifies(rule: BadgeRule, purchase: BadgePurchase): boolean {
  if (rule.channels.length > 0 && !rule.channels.includes(purchase.channel)) return false;
  if (rule.storeId !== null && purchase.storeId !== rule.storeId) return false;
  if (
    rule.minAmount !== null &&
    (purchase.currency !== rule.minAmountCurrency || purchase.totalAmount < rule.minAmount)
  )
    return false;
  return true;
}

/** When a badge counts: from its definition until it is retired. */
export interface BadgeLife {
  countsFrom: Date;
  retiredAt: Date | null;
}

/** When what happens counts towards a badge: its life, narrowed to its window if it is a challenge. */
export function countingLife(badge: BadgeLife & { startsAt?: Date | null; endsAt?: Date | null }): BadgeLife {
  const { startsAt = null, endsAt = null } = badge;
  const countsFrom = startsAt !== null && startsAt > badge.countsFrom ? startsAt : badge.countsFrom;
  const ends = [badge.retiredAt, endsAt].filter((at): at is Date => at !== null);
  return {
    countsFrom,
    retiredAt: ends.length === 0 ? null : new Date(Math.min(...ends.map((at) => at.getTime()))),
  };
}

/** The earliest purchase time the window ending at `at` includes. */
function windowStart(rule: BadgeRule, life: BadgeLife, at: Date, timeZone: string): Date {
  let start: Date;
  if (rule.withinDays !== null) start = new Date(at.getTime() - rule.withinDays * dayMs + 1);
  else if (rule.period === BadgePeriod.EVER) start = life.countsFrom;
  else start = periodStart(rule.period === BadgePeriod.WEEK ? CapPeriod.WEEK : CapPeriod.MONTH, at, timeZone)!;
  return start > life.countsFrom ? start : life.countsFrom;
}

const inLife = (life: BadgeLife, at: Date): boolean =>
  at >= life.countsFrom && (life.retiredAt === null || at < life.retiredAt);

const unitOf = (counting: BadgeCounting, purchase: BadgePurchase): string =>
  counting === BadgeCounting.CHANNELS
    ? purchase.channel
    : counting === BadgeCounting.STORES
      ? (purchase.storeId ?? '')
      : purchase.purchaseId;

export interface BadgeProgressFacts {
  /** What counts so far in the window, capped at the target. */
  current: number;
  target: number;
  /** The channels of the purchases counted, in order of first use. */
  channels: string[];
  /** A streak's facts (its `current` is `current` uncapped); null for other badges. */
  streak: StreakFacts | null;
}

/**
 * How far a member is at `at`: the qualifying purchases of the window ending at `at` (ever since
 * the badge was defined, this calendar week or month, or the last `withinDays` days).
 * `purchases` may be any of the member's, in any order.
 */
export function progressAt(
  rule: BadgeRule,
  life: BadgeLife,
  purchases: readonly BadgePurchase[],
  at: Date,
  timeZone: string,
): BadgeProgressFacts {
  const end = life.retiredAt !== null && life.retiredAt < at ? new Date(life.retiredAt.getTime() - 1) : at;
  const from = windowStart(rule, life, end, timeZone);
  const counted = byTime(purchases).filter(
    (purchase) => purchase.occurredAt >= from && purchase.occurredAt <= end && qualifies(rule, purchase),
  );
  if (rule.streak) {
    const streak = streakAt(
      rule.streak,
      counted.map((purchase) => purchase.occurredAt),
      end,
      timeZone,
    );
    return { ...tally(rule, counted), current: Math.min(streak.current, rule.count), streak };
  }
  return tally(rule, counted);
}

function tally(rule: BadgeRule, counted: readonly BadgePurchase[]): BadgeProgressFacts {
  const units = new Set<string>();
  const channels: string[] = [];
  for (const purchase of counted) {
    if (rule.counting !== BadgeCounting.STORES || purchase.storeId !== null) units.add(unitOf(rule.counting, purchase));
    if (!channels.includes(purchase.channel)) channels.push(purchase.channel);
  }
  return { current: Math.min(units.size, rule.count), target: rule.count, channels, streak: null };
}

const byTime = (purchases: readonly BadgePurchase[]): BadgePurchase[] =>
  [...purchases].sort(
    (a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.purchaseId.localeCompare(b.purchaseId),
  );

/**
 * The purchase that completed the badge: the first, in time order, at which the window ending with
 * it holds `count` of what the badge counts; null if none has yet. Returns never undo a completion.
 */
export function completingPurchase(
  rule: BadgeRule,
  life: BadgeLife,
  purchases: readonly BadgePurchase[],
  timeZone: string,
): BadgePurchase | null {
  const candidates = byTime(purchases).filter(
    (purchase) => inLife(life, purchase.occurredAt) && qualifies(rule, purchase),
  );
  if (rule.streak) return completingStreak(rule.streak, rule.count, candidates, timeZone);
  for (let last = 0; last < candidates.length; last++) {
    const at = candidates[last]!.occurredAt;
    const from = windowStart(rule, life, at, timeZone);
    const counted = candidates.slice(0, last + 1).filter((purchase) => purchase.occurredAt >= from);
    if (tally(rule, counted).current >= rule.count) return candidates[last]!;
  }
  return null;
}

/**
 * The first purchase or event, in time order, by which `count` consecutive units each held one.
 * A late event sorts into its place, so one that fills a gap completes the streak as if it had
 * come in time (at the event, of those read so far, that closed the run).
 */
function completingStreak(
  unit: BadgeStreakUnit,
  count: number,
  candidates: readonly BadgePurchase[],
  timeZone: string,
): BadgePurchase | null {
  const units = new Set<number>();
  for (const candidate of candidates) {
    const index = unitIndex(unit, candidate.occurredAt, timeZone);
    units.add(index);
    if (runThrough(units, index) >= count) return candidate;
  }
  return null;
}
