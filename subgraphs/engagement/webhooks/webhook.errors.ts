import { DomainError } from '../../../runtime/errors/domainError';

export enum WebhookErrorKind {
  /** A URL, event type, source or count the integration settings cannot take. */
  InvalidWebhookInput = 'InvalidWebhookInput',
  /** No webhook endpoint has that id. */
  UnknownWebhookEndpoint = 'UnknownWebhookEndpoint',
  /** No webhook delivery has that id. */
  UnknownWebhookDelivery = 'UnknownWebhookDelivery',
  /** Only a dead letter can be re-queued; a pending delivery is still being retried. */
  WebhookDeliveryNotDead = 'WebhookDeliveryNotDead',
  /** The service whose events a replay reads did not answer; nothing was queued. */
  EventSourceUnavailable = 'EventSourceUnavailable',
}

export class WebhookError extends DomainError<WebhookErrorKind> {}

/** Bad input, naming the argument (`input.url`, `source`, ...) as the other BAD_USER_INPUT errors do. */
export function invalidWebhookInput(message: string, argument: string): WebhookError {
  return new WebhookError(WebhookErrorKind.InvalidWebhookInput, message, { argument });
}
