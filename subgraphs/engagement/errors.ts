import { ErrorCode } from '../../runtime/errors/errorCodes';
import { mapDomainErrors } from '../../runtime/errors/graphqlErrors';
import { MessageResponseErrorKind } from './responses/messageResponse.errors';
import { WebhookErrorKind } from './webhooks/webhook.errors';

/** Every engagement error kind and the code a client sees for it. */
export const engagementErrorCodes: Record<WebhookErrorKind | MessageResponseErrorKind, ErrorCode> = {
  [WebhookErrorKind.InvalidWebhookInput]: ErrorCode.BAD_USER_INPUT,
  [WebhookErrorKind.UnknownWebhookEndpoint]: ErrorCode.NOT_FOUND,
  [WebhookErrorKind.UnknownWebhookDelivery]: ErrorCode.NOT_FOUND,
  [WebhookErrorKind.WebhookDeliveryNotDead]: ErrorCode.CONFLICT,
  [WebhookErrorKind.EventSourceUnavailable]: ErrorCode.SERVICE_UNAVAILABLE,
  [MessageResponseErrorKind.InvalidMessageResponse]: ErrorCode.BAD_USER_INPUT,
  [MessageResponseErrorKind.UnknownMessage]: ErrorCode.NOT_FOUND,
  [MessageResponseErrorKind.MessageResponseForbidden]: ErrorCode.FORBIDDEN,
};

export const engagementErrors = mapDomainErrors(engagementErrorCodes);
