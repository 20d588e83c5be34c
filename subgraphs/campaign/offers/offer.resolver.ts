import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CampaignContext } from '../context';
import { baseRateId, describeRate } from '../quotes/quote.engine';
import { requireOfferAccess } from './offer.access';
import { Customer, Offer } from './offer.type';

@Resolver(() => Customer)
export class CustomerOffersResolver {
  @FieldResolver(() => [Offer], {
    // Nullable so that the rest of a customer still answers while this subgraph is down.
    nullable: true,
    description:
      'Campaigns this member can benefit from now or within a week, best for them first (a reason to try a new channel ranks highest), then the base earn rates.',
  })
  async offers(@Root() customer: Customer, @Ctx() ctx: CampaignContext): Promise<Offer[]> {
    requireOfferAccess(ctx.principal, customer.id);
    const [ranked, rates] = await Promise.all([ctx.quotes.offersFor(customer.id), ctx.loaders.earnRates.load('all')]);
    return [
      ...ranked.map((offer) => ({
        id: `campaign:${offer.rule.id}`,
        title: offer.rule.name,
        description: offer.description,
        campaignId: offer.rule.id,
        why: offer.why,
        liveNow: offer.liveNow,
        startsAt: offer.startsAt,
        endsAt: offer.endsAt,
      })),
      ...rates.map((rate) => ({
        id: baseRateId(rate.currency),
        title: `Earn ${describeRate(rate)}`,
        description: `On every purchase in ${rate.currency}: in store, online and in the app.`,
        campaignId: null,
        why: 'For every member',
        liveNow: true,
        startsAt: null,
        endsAt: null,
      })),
    ];
  }
}
