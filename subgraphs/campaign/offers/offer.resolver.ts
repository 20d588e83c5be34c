import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CampaignContext } from '../context';
import { requireOfferAccess } from './offer.access';
import { baseRateId, describeRate } from '../quotes/quote.engine';
import { Customer, Offer } from './offer.type';

@Resolver(() => Customer)
export class CustomerOffersResolver {
  @FieldResolver(() => [Offer], {
    // Nullable so that the rest of a customer still answers while this subgraph is down.
    nullable: true,
    description: 'Ways this member earns now, on every channel.',
  })
  async offers(@Root() customer: Customer, @Ctx() ctx: CampaignContext): Promise<Offer[]> {
    requireOfferAccess(ctx.principal, customer.id);
    const rates = await ctx.loaders.earnRates.load('all');
    return rates.map((rate) => ({
      id: baseRateId(rate.currency),
      title: `Earn ${describeRate(rate)}`,
      description: `On every purchase in ${rate.currency}: in store, online and in the app.`,
    }));
  }
}
