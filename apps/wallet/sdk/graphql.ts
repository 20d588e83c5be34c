/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Points to reserve for a basket. Sending it again with the same key holds once. */
export type HoldPointsInput = {
  /** Money the points are to pay, in minor units: the most points worth no more, rounded down to the step. */
  amount?: number | null | undefined;
  /** Where the basket is paid: IN_STORE, ONLINE, MOBILE_APP... (an associate: IN_STORE). */
  channel: string;
  /** ISO 4217 code of the basket. */
  currency: string;
  customerId: string | number;
  /** Seconds until the points come back unless a purchase captures them (default 900, at most 86400). */
  expiresInSeconds?: number | null | undefined;
  /** The caller’s key, unique per member: a retry with it answers with the first hold. */
  idempotencyKey: string;
  /** Points to hold (a multiple of the rate’s step). Exactly one of points and amount. */
  points?: number | null | undefined;
  /** The store, for IN_STORE (an associate: their own). */
  storeId?: string | null | undefined;
};

/** What a journal entry records. */
export type JournalEntryKind =
  | 'ADJUST'
  | 'BONUS'
  | 'EARN'
  | 'EXPIRE'
  | 'REDEEM'
  | 'REVERSE'
  | 'TRANSFER_IN'
  | 'TRANSFER_OUT';

/** What caused a journal entry: a purchase, a return, a redemption, a campaign, a person (adjustment), expiry, an activity, a profile merge or a transfer between members. */
export type JournalSourceType =
  | 'ACTIVITY'
  | 'ACTOR'
  | 'CAMPAIGN'
  | 'EXPIRY'
  | 'MERGE'
  | 'ORDER'
  | 'POINTS_HOLD'
  | 'REDEMPTION'
  | 'RETURN'
  | 'TRANSFER'
  | 'WALLET';

/** HELD: reserved, out of the spendable balance; CAPTURED: paid a purchase; RELEASED or EXPIRED: the points came back. */
export type PointsHoldStatus =
  | 'CAPTURED'
  | 'EXPIRED'
  | 'HELD'
  | 'RELEASED';

/** Redeems a reward for a member. Sending it again with the same redemptionId redeems once. */
export type RedeemRewardInput = {
  /** Where it is redeemed: MOBILE_APP, ONLINE, IN_STORE, ... */
  channel: string;
  customerId: string | number;
  /** A UUID the client makes once per redemption: the idempotency key. */
  redemptionId: string | number;
  rewardId: string | number;
  storeId?: string | null | undefined;
};

export type RedemptionStatus =
  /** Nothing taken: the stock went back. */
  | 'FAILED'
  /** Issued without points (a campaign reward or the birthday reward). */
  | 'GRANTED'
  /** Points debited, voucher issued. */
  | 'ISSUED'
  /** Stock is held; the points are being debited. Retrying with the same id completes it. */
  | 'PENDING';

/** STAMPS: a card of stamps that completes into reward points; CASHBACK: money earned as a share of purchases; STORE_CREDIT: money given (refunds, goodwill, campaigns). Money is in minor units of the wallet currency. */
export type WalletKind =
  | 'CASHBACK'
  | 'STAMPS'
  | 'STORE_CREDIT';

export type WalletHomeQueryVariables = Exact<{
  id: string | number;
}>;


export type WalletHomeQuery = { customer: { id: string, name: string, memberCard: { number: string, scanPayload: string } | null, loyalty: { balance: number, pending: number, held: number, lifetimePoints: number, lastEventId: string | null, tier: { name: string, qualifyingPoints: number } | null, nextTier: { name: string, qualifyingPoints: number } | null, progress: { qualifyingPoints: number, pointsToNextTier: number | null, windowMonths: number } | null, expiring: Array<{ points: number, expiresAt: string }>, wallets: Array<{ ownerId: string, canSpend: boolean, householdMembers: Array<string>, balance: number, pending: number, cardsCompleted: number, type: { code: string, kind: WalletKind, name: string, currency: string | null, stampsPerCard: number | null, cardRewardPoints: number | null, maxHouseholdMembers: number }, expiring: Array<{ amount: number, expiresAt: string }> }>, holds: { edges: Array<{ node: { id: string, points: number, amount: number, currency: string, status: PointsHoldStatus, expiresAt: string, purchaseId: string | null } }> }, history: { edges: Array<{ node: { id: string, kind: JournalEntryKind, sourceType: JournalSourceType, points: number, reason: string, createdAt: string } }> } } | null, rewards: { redeemable: Array<{ affordable: boolean, pointsShort: number, reward: { id: string, name: string, description: string, costPoints: number } }> } | null, offers: Array<{ id: string, title: string, description: string, campaignId: string | null, liveNow: boolean, endsAt: string | null }> | null } | null };

export type WalletBalanceSubscriptionVariables = Exact<{
  id: string | number;
  after?: string | number | null | undefined;
}>;


export type WalletBalanceSubscription = { balanceUpdated: { eventId: string, balance: number, change: number, pending: number, reason: string, occurredAt: string } };

export type WalletRedeemMutationVariables = Exact<{
  input: RedeemRewardInput;
}>;


export type WalletRedeemMutation = { redeemReward: { status: RedemptionStatus, voucher: { code: string, expiresAt: string } | null, reward: { name: string } } };

export type WalletPointsPaymentRatesQueryVariables = Exact<{ [key: string]: never; }>;


export type WalletPointsPaymentRatesQuery = { pointsPaymentRates: Array<{ currency: string }> };

export type WalletPointsPaymentQuoteQueryVariables = Exact<{
  customerId: string | number;
  currency: string;
  amount: number;
}>;


export type WalletPointsPaymentQuoteQuery = { quotePointsPayment: { ratePoints: number, ratePerAmount: number, maxPoints: number, maxAmount: number, minPoints: number, pointsStep: number, unavailableReason: string | null } };

export type WalletPointsHoldFragment = { id: string, points: number, amount: number, currency: string, status: PointsHoldStatus, expiresAt: string, purchaseId: string | null };

export type WalletHoldPointsMutationVariables = Exact<{
  input: HoldPointsInput;
}>;


export type WalletHoldPointsMutation = { holdPoints: { id: string, points: number, amount: number, currency: string, status: PointsHoldStatus, expiresAt: string, purchaseId: string | null } };

export type WalletPointsHoldQueryVariables = Exact<{
  id: string | number;
}>;


export type WalletPointsHoldQuery = { pointsHold: { id: string, points: number, amount: number, currency: string, status: PointsHoldStatus, expiresAt: string, purchaseId: string | null } };

export type WalletReleasePointsHoldMutationVariables = Exact<{
  holdId: string | number;
}>;


export type WalletReleasePointsHoldMutation = { releasePointsHold: { id: string, points: number, amount: number, currency: string, status: PointsHoldStatus, expiresAt: string, purchaseId: string | null } };

export type WalletOtherBalanceFragment = { ownerId: string, canSpend: boolean, householdMembers: Array<string>, balance: number, pending: number, cardsCompleted: number, type: { code: string, kind: WalletKind, name: string, currency: string | null, stampsPerCard: number | null, cardRewardPoints: number | null, maxHouseholdMembers: number }, expiring: Array<{ amount: number, expiresAt: string }> };

export type WalletOtherHistoryQueryVariables = Exact<{
  id: string | number;
  code: string;
}>;


export type WalletOtherHistoryQuery = { customer: { loyalty: { wallet: { history: Array<{ id: string, kind: string, amount: number, reason: string, earnedBy: string | null, createdAt: string }> } | null } | null } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const WalletPointsHoldFragmentDoc = new TypedDocumentString(`
    fragment WalletPointsHold on PointsHold {
  id
  points
  amount
  currency
  status
  expiresAt
  purchaseId
}
    `, {"fragmentName":"WalletPointsHold"}) as unknown as TypedDocumentString<WalletPointsHoldFragment, unknown>;
export const WalletOtherBalanceFragmentDoc = new TypedDocumentString(`
    fragment WalletOtherBalance on WalletBalance {
  type {
    code
    kind
    name
    currency
    stampsPerCard
    cardRewardPoints
    maxHouseholdMembers
  }
  ownerId
  canSpend
  householdMembers
  balance
  pending
  cardsCompleted
  expiring(first: 1) {
    amount
    expiresAt
  }
}
    `, {"fragmentName":"WalletOtherBalance"}) as unknown as TypedDocumentString<WalletOtherBalanceFragment, unknown>;
export const WalletHomeDocument = new TypedDocumentString(`
    query WalletHome($id: ID!) {
  customer(id: $id) {
    id
    name
    memberCard {
      number
      scanPayload
    }
    loyalty {
      balance
      pending
      held
      lifetimePoints
      lastEventId
      tier {
        name
        qualifyingPoints
      }
      nextTier {
        name
        qualifyingPoints
      }
      progress {
        qualifyingPoints
        pointsToNextTier
        windowMonths
      }
      expiring(first: 3) {
        points
        expiresAt
      }
      wallets {
        ...WalletOtherBalance
      }
      holds(statuses: [HELD], first: 1) {
        edges {
          node {
            ...WalletPointsHold
          }
        }
      }
      history(first: 10) {
        edges {
          node {
            id
            kind
            sourceType
            points
            reason
            createdAt
          }
        }
      }
    }
    rewards {
      redeemable(first: 20, channel: "MOBILE_APP") {
        affordable
        pointsShort
        reward {
          id
          name
          description
          costPoints
        }
      }
    }
    offers {
      id
      title
      description
      campaignId
      liveNow
      endsAt
    }
  }
}
    fragment WalletPointsHold on PointsHold {
  id
  points
  amount
  currency
  status
  expiresAt
  purchaseId
}
fragment WalletOtherBalance on WalletBalance {
  type {
    code
    kind
    name
    currency
    stampsPerCard
    cardRewardPoints
    maxHouseholdMembers
  }
  ownerId
  canSpend
  householdMembers
  balance
  pending
  cardsCompleted
  expiring(first: 1) {
    amount
    expiresAt
  }
}`) as unknown as TypedDocumentString<WalletHomeQuery, WalletHomeQueryVariables>;
export const WalletBalanceDocument = new TypedDocumentString(`
    subscription WalletBalance($id: ID!, $after: ID) {
  balanceUpdated(customerId: $id, after: $after) {
    eventId
    balance
    change
    pending
    reason
    occurredAt
  }
}
    `) as unknown as TypedDocumentString<WalletBalanceSubscription, WalletBalanceSubscriptionVariables>;
export const WalletRedeemDocument = new TypedDocumentString(`
    mutation WalletRedeem($input: RedeemRewardInput!) {
  redeemReward(input: $input) {
    status
    voucher {
      code
      expiresAt
    }
    reward {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<WalletRedeemMutation, WalletRedeemMutationVariables>;
export const WalletPointsPaymentRatesDocument = new TypedDocumentString(`
    query WalletPointsPaymentRates {
  pointsPaymentRates {
    currency
  }
}
    `) as unknown as TypedDocumentString<WalletPointsPaymentRatesQuery, WalletPointsPaymentRatesQueryVariables>;
export const WalletPointsPaymentQuoteDocument = new TypedDocumentString(`
    query WalletPointsPaymentQuote($customerId: ID!, $currency: String!, $amount: SafeInt!) {
  quotePointsPayment(
    customerId: $customerId
    currency: $currency
    amount: $amount
  ) {
    ratePoints
    ratePerAmount
    maxPoints
    maxAmount
    minPoints
    pointsStep
    unavailableReason
  }
}
    `) as unknown as TypedDocumentString<WalletPointsPaymentQuoteQuery, WalletPointsPaymentQuoteQueryVariables>;
export const WalletHoldPointsDocument = new TypedDocumentString(`
    mutation WalletHoldPoints($input: HoldPointsInput!) {
  holdPoints(input: $input) {
    ...WalletPointsHold
  }
}
    fragment WalletPointsHold on PointsHold {
  id
  points
  amount
  currency
  status
  expiresAt
  purchaseId
}`) as unknown as TypedDocumentString<WalletHoldPointsMutation, WalletHoldPointsMutationVariables>;
export const WalletPointsHoldDocument = new TypedDocumentString(`
    query WalletPointsHold($id: ID!) {
  pointsHold(id: $id) {
    ...WalletPointsHold
  }
}
    fragment WalletPointsHold on PointsHold {
  id
  points
  amount
  currency
  status
  expiresAt
  purchaseId
}`) as unknown as TypedDocumentString<WalletPointsHoldQuery, WalletPointsHoldQueryVariables>;
export const WalletReleasePointsHoldDocument = new TypedDocumentString(`
    mutation WalletReleasePointsHold($holdId: ID!) {
  releasePointsHold(holdId: $holdId) {
    ...WalletPointsHold
  }
}
    fragment WalletPointsHold on PointsHold {
  id
  points
  amount
  currency
  status
  expiresAt
  purchaseId
}`) as unknown as TypedDocumentString<WalletReleasePointsHoldMutation, WalletReleasePointsHoldMutationVariables>;
export const WalletOtherHistoryDocument = new TypedDocumentString(`
    query WalletOtherHistory($id: ID!, $code: String!) {
  customer(id: $id) {
    loyalty {
      wallet(code: $code) {
        history(first: 20) {
          id
          kind
          amount
          reason
          earnedBy
          createdAt
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WalletOtherHistoryQuery, WalletOtherHistoryQueryVariables>;