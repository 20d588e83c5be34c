import type { AuthContext } from '../../runtime/auth/authorize';
import type { Database } from '../../runtime/database/database';
import type { ContextInput } from '../../runtime/server/startSubgraph';
import type { NotificationService } from './notifications/notification.service';
import type { MessageResponseService } from './responses/messageResponse.service';
import type { WebhookService } from './webhooks/webhook.service';

/** Engagement's long-lived services, shared by every request. */
export interface EngagementServices {
  db: Database;
  notifications: NotificationService;
  responses: MessageResponseService;
  webhooks: WebhookService;
}

export interface EngagementContext extends AuthContext, EngagementServices {}

export function createEngagementContext(services: EngagementServices, input: ContextInput): EngagementContext {
  return { ...services, principal: input.principal };
}
