import { ErrorCode } from '../../runtime/errors/errorCodes';
import { mapDomainErrors } from '../../runtime/errors/graphqlErrors';
import { QuoteErrorKind } from './quotes/quote.engine';

/** Every campaign error kind and the code a client sees for it. */
export const campaignErrorCodes: Record<QuoteErrorKind, ErrorCode> = {
  [QuoteErrorKind.QuoteTooLarge]: ErrorCode.BAD_USER_INPUT,
};

export const campaignErrors = mapDomainErrors(campaignErrorCodes);
