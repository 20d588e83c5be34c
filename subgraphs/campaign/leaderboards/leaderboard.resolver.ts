import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { forbidden, requireCustomerAccess } from '../../../runtime/auth/authorize';
import { actorOf } from '../../../runtime/auth/principal';
import { checkPageSize } from '../../../runtime/pagination/cursor';
import { isUuid } from '../../../runtime/validation/validators';
import type { CampaignContext } from '../context';
import { CampaignError, CampaignErrorKind } from '../errors';
import { offerReaders } from '../offers/offer.access';
import { Customer } from '../offers/offer.type';
import { leaderboardWindow, LeaderboardPeriod } from './leaderboard.rules';
import { leaderboardStore } from './leaderboard.store';
import { Leaderboard, LeaderboardMembership } from './leaderboard.type';
import { readReplica } from '../../../runtime/database/readReplica';

@Resolver()
export class LeaderboardResolver {
  @Authorized('member', 'associate', 'marketer', 'admin')
  @Query(() => Leaderboard, {
    description:
      "Members who opted in, ranked by points earned on purchases in a store during the week or month containing `at` (default now), in the program's time zone. Members, marketers and admins read any store's; associates their own store's.",
  })
  async leaderboard(
    @Arg('storeId') storeId: string,
    @Arg('period', () => LeaderboardPeriod) period: LeaderboardPeriod,
    @Arg('at', () => Date, { nullable: true }) at: Date | null,
    @Arg('first', () => Int, { defaultValue: 10 }) first: number,
    @Ctx() ctx: CampaignContext,
  ): Promise<Leaderboard> {
    const caller = ctx.principal!;
    if (storeId.trim() === '' || storeId.length > 64) {
      throw new CampaignError(CampaignErrorKind.InvalidLeaderboard, 'storeId must be 1 to 64 characters', {
        argument: 'storeId',
      });
    }
    if (caller.role === 'associate' && caller.storeId !== storeId) {
      throw forbidden(`An associate of ${caller.storeId} may not see the leaderboard of store ${storeId}`);
    }
    checkPageSize(first);
    const { timeZone } = await ctx.quotes.program();
    const { from, to } = leaderboardWindow(period, at ?? ctx.quotes.clock(), timeZone);
    // Standings across members may lag by a replica's delay (a member's own entry is read elsewhere).
    const entries = await leaderboardStore.standings(readReplica(ctx.db), { storeId, from, to, first });
    return { storeId, period, from, to, entries };
  }

  @Authorized('member')
  @Mutation(() => LeaderboardMembership, {
    description:
      'Opts the signed-in member in to leaderboards under displayName (2 to 24 letters, digits, spaces and . \' - _; not an email, phone number or their full name), or by default their given name and initial ("Ada L."). Joining again changes the name.',
  })
  joinLeaderboards(
    @Arg('displayName', () => String, { nullable: true }) displayName: string | null,
    @Ctx() ctx: CampaignContext,
  ): Promise<LeaderboardMembership> {
    const caller = ctx.principal!;
    return ctx.leaderboards.join(caller.subject, displayName ?? null, ctx.quotes.clock(), actorOf(caller));
  }

  @Authorized('member', 'admin')
  @Mutation(() => Boolean, {
    description:
      'Takes a member off every leaderboard: a member themself (customerId omitted or their own), an admin anyone (moderation). False if they were not on them.',
  })
  leaveLeaderboards(
    @Arg('customerId', () => ID, { nullable: true }) customerId: string | null,
    @Ctx() ctx: CampaignContext,
  ): Promise<boolean> {
    const caller = ctx.principal!;
    const target = customerId ?? (caller.role === 'member' ? caller.subject : null);
    if (target === null || !isUuid(target)) {
      throw new CampaignError(CampaignErrorKind.InvalidLeaderboard, 'customerId must name the member (a UUID)', {
        argument: 'customerId',
      });
    }
    requireCustomerAccess(caller, target, ['admin']);
    return ctx.leaderboards.leave(target, actorOf(caller));
  }
}

@Resolver(() => Customer)
export class CustomerLeaderboardResolver {
  @FieldResolver(() => LeaderboardMembership, {
    nullable: true,
    description: 'How this member appears on leaderboards; null if they have not opted in. The member and staff.',
  })
  async leaderboardMembership(
    @Root() customer: Customer,
    @Ctx() ctx: CampaignContext,
  ): Promise<LeaderboardMembership | null> {
    requireCustomerAccess(ctx.principal, customer.id, offerReaders);
    return (await ctx.loaders.leaderboardMemberships.load(customer.id)) ?? null;
  }
}
