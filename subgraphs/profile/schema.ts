import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '../../runtime/schema/buildFederatedSchema';
import { resolveRangeReference } from '../../runtime/schema/resolveRangeReference';
import { resolveCustomerReference } from './customers/customer.reference';
import { BirthdayResolver } from './customers/birthday.resolver';
import { CustomerResolver } from './customers/customer.resolver';
import { CustomEventResolver } from './events/customEvent.resolver';
import { profileErrors } from './errors';
import { FeedbackResolver } from './feedback/feedback.resolver';
import { ImportedMembersResolver } from './imports/importedMembers.resolver';
import { MergeResolver } from './merges/merge.resolver';
import { ProfileEventsResolver } from './outbox/profileEvents.resolver';
import { ProgramMembersResolver } from './insights/programMembers.resolver';
import { ProgramMetrics } from './insights/programMembers.type';
import { ErasedCustomersResolver } from './privacy/erasedCustomers.resolver';
import { PrivacyResolver } from './privacy/privacy.resolver';
import { TimelineResolver } from './timeline/timeline.resolver';
import { MessageEntry, PurchaseEntry, RedemptionEntry, ReturnEntry } from './timeline/timelineEntry.type';
import { CustomerEvent } from './events/customEvent.type';

export function buildProfileSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      CustomerResolver,
      BirthdayResolver,
      FeedbackResolver,
      CustomEventResolver,
      TimelineResolver,
      PrivacyResolver,
      ErasedCustomersResolver,
      MergeResolver,
      ProfileEventsResolver,
      ProgramMembersResolver,
      ImportedMembersResolver,
    ],
    // The timeline's entry types are reached only through its interface.
    orphanedTypes: [ProgramMetrics, CustomerEvent, PurchaseEntry, ReturnEntry, RedemptionEntry, MessageEntry],
    globalMiddlewares: [profileErrors],
    federationImports: ['@key', '@shareable'],
    referenceResolvers: {
      Customer: { __resolveReference: resolveCustomerReference },
      ProgramMetrics: { __resolveReference: resolveRangeReference },
    },
  });
}
