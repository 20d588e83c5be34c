import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { forbidden, requirePrincipal } from '../../../runtime/auth/authorize';
import { actorOf } from '../../../runtime/auth/principal';
import type { CampaignContext } from '../context';
import { CampaignError, CampaignErrorKind } from '../errors';
import { Customer } from '../offers/offer.type';
import {
  anyone,
  builtInSegments,
  conditionsProblem,
  segmentRuleProblem,
  type AttributeCondition,
  type SegmentCondition,
  type SegmentDefinition,
  type SegmentValue,
} from './segment.rules';
import { audienceStore } from './audience.store';
import { segmentStore } from './segment.store';
import {
  HistoryRefresh,
  Segment,
  SegmentInput,
  type AttributeConditionShape,
  type SegmentConditionShape,
  type SegmentValueShape,
} from './segment.type';

const managers = ['marketer', 'admin'] as const;
/** Segments are the program's view of a member, for staff; members see their offers instead. */
const segmentReaders: readonly string[] = ['associate', 'marketer', 'admin', 'internal'];

const value = (input: SegmentValueShape): SegmentValue => ({
  string: input.string ?? null,
  number: input.number ?? null,
  boolean: input.boolean ?? null,
});

const toAttributeCondition = (attribute: AttributeConditionShape): AttributeCondition => ({
  path: attribute.path,
  operator: attribute.operator,
  value: attribute.value ? value(attribute.value) : null,
  values: attribute.values ? attribute.values.map(value) : null,
});

/** A condition as the rules read it: every field present, absent ones null. */
function toCondition(input: SegmentConditionShape): SegmentCondition {
  const { attribute, consent, bought, events, message } = input;
  return {
    negate: input.negate ?? false,
    attribute: attribute ? toAttributeCondition(attribute) : null,
    consent: consent ? { channel: consent.channel, granted: consent.granted } : null,
    bought: bought ? { skus: bought.skus, categories: bought.categories, withinDays: bought.withinDays } : null,
    inAudience: input.inAudience ?? null,
    events: events
      ? {
          type: events.type,
          atLeast: events.atLeast ?? null,
          atMost: events.atMost ?? null,
          withinDays: events.withinDays,
          properties: (events.properties ?? []).map(toAttributeCondition),
        }
      : null,
    message: message
      ? {
          response: message.response,
          responded: message.responded ?? true,
          kind: message.kind ?? null,
          campaignKey: message.campaignKey ?? null,
          withinDays: message.withinDays,
        }
      : null,
  };
}

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
    const members = await ctx.loaders.segmentMembers.load('all');
    return members.get(segment.key)?.length ?? 0;
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
    const rule = {
      ...anyone,
      ...Object.fromEntries(Object.entries(input.rule).filter(([, v]) => v != null)),
      conditions: (input.rule.conditions ?? []).map(toCondition),
    };
    const problem = segmentRuleProblem(rule);
    if (problem) throw new CampaignError(CampaignErrorKind.InvalidSegment, `Invalid segment: ${problem}`);
    const condition = conditionsProblem(rule.conditions);
    if (condition) {
      throw new CampaignError(
        CampaignErrorKind.InvalidSegment,
        `Invalid segment: ${condition.field}: ${condition.message}`,
        {
          field: `input.${condition.field}`,
        },
      );
    }
    const segment: SegmentDefinition = {
      key: input.key,
      name: input.name,
      description: input.description ?? null,
      rule,
    };
    for (const [index, one] of rule.conditions.entries()) {
      if (one.inAudience !== null && !(await audienceStore.exists(ctx.db, one.inAudience))) {
        throw new CampaignError(
          CampaignErrorKind.InvalidSegment,
          `Invalid segment: no audience has the key ${one.inAudience}`,
          {
            field: `input.rule.conditions[${index}].inAudience`,
          },
        );
      }
    }
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
    const [keys, all] = await Promise.all([ctx.loaders.customerSegments.load(customer.id), allSegments(ctx)]);
    return all.filter((segment) => keys.includes(segment.key));
  }
}
