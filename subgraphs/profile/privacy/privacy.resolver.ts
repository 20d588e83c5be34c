import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { requireCustomerAccess } from '../../../runtime/auth/authorize';
import { actorOf } from '../../../runtime/auth/principal';
import { appendEvent } from '../../../runtime/events/outbox';
import type { ProfileContext } from '../context';
import { checkedReason } from '../customers/customer.errors';

@ObjectType({ description: 'An erasure: when, and the audit entry that records who did it and why.' })
class Erasure {
  @Field(() => ID)
  customerId!: string;

  @Field()
  erasedAt!: Date;

  @Field(() => ID, { description: 'The audit entry: the profile outbox event recording the actor and reason.' })
  auditEventId!: string;
}

@Resolver()
export class PrivacyResolver {
  @Authorized('member', 'admin')
  @Query(() => GraphQLJSONObject, {
    description:
      "Everything the profile holds about a member, as one JSON document: profile, identities, consent history, NPS answers and the profile's events about them. Points, vouchers and segments are in the graph (see the README's export example).",
  })
  async exportProfile(@Arg('customerId', () => ID) id: string, @Ctx() ctx: ProfileContext): Promise<object> {
    requireCustomerAccess(ctx.principal, ctx.customers.requireValidId(id), ['admin']);
    const customerId = await ctx.customers.currentId(id);
    const q = async <Row>(sql: string) => (await ctx.db.query<Row>(sql, [customerId])).rows;
    // currentId has refused an id no profile has.
    const [profile] = await q<Record<string, unknown>>('select * from profile.customers where id = $1');
    return {
      exportedAt: new Date().toISOString(),
      profile,
      mergedProfiles: await q('select * from profile.customers where merged_into = $1 order by merged_at'),
      identities: await q(
        'select type, value, created_at from profile.identities where customer_id = $1 order by type',
      ),
      consentHistory: await q(
        'select channel, granted, source, actor, changed_at from profile.consents where customer_id = $1 order by id',
      ),
      feedback: await q(
        'select score, comment, channel, created_at from profile.feedback where customer_id = $1 order by created_at',
      ),
      events: await q(
        `select id, type, payload, actor, created_at from profile.events where aggregate_id = $1::text order by id`,
      ),
    };
  }

  @Authorized('admin')
  @Mutation(() => Erasure, {
    description:
      "Erases a member's personal data (names, identities, birthday, attributes, consents, feedback comments), including the profiles merged into theirs; the id stays, so the ledger's amounts remain for accounting, tied to no one. Recorded with the admin and the reason.",
  })
  async eraseCustomer(
    @Arg('customerId', () => ID) id: string,
    @Arg('reason') reason: string,
    @Ctx() ctx: ProfileContext,
  ): Promise<Erasure> {
    const customerId = await ctx.customers.currentId(ctx.customers.requireValidId(id));
    const why = checkedReason(reason);
    const result = await ctx.db.transaction(async (tx) => {
      await tx.query('select 1 from profile.customers where id = $1 for update', [customerId]);
      await tx.query('delete from profile.identities where customer_id = $1', [customerId]);
      await tx.query('delete from profile.consents where customer_id = $1', [customerId]);
      await tx.query('update profile.feedback set comment = null where customer_id = $1', [customerId]);
      const { rows: erased } = await tx.query<{ id: string; erased_at: Date }>(
        `update profile.customers set given_name = 'Erased member', family_name = null, birthday = null,
           preferred_channel = null, language = null, attributes = '{}', enrollment_store_id = null,
           erased_at = coalesce(erased_at, now())
         where id = $1 or merged_into = $1 returning id, erased_at`,
        [customerId],
      );
      const event = await appendEvent(tx, 'profile', {
        type: 'CustomerErased',
        aggregateId: customerId,
        payload: { customerId, reason: why },
        actor: actorOf(ctx.principal),
      });
      return {
        customerId,
        erasedAt: erased.find((row) => row.id === customerId)!.erased_at,
        auditEventId: String(event.id),
      };
    });
    ctx.loaders.customerById.clear(customerId);
    return result;
  }
}
