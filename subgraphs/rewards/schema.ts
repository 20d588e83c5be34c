import type { GraphQLSchema } from 'graphql';
import { Customer } from './customerRewards/customerRewards.type';
import { buildFederatedSchema } from '../../runtime/schema/buildFederatedSchema';
import { resolveUuidReference } from '../../runtime/schema/resolveUuidReference';
import { RewardCatalogResolver } from './catalog/reward.resolver';
import { RewardsEventsResolver } from './outbox/rewardsEvents.resolver';
import type { Reward } from './catalog/reward.type';
import type { RewardsContext } from './context';
import { AvailableRewardsResolver, CustomerRewardsResolver } from './customerRewards/customerRewards.resolver';
import { rewardsErrors } from './errors';
import { VoucherEventFieldsResolver, VoucherEventsResolver } from './vouchers/voucherEvents.resolver';
import { RedemptionFieldsResolver, VoucherFieldsResolver, VoucherResolver } from './vouchers/voucher.resolver';

export function buildRewardsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      RewardCatalogResolver,
      CustomerRewardsResolver,
      AvailableRewardsResolver,
      VoucherResolver,
      VoucherFieldsResolver,
      RedemptionFieldsResolver,
      VoucherEventsResolver,
      VoucherEventFieldsResolver,
      RewardsEventsResolver,
    ],
    // Customer is reached only through field resolvers, so it is listed to be emitted.
    orphanedTypes: [Customer],
    globalMiddlewares: [rewardsErrors],
    federationImports: ['@key', '@shareable'],
    referenceResolvers: {
      Customer: { __resolveReference: resolveUuidReference },
      Reward: {
        __resolveReference: (reference: { id: string }, ctx: RewardsContext): Promise<Reward | null> | null =>
          resolveUuidReference(reference) && ctx.loaders.rewardById.load(reference.id),
      },
    },
  });
}
