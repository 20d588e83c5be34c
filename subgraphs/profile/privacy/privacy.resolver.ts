import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { requireCustomerAccess } from '../../../runtime/auth/authorize';
import { actorOf } from '../../../runtime/auth/principal';
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
      "Everything the profile holds about a member, as one JSON document: profile, identities, consent history, NPS answers, custom events and the profile's outbox events about them. Points, vouchers and segments are in the graph (see the README's export example).",
  })
  async exportProfile(@Arg('customerId', () => ID) id: string, @Ctx() ctx: ProfileContext): Promise<object> {
    requireCustomerAccess(ctx.principal, ctx.customers.requireValidId(id), ['admin']);
    const customerId = await ctx.customers.currentId(id);
    return ctx.privacy.exportProfile(customerId);
  }

  @Authorized('admin')
  @Mutation(() => Erasure, {
    description:
      "Erases a member's personal data (names, identities, birthday, attributes, consents, feedback comments, custom events' properties), including the profiles merged into theirs; the id stays, so the ledger's amounts remain for accounting, tied to no one. Recorded with the admin and the reason.",
  })
  async eraseCustomer(
    @Arg('customerId', () => ID) id: string,
    @Arg('reason') reason: string,
    @Ctx() ctx: ProfileContext,
  ): Promise<Erasure> {
    const customerId = await ctx.customers.currentId(ctx.customers.requireValidId(id));
    const why = checkedReason(reason);
    const result = await ctx.privacy.erase(customerId, why, actorOf(ctx.principal));
    ctx.loaders.customerById.clear(customerId);
    return result;
  }
}
