import { randomUUID } from 'node:crypto';
import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireChannelAccess, requireCustomerAccess, requirePrincipal } from '../../../runtime/auth/authorize';
import { actorOf } from '../../../runtime/auth/principal';
import { userInputError } from '../../../runtime/errors/graphqlErrors';
import { appendEvent } from '../../../runtime/events/outbox';
import { checkPageSize } from '../../../runtime/pagination/cursor';
import type { ProfileContext } from '../context';
import { CustomerError, CustomerErrorKind } from '../customers/customer.errors';
import { Customer } from '../customers/customer.type';
import { Feedback, NpsScore, RecordFeedbackInput } from './feedback.type';
import { npsOf } from './nps.rules';

interface FeedbackRow {
  id: string;
  score: number;
  comment: string | null;
  channel: string;
  created_at: Date;
}

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
    return ctx.db.transaction(async (tx) => {
      const { rows: found } = await tx.query<{ id: string }>(
        'select id from profile.customers where id = $1 and erased_at is null',
        [input.customerId],
      );
      if (!found[0])
        throw new CustomerError(CustomerErrorKind.UnknownCustomer, `No customer has the id ${input.customerId}`);
      const { rows } = await tx.query<FeedbackRow>(
        `insert into profile.feedback (id, customer_id, score, comment, channel) values ($1, $2, $3, $4, $5) returning *`,
        [randomUUID(), input.customerId, input.score, input.comment?.trim() || null, input.channel],
      );
      await appendEvent(tx, 'profile', {
        type: 'FeedbackRecorded',
        aggregateId: input.customerId,
        payload: { customerId: input.customerId, score: input.score, channel: input.channel },
        actor: actorOf(caller),
      });
      return toFeedback(rows[0]!);
    });
  }

  @Authorized('member', 'associate', 'admin')
  @FieldResolver(() => [Feedback], { description: "The member's NPS answers, newest first." })
  async feedback(
    @Root() customer: Customer,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Ctx() ctx: ProfileContext,
  ): Promise<Feedback[]> {
    requireCustomerAccess(ctx.principal, customer.id, ['associate', 'admin']);
    const { rows } = await ctx.db.query<FeedbackRow>(
      'select * from profile.feedback where customer_id = $1 order by created_at desc, id limit $2',
      [customer.id, checkPageSize(first)],
    );
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
    const { rows } = await ctx.db.query<{ score: number }>(
      `select score from profile.feedback where created_at >= $1 and created_at < $2 and ($3::text is null or channel = $3)`,
      [from, to, channel ?? null],
    );
    return npsOf(rows.map((row) => row.score));
  }
}
