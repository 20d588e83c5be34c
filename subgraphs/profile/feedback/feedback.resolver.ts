import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireChannelAccess, requireCustomerAccess, requirePrincipal } from '../../../runtime/auth/authorize';
import { actorOf } from '../../../runtime/auth/principal';
import { userInputError } from '../../../runtime/errors/graphqlErrors';
import { checkPageSize } from '../../../runtime/pagination/cursor';
import type { ProfileContext } from '../context';
import { Customer } from '../customers/customer.type';
import type { FeedbackRow } from './feedback.store';
import { Feedback, NpsScore, RecordFeedbackInput } from './feedback.type';
import { npsOf } from './nps.rules';

const toFeedback = (row: FeedbackRow): Feedback => ({
  id: row.id,
  score: row.score,
  comment: row.comment,
  channel: row.channel,
  createdAt: row.created_at,
});

@Resolver(() => Customer)
export class FeedbackResolver {
  @Authorized('member', 'associate', 'service', 'admin')
  @Mutation(() => Feedback, {
    description:
      "Records a member's NPS answer: the member themself, an associate at their till, an integration for its channel.",
  })
  async recordFeedback(@Arg('input') input: RecordFeedbackInput, @Ctx() ctx: ProfileContext): Promise<Feedback> {
    const caller = requirePrincipal(ctx.principal);
    if (caller.role === 'member') requireCustomerAccess(caller, input.customerId, []);
    else requireChannelAccess(caller, input.channel, caller.role === 'associate' ? (caller.storeId ?? null) : null);
    return toFeedback(await ctx.feedback.record(input, actorOf(caller)));
  }

  @Authorized('member', 'associate', 'admin')
  @FieldResolver(() => [Feedback], { description: "The member's NPS answers, newest first." })
  async feedback(
    @Root() customer: Customer,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Ctx() ctx: ProfileContext,
  ): Promise<Feedback[]> {
    requireCustomerAccess(ctx.principal, customer.id, ['associate', 'admin']);
    const rows = await ctx.feedback.ofCustomer(customer.id, checkPageSize(first));
    return rows.map(toFeedback);
  }

  @Authorized('marketer', 'admin')
  @Query(() => NpsScore, { description: "The program's NPS from the answers given between from and to (marketers)." })
  async npsScore(
    @Arg('from') from: Date,
    @Arg('to') to: Date,
    @Arg('channel', () => String, { nullable: true }) channel: string | null,
    @Ctx() ctx: ProfileContext,
  ): Promise<NpsScore> {
    if (!(from < to)) throw userInputError('from must be before to', { argument: 'from' });
    return npsOf(await ctx.feedback.scoresBetween(from, to, channel ?? null));
  }
}
