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

/** A voucher used on an order. Sending it again for the same order uses it once. */
export type ConsumeVoucherInput = {
  channel: string;
  code: string;
  /** When the till took it (an offline till syncing its queue); absent: now. At most `REWARDS_MAX_LATENESS_DAYS` (default 30) days ago and not in the future (5 minutes of clock skew allowed), else BAD_USER_INPUT. The voucher must have been issued and unexpired then: one that has expired since is still taken; before it was issued is CONFLICT (VoucherNotYetIssued), after it expired CONFLICT (VoucherExpired). Not part of the idempotency check: a retry for the same order answers with the first use. */
  occurredAt?: string | null | undefined;
  /** The order or receipt it is used on. */
  orderReference: string;
  storeId?: string | null | undefined;
};

/** A way to recognise a customer at a till, online or in the app. */
export type IdentifierType =
  | 'APP_MEMBER_ID'
  | 'ECOMMERCE_CUSTOMER_ID'
  | 'EMAIL'
  | 'LEGACY_MEMBER_ID'
  | 'MEMBER_CARD'
  | 'PHONE'
  | 'POS_CUSTOMER_ID';

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
  | 'TRANSFER';

/** One line of an order. */
export type OrderLineInput = {
  category?: string | null | undefined;
  quantity: number;
  sku: string;
  /** Price of one unit in minor units of the currency (cents). */
  unitPrice: number;
};

/** Pay part of the order with held points. */
export type PointsPaymentInput = {
  /** The hold (`holdPoints`) to capture: the member’s, in the order’s currency, open. */
  holdId: string | number;
};

/** A purchase from any channel. Recording it twice records it once. */
export type RecordPurchaseInput = {
  /** IN_STORE, ONLINE, MOBILE_APP or another channel name (UPPER_SNAKE_CASE). */
  channel: string;
  /** ISO 4217 code, e.g. EUR. */
  currency: string;
  customerId: string | number;
  /** The order id in the channel's own system, unique within the channel and store (e.g. a till's "till-7/0042"). With the channel and store, the idempotency key. */
  externalOrderId: string;
  lines: Array<OrderLineInput>;
  /** When the sale happened at the till (an offline till syncing its queue); absent: now. At most `LEDGER_MAX_LATENESS_DAYS` (default 30) days ago and not in the future (5 minutes of clock skew allowed), else BAD_USER_INPUT. Points, campaigns (schedules, windows, channels, caps per period), the return window and expiry count from it; the tier and first-purchase facts are those at recording. Not part of the idempotency check: a retry answers with the first result. */
  occurredAt?: string | null | undefined;
  /** Pays part of the order with points held for it (`holdPoints`), captured with the purchase: only the cash part (total less what the points pay) earns points. A hold released, expired or already captured: CONFLICT; another member’s, in another currency, or paying more than the rate’s share of the total: BAD_USER_INPUT; nothing is recorded either way. Part of the idempotency check. */
  pointsPayment?: PointsPaymentInput | null | undefined;
  /** The store, for IN_STORE purchases. */
  storeId?: string | null | undefined;
};

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

export type VoucherStatus =
  | 'CANCELLED'
  | 'CONSUMED'
  | 'EXPIRED'
  | 'ISSUED';

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

export type PosFindQueryVariables = Exact<{
  type: IdentifierType;
  value: string;
}>;


export type PosFindQuery = { customerByIdentifier: { id: string, name: string, loyalty: { balance: number, tier: { name: string } | null } | null } | null };

export type PosPurchaseMutationVariables = Exact<{
  input: RecordPurchaseInput;
}>;


export type PosPurchaseMutation = { recordPurchase: { pointsEarned: number, balanceAfter: number | null, totalAmount: number, currency: string, pendingUntil: string | null } };

export type PosConsumeVoucherMutationVariables = Exact<{
  input: ConsumeVoucherInput;
}>;


export type PosConsumeVoucherMutation = { consumeVoucher: { status: VoucherStatus, reward: { name: string } } };

export type PosProgramQueryVariables = Exact<{ [key: string]: never; }>;


export type PosProgramQuery = { campaignProgram: { currency: string } };

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
export const PosFindDocument = new TypedDocumentString(`
    query PosFind($type: IdentifierType!, $value: String!) {
  customerByIdentifier(type: $type, value: $value) {
    id
    name
    loyalty {
      balance
      tier {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PosFindQuery, PosFindQueryVariables>;
export const PosPurchaseDocument = new TypedDocumentString(`
    mutation PosPurchase($input: RecordPurchaseInput!) {
  recordPurchase(input: $input) {
    pointsEarned
    balanceAfter
    totalAmount
    currency
    pendingUntil
  }
}
    `) as unknown as TypedDocumentString<PosPurchaseMutation, PosPurchaseMutationVariables>;
export const PosConsumeVoucherDocument = new TypedDocumentString(`
    mutation PosConsumeVoucher($input: ConsumeVoucherInput!) {
  consumeVoucher(input: $input) {
    status
    reward {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<PosConsumeVoucherMutation, PosConsumeVoucherMutationVariables>;
export const PosProgramDocument = new TypedDocumentString(`
    query PosProgram {
  campaignProgram {
    currency
  }
}
    `) as unknown as TypedDocumentString<PosProgramQuery, PosProgramQueryVariables>;
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