import { isLive, scheduleProblem, type Schedule } from '../schedules/schedule.rules';
import type { AttributeCondition } from '../segments/segment.rules';

/** What starts a campaign's grant: a purchase, or an activity an integration reports. */
export enum CampaignTrigger {
  PURCHASE = 'PURCHASE',
  ACTIVITY = 'ACTIVITY',
  /** A custom event the profile tracked (`trackEvent`), of a type and with conditions on its properties. */
  EVENT = 'EVENT',
}

/**
 * What an EVENT campaign rewards: a custom event of `eventType` whose properties meet every
 * condition (`path` from the top of the properties), at most once per member and value of the
 * `oncePer` property when it names one (once per product id).
 */
export interface EventTrigger {
  eventType: string;
  conditions: AttributeCondition[];
  oncePer: string[] | null;
}

/** Things a member does besides buying that can earn points. */
export enum ActivityKind {
  SIGN_UP = 'SIGN_UP',
  /** Granted to the referrer once the friend they referred has a first purchase out of its pending window. */
  REFERRAL = 'REFERRAL',
  /** Granted to a friend who enrolled with a member's referral code (`useReferralCode`). */
  REFERRED_FRIEND = 'REFERRED_FRIEND',
  PRODUCT_REVIEW = 'PRODUCT_REVIEW',
  SOCIAL_SHARE = 'SOCIAL_SHARE',
  BIRTHDAY = 'BIRTHDAY',
}

export enum RewardKind {
  /** `multiplierPercent` of the base points of the qualifying lines: 200 is double points. */
  MULTIPLIER = 'MULTIPLIER',
  /** `points` once per qualifying purchase or activity. */
  FIXED_BONUS = 'FIXED_BONUS',
  /** `points` for every `perAmount` minor units spent on the qualifying lines (per-SKU or per-category rates). */
  RATE = 'RATE',
}

/**
 * DRAFT: being written, grants nothing. SCHEDULED: grants while its schedule is live. PAUSED: grants
 * nothing until resumed. ENDED: grants nothing, for good.
 */
export enum CampaignStatus {
  DRAFT = 'DRAFT',
  SCHEDULED = 'SCHEDULED',
  PAUSED = 'PAUSED',
  ENDED = 'ENDED',
}

/** The period a per-customer cap counts over, in the program's time zone. */
export enum CapPeriod {
  CAMPAIGN = 'CAMPAIGN',
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}

export interface CampaignReward {
  kind: RewardKind;
  multiplierPercent: number | null;
  points: number | null;
  perAmount: number | null;
  /** The currency a RATE counts `perAmount` in; orders in another currency earn nothing from it. */
  currency: string | null;
  /**
   * A wallet of the ledger (stamps, cashback, store credit) the reward is credited to instead of
   * points, in that wallet's units (issue 29); absent or null: points. PURCHASE campaigns only.
   */
  wallet?: string | null;
}

/** Who and what qualifies. Empty lists and nulls do not restrict. */
export interface Audience {
  channels: string[];
  tiers: string[];
  /** Segment keys: a member of any of them qualifies. */
  segments: string[];
  firstPurchase: boolean;
  firstPurchaseInChannel: boolean;
  /** Minimum order total, in minor units of `minSpendCurrency`. */
  minSpend: number | null;
  minSpendCurrency: string | null;
  /** Lines that qualify (by SKU or by category); the others earn the campaign nothing. */
  skus: string[];
  categories: string[];
  /** Only members who enrolled at most this many days ago. */
  newMemberWithinDays: number | null;
}

export interface CampaignLimits {
  /** Points one customer may get from this campaign in a `capPeriod`. */
  perCustomerPoints: number | null;
  /** Grants one customer may get from this campaign in a `capPeriod`. */
  perCustomerGrants: number | null;
  capPeriod: CapPeriod;
  /** Points the campaign may grant in all; never overspent. */
  budgetPoints: number | null;
}

export interface CampaignDefinition {
  name: string;
  description: string | null;
  trigger: CampaignTrigger;
  activityKind: ActivityKind | null;
  /** EVENT campaigns only. */
  eventTrigger?: EventTrigger | null;
  reward: CampaignReward;
  audience: Audience;
  schedule: Schedule;
  limits: CampaignLimits;
  /** An exclusive campaign never combines with other campaigns on one order. */
  exclusive: boolean;
  /** Higher wins when exclusive campaigns compete. */
  priority: number;
  /** Percent of members (0 to 50) held out at random: they get nothing from it (see holdout.rules). */
  holdoutPercent: number;
}

export interface CampaignRule extends CampaignDefinition {
  id: string;
  status: CampaignStatus;
}

/** The member as the engine sees them when it quotes. */
export interface CustomerFacts {
  tier: string | null;
  /** Purchases the member made before this one, on any channel. */
  purchasesBefore: number;
  /** Channels the member had bought in before this purchase. */
  channelsBefore: readonly string[];
  segments: readonly string[];
  enrolledAt: Date | null;
}

export const noRestriction: Audience = {
  channels: [],
  tiers: [],
  segments: [],
  firstPurchase: false,
  firstPurchaseInChannel: false,
  minSpend: null,
  minSpendCurrency: null,
  skus: [],
  categories: [],
  newMemberWithinDays: null,
};

const dayMs = 86_400_000;

export function campaignRuleId(campaignId: string): string {
  return `campaign:${campaignId}`;
}

/** Null when the definition can run, else what a marketer must fix. */
export function campaignProblem(definition: CampaignDefinition): string | null {
  const { reward, audience, trigger, limits } = definition;
  if (definition.name.trim() === '') return 'name must not be empty';
  if (!Number.isInteger(definition.holdoutPercent) || definition.holdoutPercent < 0 || definition.holdoutPercent > 50)
    return 'holdoutPercent must be a whole number from 0 to 50';
  if (trigger === CampaignTrigger.ACTIVITY) {
    if (!definition.activityKind) return 'an ACTIVITY campaign needs an activityKind';
    if (reward.kind !== RewardKind.FIXED_BONUS) return 'an ACTIVITY campaign grants a FIXED_BONUS';
    if (audience.firstPurchase || audience.firstPurchaseInChannel || audience.minSpend !== null)
      return 'purchase conditions (first purchase, minimum spend) do not apply to an ACTIVITY campaign';
    if (audience.skus.length > 0 || audience.categories.length > 0)
      return 'SKU and category conditions do not apply to an ACTIVITY campaign';
  } else if (definition.activityKind) {
    return 'activityKind is for ACTIVITY campaigns only';
  }
  if (trigger === CampaignTrigger.EVENT) {
    if (!definition.eventTrigger) return 'an EVENT campaign needs an eventTrigger';
    if (reward.kind !== RewardKind.FIXED_BONUS) return 'an EVENT campaign grants a FIXED_BONUS';
    if (audience.firstPurchase || audience.firstPurchaseInChannel || audience.minSpend !== null)
      return 'purchase conditions (first purchase, minimum spend) do not apply to an EVENT campaign';
    if (audience.skus.length > 0 || audience.categories.length > 0)
      return 'SKU and category conditions do not apply to an EVENT campaign';
  } else if (definition.eventTrigger) {
    return 'eventTrigger is for EVENT campaigns only';
  }
  switch (reward.kind) {
    case RewardKind.MULTIPLIER:
      if (reward.multiplierPercent === null || reward.multiplierPercent <= 100)
        return 'a MULTIPLIER needs multiplierPercent above 100 (200 is double points)';
      break;
    case RewardKind.FIXED_BONUS:
      if (reward.points === null || reward.points < 1) return 'a FIXED_BONUS needs points of at least 1';
      break;
    case RewardKind.RATE:
      if (reward.points === null || reward.points < 1 || reward.perAmount === null || reward.perAmount < 1)
        return 'a RATE needs points and perAmount of at least 1';
      if (reward.currency === null) return 'a RATE needs the currency its perAmount is counted in';
      break;
  }
  if (reward.wallet != null) {
    if (trigger !== CampaignTrigger.PURCHASE) return 'a wallet reward is for PURCHASE campaigns';
    if (reward.kind === RewardKind.MULTIPLIER) return 'a wallet reward is a FIXED_BONUS or a RATE, not a MULTIPLIER';
    if (!/^[A-Z][A-Z0-9_]{1,31}$/.test(reward.wallet)) return 'wallet must be the code of a wallet the ledger defines';
  }
  if ((audience.minSpend === null) !== (audience.minSpendCurrency === null))
    return 'minSpend and minSpendCurrency go together';
  if (limits.budgetPoints !== null && limits.budgetPoints < 1) return 'budgetPoints must be at least 1';
  if (limits.perCustomerPoints !== null && limits.perCustomerPoints < 1) return 'perCustomerPoints must be at least 1';
  if (limits.perCustomerGrants !== null && limits.perCustomerGrants < 1) return 'perCustomerGrants must be at least 1';
  return scheduleProblem(definition.schedule);
}

/** Grants only while SCHEDULED and inside its schedule. */
export function isRunning(rule: CampaignRule, timeZone: string, at: Date): boolean {
  return rule.status === CampaignStatus.SCHEDULED && isLive(rule.schedule, timeZone, at);
}

/** The audience conditions that do not depend on an order: tier, segment, new member. */
export function memberQualifies(audience: Audience, facts: CustomerFacts, at: Date): boolean {
  if (audience.tiers.length > 0 && (facts.tier === null || !audience.tiers.includes(facts.tier))) return false;
  if (audience.segments.length > 0 && !audience.segments.some((key) => facts.segments.includes(key))) return false;
  if (audience.newMemberWithinDays !== null) {
    if (!facts.enrolledAt) return false;
    if (at.getTime() - facts.enrolledAt.getTime() > audience.newMemberWithinDays * dayMs) return false;
  }
  return true;
}

/** Whether a channel is one the audience names (every channel when it names none). */
export function channelQualifies(audience: Audience, channel: string): boolean {
  return audience.channels.length === 0 || audience.channels.includes(channel);
}

export interface OrderLineFacts {
  sku: string;
  category?: string | null;
}

/** Whether an order line is one the campaign rewards (every line when it names no SKU or category). */
export function lineQualifies(audience: Audience, line: OrderLineFacts): boolean {
  if (audience.skus.length === 0 && audience.categories.length === 0) return true;
  return audience.skus.includes(line.sku) || (!!line.category && audience.categories.includes(line.category));
}
