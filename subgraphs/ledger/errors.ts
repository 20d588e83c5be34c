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
  /** A transfer's idempotency key was used before for another transfer. */
  TransferConflict = 'TransferConflict',
  /** A transfer over the policy's per-transfer or rolling 24-hour limit. */
  TransferLimitExceeded = 'TransferLimitExceeded',
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
  [LedgerErrorKind.TransferConflict]: ErrorCode.CONFLICT,
  [LedgerErrorKind.TransferLimitExceeded]: ErrorCode.BAD_USER_INPUT,
  [LedgerErrorKind.InsufficientPoints]: ErrorCode.INSUFFICIENT_POINTS,
  [LedgerErrorKind.UpstreamUnavailable]: ErrorCode.SERVICE_UNAVAILABLE,
  [LedgerErrorKind.UpstreamRejected]: ErrorCode.INTERNAL_SERVER_ERROR,
};

export const ledgerErrors = mapDomainErrors(ledgerErrorCodes);
