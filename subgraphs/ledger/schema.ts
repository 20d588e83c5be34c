import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '../../runtime/schema/buildFederatedSchema';
import { resolveUuidReference } from '../../runtime/schema/resolveUuidReference';
import { CustomerLoyaltyResolver, LoyaltyHistoryResolver } from './accounts/account.resolver';
import { BalanceUpdateResolver } from './balanceUpdates/balanceUpdate.resolver';
import { ledgerErrors } from './errors';
import { PurchaseResolver } from './purchases/purchase.resolver';

export function buildLedgerSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [CustomerLoyaltyResolver, LoyaltyHistoryResolver, PurchaseResolver, BalanceUpdateResolver],
    globalMiddlewares: [ledgerErrors],
    federationImports: ['@key', '@shareable'],
    referenceResolvers: { Customer: { __resolveReference: resolveUuidReference } },
  });
}
