import { DomainError } from '../../runtime/errors/domainError';
import { ErrorCode } from '../../runtime/errors/errorCodes';
import { mapDomainErrors } from '../../runtime/errors/graphqlErrors';

export enum LedgerErrorKind {
  /** Input the ledger cannot take: a malformed id, a self-transfer or self-referral, an order total too large. */
  InvalidInput = 'InvalidInput',
  /** No points account for that customer id (not enrolled, or erased). */
  UnknownCustomer = 'UnknownCustomer',
  /** A return names a purchase (by id or channel key) the ledger never recorded. */
  UnknownPurchase = 'UnknownPurchase',
  /** A bulk adjustment names a segment no one defined. */
  UnknownSegment = 'UnknownSegment',
  /** A refund names a redemption whose points were never debited. */
  UnknownRedemption = 'UnknownRedemption',
  /** A redemption id was used before with another customer or amount. */
  RedemptionConflict = 'RedemptionConflict',
  /** An idempotency key (order, return, adjustment, activity, award) was used before with other content; or a friend already referred. */
  OrderConflict = 'OrderConflict',
  /** A transfer's idempotency key was used before for another transfer. */
  TransferConflict = 'TransferConflict',
  /** A transfer over the policy's per-transfer or rolling 24-hour limit. */
  TransferLimitExceeded = 'TransferLimitExceeded',
  /** A debit (redemption, negative adjustment, transfer) larger than the balance; `extensions.balance` says how much there is. */
  InsufficientPoints = 'InsufficientPoints',
  /** No points hold has that id. */
  UnknownHold = 'UnknownHold',
  /** A points hold that cannot do what was asked: captured, released or expired already, or its key used for another hold. */
  HoldConflict = 'HoldConflict',
  /** No wallet is defined with that code. */
  UnknownWallet = 'UnknownWallet',
  /** A wallet change that cannot be made: a kind changed, a key used for other content, a household full or shared otherwise. */
  WalletConflict = 'WalletConflict',
  /** No import job has that id. */
  UnknownImportJob = 'UnknownImportJob',
  /** An import job that completed takes no more uploads (start a new job: its records are skipped as already there). */
  ImportJobCompleted = 'ImportJobCompleted',
  /** The campaign or profile service did not answer; nothing was posted, retry. */
  UpstreamUnavailable = 'UpstreamUnavailable',
  /** The campaign service answered with something the ledger cannot post (a fault of ours). */
  UpstreamRejected = 'UpstreamRejected',
}

export class LedgerError extends DomainError<LedgerErrorKind> {}

/** Every ledger error kind and the code a client sees for it. */
export const ledgerErrorCodes: Record<LedgerErrorKind, ErrorCode> = {
  [LedgerErrorKind.InvalidInput]: ErrorCode.BAD_USER_INPUT,
  [LedgerErrorKind.UnknownCustomer]: ErrorCode.NOT_FOUND,
  [LedgerErrorKind.UnknownPurchase]: ErrorCode.NOT_FOUND,
  [LedgerErrorKind.UnknownSegment]: ErrorCode.NOT_FOUND,
  [LedgerErrorKind.UnknownRedemption]: ErrorCode.NOT_FOUND,
  [LedgerErrorKind.RedemptionConflict]: ErrorCode.CONFLICT,
  [LedgerErrorKind.OrderConflict]: ErrorCode.CONFLICT,
  [LedgerErrorKind.TransferConflict]: ErrorCode.CONFLICT,
  [LedgerErrorKind.UnknownHold]: ErrorCode.NOT_FOUND,
  [LedgerErrorKind.HoldConflict]: ErrorCode.CONFLICT,
  [LedgerErrorKind.UnknownWallet]: ErrorCode.NOT_FOUND,
  [LedgerErrorKind.WalletConflict]: ErrorCode.CONFLICT,
  [LedgerErrorKind.UnknownImportJob]: ErrorCode.NOT_FOUND,
  [LedgerErrorKind.ImportJobCompleted]: ErrorCode.CONFLICT,
  [LedgerErrorKind.TransferLimitExceeded]: ErrorCode.BAD_USER_INPUT,
  [LedgerErrorKind.InsufficientPoints]: ErrorCode.INSUFFICIENT_POINTS,
  [LedgerErrorKind.UpstreamUnavailable]: ErrorCode.SERVICE_UNAVAILABLE,
  [LedgerErrorKind.UpstreamRejected]: ErrorCode.INTERNAL_SERVER_ERROR,
};

export const ledgerErrors = mapDomainErrors(ledgerErrorCodes);
