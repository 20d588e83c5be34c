import { Arg, Authorized, Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import { userInputError } from '../../../runtime/errors/graphqlErrors';
import { CampaignStatus, type Audience } from '../campaigns/campaign.rules';
import type { CampaignRecord } from '../campaigns/campaign.store';
import { Campaign } from '../campaigns/campaign.type';
import { inHoldout } from '../campaigns/holdout.rules';
import type { CampaignContext } from '../context';
import { rangeStore, type StoredStats } from '../segments/segment.store';
import { campaignPerformance, type GroupSpend } from './performance.rules';
import { performanceStore } from './performance.store';
import { CampaignPerformance } from './performance.type';

const maxPointCost = 1_000_000;

/**
 * Whether a member is in the audience: known to campaigns (bought, or enrolment read) by the start of
 * the range, so members the campaign itself brought in fall on neither side; by tier and segment as
 * they are now (`now`).
 */
function inAudience(audience: Audience, member: StoredStats, inSegments: ReadonlySet<string>, start: Date): boolean {
  const known = [member.firstPurchaseAt, member.enrolledAt].filter((at): at is Date => at !== null);
  if (known.length === 0 || Math.min(...known.map((at) => at.getTime())) > start.getTime()) return false;
  if (audience.tiers.length > 0 && (member.tier === null || !audience.tiers.includes(member.tier))) return false;
  if (audience.segments.length === 0) return true;
  return inSegments.has(member.customerId);
}

@Resolver(() => Campaign)
export class CampaignPerformanceResolver {
  @Authorized('marketer', 'admin')
  @FieldResolver(() => CampaignPerformance, {
    description:
      'Points granted, members reached, and the spend the campaign caused against its holdout, for a range (default: from its start, or its creation, to its end or now).',
  })
  async performance(
    @Root() campaign: CampaignRecord,
    @Ctx() ctx: CampaignContext,
    @Arg('from', () => Date, { nullable: true }) from: Date | null | undefined,
    @Arg('to', () => Date, { nullable: true }) to: Date | null | undefined,
    @Arg('pointCost', () => Float, {
      defaultValue: 1,
      description: "What one point costs the program, in minor units of the program's currency (1: a cent a point).",
    })
    pointCost: number,
  ): Promise<CampaignPerformance> {
    const now = ctx.quotes.clock();
    const start = from ?? campaign.schedule.startsAt ?? campaign.createdAt;
    const ended = campaign.status === CampaignStatus.ENDED ? campaign.updatedAt.getTime() : Infinity;
    let end = to ?? new Date(Math.min(ended, campaign.schedule.endsAt?.getTime() ?? Infinity, now.getTime()));
    if (from != null || to != null) {
      if (!(start < end)) throw userInputError('from must be before to', { argument: 'from' });
    } else if (end < start) {
      // Not started yet: nothing to measure.
      end = start;
    }
    if (!Number.isFinite(pointCost) || pointCost < 0 || pointCost > maxPointCost) {
      throw userInputError(`pointCost must be from 0 to ${maxPointCost}`, { argument: 'pointCost' });
    }
    const program = await ctx.quotes.program();
    const [members, segmentMembers, spend, rewards] = await Promise.all([
      ctx.loaders.allStats.load('all'),
      ctx.loaders.segmentMembers.load('all'),
      rangeStore.spendByCustomer(ctx.db, {
        from: start,
        to: end,
        currency: program.currency,
        channels: campaign.audience.channels,
      }),
      performanceStore.rewards(ctx.db, campaign.id, start, end),
    ]);
    const treatment: GroupSpend = { members: 0, buyers: 0, spend: 0 };
    const holdout: GroupSpend = { members: 0, buyers: 0, spend: 0 };
    const inSegments = new Set(campaign.audience.segments.flatMap((key) => segmentMembers.get(key) ?? []));
    for (const member of members) {
      if (!inAudience(campaign.audience, member, inSegments, start)) continue;
      const group = inHoldout(campaign, member.customerId) ? holdout : treatment;
      group.members++;
      const bought = spend.get(member.customerId);
      if (bought) {
        group.buyers++;
        group.spend += bought.spend;
      }
    }
    return {
      from: start,
      to: end,
      currency: program.currency,
      pointsGranted: rewards.points,
      grants: rewards.grants,
      membersReached: rewards.membersReached,
      holdoutPercent: campaign.holdoutPercent,
      audienceMembers: treatment.members + holdout.members,
      treatmentMembers: treatment.members,
      holdoutMembers: holdout.members,
      treatmentBuyers: treatment.buyers,
      holdoutBuyers: holdout.buyers,
      pointCost,
      ...campaignPerformance({ treatment, holdout, pointsGranted: rewards.points, pointCost }),
    };
  }
}
