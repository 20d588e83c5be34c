import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '../../runtime/schema/buildFederatedSchema';
import { resolveCustomerReference } from './customers/customer.reference';
import { CustomerResolver } from './customers/customer.resolver';
import { profileErrors } from './errors';

export function buildProfileSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [CustomerResolver],
    globalMiddlewares: [profileErrors],
    federationImports: ['@key'],
    referenceResolvers: { Customer: { __resolveReference: resolveCustomerReference } },
  });
}
