import {
  CampaignTrigger,
  memberQualifies,
  RewardKind,
  type CampaignRule,
  type CustomerFacts,
} from '../campaigns/campaign.rules';
import { canStillGrant, describeRate, type RuleUsage } from '../quotes/quote.engine';
import { describeSchedule, nextLiveInterval } from '../schedules/schedule.rules';

export interface RankedOffer {
  rule: CampaignRule;
  liveNow: boolean;
  startsAt: Date;
  endsAt: Date | null;
  /** Why it is shown to this member, e.g. "Your first purchase in IN_STORE". */
  why: string;
  score: number;
  /** The reward and the schedule, in words. */
  description: string;
}

const dayMs = 86_400_000;
/** Upcoming campaigns are offered a week ahead. */
const horizonMs = 7 * dayMs;

const channelNames: Record<string, string> = { IN_STORE: 'in store', ONLINE: 'online', MOBILE_APP: 'in the app' };
const channelName = (channel: string): string => channelNames[channel] ?? channel;

function rewardText(rule: CampaignRule): string {
  const { reward } = rule;
  switch (reward.kind) {
    case RewardKind.MULTIPLIER:
      return `${reward.multiplierPercent! / 100}× points`;
    case RewardKind.FIXED_BONUS:
      return `${reward.points} bonus points`;
    case RewardKind.RATE:
      return describeRate({ currency: reward.currency!, points: reward.points!, perAmount: reward.perAmount! });
  }
}

/** A rough worth for ranking: bonus points per €100-ish of spend, or the points themselves. */
function worth(rule: CampaignRule): number {
  const { reward } = rule;
  switch (reward.kind) {
    case RewardKind.MULTIPLIER:
      return reward.multiplierPercent! - 100;
    case RewardKind.FIXED_BONUS:
      return reward.points!;
    case RewardKind.RATE:
      return Math.round((reward.points! * 10_000) / reward.perAmount!);
  }
}

/**
 * The campaigns a member can benefit from now or within a week, best first: a reason to try a new
 * channel ranks highest (that is what an omnichannel program wants), then what targets this member
 * in particular, then what is live now, then what is worth more, then what ends soonest.
 */
export function rankOffers(
  rules: readonly CampaignRule[],
  facts: CustomerFacts,
  usage: ReadonlyMap<string, RuleUsage>,
  timeZone: string,
  at: Date,
): RankedOffer[] {
  const offers: RankedOffer[] = [];
  for (const rule of rules) {
    if (rule.status !== 'SCHEDULED') continue;
    const interval = nextLiveInterval(rule.schedule, timeZone, at);
    if (!interval || interval.start.getTime() - at.getTime() > horizonMs) continue;
    if (!memberQualifies(rule.audience, facts, at)) continue;
    const { audience } = rule;
    const used = usage.get(rule.id);
    if (used && !canStillGrant(rule, used)) continue;
    if (audience.firstPurchase && facts.purchasesBefore > 0) continue;
    const newChannels = audience.channels.filter((channel) => !facts.channelsBefore.includes(channel));
    if (audience.firstPurchaseInChannel && audience.channels.length > 0 && newChannels.length === 0) continue;

    let score = Math.min(worth(rule), 500);
    let why = 'For every member';
    if (audience.firstPurchaseInChannel) {
      score += 3000;
      const where = (audience.channels.length > 0 ? newChannels : []).map(channelName);
      why = where.length > 0 ? `Your first purchase ${where.join(' or ')}` : 'Your first purchase in a new channel';
    } else if (audience.firstPurchase) {
      score += 2000;
      why = 'Your first purchase';
    } else if (audience.segments.length > 0 || audience.tiers.length > 0 || audience.newMemberWithinDays !== null) {
      score += 1000;
      why =
        audience.tiers.length > 0 && facts.tier
          ? `For ${facts.tier} members`
          : audience.newMemberWithinDays !== null
            ? 'Because you joined recently'
            : 'Picked for you';
    } else if (rule.trigger !== CampaignTrigger.PURCHASE) {
      why = 'For something you do';
    }
    const liveNow = interval.start.getTime() <= at.getTime();
    if (liveNow) score += 600;
    if (interval.end && interval.end.getTime() - at.getTime() < 2 * dayMs) score += 50;
    const where =
      audience.channels.length > 0 ? ` ${audience.channels.map(channelName).join(', ')}` : ' on every channel';
    const what =
      rule.trigger === CampaignTrigger.ACTIVITY
        ? `for ${rule.activityKind!.toLowerCase().replace('_', ' ')}`
        : rule.trigger === CampaignTrigger.EVENT
          ? `for ${rule.eventTrigger!.eventType}`
          : where;
    offers.push({
      rule,
      liveNow,
      startsAt: interval.start,
      endsAt: interval.end,
      why,
      score,
      description:
        rule.description ?? `${rewardText(rule)} ${what.trim()}, ${describeSchedule(rule.schedule, timeZone)}`,
    });
  }
  return offers.sort(
    (a, b) => b.score - a.score || b.rule.priority - a.rule.priority || a.rule.id.localeCompare(b.rule.id),
  );
}
