import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '../../runtime/schema/buildFederatedSchema';
import { resolveUuidReference } from '../../runtime/schema/resolveUuidReference';
import { CustomerLoyaltyResolver, LoyaltyResolver } from './accounts/account.resolver';
import { ActivityResolver } from './activities/activity.resolver';
import { AdjustmentResolver } from './adjustments/adjustment.resolver';
import { AwardResolver } from './awards/award.resolver';
import { BulkAdjustmentResolver } from './bulkAdjustments/bulkAdjustment.resolver';
import { BalanceUpdateResolver } from './balanceUpdates/balanceUpdate.resolver';
import { ledgerErrors } from './errors';
import { CustomerMetricsResolver } from './metrics/customerMetrics.resolver';
import { ProgramMetricsResolver } from './metrics/programMetrics.resolver';
import { ImportJobResolver } from './importJobs/importJob.resolver';
import { LedgerEventsResolver } from './outbox/ledgerEvents.resolver';
import { PointsJobResolver } from './maintenance/pointsJob.resolver';
import { LoyaltyHoldsResolver, PointsPaymentResolver } from './pointsPayments/pointsPayment.resolver';
import { PurchaseResolver } from './purchases/purchase.resolver';
import { RedemptionResolver } from './redemptions/redemption.resolver';
import { ReturnResolver } from './returns/return.resolver';
import { TierChangeResolver } from './tiers/tierChange.resolver';
import { TierProgramResolver } from './tiers/tier.resolver';
import { TransferResolver } from './transfers/transfer.resolver';
import {
  LoyaltyWalletsResolver,
  PurchaseWalletResolver,
  ReturnWalletResolver,
  WalletBalanceResolver,
  WalletResolver,
} from './wallets/wallet.resolver';
import { WalletUpdateResolver } from './wallets/walletUpdate.resolver';

export function buildLedgerSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      CustomerLoyaltyResolver,
      LoyaltyResolver,
      CustomerMetricsResolver,
      ProgramMetricsResolver,
      PurchaseResolver,
      ReturnResolver,
      RedemptionResolver,
      PointsPaymentResolver,
      LoyaltyHoldsResolver,
      AdjustmentResolver,
      BulkAdjustmentResolver,
      TransferResolver,
      ImportJobResolver,
      ActivityResolver,
      AwardResolver,
      LedgerEventsResolver,
      TierProgramResolver,
      PointsJobResolver,
      BalanceUpdateResolver,
      TierChangeResolver,
      WalletResolver,
      LoyaltyWalletsResolver,
      WalletBalanceResolver,
      PurchaseWalletResolver,
      ReturnWalletResolver,
      WalletUpdateResolver,
    ],
    globalMiddlewares: [ledgerErrors],
    federationImports: ['@key', '@shareable'],
    referenceResolvers: { Customer: { __resolveReference: resolveUuidReference } },
  });
}
