import { GraphQLSafeInt } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { checkPageSize, decodeCursor, pageSize } from '../../../runtime/pagination/cursor';
import { toConnection, type Connection } from '../../../runtime/pagination/connection';
import type { LedgerContext } from '../context';
import { toJournalEntry } from '../journal/journal.store';
import { JournalEntryConnection, JournalFilterInput, type JournalEntry } from '../journal/journal.type';
import { inactivityExpiry } from '../lots/lot.rules';
import { currentTier, rankOf } from '../tiers/tier.rules';
import { Tier, TierProgress } from '../tiers/tier.type';
import { requireLedgerAccess } from './account.access';
import { Customer, ExpiringPoints, Loyalty, PendingPoints } from './account.type';

@Resolver(() => Customer)
export class CustomerLoyaltyResolver {
  @FieldResolver(() => Loyalty, {
    // Nullable so that the rest of a customer still answers while this subgraph is down.
    nullable: true,
    description: 'Balance, tier and history; zero for a member who has no points yet.',
  })
  async loyalty(@Root() customer: Customer, @Ctx() ctx: LedgerContext): Promise<Loyalty> {
    requireLedgerAccess(ctx.principal, customer.id);
    const account = await ctx.loaders.accountByCustomerId.load(customer.id);
    return {
      // A merged id reads the survivor's account.
      customerId: account?.customer_id ?? customer.id,
      balance: account?.balance ?? 0,
      pending: account?.pending ?? 0,
      lifetimePoints: account?.lifetime_points ?? 0,
      lastEventId: account?.last_event_id == null ? null : String(account.last_event_id),
      tierName: account?.tier ?? null,
      tierSince: account?.tier_since ?? null,
      tierReviewAt: account?.tier_review_at ?? null,
      lastActivityAt: account?.last_activity_at ?? null,
    };
  }
}

@Resolver(() => Loyalty)
export class LoyaltyResolver {
  @FieldResolver(() => Tier, { nullable: true, description: 'The current tier; null when no tier program is defined.' })
  async tier(@Root() loyalty: Loyalty, @Ctx() ctx: LedgerContext): Promise<Tier | null> {
    const program = await ctx.tierProgram();
    return currentTier(program, loyalty.tierName);
  }

  @FieldResolver(() => Tier, { nullable: true, description: 'The tier above; null at the top.' })
  async nextTier(@Root() loyalty: Loyalty, @Ctx() ctx: LedgerContext): Promise<Tier | null> {
    const program = await ctx.tierProgram();
    return program?.tiers[rankOf(program, loyalty.tierName) + 1] ?? null;
  }

  @FieldResolver(() => TierProgress, {
    nullable: true,
    description: 'Qualifying points, what the next tier needs, the review date.',
  })
  async progress(@Root() loyalty: Loyalty, @Ctx() ctx: LedgerContext): Promise<TierProgress | null> {
    const program = await ctx.tierProgram();
    if (!program) return null;
    const qualifyingPoints = await ctx.loaders.qualifyingPoints.load(loyalty.customerId);
    const next = program.tiers[rankOf(program, loyalty.tierName) + 1];
    return {
      qualifyingPoints,
      windowMonths: program.windowMonths,
      pointsToNextTier: next ? Math.max(0, next.qualifyingPoints - qualifyingPoints) : null,
      tierSince: loyalty.tierSince,
      reviewAt: loyalty.tierReviewAt,
    };
  }

  @FieldResolver(() => [ExpiringPoints], { description: 'Spendable points by the date they expire, soonest first.' })
  async expiring(
    @Root() loyalty: Loyalty,
    @Arg('first', () => Int, { defaultValue: 12 }) first: number,
    @Ctx() ctx: LedgerContext,
  ): Promise<ExpiringPoints[]> {
    checkPageSize(first);
    const byDate = await ctx.loaders.expiringPoints.load(loyalty.customerId);
    const inactivity = inactivityExpiry(ctx.core.policy.expiry, loyalty.lastActivityAt);
    const all =
      inactivity && loyalty.balance > 0
        ? // Under an inactivity policy the whole balance goes at once, unless the member is active again.
          [{ points: loyalty.balance, expiresAt: inactivity }]
        : byDate;
    return all.slice(0, first);
  }

  @FieldResolver(() => GraphQLSafeInt, {
    description:
      'Points held to pay a basket (`holdPoints`): out of the balance until a purchase captures them or they come back (released, or expired: the points job gives them back).',
  })
  held(@Root() loyalty: Loyalty, @Ctx() ctx: LedgerContext): Promise<number> {
    return ctx.loaders.heldPoints.load(loyalty.customerId);
  }

  @FieldResolver(() => [PendingPoints], { description: 'Points on hold, by the date they become spendable.' })
  pendingPoints(@Root() loyalty: Loyalty, @Ctx() ctx: LedgerContext): Promise<PendingPoints[]> {
    return ctx.loaders.pendingPoints.load(loyalty.customerId);
  }

  @FieldResolver(() => JournalEntryConnection, { description: 'Journal entries, newest first.' })
  async history(
    @Root() loyalty: Loyalty,
    @Arg('first', () => Int, { defaultValue: pageSize.default }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => JournalFilterInput, { nullable: true }) filter: JournalFilterInput | null,
    @Ctx() ctx: LedgerContext,
  ): Promise<Connection<JournalEntry>> {
    checkPageSize(first);
    const beforeId = after ? decodeCursor<number>(after, 'number') : null;
    const rows = await ctx.loaders.historyPage.load({
      customerId: loyalty.customerId,
      beforeId,
      limit: first + 1,
      filter: filter && { kinds: filter.kinds ?? null, since: filter.since ?? null, until: filter.until ?? null },
    });
    return toConnection(rows, first, (row) => row.id, toJournalEntry);
  }
}
