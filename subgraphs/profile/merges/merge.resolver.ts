import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { actorOf } from '../../../runtime/auth/principal';
import type { ProfileContext } from '../context';
import { checkedReason } from '../customers/customer.errors';
import { CustomerMerge } from '../customers/customer.type';

@Resolver()
export class MergeResolver {
  @Authorized('admin')
  @Mutation(() => CustomerMerge, {
    description:
      'Merges two profiles of one person into the survivor: identities, consent history, feedback and attributes move now; the ledger moves the points, pending points and history, and rewards the vouchers, as they follow the merge event (within seconds). The merged id keeps resolving to the survivor. Retrying a done merge answers as the first time; merging an erased or already merged profile is a CONFLICT.',
  })
  async mergeCustomers(
    @Arg('survivorId', () => ID) survivorId: string,
    @Arg('mergedId', () => ID) mergedId: string,
    @Arg('reason') reason: string,
    @Ctx() ctx: ProfileContext,
  ): Promise<CustomerMerge> {
    const survivor = ctx.customers.requireValidId(survivorId);
    const merged = ctx.customers.requireValidId(mergedId);
    const result = await ctx.customers.merge(survivor, merged, checkedReason(reason), actorOf(ctx.principal));
    ctx.loaders.customerById.clearAll();
    return { ...result, survivor: (await ctx.loaders.customerById.load(survivor))! };
  }
}
