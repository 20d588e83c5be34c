import { DomainError } from '../../../runtime/errors/domainError';
import {
  campaignRuleId,
  CapPeriod,
  CampaignTrigger,
  channelQualifies,
  isRunning,
  lineQualifies,
  memberQualifies,
  RewardKind,
  type ActivityKind,
  type CampaignRule,
  type CustomerFacts,
} from '../campaigns/campaign.rules';
import { eventMatches, onceValueOf, type TrackedEvent } from '../customEvents/eventTrigger.rules';
import { periodStart } from '../limits/usage.rules';
import { formatMoney } from './money';

export enum QuoteErrorKind {
  /** An order that would earn more points than a `SafeInt` can hold. */
  QuoteTooLarge = 'QuoteTooLarge',
}

export class QuoteError extends DomainError<QuoteErrorKind> {}

export interface QuoteOrderLine {
  sku: string;
  category?: string | null;
  quantity: number;
  unitPrice: number;
}

export interface QuoteOrder {
  customerId: string;
  channel: string;
  storeId?: string | null;
  currency: string;
  lines: readonly QuoteOrderLine[];
  /** The member's tier: its multiplier earns a bonus on the base points. */
  tier?: { name: string; multiplierPercent: number } | null;
}

/** `points` for every `perAmount` minor units spent in `currency`. */
export interface EarnRate {
  currency: string;
  points: number;
  perAmount: number;
}

export enum QuoteLineKind {
  BASE = 'BASE',
  BONUS = 'BONUS',
}

export interface QuoteLine {
  kind: QuoteLineKind;
  /** Points, or the wallet's units when `wallet` is set. */
  points: number;
  reason: string;
  ruleId: string | null;
  /** The ledger wallet the line credits instead of points (a campaign's wallet reward). */
  wallet?: string | null;
  /** The campaign that granted the line, if one did. */
  campaignId?: string;
}

/** What a campaign note says: its cap or its budget limited it, or it has ended since the time judged. */
export enum CampaignNoteKind {
  CAPPED = 'CAPPED',
  BUDGET = 'BUDGET',
  ENDED_SINCE = 'ENDED_SINCE',
}

/**
 * A campaign the quote's time told on: one whose per-customer cap or budget lowered or removed its
 * award (`wouldGive` before the limit, `gave` after, 0 when removed), or one that applied at the
 * time judged but has ended since (`wouldGive` = `gave`).
 */
export interface CampaignNote {
  kind: CampaignNoteKind;
  campaignId: string;
  campaignName: string;
  /** The cap's period, and when the one containing the time judged began (null: the whole campaign). */
  capPeriod: CapPeriod;
  periodStart: string | null;
  wouldGive: number;
  gave: number;
}

export interface Quote {
  totalPoints: number;
  lines: QuoteLine[];
  campaignNotes: CampaignNote[];
}

/** What a campaign has already granted, as its limits count it. */
export interface RuleUsage {
  /** Points and grants to this customer in the current cap period. */
  periodPoints: number;
  periodGrants: number;
  /** Grants to this customer ever (a first-purchase campaign grants once). */
  grantsEver: number;
  /** Points the campaign may still grant in all; null when it has no budget. */
  budgetLeft: number | null;
}

/** The campaigns in play for one quote: the member, the time, and what each campaign has granted. */
export interface CampaignSituation {
  rules: readonly CampaignRule[];
  facts: CustomerFacts;
  timeZone: string;
  at: Date;
  /** Missing usage counts as nothing granted yet. */
  usage: ReadonlyMap<string, RuleUsage>;
  /** The time the quote is made, when later than `at` (a late event): campaigns ended since are noted. */
  now?: Date;
}

const noUsage: RuleUsage = { periodPoints: 0, periodGrants: 0, grantsEver: 0, budgetLeft: null };

export function baseRateId(currency: string): string {
  return `base:${currency}`;
}

export function describeRate(rate: EarnRate): string {
  return `${rate.points} ${rate.points === 1 ? 'point' : 'points'} per ${formatMoney(rate.perAmount, rate.currency)}`;
}

function amountOf(lines: readonly QuoteOrderLine[]): bigint {
  return lines.reduce((sum, line) => sum + BigInt(line.quantity) * BigInt(line.unitPrice), 0n);
}

function safePoints(exact: bigint): number {
  if (exact > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new QuoteError(QuoteErrorKind.QuoteTooLarge, 'This order would earn more points than can be recorded');
  }
  return Number(exact);
}

/** Points at `points` per `perAmount` on `amount`, rounded down. */
function atRate(amount: bigint, points: number, perAmount: number): number {
  return safePoints((amount * BigInt(points)) / BigInt(perAmount));
}

interface Candidate {
  rule: CampaignRule;
  points: number;
  reason: string;
}

/**
 * Whether a campaign's limits leave it anything to grant this customer now: a first-purchase
 * campaign that already granted, a spent grant or points cap, or a spent budget leave nothing.
 */
export function canStillGrant(rule: Pick<CampaignRule, 'limits' | 'audience'>, usage: RuleUsage): boolean {
  const { limits, audience } = rule;
  if ((audience.firstPurchase || audience.firstPurchaseInChannel) && usage.grantsEver > 0) return false;
  if (limits.perCustomerGrants !== null && usage.periodGrants >= limits.perCustomerGrants) return false;
  if (limits.perCustomerPoints !== null && usage.periodPoints >= limits.perCustomerPoints) return false;
  return usage.budgetLeft !== 0;
}

/**
 * Applies a campaign's limits to what it would grant: a spent cap or budget removes it, a points
 * cap or the budget's remainder lowers it (and the reason says so). `note` hears of every cap or
 * budget that did.
 */
function limited(
  candidate: Candidate,
  usage: RuleUsage,
  situation: CampaignSituation,
  note: (note: CampaignNote) => void,
): Candidate | null {
  const { rule } = candidate;
  const { limits } = rule;
  const told = (kind: CampaignNoteKind, gave: number): void => {
    const capPeriod = kind === CampaignNoteKind.BUDGET ? CapPeriod.CAMPAIGN : limits.capPeriod;
    const since = periodStart(capPeriod, situation.at, situation.timeZone);
    note({
      kind,
      campaignId: rule.id,
      campaignName: rule.name,
      capPeriod,
      periodStart: since ? since.toISOString() : null,
      wouldGive: candidate.points,
      gave,
    });
  };
  if ((rule.audience.firstPurchase || rule.audience.firstPurchaseInChannel) && usage.grantsEver > 0) return null;
  if (!canStillGrant(rule, usage)) {
    told(usage.budgetLeft === 0 ? CampaignNoteKind.BUDGET : CampaignNoteKind.CAPPED, 0);
    return null;
  }
  let points = candidate.points;
  let why: string | null = null;
  let by: CampaignNoteKind | null = null;
  if (limits.perCustomerPoints !== null && points > limits.perCustomerPoints - usage.periodPoints) {
    points = limits.perCustomerPoints - usage.periodPoints;
    why = "the campaign's per-customer cap";
    by = CampaignNoteKind.CAPPED;
  }
  if (usage.budgetLeft !== null && points > usage.budgetLeft) {
    points = usage.budgetLeft;
    why = "the campaign's remaining budget";
    by = CampaignNoteKind.BUDGET;
  }
  if (by) told(by, Math.max(0, points));
  if (points <= 0) return null;
  return {
    ...candidate,
    points,
    reason: why ? `${candidate.reason} (limited to ${points} by ${why})` : candidate.reason,
  };
}

/**
 * Stacking: the highest-priority campaign wins alone when it is exclusive; otherwise every
 * stackable campaign applies and exclusive ones step aside. Ties break by id, so the result is
 * deterministic.
 */
export function stack<T extends { rule: Pick<CampaignRule, 'id' | 'priority' | 'exclusive'> }>(
  candidates: readonly T[],
): T[] {
  const ranked = [...candidates].sort(
    (a, b) => b.rule.priority - a.rule.priority || a.rule.id.localeCompare(b.rule.id),
  );
  const top = ranked[0];
  if (!top) return [];
  return top.rule.exclusive ? [top] : ranked.filter((candidate) => !candidate.rule.exclusive);
}

function toLines(candidates: readonly Candidate[]): QuoteLine[] {
  return candidates.map(({ rule, points, reason }) => ({
    kind: QuoteLineKind.BONUS,
    points,
    reason,
    ruleId: campaignRuleId(rule.id),
    campaignId: rule.id,
    // Only when set: a line in points stays as it always was.
    ...(rule.reward.wallet ? { wallet: rule.reward.wallet } : {}),
  }));
}

function purchaseCandidate(
  rule: CampaignRule,
  order: QuoteOrder,
  rate: EarnRate | undefined,
  situation: CampaignSituation,
): Candidate | null {
  const { audience, reward } = rule;
  const { facts, at } = situation;
  if (rule.trigger !== CampaignTrigger.PURCHASE || !isRunning(rule, situation.timeZone, at)) return null;
  if (!channelQualifies(audience, order.channel) || !memberQualifies(audience, facts, at)) return null;
  if (audience.firstPurchase && facts.purchasesBefore > 0) return null;
  if (audience.firstPurchaseInChannel && facts.channelsBefore.includes(order.channel)) return null;
  if (audience.minSpend !== null) {
    if (audience.minSpendCurrency !== order.currency || amountOf(order.lines) < BigInt(audience.minSpend)) return null;
  }
  const lines = order.lines.filter((line) => lineQualifies(audience, line));
  if (lines.length === 0) return null;
  const amount = amountOf(lines);
  const whole = lines.length === order.lines.length;
  const on = whole ? '' : ` on ${formatMoney(Number(amount), order.currency)} of qualifying items`;
  switch (reward.kind) {
    case RewardKind.MULTIPLIER: {
      if (!rate || rate.currency !== order.currency) return null;
      const base = atRate(amount, rate.points, rate.perAmount);
      const points = Math.floor((base * (reward.multiplierPercent! - 100)) / 100);
      return { rule, points, reason: `${rule.name}: ${reward.multiplierPercent! / 100}× points${on}` };
    }
    case RewardKind.FIXED_BONUS:
      return { rule, points: reward.points!, reason: `${rule.name}: ${reward.points!} bonus points` };
    case RewardKind.RATE: {
      if (reward.currency !== order.currency) return null;
      const points = atRate(amount, reward.points!, reward.perAmount!);
      const rateText = describeRate({ currency: order.currency, points: reward.points!, perAmount: reward.perAmount! });
      return {
        rule,
        points,
        reason: `${rule.name}: ${rateText}${on || ` on ${formatMoney(Number(amount), order.currency)}`}`,
      };
    }
  }
}

function total(lines: readonly QuoteLine[], notes: readonly CampaignNote[] = []): Quote {
  // A wallet line credits the wallet, not points.
  const totalPoints = lines.reduce((sum, line) => sum + (line.wallet ? 0 : line.points), 0);
  if (!Number.isSafeInteger(totalPoints)) {
    throw new QuoteError(QuoteErrorKind.QuoteTooLarge, 'This order would earn more points than can be recorded');
  }
  // By campaign, so the notes do not depend on the order the campaigns came in.
  const campaignNotes = [...notes].sort(
    (a, b) => a.campaignId.localeCompare(b.campaignId) || a.kind.localeCompare(b.kind),
  );
  return { totalPoints, lines: [...lines], campaignNotes };
}

/**
 * The campaigns of a quote that limits or time told on: the notes its limits took, then each
 * campaign that granted a line though it has ended by `situation.now`.
 */
function withEndedSince(
  notes: CampaignNote[],
  granted: readonly Candidate[],
  situation: CampaignSituation,
): CampaignNote[] {
  const { now } = situation;
  if (!now || now <= situation.at) return notes;
  for (const { rule, points } of granted) {
    if (isRunning(rule, situation.timeZone, now)) continue;
    notes.push({
      kind: CampaignNoteKind.ENDED_SINCE,
      campaignId: rule.id,
      campaignName: rule.name,
      capPeriod: rule.limits.capPeriod,
      periodStart: null,
      wouldGive: points,
      gave: points,
    });
  }
  return notes;
}

/**
 * What an order earns: the base rate on the order total (rounded down to whole points), the tier
 * multiplier's bonus on those base points, and one line per running campaign that the order and
 * the member qualify for, within its limits and the stacking rules. No rate for the order's
 * currency earns no base points. Pure: the same order, rates, campaigns, usage and time always give
 * the same quote.
 */
export function quoteOrder(order: QuoteOrder, rate: EarnRate | undefined, situation?: CampaignSituation): Quote {
  const lines: QuoteLine[] = [];
  if (rate && rate.currency === order.currency) {
    const total = amountOf(order.lines);
    const points = atRate(total, rate.points, rate.perAmount);
    if (points > 0) {
      lines.push({
        kind: QuoteLineKind.BASE,
        points,
        reason: `Base rate: ${describeRate(rate)} on ${formatMoney(Number(total), order.currency)}`,
        ruleId: baseRateId(rate.currency),
      });
      const tier = order.tier;
      if (tier && tier.multiplierPercent > 100) {
        // The multiplier applies to the base points; whole points, rounded down.
        const bonus = Math.floor((points * (tier.multiplierPercent - 100)) / 100);
        if (bonus > 0) {
          lines.push({
            kind: QuoteLineKind.BONUS,
            points: bonus,
            reason: `${tier.name} tier: ${tier.multiplierPercent / 100}× points`,
            ruleId: `tier:${tier.name}`,
          });
        }
      }
    }
  }
  const notes: CampaignNote[] = [];
  if (situation) {
    const candidates = situation.rules
      .map((rule) => purchaseCandidate(rule, order, rate, situation))
      .flatMap((candidate) => (candidate && candidate.points > 0 ? [candidate] : []))
      .flatMap(
        (candidate) =>
          limited(candidate, situation.usage.get(candidate.rule.id) ?? noUsage, situation, (n) => notes.push(n)) ?? [],
      );
    const granted = stack(candidates);
    lines.push(...toLines(granted));
    withEndedSince(notes, granted, situation);
  }
  return total(lines, notes);
}

export interface QuoteActivity {
  kind: ActivityKind;
  channel: string;
}

/** The fixed bonus of each campaign an activity or event qualifies for, within its limits, stacked. */
function quoteFixedBonuses(rules: readonly CampaignRule[], situation: CampaignSituation): Quote {
  const notes: CampaignNote[] = [];
  const candidates = rules.flatMap((rule) => {
    const points = rule.reward.points ?? 0;
    const candidate = { rule, points, reason: `${rule.name}: ${points} bonus points` };
    return limited(candidate, situation.usage.get(rule.id) ?? noUsage, situation, (n) => notes.push(n)) ?? [];
  });
  const granted = stack(candidates);
  return total(toLines(granted), withEndedSince(notes, granted, situation));
}

/** What an activity earns: one line per running ACTIVITY campaign of its kind the member qualifies for. */
export function quoteActivity(activity: QuoteActivity, situation: CampaignSituation): Quote {
  const { facts, at } = situation;
  return quoteFixedBonuses(
    situation.rules.filter(
      (rule) =>
        rule.trigger === CampaignTrigger.ACTIVITY &&
        rule.activityKind === activity.kind &&
        isRunning(rule, situation.timeZone, at) &&
        channelQualifies(rule.audience, activity.channel) &&
        memberQualifies(rule.audience, facts, at),
    ),
    situation,
  );
}

/**
 * What a custom event earns: one line per running EVENT campaign whose trigger it meets (type and
 * property conditions) and whose channel and audience the member qualifies for, within its limits;
 * `taken` are the campaigns that already rewarded this member for the event's "once per" value.
 */
export function quoteEvent(event: TrackedEvent, situation: CampaignSituation, taken: ReadonlySet<string>): Quote {
  const { facts, at } = situation;
  return quoteFixedBonuses(
    situation.rules.filter(
      (rule) =>
        rule.trigger === CampaignTrigger.EVENT &&
        !!rule.eventTrigger &&
        eventMatches(rule.eventTrigger, event) &&
        onceValueOf(rule.eventTrigger, event) !== undefined &&
        !taken.has(rule.id) &&
        isRunning(rule, situation.timeZone, at) &&
        channelQualifies(rule.audience, event.channel) &&
        memberQualifies(rule.audience, facts, at),
    ),
    situation,
  );
}
