import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '../../runtime/schema/buildFederatedSchema';
import { resolveCustomerReference } from './customers/customer.reference';
import { BirthdayResolver } from './customers/birthday.resolver';
import { CustomerResolver } from './customers/customer.resolver';
import { profileErrors } from './errors';
import { FeedbackResolver } from './feedback/feedback.resolver';
import { MergeResolver } from './merges/merge.resolver';
import { ProfileEventsResolver } from './outbox/profileEvents.resolver';
import { PrivacyResolver } from './privacy/privacy.resolver';

export function buildProfileSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      CustomerResolver,
      BirthdayResolver,
      FeedbackResolver,
      PrivacyResolver,
      MergeResolver,
      ProfileEventsResolver,
    ],
    globalMiddlewares: [profileErrors],
    federationImports: ['@key'],
    referenceResolvers: { Customer: { __resolveReference: resolveCustomerReference } },
  });
}
