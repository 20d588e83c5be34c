/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

/** A way to recognise a customer at a till, online or in the app. */
export type IdentifierType =
  | 'APP_MEMBER_ID'
  | 'ECOMMERCE_CUSTOMER_ID'
  | 'EMAIL'
  | 'LEGACY_MEMBER_ID'
  | 'MEMBER_CARD'
  | 'PHONE'
  | 'POS_CUSTOMER_ID';

/** One line of an order. */
export type OrderLineInput = {
  category?: string | null | undefined;
  quantity: number;
  sku: string;
  /** Price of one unit in minor units of the currency (cents). */
  unitPrice: number;
};

/** HELD: reserved, out of the spendable balance; CAPTURED: paid a purchase; RELEASED or EXPIRED: the points came back. */
export type PointsHoldStatus =
  | 'CAPTURED'
  | 'EXPIRED'
  | 'HELD'
  | 'RELEASED';

/** Pay part of the order with held points. */
export type PointsPaymentInput = {
  /** The hold (`holdPoints`) to capture: the member’s, in the order’s currency, open. */
  holdId: string | number;
};

/** Base rate or a campaign bonus. */
export type QuoteLineKind =
  | 'BASE'
  | 'BONUS';

/** An order to quote, before or while it is recorded. */
export type QuoteOrderInput = {
  channel: string;
  currency: string;
  customerId: string | number;
  lines: Array<QuoteOrderLineInput>;
  storeId?: string | null | undefined;
};

export type QuoteOrderLineInput = {
  category?: string | null | undefined;
  quantity: number;
  sku: string;
  /** Minor units of the currency. */
  unitPrice: number;
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
  /** Pays part of the order from the member’s store credit or cashback, spent in the purchase’s transaction (the sale and the spend commit together, or neither): only the cash part (total less points and wallets) earns points, stamps and cashback, and returns give the wallets their share back pro rata. At most 3 wallets, each once. More than a wallet holds: INSUFFICIENT_POINTS; not a money wallet of the order’s currency, a household member paying the owner’s wallet, or more than the total: BAD_USER_INPUT; nothing is recorded either way. Part of the idempotency check. */
  walletPayments?: Array<WalletPaymentInput> | null | undefined;
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

export type VoucherProblem =
  | 'CANCELLED'
  | 'CONSUMED'
  | 'EXPIRED'
  | 'WRONG_CHANNEL';

export type VoucherStatus =
  | 'CANCELLED'
  | 'CONSUMED'
  | 'EXPIRED'
  | 'ISSUED';

/** STAMPS: a card of stamps that completes into reward points; CASHBACK: money earned as a share of purchases; STORE_CREDIT: money given (refunds, goodwill, campaigns). Money is in minor units of the wallet currency. */
export type WalletKind =
  | 'CASHBACK'
  | 'STAMPS'
  | 'STORE_CREDIT';

/** Part of an order paid from one of the member’s money wallets (store credit, cashback). */
export type WalletPaymentInput = {
  /** Minor units of the order’s currency. */
  amount: number;
  /** The wallet’s code: a STORE_CREDIT or CASHBACK wallet in the order’s currency. */
  wallet: string;
};

export type PosProgramQueryVariables = Exact<{ [key: string]: never; }>;


export type PosProgramQuery = { campaignProgram: { currency: string } };

export type PosMemberFragment = { id: string, name: string, email: string | null, phone: string | null, loyalty: { balance: number, pending: number, held: number, tier: { name: string } | null, nextTier: { name: string } | null, progress: { qualifyingPoints: number, pointsToNextTier: number | null } | null, wallets: Array<{ ownerId: string, canSpend: boolean, householdMembers: Array<string>, balance: number, pending: number, type: { code: string, kind: WalletKind, name: string, currency: string | null, stampsPerCard: number | null, cardRewardPoints: number | null } }> } | null };

export type PosFindMemberQueryVariables = Exact<{
  type: IdentifierType;
  value: string;
}>;


export type PosFindMemberQuery = { customerByIdentifier: { id: string, name: string, email: string | null, phone: string | null, loyalty: { balance: number, pending: number, held: number, tier: { name: string } | null, nextTier: { name: string } | null, progress: { qualifyingPoints: number, pointsToNextTier: number | null } | null, wallets: Array<{ ownerId: string, canSpend: boolean, householdMembers: Array<string>, balance: number, pending: number, type: { code: string, kind: WalletKind, name: string, currency: string | null, stampsPerCard: number | null, cardRewardPoints: number | null } }> } | null } | null };

export type PosQuoteQueryVariables = Exact<{
  order: QuoteOrderInput;
}>;


export type PosQuoteQuery = { pointsQuote: { totalPoints: number, lines: Array<{ kind: QuoteLineKind, points: number, reason: string }> } };

export type PosRecordPurchaseMutationVariables = Exact<{
  input: RecordPurchaseInput;
}>;


export type PosRecordPurchaseMutation = { recordPurchase: { id: string, externalOrderId: string, pointsEarned: number, pendingUntil: string | null, balanceAfter: number | null, totalAmount: number, currency: string, pointsPayment: { holdId: string, points: number, amount: number } | null, walletEarnings: Array<{ wallet: string, ownerId: string, amount: number }>, walletPayments: Array<{ wallet: string, amount: number }>, customer: { id: string, loyalty: { wallets: Array<{ balance: number, type: { code: string } }> } | null } } };

export type PosPointsPaymentQuoteQueryVariables = Exact<{
  customerId: string | number;
  currency: string;
  amount: number;
}>;


export type PosPointsPaymentQuoteQuery = { quotePointsPayment: { ratePoints: number, ratePerAmount: number, maxPoints: number, maxAmount: number, minPoints: number, pointsStep: number, unavailableReason: string | null } };

export type PosPointsHoldFragment = { id: string, points: number, amount: number, currency: string, status: PointsHoldStatus, expiresAt: string };

export type PosHoldPointsMutationVariables = Exact<{
  input: HoldPointsInput;
}>;


export type PosHoldPointsMutation = { holdPoints: { id: string, points: number, amount: number, currency: string, status: PointsHoldStatus, expiresAt: string } };

export type PosAppHoldQueryVariables = Exact<{
  id: string | number;
}>;


export type PosAppHoldQuery = { pointsHold: { id: string, points: number, amount: number, currency: string, status: PointsHoldStatus, expiresAt: string, customer: { id: string, name: string, email: string | null, phone: string | null, loyalty: { balance: number, pending: number, held: number, tier: { name: string } | null, nextTier: { name: string } | null, progress: { qualifyingPoints: number, pointsToNextTier: number | null } | null, wallets: Array<{ ownerId: string, canSpend: boolean, householdMembers: Array<string>, balance: number, pending: number, type: { code: string, kind: WalletKind, name: string, currency: string | null, stampsPerCard: number | null, cardRewardPoints: number | null } }> } | null } } };

export type PosReleasePointsHoldMutationVariables = Exact<{
  holdId: string | number;
}>;


export type PosReleasePointsHoldMutation = { releasePointsHold: { id: string, points: number, amount: number, currency: string, status: PointsHoldStatus, expiresAt: string } };

export type PosVoucherFragment = { id: string, code: string, status: VoucherStatus, expiresAt: string, reward: { id: string, name: string } };

export type PosMemberRewardsQueryVariables = Exact<{
  id: string | number;
}>;


export type PosMemberRewardsQuery = { customer: { id: string, name: string, email: string | null, phone: string | null, rewards: { vouchers: Array<{ id: string, code: string, status: VoucherStatus, expiresAt: string, reward: { id: string, name: string } }>, redeemable: Array<{ affordable: boolean, pointsShort: number, reward: { id: string, name: string, costPoints: number } }> } | null, loyalty: { balance: number, pending: number, held: number, tier: { name: string } | null, nextTier: { name: string } | null, progress: { qualifyingPoints: number, pointsToNextTier: number | null } | null, wallets: Array<{ ownerId: string, canSpend: boolean, householdMembers: Array<string>, balance: number, pending: number, type: { code: string, kind: WalletKind, name: string, currency: string | null, stampsPerCard: number | null, cardRewardPoints: number | null } }> } | null } | null };

export type PosRedeemRewardMutationVariables = Exact<{
  input: RedeemRewardInput;
}>;


export type PosRedeemRewardMutation = { redeemReward: { id: string, status: RedemptionStatus, points: number, voucher: { id: string, code: string, status: VoucherStatus, expiresAt: string, reward: { id: string, name: string } } | null } };

export type PosCheckVoucherQueryVariables = Exact<{
  code: string;
}>;


export type PosCheckVoucherQuery = { validateVoucher: { valid: boolean, problem: VoucherProblem | null, voucher: { id: string, code: string, status: VoucherStatus, expiresAt: string, customer: { id: string, name: string }, reward: { id: string, name: string } } } };

export type PosUseVoucherMutationVariables = Exact<{
  input: ConsumeVoucherInput;
}>;


export type PosUseVoucherMutation = { consumeVoucher: { consumedOrderReference: string | null, id: string, code: string, status: VoucherStatus, expiresAt: string, reward: { id: string, name: string } } };

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
export const PosMemberFragmentDoc = new TypedDocumentString(`
    fragment PosMember on Customer {
  id
  name
  email
  phone
  loyalty {
    balance
    pending
    held
    tier {
      name
    }
    nextTier {
      name
    }
    progress {
      qualifyingPoints
      pointsToNextTier
    }
    wallets {
      type {
        code
        kind
        name
        currency
        stampsPerCard
        cardRewardPoints
      }
      ownerId
      canSpend
      householdMembers
      balance
      pending
    }
  }
}
    `, {"fragmentName":"PosMember"}) as unknown as TypedDocumentString<PosMemberFragment, unknown>;
export const PosPointsHoldFragmentDoc = new TypedDocumentString(`
    fragment PosPointsHold on PointsHold {
  id
  points
  amount
  currency
  status
  expiresAt
}
    `, {"fragmentName":"PosPointsHold"}) as unknown as TypedDocumentString<PosPointsHoldFragment, unknown>;
export const PosVoucherFragmentDoc = new TypedDocumentString(`
    fragment PosVoucher on Voucher {
  id
  code
  status
  expiresAt
  reward {
    id
    name
  }
}
    `, {"fragmentName":"PosVoucher"}) as unknown as TypedDocumentString<PosVoucherFragment, unknown>;
export const PosProgramDocument = new TypedDocumentString(`
    query PosProgram {
  campaignProgram {
    currency
  }
}
    `) as unknown as TypedDocumentString<PosProgramQuery, PosProgramQueryVariables>;
export const PosFindMemberDocument = new TypedDocumentString(`
    query PosFindMember($type: IdentifierType!, $value: String!) {
  customerByIdentifier(type: $type, value: $value) {
    ...PosMember
  }
}
    fragment PosMember on Customer {
  id
  name
  email
  phone
  loyalty {
    balance
    pending
    held
    tier {
      name
    }
    nextTier {
      name
    }
    progress {
      qualifyingPoints
      pointsToNextTier
    }
    wallets {
      type {
        code
        kind
        name
        currency
        stampsPerCard
        cardRewardPoints
      }
      ownerId
      canSpend
      householdMembers
      balance
      pending
    }
  }
}`) as unknown as TypedDocumentString<PosFindMemberQuery, PosFindMemberQueryVariables>;
export const PosQuoteDocument = new TypedDocumentString(`
    query PosQuote($order: QuoteOrderInput!) {
  pointsQuote(order: $order) {
    totalPoints
    lines {
      kind
      points
      reason
    }
  }
}
    `) as unknown as TypedDocumentString<PosQuoteQuery, PosQuoteQueryVariables>;
export const PosRecordPurchaseDocument = new TypedDocumentString(`
    mutation PosRecordPurchase($input: RecordPurchaseInput!) {
  recordPurchase(input: $input) {
    id
    externalOrderId
    pointsEarned
    pendingUntil
    balanceAfter
    totalAmount
    currency
    pointsPayment {
      holdId
      points
      amount
    }
    walletEarnings {
      wallet
      ownerId
      amount
    }
    walletPayments {
      wallet
      amount
    }
    customer {
      id
      loyalty {
        wallets {
          type {
            code
          }
          balance
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PosRecordPurchaseMutation, PosRecordPurchaseMutationVariables>;
export const PosPointsPaymentQuoteDocument = new TypedDocumentString(`
    query PosPointsPaymentQuote($customerId: ID!, $currency: String!, $amount: SafeInt!) {
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
    `) as unknown as TypedDocumentString<PosPointsPaymentQuoteQuery, PosPointsPaymentQuoteQueryVariables>;
export const PosHoldPointsDocument = new TypedDocumentString(`
    mutation PosHoldPoints($input: HoldPointsInput!) {
  holdPoints(input: $input) {
    ...PosPointsHold
  }
}
    fragment PosPointsHold on PointsHold {
  id
  points
  amount
  currency
  status
  expiresAt
}`) as unknown as TypedDocumentString<PosHoldPointsMutation, PosHoldPointsMutationVariables>;
export const PosAppHoldDocument = new TypedDocumentString(`
    query PosAppHold($id: ID!) {
  pointsHold(id: $id) {
    ...PosPointsHold
    customer {
      ...PosMember
    }
  }
}
    fragment PosMember on Customer {
  id
  name
  email
  phone
  loyalty {
    balance
    pending
    held
    tier {
      name
    }
    nextTier {
      name
    }
    progress {
      qualifyingPoints
      pointsToNextTier
    }
    wallets {
      type {
        code
        kind
        name
        currency
        stampsPerCard
        cardRewardPoints
      }
      ownerId
      canSpend
      householdMembers
      balance
      pending
    }
  }
}
fragment PosPointsHold on PointsHold {
  id
  points
  amount
  currency
  status
  expiresAt
}`) as unknown as TypedDocumentString<PosAppHoldQuery, PosAppHoldQueryVariables>;
export const PosReleasePointsHoldDocument = new TypedDocumentString(`
    mutation PosReleasePointsHold($holdId: ID!) {
  releasePointsHold(holdId: $holdId) {
    ...PosPointsHold
  }
}
    fragment PosPointsHold on PointsHold {
  id
  points
  amount
  currency
  status
  expiresAt
}`) as unknown as TypedDocumentString<PosReleasePointsHoldMutation, PosReleasePointsHoldMutationVariables>;
export const PosMemberRewardsDocument = new TypedDocumentString(`
    query PosMemberRewards($id: ID!) {
  customer(id: $id) {
    ...PosMember
    rewards {
      vouchers(statuses: [ISSUED]) {
        ...PosVoucher
      }
      redeemable(channel: "IN_STORE") {
        affordable
        pointsShort
        reward {
          id
          name
          costPoints
        }
      }
    }
  }
}
    fragment PosMember on Customer {
  id
  name
  email
  phone
  loyalty {
    balance
    pending
    held
    tier {
      name
    }
    nextTier {
      name
    }
    progress {
      qualifyingPoints
      pointsToNextTier
    }
    wallets {
      type {
        code
        kind
        name
        currency
        stampsPerCard
        cardRewardPoints
      }
      ownerId
      canSpend
      householdMembers
      balance
      pending
    }
  }
}
fragment PosVoucher on Voucher {
  id
  code
  status
  expiresAt
  reward {
    id
    name
  }
}`) as unknown as TypedDocumentString<PosMemberRewardsQuery, PosMemberRewardsQueryVariables>;
export const PosRedeemRewardDocument = new TypedDocumentString(`
    mutation PosRedeemReward($input: RedeemRewardInput!) {
  redeemReward(input: $input) {
    id
    status
    points
    voucher {
      ...PosVoucher
    }
  }
}
    fragment PosVoucher on Voucher {
  id
  code
  status
  expiresAt
  reward {
    id
    name
  }
}`) as unknown as TypedDocumentString<PosRedeemRewardMutation, PosRedeemRewardMutationVariables>;
export const PosCheckVoucherDocument = new TypedDocumentString(`
    query PosCheckVoucher($code: String!) {
  validateVoucher(code: $code, channel: "IN_STORE") {
    valid
    problem
    voucher {
      ...PosVoucher
      customer {
        id
        name
      }
    }
  }
}
    fragment PosVoucher on Voucher {
  id
  code
  status
  expiresAt
  reward {
    id
    name
  }
}`) as unknown as TypedDocumentString<PosCheckVoucherQuery, PosCheckVoucherQueryVariables>;
export const PosUseVoucherDocument = new TypedDocumentString(`
    mutation PosUseVoucher($input: ConsumeVoucherInput!) {
  consumeVoucher(input: $input) {
    ...PosVoucher
    consumedOrderReference
  }
}
    fragment PosVoucher on Voucher {
  id
  code
  status
  expiresAt
  reward {
    id
    name
  }
}`) as unknown as TypedDocumentString<PosUseVoucherMutation, PosUseVoucherMutationVariables>;