import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { forbidden, requirePrincipal } from '../../../runtime/auth/authorize';
import { actorOf } from '../../../runtime/auth/principal';
import type { CampaignContext } from '../context';
import { CampaignError, CampaignErrorKind } from '../errors';
import { Customer } from '../offers/offer.type';
import { anyone, builtInSegments, matchesSegment, segmentRuleProblem, type SegmentDefinition } from './segment.rules';
import { segmentStore } from './segment.store';
import { HistoryRefresh, Segment, SegmentInput } from './segment.type';

const managers = ['marketer', 'admin'] as const;
/** Segments are the program's view of a member, for staff; members see their offers instead. */
const segmentReaders: readonly string[] = ['associate', 'marketer', 'admin', 'internal'];

const toSegment = (segment: SegmentDefinition, builtIn: boolean): Segment => ({ ...segment, builtIn });

/** Built-in segments, then marketers' own. */
export async function allSegments(ctx: CampaignContext): Promise<Segment[]> {
  const custom = await segmentStore.custom(ctx.db);
  return [...builtInSegments.map((s) => toSegment(s, true)), ...custom.map((s) => toSegment(s, false))];
}

@Resolver(() => Segment)
export class SegmentResolver {
  @Authorized(...managers)
  @Query(() => [Segment], { description: 'Built-in and marketer-defined segments (marketers).' })
  segments(@Ctx() ctx: CampaignContext): Promise<Segment[]> {
    return allSegments(ctx);
  }

  @FieldResolver(() => Int, { description: 'Members in the segment now.' })
  async members(@Root() segment: Segment, @Ctx() ctx: CampaignContext): Promise<number> {
    const now = ctx.quotes.clock();
    const stats = await ctx.loaders.allStats.load('all');
    return stats.filter((one) => matchesSegment(segment.rule, one, now)).length;
  }

  @Authorized(...managers)
  @Mutation(() => Segment, { description: 'Defines (or redefines) a rule-based segment campaigns can target.' })
  async defineSegment(@Arg('input') input: SegmentInput, @Ctx() ctx: CampaignContext): Promise<Segment> {
    if (builtInSegments.some((segment) => segment.key === input.key)) {
      throw new CampaignError(
        CampaignErrorKind.InvalidSegment,
        `${input.key} is a built-in segment; choose another key`,
      );
    }
    const rule = { ...anyone, ...Object.fromEntries(Object.entries(input.rule).filter(([, v]) => v != null)) };
    const problem = segmentRuleProblem(rule);
    if (problem) throw new CampaignError(CampaignErrorKind.InvalidSegment, `Invalid segment: ${problem}`);
    const segment: SegmentDefinition = {
      key: input.key,
      name: input.name,
      description: input.description ?? null,
      rule,
    };
    await ctx.segments.define(segment, actorOf(ctx.principal!));
    return toSegment(segment, false);
  }

  @Authorized(...managers)
  @Mutation(() => Boolean, {
    description: 'Removes a marketer-defined segment; campaigns naming it then match nobody by it.',
  })
  async removeSegment(@Arg('key') key: string, @Ctx() ctx: CampaignContext): Promise<boolean> {
    await ctx.segments.remove(key, actorOf(ctx.principal!));
    return true;
  }

  @Authorized('marketer', 'admin', 'internal')
  @Mutation(() => HistoryRefresh, {
    description:
      'Reads the ledger events not read yet into the purchase history and rescores RFM now (it also runs on a timer, rescoring at most once a minute).',
  })
  refreshPurchaseHistory(@Ctx() ctx: CampaignContext): Promise<HistoryRefresh> {
    return ctx.history.refresh(true);
  }
}

@Resolver(() => Customer)
export class CustomerSegmentsResolver {
  @FieldResolver(() => [Segment], {
    nullable: true,
    description: 'The segments this member is in now (staff: associates, marketers, admins).',
  })
  async segments(@Root() customer: Customer, @Ctx() ctx: CampaignContext): Promise<Segment[]> {
    const caller = requirePrincipal(ctx.principal);
    if (!segmentReaders.includes(caller.role)) throw forbidden(`A ${caller.role} may not see segments`);
    const [stats, all] = await Promise.all([ctx.loaders.stats.load(customer.id), allSegments(ctx)]);
    if (!stats) return [];
    const now = ctx.quotes.clock();
    return all.filter((segment) => matchesSegment(segment.rule, stats, now));
  }
}
