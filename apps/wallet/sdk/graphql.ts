/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

export type WalletHomeQueryVariables = Exact<{
  id: string | number;
}>;


export type WalletHomeQuery = { customer: { id: string, name: string, memberCard: { number: string, scanPayload: string } | null, loyalty: { balance: number, pending: number, lifetimePoints: number, lastEventId: string | null, tier: { name: string, qualifyingPoints: number } | null, nextTier: { name: string, qualifyingPoints: number } | null, progress: { qualifyingPoints: number, pointsToNextTier: number | null, windowMonths: number } | null, expiring: Array<{ points: number, expiresAt: string }>, history: { edges: Array<{ node: { id: string, kind: JournalEntryKind, sourceType: JournalSourceType, points: number, reason: string, createdAt: string } }> } } | null, rewards: { redeemable: Array<{ affordable: boolean, pointsShort: number, reward: { id: string, name: string, description: string, costPoints: number } }> } | null, offers: Array<{ id: string, title: string, description: string, campaignId: string | null, liveNow: boolean, endsAt: string | null }> | null } | null };

export type WalletBalanceSubscriptionVariables = Exact<{
  id: string | number;
  after?: string | number | null | undefined;
}>;


export type WalletBalanceSubscription = { balanceUpdated: { eventId: string, balance: number, change: number, pending: number, reason: string, occurredAt: string } };

export type WalletRedeemMutationVariables = Exact<{
  input: RedeemRewardInput;
}>;


export type WalletRedeemMutation = { redeemReward: { status: RedemptionStatus, voucher: { code: string, expiresAt: string } | null, reward: { name: string } } };

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
    `) as unknown as TypedDocumentString<WalletHomeQuery, WalletHomeQueryVariables>;
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