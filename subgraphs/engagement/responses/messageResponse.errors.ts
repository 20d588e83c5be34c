import { DomainError } from '../../../runtime/errors/domainError';

export enum MessageResponseErrorKind {
  /** A time or a message a response cannot be recorded for (not sent, before it was sent, in the future). */
  InvalidMessageResponse = 'InvalidMessageResponse',
  /** No message has that id. */
  UnknownMessage = 'UnknownMessage',
  /** A member may record responses to their own messages only, and only opens and clicks. */
  MessageResponseForbidden = 'MessageResponseForbidden',
}

export class MessageResponseError extends DomainError<MessageResponseErrorKind> {}
