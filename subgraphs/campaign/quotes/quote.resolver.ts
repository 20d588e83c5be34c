import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { CampaignContext } from '../context';
import { requireQuoteAccess } from '../offers/offer.access';
import { quoteOrder } from './quote.engine';
import { PointsQuote, QuoteOrderInput } from './quote.type';

@Resolver(() => PointsQuote)
export class QuoteResolver {
  @Query(() => PointsQuote, {
    description:
      'What an order would earn now: the ledger asks this for every purchase; storefronts can show it at checkout.',
  })
  async pointsQuote(@Arg('order') order: QuoteOrderInput, @Ctx() ctx: CampaignContext): Promise<PointsQuote> {
    requireQuoteAccess(ctx.principal, order.customerId);
    return quoteOrder(order, await ctx.earnRates.find(order.currency));
  }
}
