import { DomainError } from '../../runtime/errors/domainError';
import { ErrorCode } from '../../runtime/errors/errorCodes';
import { mapDomainErrors } from '../../runtime/errors/graphqlErrors';
import { QuoteErrorKind } from './quotes/quote.engine';

export enum CampaignErrorKind {
  /** A campaign, simulation or performance range that cannot be taken (the message names the problem). */
  InvalidCampaign = 'InvalidCampaign',
  /** No campaign has that id. */
  UnknownCampaign = 'UnknownCampaign',
  /** A change that the campaign's status or version does not allow. */
  CampaignConflict = 'CampaignConflict',
  /** A segment definition that cannot be taken. */
  InvalidSegment = 'InvalidSegment',
  /** No marketer-defined segment has that key. */
  UnknownSegment = 'UnknownSegment',
  /** No static audience has that key. */
  UnknownAudience = 'UnknownAudience',
  /** A badge definition that cannot be taken. */
  InvalidBadge = 'InvalidBadge',
  /** No badge has that key. */
  UnknownBadge = 'UnknownBadge',
  /** A key in use, or a change a retired badge does not allow. */
  BadgeConflict = 'BadgeConflict',
  /** A leaderboard store id, display name or member id that cannot be taken. */
  InvalidLeaderboard = 'InvalidLeaderboard',
  /** An absence trigger definition that cannot be taken. */
  InvalidAbsenceTrigger = 'InvalidAbsenceTrigger',
  /** No absence trigger has that key. */
  UnknownAbsenceTrigger = 'UnknownAbsenceTrigger',
  /** An absence trigger key in use (even by a retired one). */
  AbsenceTriggerConflict = 'AbsenceTriggerConflict',
  /** A referral code, referral id or referral rule that cannot be taken. */
  InvalidReferral = 'InvalidReferral',
  /** No member has that referral code, no profile that friend id, or no referral that id. */
  UnknownReferral = 'UnknownReferral',
  /** A referral refused for what it is (`extensions.signal`: SELF_REFERRAL, EXISTING_MEMBER). */
  ReferralRefused = 'ReferralRefused',
  /** A friend already referred, a referrer over their cap (`extensions.signal` CAP_REACHED), a review of a referral not held. */
  ReferralConflict = 'ReferralConflict',
  /** The ledger or profile service did not answer; nothing changed, retry. */
  UpstreamUnavailable = 'UpstreamUnavailable',
}

export class CampaignError extends DomainError<CampaignErrorKind> {}

/** Every campaign error kind and the code a client sees for it. */
export const campaignErrorCodes: Record<CampaignErrorKind | QuoteErrorKind, ErrorCode> = {
  [QuoteErrorKind.QuoteTooLarge]: ErrorCode.BAD_USER_INPUT,
  [CampaignErrorKind.InvalidCampaign]: ErrorCode.BAD_USER_INPUT,
  [CampaignErrorKind.UnknownCampaign]: ErrorCode.NOT_FOUND,
  [CampaignErrorKind.CampaignConflict]: ErrorCode.CONFLICT,
  [CampaignErrorKind.InvalidSegment]: ErrorCode.BAD_USER_INPUT,
  [CampaignErrorKind.UnknownSegment]: ErrorCode.NOT_FOUND,
  [CampaignErrorKind.UnknownAudience]: ErrorCode.NOT_FOUND,
  [CampaignErrorKind.InvalidBadge]: ErrorCode.BAD_USER_INPUT,
  [CampaignErrorKind.UnknownBadge]: ErrorCode.NOT_FOUND,
  [CampaignErrorKind.BadgeConflict]: ErrorCode.CONFLICT,
  [CampaignErrorKind.InvalidLeaderboard]: ErrorCode.BAD_USER_INPUT,
  [CampaignErrorKind.InvalidAbsenceTrigger]: ErrorCode.BAD_USER_INPUT,
  [CampaignErrorKind.UnknownAbsenceTrigger]: ErrorCode.NOT_FOUND,
  [CampaignErrorKind.AbsenceTriggerConflict]: ErrorCode.CONFLICT,
  [CampaignErrorKind.InvalidReferral]: ErrorCode.BAD_USER_INPUT,
  [CampaignErrorKind.UnknownReferral]: ErrorCode.NOT_FOUND,
  [CampaignErrorKind.ReferralRefused]: ErrorCode.BAD_USER_INPUT,
  [CampaignErrorKind.ReferralConflict]: ErrorCode.CONFLICT,
  [CampaignErrorKind.UpstreamUnavailable]: ErrorCode.SERVICE_UNAVAILABLE,
};

export const campaignErrors = mapDomainErrors(campaignErrorCodes);
