import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { requireChannelAccess } from '../../../runtime/auth/authorize';
import { actorOf } from '../../../runtime/auth/principal';
import type { LedgerContext } from '../context';
import { Purchase, RecordPurchaseInput } from './purchase.type';

@Resolver(() => Purchase)
export class PurchaseResolver {
  @Authorized('associate', 'service', 'admin')
  @Mutation(() => Purchase, {
    description:
      'Records a purchase and credits the points it earns: an associate for their store (IN_STORE), an integration for its channel. Idempotent on (channel, externalOrderId): a retry returns the first result.',
  })
  recordPurchase(@Arg('input') input: RecordPurchaseInput, @Ctx() ctx: LedgerContext): Promise<Purchase> {
    const principal = ctx.principal!;
    // An associate's purchases are their store's unless they say otherwise.
    const storeId = input.storeId ?? (principal.role === 'associate' ? principal.storeId : null);
    requireChannelAccess(principal, input.channel, storeId);
    return ctx.purchases.record({ ...input, storeId }, actorOf(principal));
  }
}
