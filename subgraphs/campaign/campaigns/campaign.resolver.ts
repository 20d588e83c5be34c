import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphQLSafeInt } from 'graphql-scalars';
import { actorOf } from '../../../runtime/auth/principal';
import { connectionType, toConnection, type Connection } from '../../../runtime/pagination/connection';
import { checkPageSize, decodeCursor, pageSize } from '../../../runtime/pagination/cursor';
import { userInputError } from '../../../runtime/errors/graphqlErrors';
import { isUuid } from '../../../runtime/validation/validators';
import type { CampaignContext } from '../context';
import { describeSchedule, isLive, nextLiveInterval } from '../schedules/schedule.rules';
import { CampaignStatus } from './campaign.rules';
import type { CampaignAction } from './campaign.service';
import type { CampaignRecord } from './campaign.store';
import { Campaign, CampaignInput, LiveInterval } from './campaign.type';

const CampaignConnection = connectionType('Campaign', Campaign);
const managers = ['marketer', 'admin'] as const;

function checkId(id: string): string {
  if (!isUuid(id)) throw userInputError('id must be a campaign id (UUID)', { argument: 'id' });
  return id;
}

const cursorOf = (campaign: CampaignRecord): string => `${campaign.createdAt.toISOString()}|${campaign.id}`;

@Resolver(() => Campaign)
export class CampaignResolver {
  @Authorized(...managers)
  @Query(() => CampaignConnection, { description: 'Campaigns, oldest first, optionally of some statuses (marketers).' })
  async campaigns(
    @Ctx() ctx: CampaignContext,
    @Arg('first', () => Int, { defaultValue: pageSize.default }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('statuses', () => [CampaignStatus], { nullable: true }) statuses: CampaignStatus[] | null,
  ): Promise<Connection<Campaign>> {
    checkPageSize(first);
    let position: { createdAt: string; id: string } | undefined;
    if (after) {
      const [createdAt, id] = decodeCursor<string>(after, 'string').split('|');
      if (!createdAt || !id || !isUuid(id) || Number.isNaN(Date.parse(createdAt))) {
        throw userInputError('after is not a campaign cursor', { argument: 'after' });
      }
      position = { createdAt, id };
    }
    const rows = await ctx.campaigns.list({ first, after: position, statuses: statuses ?? undefined });
    return toConnection(rows, first, cursorOf, (row) => row);
  }

  @Authorized(...managers)
  @Query(() => Campaign, { description: 'One campaign (marketers).' })
  campaign(@Arg('id', () => ID) id: string, @Ctx() ctx: CampaignContext): Promise<Campaign> {
    return ctx.campaigns.find(checkId(id));
  }

  @Authorized(...managers)
  @Mutation(() => Campaign, { description: 'Drafts a campaign; it grants nothing until scheduled.' })
  createCampaign(@Arg('input') input: CampaignInput, @Ctx() ctx: CampaignContext): Promise<Campaign> {
    return ctx.campaigns.create(input, actorOf(ctx.principal!));
  }

  @Authorized(...managers)
  @Mutation(() => Campaign, {
    description:
      'Rewrites a campaign that has not ended. With expectedVersion, refuses (CONFLICT) if someone changed it meanwhile.',
  })
  updateCampaign(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: CampaignInput,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() ctx: CampaignContext,
  ): Promise<Campaign> {
    return ctx.campaigns.update(checkId(id), input, expectedVersion ?? null, actorOf(ctx.principal!));
  }

  @Authorized(...managers)
  @Mutation(() => Campaign, {
    description: 'Schedules a draft or resumes a paused campaign: it grants whenever its schedule is live.',
  })
  scheduleCampaign(@Arg('id', () => ID) id: string, @Ctx() ctx: CampaignContext): Promise<Campaign> {
    return this.act(ctx, id, 'schedule');
  }

  @Authorized(...managers)
  @Mutation(() => Campaign, { description: 'Pauses a scheduled campaign: it grants nothing until scheduled again.' })
  pauseCampaign(@Arg('id', () => ID) id: string, @Ctx() ctx: CampaignContext): Promise<Campaign> {
    return this.act(ctx, id, 'pause');
  }

  @Authorized(...managers)
  @Mutation(() => Campaign, { description: 'Ends a campaign for good.' })
  endCampaign(@Arg('id', () => ID) id: string, @Ctx() ctx: CampaignContext): Promise<Campaign> {
    return this.act(ctx, id, 'end');
  }

  @FieldResolver(() => Boolean, { description: 'Whether it grants right now (scheduled and inside its schedule).' })
  async liveNow(@Root() campaign: CampaignRecord, @Ctx() ctx: CampaignContext): Promise<boolean> {
    const { timeZone } = await ctx.quotes.program();
    return campaign.status === CampaignStatus.SCHEDULED && isLive(campaign.schedule, timeZone, ctx.quotes.clock());
  }

  @FieldResolver(() => LiveInterval, {
    nullable: true,
    description: 'The live interval now or next, in absolute time (daylight-saving correct); null if none is left.',
  })
  async nextLive(@Root() campaign: CampaignRecord, @Ctx() ctx: CampaignContext): Promise<LiveInterval | null> {
    if (campaign.status === CampaignStatus.ENDED) return null;
    const { timeZone } = await ctx.quotes.program();
    return nextLiveInterval(campaign.schedule, timeZone, ctx.quotes.clock());
  }

  @FieldResolver(() => String, {
    description: 'The schedule in words, e.g. "Fridays 18:00 to Sundays 23:59 (Europe/Paris)".',
  })
  async scheduleText(@Root() campaign: CampaignRecord, @Ctx() ctx: CampaignContext): Promise<string> {
    const { timeZone } = await ctx.quotes.program();
    return describeSchedule(campaign.schedule, timeZone);
  }

  @FieldResolver(() => GraphQLSafeInt, {
    nullable: true,
    description: 'Points left in the budget; null without a budget.',
  })
  budgetLeft(@Root() campaign: CampaignRecord): number | null {
    return campaign.limits.budgetPoints === null
      ? null
      : Math.max(0, campaign.limits.budgetPoints - campaign.spentPoints);
  }

  private act(ctx: CampaignContext, id: string, action: CampaignAction): Promise<Campaign> {
    return ctx.campaigns.act(checkId(id), action, actorOf(ctx.principal!));
  }
}
