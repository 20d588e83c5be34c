import type { GraphQLSchema } from 'graphql';
import { Customer } from './offers/offer.type';
import { buildFederatedSchema } from '../../runtime/schema/buildFederatedSchema';
import { resolveUuidReference } from '../../runtime/schema/resolveUuidReference';
import { EarnRateResolver } from './earning/earnRate.resolver';
import { campaignErrors } from './errors';
import { CustomerOffersResolver } from './offers/offer.resolver';
import { QuoteResolver } from './quotes/quote.resolver';

export function buildCampaignSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [EarnRateResolver, QuoteResolver, CustomerOffersResolver],
    // Customer is reached only through field resolvers, so it is listed to be emitted.
    orphanedTypes: [Customer],
    globalMiddlewares: [campaignErrors],
    federationImports: ['@key'],
    referenceResolvers: { Customer: { __resolveReference: resolveUuidReference } },
  });
}
