import { DomainError } from '../../../runtime/errors/domainError';

export enum CustomerErrorKind {
  InvalidIdentifier = 'InvalidIdentifier',
  MissingIdentifier = 'MissingIdentifier',
  IdentifierTaken = 'IdentifierTaken',
  InvalidCustomerId = 'InvalidCustomerId',
  InvalidProfile = 'InvalidProfile',
  UnknownCustomer = 'UnknownCustomer',
  MergeRefused = 'MergeRefused',
}

export class CustomerError extends DomainError<CustomerErrorKind> {}

/** The reason an admin gives for an erasure or a merge: required, 3 to 500 characters. */
export function checkedReason(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed.length < 3 || trimmed.length > 500) {
    throw new CustomerError(CustomerErrorKind.InvalidProfile, 'Give a reason of 3 to 500 characters');
  }
  return trimmed;
}
