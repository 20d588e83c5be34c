/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type CampaignStatus =
  /** Being written; grants nothing. */
  | 'DRAFT'
  /** Grants nothing, for good. */
  | 'ENDED'
  /** Grants nothing until scheduled again. */
  | 'PAUSED'
  /** Grants whenever its schedule is live. */
  | 'SCHEDULED';

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
  | 'REDEMPTION'
  | 'RETURN'
  | 'TRANSFER';

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

export type DashboardPeriodQueryVariables = Exact<{
  from: string;
  to: string;
  currency: string;
}>;


export type DashboardPeriodQuery = { programMetrics: { activeMembers: number, purchases: number, netSpend: number, averageOrderValue: number, purchaseFrequency: number, multiChannelShare: number, multiChannelAverageSpend: number, singleChannelAverageSpend: number, multiChannelAverageClv: number, singleChannelAverageClv: number, pointsIssued: number, pointsRedeemed: number, pointsExpired: number, pointsOutstanding: number, redemptionRate: number, churnBase: number, churnRate: number, members: number, membersEnrolled: number, lastEventId: string, nps: { score: number | null, responses: number }, npsByChannel: Array<{ channel: string, nps: { score: number | null, responses: number } }>, byChannel: Array<{ key: string, activeMembers: number, purchases: number, netSpend: number, averageOrderValue: number }>, bySegment: Array<{ key: string, name: string, members: number, activeMembers: number, purchases: number, netSpend: number }> }, campaigns: { edges: Array<{ node: { id: string, name: string, status: CampaignStatus, holdoutPercent: number, performance: { currency: string, membersReached: number, pointsGranted: number, incrementalSpend: number | null, cost: number, roi: number | null } } }> } };

export type DashboardWeekQueryVariables = Exact<{
  from: string;
  to: string;
  currency: string;
}>;


export type DashboardWeekQuery = { programMetrics: { activeMembers: number, netSpend: number, pointsIssued: number, pointsRedeemed: number } };

export type DashboardRefreshMutationVariables = Exact<{ [key: string]: never; }>;


export type DashboardRefreshMutation = { refreshProgramMetrics: { events: number, lastEventId: string } };

export type DashboardCurrenciesQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardCurrenciesQuery = { campaignProgram: { currency: string }, earnRates: Array<{ currency: string }> };

export type WalletQueryVariables = Exact<{
  id: string | number;
}>;


export type WalletQuery = { customer: { name: string, loyalty: { balance: number, pending: number, lastEventId: string | null, tier: { name: string } | null, nextTier: { name: string } | null, progress: { qualifyingPoints: number, pointsToNextTier: number | null, windowMonths: number } | null, expiring: Array<{ points: number, expiresAt: string }>, history: { edges: Array<{ node: { kind: JournalEntryKind, sourceType: JournalSourceType, points: number, reason: string, createdAt: string } }> } } | null, rewards: { available: Array<{ id: string, name: string, costPoints: number }> } | null, offers: Array<{ title: string, description: string, campaignId: string | null }> | null } | null };

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

export const DashboardPeriodDocument = new TypedDocumentString(`
    query DashboardPeriod($from: DateTimeISO!, $to: DateTimeISO!, $currency: String!) {
  programMetrics(from: $from, to: $to, currency: $currency) {
    activeMembers
    purchases
    netSpend
    averageOrderValue
    purchaseFrequency
    multiChannelShare
    multiChannelAverageSpend
    singleChannelAverageSpend
    multiChannelAverageClv
    singleChannelAverageClv
    pointsIssued
    pointsRedeemed
    pointsExpired
    pointsOutstanding
    redemptionRate
    churnBase
    churnRate
    members
    membersEnrolled
    nps {
      score
      responses
    }
    npsByChannel {
      channel
      nps {
        score
        responses
      }
    }
    byChannel {
      key
      activeMembers
      purchases
      netSpend
      averageOrderValue
    }
    bySegment {
      key
      name
      members
      activeMembers
      purchases
      netSpend
    }
    lastEventId
  }
  campaigns(first: 20, statuses: [SCHEDULED, PAUSED, ENDED]) {
    edges {
      node {
        id
        name
        status
        holdoutPercent
        performance {
          currency
          membersReached
          pointsGranted
          incrementalSpend
          cost
          roi
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardPeriodQuery, DashboardPeriodQueryVariables>;
export const DashboardWeekDocument = new TypedDocumentString(`
    query DashboardWeek($from: DateTimeISO!, $to: DateTimeISO!, $currency: String!) {
  programMetrics(from: $from, to: $to, currency: $currency) {
    activeMembers
    netSpend
    pointsIssued
    pointsRedeemed
  }
}
    `) as unknown as TypedDocumentString<DashboardWeekQuery, DashboardWeekQueryVariables>;
export const DashboardRefreshDocument = new TypedDocumentString(`
    mutation DashboardRefresh {
  refreshProgramMetrics {
    events
    lastEventId
  }
}
    `) as unknown as TypedDocumentString<DashboardRefreshMutation, DashboardRefreshMutationVariables>;
export const DashboardCurrenciesDocument = new TypedDocumentString(`
    query DashboardCurrencies {
  campaignProgram {
    currency
  }
  earnRates {
    currency
  }
}
    `) as unknown as TypedDocumentString<DashboardCurrenciesQuery, DashboardCurrenciesQueryVariables>;
export const WalletDocument = new TypedDocumentString(`
    query Wallet($id: ID!) {
  customer(id: $id) {
    name
    loyalty {
      balance
      pending
      lastEventId
      tier {
        name
      }
      nextTier {
        name
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
      available(first: 5) {
        id
        name
        costPoints
      }
    }
    offers {
      title
      description
      campaignId
    }
  }
}
    `) as unknown as TypedDocumentString<WalletQuery, WalletQueryVariables>;
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