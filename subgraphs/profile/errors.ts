import { ErrorCode } from '../../runtime/errors/errorCodes';
import { mapDomainErrors } from '../../runtime/errors/graphqlErrors';
import { CustomerErrorKind } from './customers/customer.errors';
import { CustomEventErrorKind } from './events/customEvent.errors';

/** Every profile error kind and the code a client sees for it. */
export const profileErrorCodes: Record<CustomerErrorKind | CustomEventErrorKind, ErrorCode> = {
  [CustomerErrorKind.InvalidIdentifier]: ErrorCode.BAD_USER_INPUT,
  [CustomerErrorKind.MissingIdentifier]: ErrorCode.BAD_USER_INPUT,
  [CustomerErrorKind.InvalidCustomerId]: ErrorCode.BAD_USER_INPUT,
  [CustomerErrorKind.IdentifierTaken]: ErrorCode.CONFLICT,
  [CustomerErrorKind.InvalidProfile]: ErrorCode.BAD_USER_INPUT,
  [CustomerErrorKind.UnknownCustomer]: ErrorCode.NOT_FOUND,
  [CustomerErrorKind.MergeRefused]: ErrorCode.CONFLICT,
  [CustomEventErrorKind.InvalidEventType]: ErrorCode.BAD_USER_INPUT,
  [CustomEventErrorKind.UnknownEventType]: ErrorCode.BAD_USER_INPUT,
  [CustomEventErrorKind.InvalidEventProperties]: ErrorCode.BAD_USER_INPUT,
  [CustomEventErrorKind.IdempotencyKeyReused]: ErrorCode.CONFLICT,
  [CustomEventErrorKind.MemberMayNotSend]: ErrorCode.FORBIDDEN,
};

export const profileErrors = mapDomainErrors(profileErrorCodes);
