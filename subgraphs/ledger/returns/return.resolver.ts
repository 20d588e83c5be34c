import { GraphQLSafeInt } from 'graphql-scalars';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { requireChannelAccess } from '../../../runtime/auth/authorize';
import { actorOf } from '../../../runtime/auth/principal';
import { requireLedgerAccess } from '../accounts/account.access';
import type { LedgerContext } from '../context';
import { ProductReturn, RecordReturnInput } from './return.type';

@Resolver(() => ProductReturn)
export class ReturnResolver {
  @Authorized('associate', 'service', 'admin')
  @Mutation(() => ProductReturn, {
    description:
      'Records a return (of a purchase from any channel) and takes back the points the returned units earned, in proportion, campaign bonuses included. Idempotent on (channel, storeId, externalReturnId).',
  })
  recordReturn(@Arg('input') input: RecordReturnInput, @Ctx() ctx: LedgerContext): Promise<ProductReturn> {
    const principal = ctx.principal!;
    const storeId = input.storeId ?? (principal.role === 'associate' ? principal.storeId! : null);
    requireChannelAccess(principal, input.channel, storeId);
    return ctx.returns.record({ ...input, storeId }, actorOf(principal));
  }

  @FieldResolver(() => GraphQLSafeInt, { nullable: true })
  balanceAfter(@Root() productReturn: ProductReturn, @Ctx() ctx: LedgerContext): number | null {
    requireLedgerAccess(ctx.principal, productReturn.customer.id);
    return productReturn.balanceAfter;
  }
}
