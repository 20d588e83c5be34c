import type { ErrorCode } from './errorCodes';

/**
 * Codes the servers themselves answer with, outside any service's domain error map: refused
 * requests, transport limits, subscription streams.
 */
export const requestErrorCodes = [
  'BAD_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'RATE_LIMITED',
  'SUBSCRIPTION_BEHIND',
  'TOO_MANY_SUBSCRIPTIONS',
] as const;
export type RequestErrorCode = (typeof requestErrorCodes)[number];

/** What every `extensions.code` a client can see means, for docs/reference/errors.md. */
export const errorCodeMeanings: Record<ErrorCode | RequestErrorCode, string> = {
  BAD_USER_INPUT:
    'malformed input; the message names each field (`extensions.problems`), or a limit (`extensions.limit`)',
  UNAUTHENTICATED:
    "no token where one is needed (HTTP 200, the field's error), or a token malformed, forged or expired (HTTP 401); a subscription whose token expires ends with it",
  FORBIDDEN: "the token's role, customer, store or channel does not allow this; a reward the member may not redeem",
  NOT_FOUND:
    'a customer, purchase, redemption, reward, campaign, segment, badge, webhook or voucher code that does not exist',
  CONFLICT:
    'an identifier another member owns; an idempotency key reused with other content; a reward out of stock; a voucher already used, expired or cancelled; a campaign changed meanwhile or ended (`extensions.reason` says which)',
  INSUFFICIENT_POINTS: 'a debit larger than the balance; `extensions.balance` says how much there is',
  SERVICE_UNAVAILABLE:
    'a service the operation needs did not answer (`extensions.serviceName`), or the database is away; nothing changed, retry',
  INTERNAL_SERVER_ERROR: 'a fault of ours; the message is generic, the details are in the server log',
  BAD_REQUEST: 'a subscription sent over HTTP instead of WebSocket; a body that is not JSON',
  PAYLOAD_TOO_LARGE: 'a request body over `BODY_LIMIT` (HTTP 413)',
  GRAPHQL_PARSE_FAILED: 'not GraphQL, or more tokens than `LIMIT_MAX_TOKENS`',
  GRAPHQL_VALIDATION_FAILED:
    'the operation does not match the schema (`schema/api.graphql`), or is too deep, aliased or costly (`LIMIT_*`)',
  RATE_LIMITED:
    'too many mutations from one token or address (HTTP 429, `Retry-After` and `extensions.retryAfterSeconds`)',
  SUBSCRIPTION_BEHIND:
    'a subscriber fell more than 1,000 events behind; subscribe again with `after` the last `eventId` it received',
  TOO_MANY_SUBSCRIPTIONS: 'more operations at once on one WebSocket connection than `MAX_SUBSCRIPTIONS_PER_CONNECTION`',
};
