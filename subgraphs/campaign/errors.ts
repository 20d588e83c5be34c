import { DomainError } from '../../runtime/errors/domainError';
import { ErrorCode } from '../../runtime/errors/errorCodes';
import { mapDomainErrors } from '../../runtime/errors/graphqlErrors';
import { QuoteErrorKind } from './quotes/quote.engine';

export enum CampaignErrorKind {
  InvalidCampaign = 'InvalidCampaign',
  UnknownCampaign = 'UnknownCampaign',
  /** A change that the campaign's status or version does not allow. */
  CampaignConflict = 'CampaignConflict',
  InvalidSegment = 'InvalidSegment',
  UnknownSegment = 'UnknownSegment',
  InvalidBadge = 'InvalidBadge',
  UnknownBadge = 'UnknownBadge',
  /** A key in use, or a change a retired badge does not allow. */
  BadgeConflict = 'BadgeConflict',
  InvalidLeaderboard = 'InvalidLeaderboard',
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
  [CampaignErrorKind.InvalidBadge]: ErrorCode.BAD_USER_INPUT,
  [CampaignErrorKind.UnknownBadge]: ErrorCode.NOT_FOUND,
  [CampaignErrorKind.BadgeConflict]: ErrorCode.CONFLICT,
  [CampaignErrorKind.InvalidLeaderboard]: ErrorCode.BAD_USER_INPUT,
  [CampaignErrorKind.UpstreamUnavailable]: ErrorCode.SERVICE_UNAVAILABLE,
};

export const campaignErrors = mapDomainErrors(campaignErrorCodes);
