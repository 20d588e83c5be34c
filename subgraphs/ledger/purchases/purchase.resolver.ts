import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphQLSafeInt } from 'graphql-scalars';
import { requireLedgerAccess } from '../accounts/account.access';
import { requireChannelAccess } from '../../../runtime/auth/authorize';
import { actorOf } from '../../../runtime/auth/principal';
import type { LedgerContext } from '../context';
import { isUuid } from '../../../runtime/validation/validators';
import { userInputError } from '../../../runtime/errors/graphqlErrors';
import { invalidItem, itemFailure, requireBatchSize, type Outcome } from './batch';
import type { PurchaseOrder } from './purchase.rules';
import { MemberQuoteFacts, Purchase, PurchaseBatchResult, RecordPurchaseInput } from './purchase.type';

@Resolver(() => Purchase)
export class PurchaseResolver {
  @Authorized('associate', 'service', 'admin')
  @Mutation(() => Purchase, {
    description:
      'Records a purchase and credits the points it earns: an associate for their store (IN_STORE), an integration for its channel. Idempotent on (channel, storeId, externalOrderId): a retry returns the first result.',
  })
  recordPurchase(@Arg('input') input: RecordPurchaseInput, @Ctx() ctx: LedgerContext): Promise<Purchase> {
    const principal = ctx.principal!;
    // An associate's purchases are their store's unless they say otherwise.
    const storeId = input.storeId ?? (principal.role === 'associate' ? principal.storeId : null);
    requireChannelAccess(principal, input.channel, storeId);
    return ctx.purchases.record({ ...input, storeId }, actorOf(principal));
  }

  @Authorized('associate', 'service', 'admin')
  @Mutation(() => [PurchaseBatchResult], {
    description:
      'Records a batch of purchases (a till syncing its offline queue, a backfill): one result per input, in input order, each as `recordPurchase` would answer it, with the same roles per item. A failed item (bad input, unknown member, conflict) has its coded `error` and never stops or undoes the others; a retried batch returns the first results and credits nothing twice. At most `LEDGER_BATCH_MAX_ITEMS` inputs (default 100), else BAD_USER_INPUT and nothing is done.',
  })
  async recordPurchases(
    @Arg('inputs', () => [RecordPurchaseInput], { validate: false }) inputs: RecordPurchaseInput[],
    @Ctx() ctx: LedgerContext,
  ): Promise<PurchaseBatchResult[]> {
    requireBatchSize(inputs.length, ctx.core.policy.batchMaxItems);
    const principal = ctx.principal!;
    // Each item is checked as recordPurchase checks its input; only the good ones are recorded.
    const checked: Array<Outcome<PurchaseOrder>> = await Promise.all(
      inputs.map(async (input) => {
        const invalid = await invalidItem(input);
        if (invalid) return invalid;
        try {
          const storeId = input.storeId ?? (principal.role === 'associate' ? principal.storeId : null);
          requireChannelAccess(principal, input.channel, storeId);
          return { ok: true as const, value: { ...input, storeId } };
        } catch (error) {
          return itemFailure(error);
        }
      }),
    );
    const orders = checked.flatMap((item) => (item.ok ? [item.value] : []));
    const recorded = (await ctx.purchases.recordBatch(orders, actorOf(principal))).values();
    return checked.map((item, index) => {
      const outcome = item.ok ? recorded.next().value! : item;
      return outcome.ok
        ? { index, purchase: outcome.value, error: null }
        : { index, purchase: null, error: outcome.error };
    });
  }

  @Authorized('internal')
  @Query(() => MemberQuoteFacts, {
    description:
      "The member's tier and purchases so far, as the ledger quotes their next purchase with them: the campaign subgraph's pointsQuote asks, so a quote and the purchase agree (internal).",
  })
  async memberQuoteFacts(
    @Arg('customerId', () => ID) customerId: string,
    @Ctx() ctx: LedgerContext,
  ): Promise<MemberQuoteFacts> {
    if (!isUuid(customerId)) throw userInputError('customerId must be a UUID', { argument: 'customerId' });
    const { customerId: accountId, tier, history } = await ctx.purchases.quoteFacts(customerId);
    return {
      customerId: accountId,
      tier,
      purchasesBefore: history.purchasesBefore,
      channelsBefore: history.channelsBefore,
    };
  }

  @FieldResolver(() => GraphQLSafeInt, {
    nullable: true,
    description:
      'The balance right after this purchase was posted: for the member and staff who may read balances; an integration gets FORBIDDEN.',
  })
  balanceAfter(@Root() purchase: Purchase, @Ctx() ctx: LedgerContext): number | null {
    // Recording a purchase does not entitle a caller to the member's balance.
    requireLedgerAccess(ctx.principal, purchase.customer.id);
    return purchase.balanceAfter;
  }
}
