import { DomainError } from '../../runtime/errors/domainError';
import { ErrorCode } from '../../runtime/errors/errorCodes';
import { mapDomainErrors } from '../../runtime/errors/graphqlErrors';

export enum RewardsErrorKind {
  /** A reward definition, redemption or voucher code that cannot be read (a code whose check character is wrong). */
  InvalidInput = 'InvalidInput',
  /** No reward has that id. */
  UnknownReward = 'UnknownReward',
  /** The ledger knows no customer with that id. */
  UnknownCustomer = 'UnknownCustomer',
  /** No voucher has that code. */
  UnknownVoucher = 'UnknownVoucher',
  /** A member acting on another member's voucher. */
  NotYours = 'NotYours',
  /** The reward is inactive, outside its dates, not for this channel or tier, or the member reached its limit. */
  NotEligible = 'NotEligible',
  /** The reward has no unit left. */
  OutOfStock = 'OutOfStock',
  /** The member's balance does not cover the reward; the unit of stock goes back. */
  InsufficientPoints = 'InsufficientPoints',
  /** The same redemption id was sent with other content, or a redemption already failed. */
  RedemptionConflict = 'RedemptionConflict',
  /** The voucher was used already (on another order). */
  VoucherConsumed = 'VoucherConsumed',
  /** The voucher is past its date (at the use's `occurredAt`). */
  VoucherExpired = 'VoucherExpired',
  /** A use's `occurredAt` is before the voucher was issued. */
  VoucherNotYetIssued = 'VoucherNotYetIssued',
  /** The voucher was cancelled (its points refunded). */
  VoucherCancelled = 'VoucherCancelled',
  /** The ledger or profile service did not answer; a pending redemption keeps its unit, retry with the same redemption id. */
  UpstreamUnavailable = 'UpstreamUnavailable',
}

export class RewardsError extends DomainError<RewardsErrorKind> {}

/** Every rewards error kind and the code a client sees for it (`reason` tells them apart). */
export const rewardsErrorCodes: Record<RewardsErrorKind, ErrorCode> = {
  [RewardsErrorKind.InvalidInput]: ErrorCode.BAD_USER_INPUT,
  [RewardsErrorKind.UnknownReward]: ErrorCode.NOT_FOUND,
  [RewardsErrorKind.UnknownCustomer]: ErrorCode.NOT_FOUND,
  [RewardsErrorKind.UnknownVoucher]: ErrorCode.NOT_FOUND,
  [RewardsErrorKind.NotYours]: ErrorCode.FORBIDDEN,
  [RewardsErrorKind.NotEligible]: ErrorCode.FORBIDDEN,
  [RewardsErrorKind.OutOfStock]: ErrorCode.CONFLICT,
  [RewardsErrorKind.InsufficientPoints]: ErrorCode.INSUFFICIENT_POINTS,
  [RewardsErrorKind.RedemptionConflict]: ErrorCode.CONFLICT,
  [RewardsErrorKind.VoucherConsumed]: ErrorCode.CONFLICT,
  [RewardsErrorKind.VoucherExpired]: ErrorCode.CONFLICT,
  [RewardsErrorKind.VoucherNotYetIssued]: ErrorCode.CONFLICT,
  [RewardsErrorKind.VoucherCancelled]: ErrorCode.CONFLICT,
  [RewardsErrorKind.UpstreamUnavailable]: ErrorCode.SERVICE_UNAVAILABLE,
};

export const rewardsErrors = mapDomainErrors(rewardsErrorCodes);
