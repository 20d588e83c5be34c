import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '../../runtime/schema/buildFederatedSchema';
import { resolveRangeReference } from '../../runtime/schema/resolveRangeReference';
import { resolveUuidReference } from '../../runtime/schema/resolveUuidReference';
import { AbsenceTriggerResolver } from './absence/absenceTrigger.resolver';
import { BadgeResolver, CustomerBadgesResolver } from './badges/badge.resolver';
import { CampaignResolver } from './campaigns/campaign.resolver';
import { ClaimResolver } from './claims/claim.resolver';
import { EarnRateResolver } from './earning/earnRate.resolver';
import { campaignErrors } from './errors';
import { CampaignEventsResolver } from './outbox/campaignEvents.resolver';
import { CustomerLeaderboardResolver, LeaderboardResolver } from './leaderboards/leaderboard.resolver';
import { CustomerOffersResolver } from './offers/offer.resolver';
import { Customer } from './offers/offer.type';
import { ProgramResolver } from './program/program.resolver';
import { QuoteResolver } from './quotes/quote.resolver';
import { CustomerReferralResolver, ReferralResolver } from './referrals/referral.resolver';
import { AudienceResolver } from './segments/audience.resolver';
import { CustomerSegmentsResolver, SegmentResolver } from './segments/segment.resolver';
import { SimulationResolver } from './simulation/simulation.resolver';
import { CampaignPerformanceResolver } from './performance/performance.resolver';
import { SegmentMembersResolver } from './segments/segmentMembers.resolver';
import { SegmentMetricsResolver } from './segments/segmentMetrics.resolver';
import { ProgramMetrics } from './segments/segmentMetrics.type';

export function buildCampaignSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      EarnRateResolver,
      QuoteResolver,
      ClaimResolver,
      CampaignResolver,
      ProgramResolver,
      SegmentResolver,
      AudienceResolver,
      SimulationResolver,
      CustomerOffersResolver,
      CustomerSegmentsResolver,
      CampaignPerformanceResolver,
      SegmentMetricsResolver,
      SegmentMembersResolver,
      BadgeResolver,
      CustomerBadgesResolver,
      LeaderboardResolver,
      CustomerLeaderboardResolver,
      CampaignEventsResolver,
      AbsenceTriggerResolver,
      ReferralResolver,
      CustomerReferralResolver,
    ],
    // Customer is reached only through field resolvers, so it is listed to be emitted.
    orphanedTypes: [Customer, ProgramMetrics],
    globalMiddlewares: [campaignErrors],
    federationImports: ['@key', '@shareable'],
    referenceResolvers: {
      Customer: { __resolveReference: resolveUuidReference },
      ProgramMetrics: { __resolveReference: resolveRangeReference },
    },
  });
}
