import { DomainError } from '../../../runtime/errors/domainError';

export enum CustomerErrorKind {
  InvalidIdentifier = 'InvalidIdentifier',
  MissingIdentifier = 'MissingIdentifier',
  IdentifierTaken = 'IdentifierTaken',
  InvalidCustomerId = 'InvalidCustomerId',
}

export class CustomerError extends DomainError<CustomerErrorKind> {}
