import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireCustomerAccess } from '../../../runtime/auth/authorize';
import { actorOf } from '../../../runtime/auth/principal';
import type { CampaignContext } from '../context';
import { offerReaders } from '../offers/offer.access';
import { Customer } from '../offers/offer.type';
import { BadgeEvent, countingLife, progressAt } from './badge.rules';
import { qualifyingEvents } from './badgeTracker';
import type { BadgeRecord } from './badge.store';
import { Badge, BadgeInput, BadgeProgress, BadgeUpdateInput } from './badge.type';

const managers = ['marketer', 'admin'] as const;

@Resolver(() => Badge)
export class BadgeResolver {
  @Authorized(...managers)
  @Query(() => [Badge], { description: 'The badge catalog, oldest first; retired badges when asked (marketers).' })
  async badges(
    @Arg('includeRetired', { defaultValue: false }) includeRetired: boolean,
    @Ctx() ctx: CampaignContext,
  ): Promise<BadgeRecord[]> {
    const all = await ctx.loaders.badges.load('all');
    return includeRetired ? all : all.filter((badge) => !badge.retiredAt);
  }

  @Authorized(...managers)
  @Mutation(() => Badge, {
    description:
      'Defines a badge members earn from their purchases or custom events from now on (a count, a streak of consecutive days, weeks or months; a challenge when it has startsAt/endsAt), with optional points on completion (marketers). A key in use, even by a retired badge, is a CONFLICT.',
  })
  async defineBadge(@Arg('input') input: BadgeInput, @Ctx() ctx: CampaignContext): Promise<BadgeRecord> {
    const { currency } = await ctx.quotes.program();
    return ctx.badges.define(input, currency, ctx.quotes.clock(), actorOf(ctx.principal));
  }

  @Authorized(...managers)
  @Mutation(() => Badge, {
    description:
      'Renames a badge or changes its description or points (completions from now on); its rule stays. A retired badge cannot change (CONFLICT).',
  })
  updateBadge(
    @Arg('key') key: string,
    @Arg('input') input: BadgeUpdateInput,
    @Ctx() ctx: CampaignContext,
  ): Promise<BadgeRecord> {
    return ctx.badges.update(key, input, actorOf(ctx.principal));
  }

  @Authorized(...managers)
  @Mutation(() => Badge, {
    description: 'Retires a badge: nothing counts towards it any more; members who earned it keep it.',
  })
  retireBadge(@Arg('key') key: string, @Ctx() ctx: CampaignContext): Promise<BadgeRecord> {
    return ctx.badges.retire(key, ctx.quotes.clock(), actorOf(ctx.principal));
  }

  @FieldResolver(() => Int, { description: 'Members who have earned it.' })
  async earnedBy(@Root() badge: BadgeRecord, @Ctx() ctx: CampaignContext): Promise<number> {
    return (await ctx.loaders.badgeCompletionCounts.load('all')).get(badge.key) ?? 0;
  }
}

@Resolver(() => Customer)
export class CustomerBadgesResolver {
  @FieldResolver(() => [BadgeProgress], {
    nullable: true,
    description:
      'Every live badge with how far this member is, and retired ones they earned (the member, associates, marketers, admins).',
  })
  async badges(@Root() customer: Customer, @Ctx() ctx: CampaignContext): Promise<BadgeProgress[]> {
    requireCustomerAccess(ctx.principal, customer.id, offerReaders);
    const [badges, completions, purchases, events, { timeZone }] = await Promise.all([
      ctx.loaders.badges.load('all'),
      ctx.loaders.badgeCompletions.load(customer.id),
      ctx.loaders.badgePurchases.load(customer.id),
      ctx.loaders.badgeEvents.load(customer.id),
      ctx.quotes.program(),
    ]);
    const now = ctx.quotes.clock();
    const completedAt = new Map(completions.map((completion) => [completion.badgeKey, completion.completedAt]));
    return badges
      .filter((badge) => !badge.retiredAt || completedAt.has(badge.key))
      .map((badge) => {
        const completed = completedAt.get(badge.key) ?? null;
        // Once completed, it shows what counted when it was.
        const counted = badge.rule.event === BadgeEvent.CUSTOM_EVENT ? qualifyingEvents(badge, events) : purchases;
        const progress = progressAt(badge.rule, countingLife(badge), counted, completed ?? now, timeZone);
        const { streak } = progress;
        return {
          badge,
          current: completed ? progress.target : progress.current,
          target: progress.target,
          channels: progress.channels,
          completed: completed !== null,
          completedAt: completed,
          endsAt: badge.endsAt,
          streak: streak && { ...streak, unit: badge.rule.streak!, target: progress.target },
        };
      });
  }
}
