import { DomainError } from '../../runtime/errors/domainError';
import { ErrorCode } from '../../runtime/errors/errorCodes';
import { mapDomainErrors } from '../../runtime/errors/graphqlErrors';

export enum LedgerErrorKind {
  InvalidInput = 'InvalidInput',
  UnknownCustomer = 'UnknownCustomer',
  UnknownPurchase = 'UnknownPurchase',
  UnknownRedemption = 'UnknownRedemption',
  RedemptionConflict = 'RedemptionConflict',
  OrderConflict = 'OrderConflict',
  InsufficientPoints = 'InsufficientPoints',
  UpstreamUnavailable = 'UpstreamUnavailable',
  UpstreamRejected = 'UpstreamRejected',
}

export class LedgerError extends DomainError<LedgerErrorKind> {}

/** Every ledger error kind and the code a client sees for it. */
export const ledgerErrorCodes: Record<LedgerErrorKind, ErrorCode> = {
  [LedgerErrorKind.InvalidInput]: ErrorCode.BAD_USER_INPUT,
  [LedgerErrorKind.UnknownCustomer]: ErrorCode.NOT_FOUND,
  [LedgerErrorKind.UnknownPurchase]: ErrorCode.NOT_FOUND,
  [LedgerErrorKind.UnknownRedemption]: ErrorCode.NOT_FOUND,
  [LedgerErrorKind.RedemptionConflict]: ErrorCode.CONFLICT,
  [LedgerErrorKind.OrderConflict]: ErrorCode.CONFLICT,
  [LedgerErrorKind.InsufficientPoints]: ErrorCode.INSUFFICIENT_POINTS,
  [LedgerErrorKind.UpstreamUnavailable]: ErrorCode.SERVICE_UNAVAILABLE,
  [LedgerErrorKind.UpstreamRejected]: ErrorCode.INTERNAL_SERVER_ERROR,
};

export const ledgerErrors = mapDomainErrors(ledgerErrorCodes);
