import { ErrorCode } from '../../runtime/errors/errorCodes';
import { mapDomainErrors } from '../../runtime/errors/graphqlErrors';
import { CustomerErrorKind } from './customers/customer.errors';

/** Every profile error kind and the code a client sees for it. */
export const profileErrorCodes: Record<CustomerErrorKind, ErrorCode> = {
  [CustomerErrorKind.InvalidIdentifier]: ErrorCode.BAD_USER_INPUT,
  [CustomerErrorKind.MissingIdentifier]: ErrorCode.BAD_USER_INPUT,
  [CustomerErrorKind.InvalidCustomerId]: ErrorCode.BAD_USER_INPUT,
  [CustomerErrorKind.IdentifierTaken]: ErrorCode.CONFLICT,
  [CustomerErrorKind.InvalidProfile]: ErrorCode.BAD_USER_INPUT,
  [CustomerErrorKind.UnknownCustomer]: ErrorCode.NOT_FOUND,
  [CustomerErrorKind.MergeRefused]: ErrorCode.CONFLICT,
};

export const profileErrors = mapDomainErrors(profileErrorCodes);
