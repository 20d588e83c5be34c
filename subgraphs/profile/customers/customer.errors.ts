import { DomainError } from '../../../runtime/errors/domainError';

export enum CustomerErrorKind {
  InvalidIdentifier = 'InvalidIdentifier',
  MissingIdentifier = 'MissingIdentifier',
  IdentifierTaken = 'IdentifierTaken',
  InvalidCustomerId = 'InvalidCustomerId',
  InvalidProfile = 'InvalidProfile',
  UnknownCustomer = 'UnknownCustomer',
}

export class CustomerError extends DomainError<CustomerErrorKind> {}
