import { defineOperation } from '../../../runtime/http/operation';

/*
 * The campaign subgraph's internal API: the operations other subgraphs call on it (role `internal`),
 * declared here once, with the types of their variables and results. Callers send them with
 * `callOperation`; subgraphs/internalApi.test.ts validates each against the campaign schema.
 */

/** The outbox events query field other subgraphs read the campaign's events from. */
export const campaignEventsField = 'campaignEvents';

export interface QuoteLine {
  points: number;
  kind: 'BASE' | 'BONUS';
  reason: string;
  ruleId: string | null;
  /** A wallet the line credits instead of points (null: points). */
  wallet: string | null;
}

/**
 * A campaign its limits or the time told on: its per-customer cap (CAPPED) or budget (BUDGET), in
 * the period of the time judged, lowered or removed its award; or it applied then and has ended
 * since (ENDED_SINCE).
 */
export interface CampaignNote {
  kind: 'CAPPED' | 'BUDGET' | 'ENDED_SINCE';
  campaignId: string;
  campaignName: string;
  /** CAMPAIGN, DAY, WEEK or MONTH. */
  capPeriod: string;
  /** ISO date-time the period began; null for CAMPAIGN. */
  periodStart: string | null;
  wouldGive: number;
  gave: number;
}

/** What a purchase or an activity earns: base points and every campaign that applies. */
export interface PointsQuote {
  totalPoints: number;
  lines: QuoteLine[];
  campaignNotes: CampaignNote[];
}

/** A tier's name and multiplier, as the campaign engine applies it. */
export interface QuoteTier {
  name: string;
  multiplierPercent: number;
}

/** `PurchaseClaimInput`: a purchase as the ledger records it, with the facts it knows exactly. */
export interface PurchaseClaimInput {
  /** The ledger's idempotency key of the purchase. */
  key: string;
  /** ISO date-time. */
  at: string;
  purchasesBefore: number;
  channelsBefore: string[];
  tier: QuoteTier | null;
  order: {
    customerId: string;
    channel: string;
    storeId: string | null;
    currency: string;
    lines: Array<{ sku: string; category: string | null; quantity: number; unitPrice: number }>;
  };
}

/** `ActivityClaimInput`: an activity (sign-up, review, ...) as the ledger records it. */
export interface ActivityClaimInput {
  key: string;
  customerId: string;
  /** An `ActivityKind`: SIGN_UP, REFERRAL, REFERRED_FRIEND, PRODUCT_REVIEW, SOCIAL_SHARE, BIRTHDAY. */
  kind: string;
  channel: string;
  tier: string | null;
  /** ISO date-time. */
  at: string;
}

const quoteFields = /* GraphQL */ `
  totalPoints
  lines {
    points
    kind
    reason
    ruleId
    wallet
  }
  campaignNotes {
    kind
    campaignId
    campaignName
    capPeriod
    periodStart
    wouldGive
    gave
  }
`;

/** Claims what a purchase earns, taking from campaign budgets and caps; idempotent by `claim.key`. */
export const claimPurchasePoints = defineOperation<
  { claim: PurchaseClaimInput },
  { claimPurchasePoints: PointsQuote }
>(/* GraphQL */ `
  mutation LedgerClaimPurchasePoints($claim: PurchaseClaimInput!) {
    claimPurchasePoints(claim: $claim) { ${quoteFields} }
  }
`);

/** Claims what an activity earns; idempotent by `claim.key`. */
export const claimActivityPoints = defineOperation<
  { claim: ActivityClaimInput },
  { claimActivityPoints: PointsQuote }
>(/* GraphQL */ `
  mutation LedgerClaimActivityPoints($claim: ActivityClaimInput!) {
    claimActivityPoints(claim: $claim) { ${quoteFields} }
  }
`);

/** Who is in a segment now (built-in or a marketer's), in id order; null when no segment has the key. */
export const segmentMemberIds = defineOperation<{ key: string }, { segmentMemberIds: string[] | null }>(/* GraphQL */ `
  query SegmentMemberIds($key: String!) {
    segmentMemberIds(key: $key)
  }
`);

/** One answer of `claimPurchasesPoints`: the claim's quote, or why it was not taken. */
export interface PointsQuoteOrError {
  quote: PointsQuote | null;
  error: { code: string; message: string } | null;
}

/**
 * `claimPurchasePoints` for several purchases in one field (the ledger's `recordPurchases`): one
 * answer per claim, in order, each claim taken (or failed) on its own, as single claims would be.
 */
export const claimPurchasesPoints = defineOperation<
  { claims: PurchaseClaimInput[] },
  { claimPurchasesPoints: PointsQuoteOrError[] }
>(/* GraphQL */ `
  mutation LedgerClaimPurchasesPoints($claims: [PurchaseClaimInput!]!) {
    claimPurchasesPoints(claims: $claims) {
      quote { ${quoteFields} }
      error {
        code
        message
      }
    }
  }
`);
