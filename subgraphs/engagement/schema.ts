import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '../../runtime/schema/buildFederatedSchema';
import { resolveUuidReference } from '../../runtime/schema/resolveUuidReference';
import { engagementErrors } from './errors';
import { Customer } from './members/customer.type';
import { NotificationResolver } from './notifications/notification.resolver';
import { EngagementEventsResolver } from './outbox/engagementEvents.resolver';
import { MessageResponseResolver } from './responses/messageResponse.resolver';
import { WebhookResolver } from './webhooks/webhook.resolver';

export function buildEngagementSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [NotificationResolver, MessageResponseResolver, WebhookResolver, EngagementEventsResolver],
    // Customer is reached only through its notifications field, so it is listed to be emitted.
    orphanedTypes: [Customer],
    globalMiddlewares: [engagementErrors],
    federationImports: ['@key', '@shareable'],
    referenceResolvers: {
      Customer: { __resolveReference: resolveUuidReference },
    },
  });
}
