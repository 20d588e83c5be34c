import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { CampaignContext } from '../context';
import { requireQuoteAccess } from '../offers/offer.access';
import { PointsQuote, QuoteOrderInput } from './quote.type';

@Resolver(() => PointsQuote)
export class QuoteResolver {
  @Query(() => PointsQuote, {
    description:
      'What an order would earn (now, or at `at`): the base rate, the tier bonus and one line per campaign, with reasons. Storefronts show it at checkout ("you will earn 240 points"); nothing is reserved.',
  })
  async pointsQuote(
    @Arg('order') order: QuoteOrderInput,
    @Arg('at', () => Date, { nullable: true, description: 'Quote for this moment instead of now.' }) at: Date | null,
    @Ctx() ctx: CampaignContext,
  ): Promise<PointsQuote> {
    requireQuoteAccess(ctx.principal, order.customerId);
    return ctx.quotes.preview(order, at ?? undefined);
  }
}
