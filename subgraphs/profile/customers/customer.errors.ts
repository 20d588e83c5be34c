import { DomainError } from '../../../runtime/errors/domainError';

export enum CustomerErrorKind {
  /** An email, phone number, member card or external id that cannot be read (a phone without `+` and no `PROFILE_PHONE_REGION`, a card with a wrong check digit). */
  InvalidIdentifier = 'InvalidIdentifier',
  /** Enrolment without an email or a phone number. */
  MissingIdentifier = 'MissingIdentifier',
  /** An email, phone or external id another profile owns; enrolment never makes a second profile. */
  IdentifierTaken = 'IdentifierTaken',
  /** A customer id that is not a UUID. */
  InvalidCustomerId = 'InvalidCustomerId',
  /** A profile change that cannot be made: a required name removed, a merge into itself, a reason shorter than 3 or longer than 500 characters. */
  InvalidProfile = 'InvalidProfile',
  /** No profile has that customer id. */
  UnknownCustomer = 'UnknownCustomer',
  /** A merge of a profile that was merged or erased, or that changed meanwhile. */
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
