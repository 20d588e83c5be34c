import { DomainError } from '../../../runtime/errors/domainError';

export enum CustomEventErrorKind {
  /** An event type definition that cannot be kept: a name not lowercase and dotted (`cart.updated`), a property named twice or badly, too many properties. */
  InvalidEventType = 'InvalidEventType',
  /** An event whose type no one defined; nothing is stored. */
  UnknownEventType = 'UnknownEventType',
  /** An event's properties that do not match its type: a property the type does not have, a required one missing, a value of the wrong kind, a payload over `PROFILE_EVENT_MAX_BYTES`; `extensions.field` names it. */
  InvalidEventProperties = 'InvalidEventProperties',
  /** An idempotency key already used on this channel for another event (another customer, type, properties or time). */
  IdempotencyKeyReused = 'IdempotencyKeyReused',
  /** A member sending an event of a type members may not send (`membersMaySend` false). */
  MemberMayNotSend = 'MemberMayNotSend',
}

export class CustomEventError extends DomainError<CustomEventErrorKind> {}
