import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { LedgerContext } from '../context';
import { Purchase, RecordPurchaseInput } from './purchase.type';

@Resolver(() => Purchase)
export class PurchaseResolver {
  @Mutation(() => Purchase, {
    description:
      'Records a purchase from any channel and credits the points it earns. Idempotent on (channel, externalOrderId): a retry returns the first result.',
  })
  recordPurchase(@Arg('input') input: RecordPurchaseInput, @Ctx() ctx: LedgerContext): Promise<Purchase> {
    return ctx.purchases.record(input);
  }
}
