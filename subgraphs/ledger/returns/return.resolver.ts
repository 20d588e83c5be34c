import { GraphQLSafeInt } from 'graphql-scalars';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { requireChannelAccess } from '../../../runtime/auth/authorize';
import { actorOf } from '../../../runtime/auth/principal';
import { requireLedgerAccess } from '../accounts/account.access';
import type { LedgerContext } from '../context';
import { invalidItem, itemFailure, requireBatchSize, type Outcome } from '../purchases/batch';
import type { ReturnRequest } from './return.service';
import { ProductReturn, RecordReturnInput, ReturnBatchResult } from './return.type';

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

  @Authorized('associate', 'service', 'admin')
  @Mutation(() => [ReturnBatchResult], {
    description:
      'Records a batch of returns: one result per input, in input order, each as `recordReturn` would answer it, with the same roles per item. A failed item has its coded `error` and never stops or undoes the others; returns of one purchase apply in input order; a retried batch returns the first results. At most `LEDGER_BATCH_MAX_ITEMS` inputs (default 100), else BAD_USER_INPUT and nothing is done.',
  })
  async recordReturns(
    @Arg('inputs', () => [RecordReturnInput], { validate: false }) inputs: RecordReturnInput[],
    @Ctx() ctx: LedgerContext,
  ): Promise<ReturnBatchResult[]> {
    requireBatchSize(inputs.length, ctx.core.policy.batchMaxItems);
    const principal = ctx.principal!;
    const checked: Array<Outcome<ReturnRequest>> = await Promise.all(
      inputs.map(async (input) => {
        const invalid = await invalidItem(input);
        if (invalid) return invalid;
        try {
          const storeId = input.storeId ?? (principal.role === 'associate' ? principal.storeId! : null);
          requireChannelAccess(principal, input.channel, storeId);
          return { ok: true as const, value: { ...input, storeId } };
        } catch (error) {
          return itemFailure(error);
        }
      }),
    );
    const requests = checked.flatMap((item) => (item.ok ? [item.value] : []));
    const recorded = (await ctx.returns.recordBatch(requests, actorOf(principal))).values();
    return checked.map((item, index) => {
      const outcome = item.ok ? recorded.next().value! : item;
      return outcome.ok ? { index, return: outcome.value, error: null } : { index, return: null, error: outcome.error };
    });
  }

  @FieldResolver(() => GraphQLSafeInt, { nullable: true })
  balanceAfter(@Root() productReturn: ProductReturn, @Ctx() ctx: LedgerContext): number | null {
    requireLedgerAccess(ctx.principal, productReturn.customer.id);
    return productReturn.balanceAfter;
  }
}
