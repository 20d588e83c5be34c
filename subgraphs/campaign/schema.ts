import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '../../runtime/schema/buildFederatedSchema';
import { resolveUuidReference } from '../../runtime/schema/resolveUuidReference';
import { CampaignResolver } from './campaigns/campaign.resolver';
import { ClaimResolver } from './claims/claim.resolver';
import { EarnRateResolver } from './earning/earnRate.resolver';
import { campaignErrors } from './errors';
import { CustomerOffersResolver } from './offers/offer.resolver';
import { Customer } from './offers/offer.type';
import { ProgramResolver } from './program/program.resolver';
import { QuoteResolver } from './quotes/quote.resolver';
import { CustomerSegmentsResolver, SegmentResolver } from './segments/segment.resolver';
import { SimulationResolver } from './simulation/simulation.resolver';

export function buildCampaignSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      EarnRateResolver,
      QuoteResolver,
      ClaimResolver,
      CampaignResolver,
      ProgramResolver,
      SegmentResolver,
      SimulationResolver,
      CustomerOffersResolver,
      CustomerSegmentsResolver,
    ],
    // Customer is reached only through field resolvers, so it is listed to be emitted.
    orphanedTypes: [Customer],
    globalMiddlewares: [campaignErrors],
    federationImports: ['@key', '@shareable'],
    referenceResolvers: { Customer: { __resolveReference: resolveUuidReference } },
  });
}
