/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What starts an absence trigger's timer for a member. */
export type AbsenceStart =
  /** A custom event of `eventType` (e.g. `cart.updated`); a later one of the same type restarts the wait. */
  | 'CUSTOM_EVENT'
  /** Each purchase (win-back): the wait runs from the last one. */
  | 'LAST_PURCHASE';

/** An absence trigger: what starts the wait, how long it is, and what it gives when it runs out. */
export type AbsenceTriggerInput = {
  /** Points the ledger credits when it fires (0: none). */
  bonusPoints?: number;
  /** The custom event type that starts it (CUSTOM_EVENT only). */
  eventType?: string | null | undefined;
  /** Lowercase letters, digits and dashes, at most 64; never reused. */
  key: string;
  name: string;
  /** A reward granted (a voucher) when it fires, without points. */
  rewardId?: string | number | null | undefined;
  /** Whether the member is told (an ABSENCE_OFFER message, on their consented, preferred channel). */
  sendMessage?: boolean;
  start: AbsenceStart;
  /** How long after the start, without a purchase, it fires: 1 minute to 366 days. */
  waitMinutes: number;
};

/** Something a member did besides buying that campaigns can reward. */
export type ActivityKind =
  /** Record once a year, with the year as externalId. */
  | 'BIRTHDAY'
  | 'PRODUCT_REVIEW'
  /** The member referred a friend; it earns once the friend's first purchase has left its pending window without a return. */
  | 'REFERRAL'
  /** The member enrolled with a friend's referral code (`useReferralCode` records it, with the referral's id as externalId): the friend's reward. */
  | 'REFERRED_FRIEND'
  | 'SIGN_UP'
  | 'SOCIAL_SHARE';

export type ActivityStatus =
  /** A referral waiting for the friend's first purchase, and then for that purchase's pending window (`POINTS_PENDING_DAYS`) to pass. */
  | 'AWAITING_PURCHASE'
  /** A referral whose friend returned their first purchase: it pays nothing. */
  | 'CANCELLED'
  /** Its points (possibly none, when no campaign rewards it now) are posted. */
  | 'CREDITED';

/** A manual correction of a member's points. */
export type AdjustPointsInput = {
  customerId: string | number;
  /** Send the same key again to retry without adjusting twice. */
  idempotencyKey?: string | null | undefined;
  /** Signed: positive credits, negative debits. Not zero. */
  points: number;
  /** Why; the member sees it in their history and it is kept with your name. */
  reason: string;
};

export type AttributeConditionInput = {
  operator: AttributeOperator;
  /** Keys from the top: ["address", "city"] is attributes.address.city. */
  path: Array<string>;
  /** For every operator but IN, EXISTS, NOT_EXISTS. */
  value?: SegmentValueInput | null | undefined;
  /** For IN (up to 100). */
  values?: Array<SegmentValueInput> | null | undefined;
};

/** How an attribute condition compares. Typed: a value matches only an attribute of its JSON type (the string "5" is not the number 5). Every operator but NOT_EXISTS needs the attribute present and not JSON null. */
export type AttributeOperator =
  /** An array holding the value (typed), or a string holding the string value. */
  | 'CONTAINS'
  /** Equal, of the same type (numbers compare by value: 5 equals 5.0). */
  | 'EQ'
  /** Present and not JSON null; takes no value. */
  | 'EXISTS'
  /** Greater: numbers by value, strings by code point; booleans are refused. */
  | 'GT'
  /** Greater or equal. */
  | 'GTE'
  /** Equal to one of `values`. */
  | 'IN'
  /** Less. */
  | 'LT'
  /** Less or equal. */
  | 'LTE'
  /** Present and not equal (a value of another type is not equal). */
  | 'NEQ'
  /** Absent or JSON null; takes no value. */
  | 'NOT_EXISTS';

/** A static audience. Defining an existing key renames it; its members stay. */
export type AudienceInput = {
  description?: string | null | undefined;
  /** lower-kebab-case, 2 to 48 characters. */
  key: string;
  name: string;
};

/** Members to add to or remove from an audience: 1 to 1000 customer ids a call. */
export type AudienceMembersInput = {
  audience: string;
  customerIds: Array<string | number>;
};

/** What count counts among the qualifying purchases or events. */
export type BadgeCounting =
  /** Distinct channels bought in ("a purchase in three channels"). */
  | 'CHANNELS'
  /** Purchases, or custom events for CUSTOM_EVENT badges; for a streak, consecutive units. */
  | 'PURCHASES'
  /** Distinct stores bought in. */
  | 'STORES';

/** What a badge counts. */
export type BadgeEvent =
  /** Custom events of the type and property conditions of the rule's eventTrigger. */
  | 'CUSTOM_EVENT'
  /** Purchases. */
  | 'PURCHASE';

/** A badge a marketer defines. Its key is never reused, even once retired. */
export type BadgeInput = {
  /** How to earn it, in words members read; up to 500 characters. */
  description?: string | null | undefined;
  /** A challenge: only what happens before this instant counts; it cannot complete after. In the future. */
  endsAt?: string | null | undefined;
  /** lower-kebab-case, 2 to 48 characters. */
  key: string;
  /** What members see, 1 to 80 characters. */
  name: string;
  /** Points credited to the member's account on completion, once (0 to 1,000,000). */
  pointsOnCompletion?: number;
  rule: BadgeRuleInput;
  /** A challenge: only what happens from this instant counts. */
  startsAt?: string | null | undefined;
};

/** Over which time the count must be reached, in the program's time zone (weeks start on Monday). */
export type BadgePeriod =
  /** Any time since the badge was defined (or within withinDays, if set). */
  | 'EVER'
  /** Within one calendar month ("five store visits in a month"). */
  | 'MONTH'
  /** Within one calendar week. */
  | 'WEEK';

/** Which purchases count, how, and over which time. */
export type BadgeRuleInput = {
  /** Only purchases in these channels count; none: every channel. */
  channels?: Array<string>;
  /** How many of what `counting` counts complete the badge: 1 to 1000. */
  count: number;
  counting?: BadgeCounting;
  event?: BadgeEvent;
  /** CUSTOM_EVENT badges: the event type and conditions on its properties, as EVENT campaigns have them (no oncePer). */
  eventTrigger?: EventTriggerInput | null | undefined;
  /** Only orders of at least this total, in minor units of minAmountCurrency. */
  minAmount?: number | null | undefined;
  /** Default: the program's currency. */
  minAmountCurrency?: string | null | undefined;
  period?: BadgePeriod;
  /** Only purchases in this store count. */
  storeId?: string | null | undefined;
  /** A streak: at least one qualifying purchase or event in each of count consecutive units; period stays EVER, counting PURCHASES. */
  streak?: BadgeStreakUnit | null | undefined;
  /** Within any span of this many days (1 to 366), instead of a calendar period. */
  withinDays?: number | null | undefined;
};

/** The calendar unit of a streak, in the program's time zone (weeks start on Monday): a streak of count WEEKs is at least one qualifying purchase or event in each of count consecutive weeks. */
export type BadgeStreakUnit =
  | 'DAY'
  | 'MONTH'
  | 'WEEK';

export type BoughtConditionInput = {
  categories: Array<string>;
  skus: Array<string>;
  withinDays: number;
};

/** Who a bulk adjustment is for, and how many points: a segment or a list of members. */
export type BulkAdjustmentPreviewInput = {
  /** The members, by id (at most 100,000; a repeated id counts once). Or `segmentKey`. */
  customerIds?: Array<string | number> | null | undefined;
  /** Signed, for each member: positive credits, negative debits. Not zero. */
  points: number;
  /** A segment's key (built-in or a marketer's): its members when the job starts. Or `customerIds`. */
  segmentKey?: string | null | undefined;
};

/** Where a bulk adjustment is. */
export type BulkAdjustmentState =
  /** Every member was tried; those that could not be adjusted are in `errors`. */
  | 'COMPLETED'
  /** Every member was tried and not one could be adjusted (see `errors`). */
  | 'FAILED'
  /** Members are being adjusted, in the background. */
  | 'RUNNING';

export type CampaignAudienceInput = {
  categories: Array<string>;
  /** Channels it runs in, all at once; none means every channel. */
  channels: Array<string>;
  /** Only the member's first purchase ever (granted once). */
  firstPurchase: boolean;
  /** Only the member's first purchase in the order's channel (granted once). */
  firstPurchaseInChannel: boolean;
  /** Minimum order total, in minor units of minSpendCurrency. */
  minSpend?: number | null | undefined;
  minSpendCurrency?: string | null | undefined;
  /** Only members who enrolled at most this many days ago. */
  newMemberWithinDays?: number | null | undefined;
  /** Segment keys; a member of any qualifies. */
  segments: Array<string>;
  /** SKUs whose lines qualify; with categories, none means every line. */
  skus: Array<string>;
  /** Tier names that qualify. */
  tiers: Array<string>;
};

/** A campaign as a marketer writes it. */
export type CampaignInput = {
  /** ACTIVITY campaigns: the activity rewarded. */
  activityKind?: ActivityKind | null | undefined;
  /** Default: everyone, every channel. */
  audience?: CampaignAudienceInput | null | undefined;
  description?: string | null | undefined;
  /** EVENT campaigns: the custom event rewarded. */
  eventTrigger?: EventTriggerInput | null | undefined;
  /** An exclusive campaign never combines with others on one order. */
  exclusive?: boolean;
  /** Percent of members (0 to 50) held out at random: they get nothing from this campaign, and its performance compares their spend with the others'. Omitted: 0 for a new campaign, unchanged on update; fixed once scheduled. */
  holdoutPercent?: number | null | undefined;
  /** Default: no caps, no budget. */
  limits?: CampaignLimitsInput | null | undefined;
  name: string;
  /** Higher wins when exclusive campaigns compete. */
  priority?: number;
  reward: CampaignRewardInput;
  /** Default: always. */
  schedule?: CampaignScheduleInput | null | undefined;
  trigger?: CampaignTrigger;
};

export type CampaignLimitsInput = {
  /** Points the campaign may grant in all; never overspent. */
  budgetPoints?: number | null | undefined;
  capPeriod: CapPeriod;
  /** Grants one customer may get per capPeriod. */
  perCustomerGrants?: number | null | undefined;
  /** Points one customer may get per capPeriod. */
  perCustomerPoints?: number | null | undefined;
};

export type CampaignRewardInput = {
  /** RATE: the currency perAmount is counted in. */
  currency?: string | null | undefined;
  kind: CampaignRewardKind;
  /** MULTIPLIER: percent of base points, above 100. */
  multiplierPercent?: number | null | undefined;
  /** RATE: minor units that earn `points`. */
  perAmount?: number | null | undefined;
  /** FIXED_BONUS and RATE: points. */
  points?: number | null | undefined;
  /** PURCHASE campaigns: the code of a ledger wallet (walletTypes) credited instead of points, in its units (stamps or minor units); `points` is then that amount. Null: points. */
  wallet?: string | null | undefined;
};

export type CampaignRewardKind =
  /** points once per qualifying purchase or activity. */
  | 'FIXED_BONUS'
  /** multiplierPercent of the base points of the qualifying lines (200 = double points). */
  | 'MULTIPLIER'
  /** points per perAmount minor units of currency spent on the qualifying lines. */
  | 'RATE';

export type CampaignScheduleInput = {
  endsAt?: string | null | undefined;
  startsAt?: string | null | undefined;
  /** None: live all the time between startsAt and endsAt. */
  weekly: Array<WeeklyWindowInput>;
};

export type CampaignStatus =
  /** Being written; grants nothing. */
  | 'DRAFT'
  /** Grants nothing, for good. */
  | 'ENDED'
  /** Grants nothing until scheduled again. */
  | 'PAUSED'
  /** Grants whenever its schedule is live. */
  | 'SCHEDULED';

/** What a campaign rewards. */
export type CampaignTrigger =
  | 'ACTIVITY'
  | 'EVENT'
  | 'PURCHASE';

/** The period a per-customer cap counts over, in the program's time zone. */
export type CapPeriod =
  | 'CAMPAIGN'
  | 'DAY'
  | 'MONTH'
  | 'WEEK';

export type ConsentConditionInput = {
  /** EMAIL, SMS or PUSH. */
  channel: string;
  /** true: answered yes; false: answered no, or never answered. */
  granted: boolean;
};

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

/** A customer by one identifier they own, as `customerByIdentifier` finds them. */
export type CustomerIdentifierInput = {
  type: IdentifierType;
  value: string;
};

export type DefineEventTypeInput = {
  description?: string | null | undefined;
  membersMaySend?: boolean;
  /** Lowercase words joined by dots, at most 64 characters: cart.updated, review.submitted. */
  name: string;
  /** At most 50. */
  properties: Array<EventPropertyInput>;
};

/** A wallet to define or change (by code; its kind cannot change). */
export type DefineWalletInput = {
  active?: boolean;
  cardRewardPoints?: number | null | undefined;
  cashbackBasisPoints?: number | null | undefined;
  code: string;
  currency?: string | null | undefined;
  expiryDays?: number | null | undefined;
  kind: WalletKind;
  maxHouseholdMembers?: number;
  minPurchaseAmount?: number;
  name: string;
  pendingDays?: number;
  stampsPerCard?: number | null | undefined;
  stampsPerPurchase?: number | null | undefined;
};

export type EnrollCustomerInput = {
  /** The member's id in the mobile app. */
  appMemberId?: string | null | undefined;
  /** YYYY-MM-DD. */
  birthday?: string | null | undefined;
  /** Where the member enrolled: IN_STORE, ONLINE, MOBILE_APP or another channel name. */
  channel: string;
  /** The member's id in the e-commerce platform. */
  ecommerceCustomerId?: string | null | undefined;
  /** At least one of email and phone is required. */
  email?: string | null | undefined;
  familyName?: string | null | undefined;
  givenName: string;
  /** E.164 or with separators, e.g. "+49 151 1234 5678". */
  phone?: string | null | undefined;
  /** The member's id in the POS system. */
  posCustomerId?: string | null | undefined;
  storeId?: string | null | undefined;
};

export type EventCountConditionInput = {
  atLeast?: number | null | undefined;
  atMost?: number | null | undefined;
  /** Conditions on the events' properties, all to hold, as an EVENT campaign's (path from the top, ["cartValue", "amount"]): only the events meeting them count. Null (rules saved before them) or empty: every event of the type counts. */
  properties?: Array<AttributeConditionInput> | null | undefined;
  /** The custom event type, e.g. review.submitted. */
  type: string;
  withinDays: number;
};

export type EventPropertyInput = {
  kind: EventPropertyKind;
  /** A letter, then letters, digits or _: rating, cartValue, sku_list. */
  name: string;
  required?: boolean;
};

/** What an event property holds. */
export type EventPropertyKind =
  /** true or false. */
  | 'BOOLEAN'
  /** An amount in minor units with its currency: { "amount": 1299, "currency": "EUR" }. */
  | 'MONEY'
  /** A JSON number. */
  | 'NUMBER'
  /** A list of SKUs (strings): ["SKU-1", "SKU-2"]. */
  | 'SKU_LIST'
  /** A JSON string. */
  | 'STRING';

export type EventTriggerInput = {
  /** Conditions on the properties, all to hold; path from the top (["price", "amount"]). */
  conditions?: Array<AttributeConditionInput>;
  /** The custom event type, e.g. review.submitted. */
  eventType: string;
  /** A property path: rewarded once per member and value of it (["productId"]); an event without it earns nothing. */
  oncePer?: Array<string> | null | undefined;
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

/** NDJSON (one JSON object per line) or CSV with a header row. */
export type ImportFormat =
  | 'CSV'
  | 'NDJSON';

/** WAITING_FOR_FILE until the file is uploaded; RUNNING while it goes in; INTERRUPTED when an upload stopped before the end (upload the file again to resume after the last line that went in); COMPLETED when every line was applied, skipped or reported. */
export type ImportJobState =
  | 'COMPLETED'
  | 'INTERRUPTED'
  | 'RUNNING'
  | 'WAITING_FOR_FILE';

/** What an import brings: members (profiles), balances (lots), tiers, or past orders and returns. */
export type ImportKind =
  | 'BALANCES'
  | 'MEMBERS'
  | 'ORDERS'
  | 'TIERS';

/** A member who earns into another member’s wallet. */
export type JoinWalletHouseholdInput = {
  /** The member whose purchases earn into the owner’s wallet from now on. */
  memberId: string | number;
  /** The wallet’s owner, who alone may spend it. */
  ownerId: string | number;
  wallet: string;
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

/** Narrows a history to some kinds of entries and a time range. */
export type JournalFilterInput = {
  kinds?: Array<JournalEntryKind> | null | undefined;
  /** Entries at or after this time. */
  since?: string | null | undefined;
  /** Entries before this time. */
  until?: string | null | undefined;
};

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

/** What judging a late event as of its time did to a campaign. */
export type LateCampaignEffectKind =
  /** The campaign's remaining budget lowered or removed its award. */
  | 'BUDGET'
  /** The campaign's per-customer cap, counted in the period of the event's time, lowered or removed its award. */
  | 'CAPPED'
  /** The campaign applied at the event's time and has ended since. */
  | 'ENDED_SINCE';

export type MessageConditionInput = {
  /** The campaign side's key the message was for (an absence trigger's key); absent: any. */
  campaignKey?: string | null | undefined;
  /** A message kind (`NotificationKind`), e.g. ABSENCE_OFFER; absent: any. */
  kind?: string | null | undefined;
  /** False: was sent one and did not respond. */
  responded?: boolean;
  response: SegmentMessageResponse;
  withinDays: number;
};

/** How a member answered a message. */
export type MessageResponseType =
  /** Followed a link in it. */
  | 'CLICKED'
  /** Opened it (the provider saw the open, or the app showed it). A click is also an open. */
  | 'OPENED'
  /** Used the voucher it carried: recorded when the voucher is consumed. */
  | 'REDEEMED';

export type NotificationChannel =
  | 'EMAIL'
  | 'PUSH'
  | 'SMS';

/** What a message to a member is about. */
export type NotificationKind =
  | 'ABSENCE_OFFER'
  | 'BIRTHDAY'
  | 'POINTS_EARNED'
  | 'POINTS_EXPIRING'
  | 'REWARD_AFFORDABLE'
  | 'TIER_CHANGED'
  | 'VOUCHER_ISSUED';

/** Where a message is: waiting, handed to the provider, sent, failed, or not sent and why. */
export type NotificationStatus =
  | 'FAILED'
  | 'PENDING'
  | 'SENDING'
  | 'SENT'
  | 'SUPPRESSED';

/** A purchase named by its channel's own key. */
export type OrderKeyInput = {
  channel: string;
  externalOrderId: string;
  storeId?: string | null | undefined;
};

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

/** An activity an integration reports. Reporting it twice records it once. */
export type RecordActivityInput = {
  /** Where it happened: IN_STORE, ONLINE, MOBILE_APP or another channel name. */
  channel: string;
  customerId: string | number;
  /** The activity's id in the reporting system (a review id, a share id, the year of a birthday, the friend's id for a sign-up or referral). With the member and kind, the idempotency key. */
  externalId: string;
  kind: ActivityKind;
  /** When the member did it (a till or app syncing its queue); absent: now. At most `LEDGER_MAX_LATENESS_DAYS` (default 30) days ago and not in the future (5 minutes of clock skew allowed), else BAD_USER_INPUT. Campaigns and expiry count from it; a REFERRAL is still paid after the friend's first purchase. */
  occurredAt?: string | null | undefined;
  /** For REFERRAL: the friend the member referred. */
  referredCustomerId?: string | number | null | undefined;
};

/** A provider's or app's report that a member opened or clicked a message. */
export type RecordMessageResponseInput = {
  /** The message (`Notification.id`, sent to the provider as the message id). */
  messageId: string | number;
  /** When it happened; absent: now. Not before the message was sent, not in the future (5 minutes of clock skew allowed). */
  occurredAt?: string | null | undefined;
  /** OPENED or CLICKED (a click records the open too); REDEEMED for an offer used outside the graph. */
  response: MessageResponseType;
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

/** A return, in any channel, of (part of) a purchase made in any channel. Name the purchase with purchaseId or originalOrder. */
export type RecordReturnInput = {
  /** Where the goods came back: IN_STORE, ONLINE, ... (UPPER_SNAKE_CASE). */
  channel: string;
  /** The return's id in the channel's own system. With the channel and store, the idempotency key. */
  externalReturnId: string;
  lines: Array<ReturnLineInput>;
  /** When the goods came back (an offline till syncing its queue); absent: now. At most `LEDGER_MAX_LATENESS_DAYS` (default 30) days ago, not in the future (5 minutes of clock skew allowed) and not before the purchase, else BAD_USER_INPUT. The points are taken back from the balance as it is at recording. */
  occurredAt?: string | null | undefined;
  /** The purchase, by its channel, store and order id. */
  originalOrder?: OrderKeyInput | null | undefined;
  /** The purchase, by the id recordPurchase answered with. */
  purchaseId?: string | number | null | undefined;
  /** The store taking the return, for IN_STORE. */
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

export type ReferralDecision =
  | 'APPROVE'
  | 'REJECT';

/** Why a referral was refused (SELF_REFERRAL, EXISTING_MEMBER, CAP_REACHED: the error's `extensions.signal`) or held for review (the rest). */
export type ReferralSignal =
  /** Refused: the referrer reached `capPerReferrer` in the current `capPeriod`. */
  | 'CAP_REACHED'
  /** Refused: the friend enrolled longer ago than the program's `newMemberHours`, or has bought already. */
  | 'EXISTING_MEMBER'
  /** Held: the friend's address hash was on another referral within the window, or on the referrer's. */
  | 'SAME_ADDRESS'
  /** Held: the friend's device hash was on another referral within the window, or on the referrer's. */
  | 'SAME_DEVICE'
  /** Refused: the code is the friend's own. */
  | 'SELF_REFERRAL'
  /** Held: the friend's card hash was on another referral within the window, or on the referrer's. */
  | 'SHARED_CARD'
  /** Held: the friend's email reaches the referrer's mailbox (case, dots at Gmail, +tags). */
  | 'SHARED_EMAIL'
  /** Held: the friend's phone number is the referrer's. */
  | 'SHARED_PHONE';

export type ReferralStatus =
  /** Taken: the friend's reward is credited; the referrer is paid once the friend's first purchase has left its pending window unreturned. */
  | 'ACCEPTED'
  /** Held for review by a fraud signal (`signals`): nothing is paid until a marketer approves it. */
  | 'HELD'
  /** Rejected by a marketer after review: nothing is paid. */
  | 'REJECTED';

/** Units of one SKU brought back. */
export type ReturnLineInput = {
  quantity: number;
  sku: string;
};

/** A marketer's decision on a held referral. */
export type ReviewReferralInput = {
  decision: ReferralDecision;
  id: string | number;
  note?: string | null | undefined;
};

export type RewardKind =
  | 'DONATION'
  | 'EXPERIENCE'
  | 'FIXED_DISCOUNT'
  | 'FREE_PRODUCT'
  | 'PERCENT_DISCOUNT';

export type SegmentConditionInput = {
  attribute?: AttributeConditionInput | null | undefined;
  bought?: BoughtConditionInput | null | undefined;
  consent?: ConsentConditionInput | null | undefined;
  /** Custom events tracked in a window. */
  events?: EventCountConditionInput | null | undefined;
  /** In the static audience of this key. */
  inAudience?: string | null | undefined;
  /** Responded (or not) to a message within a window. */
  message?: MessageConditionInput | null | undefined;
  /** Takes the members the condition does not match. */
  negate?: boolean;
};

/** A segment a marketer defines. Defining an existing key replaces it. */
export type SegmentInput = {
  description?: string | null | undefined;
  /** lower-kebab-case, 2 to 48 characters. */
  key: string;
  name: string;
  rule: SegmentRuleInput;
};

/** A response to a message a segment condition looks for (a click is also an open). */
export type SegmentMessageResponse =
  | 'CLICKED'
  | 'OPENED'
  | 'REDEEMED';

export type SegmentRuleInput = {
  /** Bought in every one of these channels. */
  channelsAll: Array<string>;
  /** Bought in at least one of these channels. */
  channelsAny: Array<string>;
  /** Conditions on attributes, consent, products bought and audiences (up to 20); every one must hold. */
  conditions?: Array<SegmentConditionInput>;
  maxChannels?: number | null | undefined;
  /** Maximum frequency score, 1 to 5 (5 is best). */
  maxFrequency?: number | null | undefined;
  /** Maximum monetary score, 1 to 5 (5 is best). */
  maxMonetary?: number | null | undefined;
  maxPurchases?: number | null | undefined;
  /** Maximum recency score, 1 to 5 (5 is best). */
  maxRecency?: number | null | undefined;
  maxSpend?: number | null | undefined;
  /** Bought in at least this many channels (2: omnichannel). */
  minChannels?: number | null | undefined;
  /** Minimum frequency score, 1 to 5 (5 is best). */
  minFrequency?: number | null | undefined;
  /** Minimum monetary score, 1 to 5 (5 is best). */
  minMonetary?: number | null | undefined;
  minPurchases?: number | null | undefined;
  /** Minimum recency score, 1 to 5 (5 is best). */
  minRecency?: number | null | undefined;
  /** Net spend, minor units of the program's currency. */
  minSpend?: number | null | undefined;
  /** Has bought, but not for this many days. */
  notPurchasedForDays?: number | null | undefined;
  /** Bought within this many days. */
  purchasedWithinDays?: number | null | undefined;
  tiers: Array<string>;
};

export type SegmentValueInput = {
  boolean?: boolean | null | undefined;
  /** Attributes are free-form JSON: any finite number. */
  number?: number | null | undefined;
  string?: string | null | undefined;
};

/** The burn rate of a currency; setting it again replaces it. */
export type SetPointsPaymentRateInput = {
  /** ISO 4217 code, e.g. EUR. */
  currency: string;
  /** The largest share of a basket points may pay (1 to 100). */
  maxSharePercent?: number;
  /** The fewest points one payment uses. */
  minPoints?: number;
  /** Minor units (cents) that `points` pay, e.g. 100 for one euro. */
  perAmount: number;
  /** Points that pay `perAmount`, e.g. 100. */
  points: number;
  /** Points are used in multiples of this. */
  pointsStep?: number;
  tierRates?: Array<TierBurnRateInput>;
};

/** Money spent from a wallet (store credit or cashback), idempotent by key. */
export type SpendWalletInput = {
  /** Minor units of the wallet currency. */
  amount: number;
  customerId: string | number;
  /** Send the same key again to retry without spending twice. */
  idempotencyKey: string;
  /** What it paid, shown in the wallet history. */
  reason: string;
  wallet: string;
};

/** A manual correction of many members' points, run in the background. */
export type StartBulkAdjustmentInput = {
  /** The members, by id (at most 100,000; a repeated id counts once). Or `segmentKey`. */
  customerIds?: Array<string | number> | null | undefined;
  /** Required: the same key again answers with the same job (and adjusts no one twice); with other content, CONFLICT. */
  idempotencyKey: string;
  /** Signed, for each member: positive credits, negative debits. Not zero. */
  points: number;
  /** Why; each member sees it in their history and it is kept with your name. */
  reason: string;
  /** A segment's key (built-in or a marketer's): its members when the job starts. Or `customerIds`. */
  segmentKey?: string | null | undefined;
};

/** An import of one file: upload it to the gateway at the job's uploadPath. */
export type StartImportInput = {
  /** Validate every line (lookups too) and change nothing. */
  dryRun?: boolean;
  /** The file's name, for the job list. */
  fileName?: string | null | undefined;
  format: ImportFormat;
  kind: ImportKind;
  /** How many records the file holds, if the uploader knows (the CLI counts them): progress shows it until the upload ends. */
  total?: number | null | undefined;
};

export type TierBurnRateInput = {
  /** Minor units that `points` pay. */
  perAmount: number;
  points: number;
  /** A tier name of the tier program. */
  tier: string;
};

export type TierDirection =
  | 'DOWN'
  | 'UP';

/** What a timeline entry is; each kind is one type implementing `TimelineEntry`. */
export type TimelineEntryKind =
  /** A custom event (`CustomerEvent`): its type and properties. */
  | 'CUSTOM_EVENT'
  /** A message the program sent the member, and what they did with it (`MessageEntry`). */
  | 'MESSAGE'
  /** An order recorded on the ledger, or imported (`PurchaseEntry`). */
  | 'PURCHASE'
  /** A reward redeemed for points, or granted (`RedemptionEntry`). */
  | 'REDEMPTION'
  /** Goods of an order brought back and their points taken back (`ReturnEntry`). */
  | 'RETURN';

export type TrackEventInput = {
  /** Where it happened: ONLINE, MOBILE_APP, IN_STORE or another channel name. */
  channel: string;
  /** The customer, by id; or give `identifier`. */
  customerId?: string | number | null | undefined;
  /** Unique per channel for this event (a UUID the sender makes): a retry with the same key answers the first event; another event under it is a CONFLICT. */
  idempotencyKey: string;
  /** The customer, by an identifier they own. */
  identifier?: CustomerIdentifierInput | null | undefined;
  /** When it happened (an app syncing its queue); absent: now. At most `PROFILE_EVENT_MAX_LATENESS_DAYS` (default 30) days ago and not in the future (5 minutes of clock skew allowed). */
  occurredAt?: string | null | undefined;
  /** The event's properties, as its type defines them (absent: none); at most `PROFILE_EVENT_MAX_BYTES` (default 8 KiB) as JSON. */
  properties?: unknown;
  /** The event type (see `eventTypes`): cart.updated. */
  type: string;
};

/** A new member using a friend's code. Hashes are what the storefront or app computes (e.g. SHA-256 of a device id, a normalised address, a card fingerprint); the graph compares them and stores nothing else. */
export type UseReferralCodeInput = {
  addressHash?: string | null | undefined;
  cardHash?: string | null | undefined;
  /** Where the friend enrolled: ONLINE, MOBILE_APP, IN_STORE or another channel. */
  channel?: string;
  /** The code as typed or read from the link's `ref`. */
  code: string;
  deviceHash?: string | null | undefined;
  /** The new member (a member token may only name itself). */
  friendId: string | number;
};

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

export type Weekday =
  | 'FRIDAY'
  | 'MONDAY'
  | 'SATURDAY'
  | 'SUNDAY'
  | 'THURSDAY'
  | 'TUESDAY'
  | 'WEDNESDAY';

export type WeeklyWindowInput = {
  endDay: Weekday;
  /** HH:MM, 24-hour; 23:59 runs to midnight. */
  endTime: string;
  startDay: Weekday;
  /** HH:MM, 24-hour. */
  startTime: string;
};

export type AbsenceTriggersQueryVariables = Exact<{ [key: string]: never; }>;


export type AbsenceTriggersQuery = { absenceTriggers: Array<{ key: string, name: string, start: AbsenceStart, waitMinutes: number, timers: { pending: number, fired: number, cancelled: number } }> };

export type AddAudienceMembersMutationVariables = Exact<{
  input: AudienceMembersInput;
}>;


export type AddAudienceMembersMutation = { addAudienceMembers: { audience: string, asked: number, changed: number, unchanged: number } };

export type AdjustPointsMutationVariables = Exact<{
  input: AdjustPointsInput;
}>;


export type AdjustPointsMutation = { adjustPoints: { id: string, points: number, reason: string, actor: string | null, balanceAfter: number } };

export type BalanceUpdatedSubscriptionVariables = Exact<{
  customerId: string | number;
  after?: string | number | null | undefined;
}>;


export type BalanceUpdatedSubscription = { balanceUpdated: { eventId: string, balance: number, change: number, pending: number, reason: string, customer: { name: string, rewards: { available: Array<{ name: string, costPoints: number }> } | null } } };

export type BulkAdjustmentQueryVariables = Exact<{
  id: string | number;
  errorsAfter?: string | null | undefined;
}>;


export type BulkAdjustmentQuery = { bulkAdjustment: { id: string, state: BulkAdjustmentState, segmentKey: string | null, total: number, processed: number, failed: number, points: number, reason: string, actor: string, createdAt: string, finishedAt: string | null, errors: { edges: Array<{ node: { customerId: string, code: string, message: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type ConsumeVoucherMutationVariables = Exact<{
  input: ConsumeVoucherInput;
}>;


export type ConsumeVoucherMutation = { consumeVoucher: { code: string, status: VoucherStatus, consumedAt: string | null, reward: { name: string, valueAmount: number | null, valueCurrency: string | null } } };

export type CreateCampaignMutationVariables = Exact<{
  input: CampaignInput;
}>;


export type CreateCampaignMutation = { createCampaign: { id: string, name: string, status: CampaignStatus, scheduleText: string, nextLive: { start: string, end: string | null } | null } };

export type CustomerTimelineQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
  kinds?: Array<TimelineEntryKind> | TimelineEntryKind | null | undefined;
  types?: Array<string> | string | null | undefined;
}>;


export type CustomerTimelineQuery = { customer: { id: string, timeline: { edges: Array<{ cursor: string, node:
          | { __typename: 'CustomerEvent', type: string, properties: unknown, id: string, kind: TimelineEntryKind, occurredAt: string, channel: string }
          | { __typename: 'MessageEntry', messageId: string, messageKind: string, campaignKey: string | null, openedAt: string | null, clickedAt: string | null, redeemedAt: string | null, id: string, kind: TimelineEntryKind, occurredAt: string, channel: string | null, offer: { voucherId: string | null, reward: { id: string, name: string } } | null }
          | { __typename: 'PurchaseEntry', orderId: string, storeId: string | null, totalAmount: number, currency: string, pointsEarned: number, imported: boolean, id: string, kind: TimelineEntryKind, occurredAt: string, channel: string | null }
          | { __typename: 'RedemptionEntry', redemptionId: string, voucherId: string, pointsSpent: number, usedAt: string | null, usedChannel: string | null, cancelled: boolean, id: string, kind: TimelineEntryKind, occurredAt: string, channel: string | null, reward: { id: string, name: string } }
          | { __typename: 'ReturnEntry', returnId: string, orderId: string, refundAmount: number, refundCurrency: string | null, pointsReversed: number, imported: boolean, id: string, kind: TimelineEntryKind, occurredAt: string, channel: string | null }
         }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type DefineAbsenceTriggerMutationVariables = Exact<{
  input: AbsenceTriggerInput;
}>;


export type DefineAbsenceTriggerMutation = { defineAbsenceTrigger: { key: string, name: string, start: AbsenceStart, eventType: string | null, waitMinutes: number, bonusPoints: number, rewardId: string | null, sendMessage: boolean } };

export type DefineAudienceMutationVariables = Exact<{
  input: AudienceInput;
}>;


export type DefineAudienceMutation = { defineAudience: { key: string, name: string, members: number } };

export type DefineBadgeMutationVariables = Exact<{
  input: BadgeInput;
}>;


export type DefineBadgeMutation = { defineBadge: { key: string, name: string, pointsOnCompletion: number, countsFrom: string, startsAt: string | null, endsAt: string | null, rule: { event: BadgeEvent, count: number, counting: BadgeCounting, period: BadgePeriod, streak: BadgeStreakUnit | null, eventTrigger: { eventType: string, conditions: Array<{ path: Array<string>, operator: AttributeOperator, value: { string: string | null, number: number | null, boolean: boolean | null } | null }> } | null } } };

export type DefineEventTypeMutationVariables = Exact<{
  input: DefineEventTypeInput;
}>;


export type DefineEventTypeMutation = { defineEventType: { name: string, version: number, membersMaySend: boolean, properties: Array<{ name: string, kind: EventPropertyKind, required: boolean }> } };

export type DefineSegmentMutationVariables = Exact<{
  input: SegmentInput;
}>;


export type DefineSegmentMutation = { defineSegment: { key: string, members: number, rule: { conditions: Array<{ negate: boolean, inAudience: string | null, attribute: { path: Array<string>, operator: AttributeOperator, value: { string: string | null, number: number | null, boolean: boolean | null } | null, values: Array<{ string: string | null, number: number | null, boolean: boolean | null }> | null } | null, consent: { channel: string, granted: boolean } | null, bought: { skus: Array<string>, categories: Array<string>, withinDays: number } | null, events: { type: string, atLeast: number | null, atMost: number | null, withinDays: number, properties: Array<{ path: Array<string>, operator: AttributeOperator, value: { string: string | null, number: number | null, boolean: boolean | null } | null }> | null } | null, message: { response: SegmentMessageResponse, responded: boolean, kind: string | null, campaignKey: string | null, withinDays: number } | null }> } } };

export type DefineWalletMutationVariables = Exact<{
  input: DefineWalletInput;
}>;


export type DefineWalletMutation = { defineWallet: { code: string, kind: WalletKind, name: string, currency: string | null, pendingDays: number, expiryDays: number | null, maxHouseholdMembers: number } };

export type EnrollCustomerMutationVariables = Exact<{
  input: EnrollCustomerInput;
}>;


export type EnrollCustomerMutation = { enrollCustomer: { id: string, name: string, email: string | null, phone: string | null, enrollmentChannel: string } };

export type HoldPointsMutationVariables = Exact<{
  input: HoldPointsInput;
}>;


export type HoldPointsMutation = { holdPoints: { id: string, status: PointsHoldStatus, currency: string, points: number, amount: number, expiresAt: string } };

export type ImportJobQueryVariables = Exact<{
  id: string | number;
  errorsAfter?: string | null | undefined;
}>;


export type ImportJobQuery = { importJob: { id: string, kind: ImportKind, state: ImportJobState, total: number | null, processed: number, applied: number, skipped: number, failed: number, throughLine: number, attempt: number, bytesReceived: number, message: string | null, errors: { edges: Array<{ node: { line: number, field: string | null, code: string, message: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type JoinWalletHouseholdMutationVariables = Exact<{
  input: JoinWalletHouseholdInput;
}>;


export type JoinWalletHouseholdMutation = { joinWalletHousehold: { wallet: string, ownerId: string, memberId: string } };

export type MemberMessagesQueryVariables = Exact<{
  id: string | number;
}>;


export type MemberMessagesQuery = { customer: { notifications: { edges: Array<{ node: { id: string, kind: NotificationKind, channel: NotificationChannel | null, status: NotificationStatus, sentAt: string | null, responses: Array<{ response: MessageResponseType, occurredAt: string }> } }> } } | null };

export type MemberOffersQueryVariables = Exact<{
  id: string | number;
}>;


export type MemberOffersQuery = { customer: { id: string, offers: Array<{ title: string, description: string, why: string, liveNow: boolean, endsAt: string | null }> | null } | null };

export type MemberOverviewQueryVariables = Exact<{
  email: string;
}>;


export type MemberOverviewQuery = { customerByIdentifier: { id: string, name: string, phone: string | null, loyalty: { balance: number, lifetimePoints: number, lastEventId: string | null, history: { edges: Array<{ node: { kind: JournalEntryKind, points: number, balanceAfter: number, reason: string, createdAt: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null, rewards: { available: Array<{ name: string, costPoints: number }> } | null, offers: Array<{ title: string }> | null } | null };

export type MemberPointsQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: JournalFilterInput | null | undefined;
}>;


export type MemberPointsQuery = { customer: { id: string, loyalty: { balance: number, pending: number, lifetimePoints: number, tier: { name: string, multiplierPercent: number } | null, nextTier: { name: string, qualifyingPoints: number } | null, progress: { qualifyingPoints: number, pointsToNextTier: number | null, reviewAt: string | null } | null, expiring: Array<{ points: number, expiresAt: string }>, pendingPoints: Array<{ points: number, availableAt: string }>, history: { edges: Array<{ node: { kind: JournalEntryKind, points: number, balanceAfter: number, reason: string, sourceType: JournalSourceType, createdAt: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null } | null };

export type MemberReferralQueryVariables = Exact<{
  id: string | number;
}>;


export type MemberReferralQuery = { customer: { id: string, referral: { code: string, link: string, accepted: number, held: number } | null } | null };

export type MemberWalletQueryVariables = Exact<{
  id: string | number;
  code: string;
}>;


export type MemberWalletQuery = { customer: { loyalty: { wallet: { ownerId: string, canSpend: boolean, householdMembers: Array<string>, balance: number, pending: number, lifetime: number, cardsCompleted: number, type: { code: string, kind: WalletKind, name: string, currency: string | null, stampsPerCard: number | null }, expiring: Array<{ amount: number, expiresAt: string }>, history: Array<{ kind: string, amount: number, balanceAfter: number, reason: string, earnedBy: string | null }> } | null } | null } | null };

export type MyBadgeProgressQueryVariables = Exact<{ [key: string]: never; }>;


export type MyBadgeProgressQuery = { me: { id: string, badges: Array<{ current: number, target: number, completed: boolean, completedAt: string | null, endsAt: string | null, badge: { key: string, name: string }, streak: { unit: BadgeStreakUnit, current: number, best: number, target: number, unitEndsAt: string, breaksAt: string | null } | null }> | null } | null };

export type PointsQuoteQueryVariables = Exact<{
  order: QuoteOrderInput;
  at?: string | null | undefined;
}>;


export type PointsQuoteQuery = { pointsQuote: { totalPoints: number, lines: Array<{ kind: QuoteLineKind, points: number, reason: string, ruleId: string | null }> } };

export type PreviewBulkAdjustmentQueryVariables = Exact<{
  input: BulkAdjustmentPreviewInput;
}>;


export type PreviewBulkAdjustmentQuery = { previewBulkAdjustment: { members: number, totalPoints: number, wouldOverdraw: number } };

export type QuotePointsPaymentQueryVariables = Exact<{
  customerId: string | number;
  currency: string;
  amount: number;
}>;


export type QuotePointsPaymentQuery = { quotePointsPayment: { currency: string, ratePoints: number, ratePerAmount: number, rateTier: string | null, maxPoints: number, maxAmount: number, minPoints: number, pointsStep: number, unavailableReason: string | null } };

export type RecordActivityMutationVariables = Exact<{
  input: RecordActivityInput;
}>;


export type RecordActivityMutation = { recordActivity: { id: string, status: ActivityStatus, pointsEarned: number, earnings: Array<{ points: number, reason: string }> } };

export type RecordMessageResponseMutationVariables = Exact<{
  input: RecordMessageResponseInput;
}>;


export type RecordMessageResponseMutation = { recordMessageResponse: { messageId: string, response: MessageResponseType, occurredAt: string, recordedAt: string } };

export type RecordMessageResponsesMutationVariables = Exact<{
  inputs: Array<RecordMessageResponseInput> | RecordMessageResponseInput;
}>;


export type RecordMessageResponsesMutation = { recordMessageResponses: Array<{ index: number, response: { messageId: string, response: MessageResponseType, occurredAt: string } | null, error: { code: string, message: string, field: string | null } | null }> };

export type RecordPurchaseMutationVariables = Exact<{
  input: RecordPurchaseInput;
}>;


export type RecordPurchaseMutation = { recordPurchase: { id: string, totalAmount: number, currency: string, pointsEarned: number, pendingUntil: string | null, balanceAfter: number | null, earnings: Array<{ kind: JournalEntryKind, points: number, reason: string }> } };

export type RecordPurchasePaidWithPointsMutationVariables = Exact<{
  input: RecordPurchaseInput;
}>;


export type RecordPurchasePaidWithPointsMutation = { recordPurchase: { id: string, totalAmount: number, pointsEarned: number, balanceAfter: number | null, pointsPayment: { holdId: string, points: number, amount: number } | null } };

export type RecordPurchasesMutationVariables = Exact<{
  inputs: Array<RecordPurchaseInput> | RecordPurchaseInput;
}>;


export type RecordPurchasesMutation = { recordPurchases: Array<{ index: number, purchase: { id: string, externalOrderId: string, pointsEarned: number, pendingUntil: string | null, late: { judgedAsOf: string, tier: string | null, campaigns: Array<{ kind: LateCampaignEffectKind, campaignName: string, capPeriod: string, periodStart: string | null, wouldHaveGiven: number, gave: number }> } | null } | null, error: { code: string, message: string, field: string | null } | null }> };

export type RecordReturnMutationVariables = Exact<{
  input: RecordReturnInput;
}>;


export type RecordReturnMutation = { recordReturn: { id: string, purchaseId: string, refundAmount: number, pointsReversed: number, pendingPointsCancelled: number, pointsNotRecovered: number, balanceAfter: number | null, reversals: Array<{ kind: JournalEntryKind, points: number, reason: string, wasPending: boolean }> } };

export type RecordReturnsMutationVariables = Exact<{
  inputs: Array<RecordReturnInput> | RecordReturnInput;
}>;


export type RecordReturnsMutation = { recordReturns: Array<{ index: number, return: { id: string, purchaseId: string, externalReturnId: string, pointsReversed: number, pendingPointsCancelled: number } | null, error: { code: string, message: string, field: string | null } | null }> };

export type RedeemRewardMutationVariables = Exact<{
  input: RedeemRewardInput;
}>;


export type RedeemRewardMutation = { redeemReward: { id: string, status: RedemptionStatus, points: number, voucher: { code: string, expiresAt: string, reward: { name: string, kind: RewardKind, valueAmount: number | null, valueCurrency: string | null } } | null } };

export type ReleasePointsHoldMutationVariables = Exact<{
  holdId: string | number;
}>;


export type ReleasePointsHoldMutation = { releasePointsHold: { id: string, status: PointsHoldStatus, points: number } };

export type RemoveAudienceMembersMutationVariables = Exact<{
  input: AudienceMembersInput;
}>;


export type RemoveAudienceMembersMutation = { removeAudienceMembers: { audience: string, asked: number, changed: number, unchanged: number } };

export type HeldReferralsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type HeldReferralsQuery = { referrals: { edges: Array<{ node: { id: string, code: string, signals: Array<ReferralSignal>, createdAt: string, referrer: { id: string }, friend: { id: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ReviewReferralMutationVariables = Exact<{
  input: ReviewReferralInput;
}>;


export type ReviewReferralMutation = { reviewReferral: { id: string, status: ReferralStatus, recorded: boolean, reviewedBy: string | null } };

export type SetPointsPaymentRateMutationVariables = Exact<{
  input: SetPointsPaymentRateInput;
}>;


export type SetPointsPaymentRateMutation = { setPointsPaymentRate: { currency: string, points: number, perAmount: number, minPoints: number, maxSharePercent: number, pointsStep: number, tierRates: Array<{ tier: string, points: number, perAmount: number }> } };

export type SpendWalletMutationVariables = Exact<{
  input: SpendWalletInput;
}>;


export type SpendWalletMutation = { spendWallet: { wallet: string, amount: number, balanceAfter: number } };

export type StartBulkAdjustmentMutationVariables = Exact<{
  input: StartBulkAdjustmentInput;
}>;


export type StartBulkAdjustmentMutation = { startBulkAdjustment: { id: string, state: BulkAdjustmentState, total: number, processed: number, failed: number } };

export type StartImportMutationVariables = Exact<{
  input: StartImportInput;
}>;


export type StartImportMutation = { startImport: { id: string, kind: ImportKind, format: ImportFormat, dryRun: boolean, state: ImportJobState, uploadPath: string } };

export type TierChangedSubscriptionVariables = Exact<{
  customerId: string | number;
  after?: string | number | null | undefined;
}>;


export type TierChangedSubscription = { tierChanged: { eventId: string, from: string, to: string, direction: TierDirection, reviewAt: string | null } };

export type TrackEventMutationVariables = Exact<{
  input: TrackEventInput;
}>;


export type TrackEventMutation = { trackEvent: { id: string, type: string, typeVersion: number, properties: unknown, occurredAt: string, channel: string, customer: { id: string } } };

export type TrackEventsMutationVariables = Exact<{
  inputs: Array<TrackEventInput> | TrackEventInput;
}>;


export type TrackEventsMutation = { trackEvents: Array<{ index: number, event: { id: string, type: string, occurredAt: string } | null, error: { code: string, message: string, field: string | null } | null }> };

export type UseReferralCodeMutationVariables = Exact<{
  input: UseReferralCodeInput;
}>;


export type UseReferralCodeMutation = { useReferralCode: { id: string, status: ReferralStatus, signals: Array<ReferralSignal>, recorded: boolean, referrer: { id: string } } };

export type WalletUpdatedSubscriptionVariables = Exact<{
  customerId: string | number;
  after?: string | number | null | undefined;
}>;


export type WalletUpdatedSubscription = { walletUpdated: { eventId: string, wallet: string, kind: string, change: number, balance: number, pending: number, reason: string } };


export const AbsenceTriggersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AbsenceTriggers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"absenceTriggers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"waitMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"timers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"fired"}},{"kind":"Field","name":{"kind":"Name","value":"cancelled"}}]}}]}}]}}]} as unknown as DocumentNode<AbsenceTriggersQuery, AbsenceTriggersQueryVariables>;
export const AddAudienceMembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddAudienceMembers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AudienceMembersInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addAudienceMembers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"audience"}},{"kind":"Field","name":{"kind":"Name","value":"asked"}},{"kind":"Field","name":{"kind":"Name","value":"changed"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}}]}}]}}]} as unknown as DocumentNode<AddAudienceMembersMutation, AddAudienceMembersMutationVariables>;
export const AdjustPointsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdjustPoints"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdjustPointsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adjustPoints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"balanceAfter"}}]}}]}}]} as unknown as DocumentNode<AdjustPointsMutation, AdjustPointsMutationVariables>;
export const BalanceUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"BalanceUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balanceUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"change"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"rewards"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"costPoints"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<BalanceUpdatedSubscription, BalanceUpdatedSubscriptionVariables>;
export const BulkAdjustmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BulkAdjustment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"errorsAfter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bulkAdjustment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"segmentKey"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"errorsAfter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<BulkAdjustmentQuery, BulkAdjustmentQueryVariables>;
export const ConsumeVoucherDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsumeVoucher"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConsumeVoucherInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consumeVoucher"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"consumedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reward"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"valueAmount"}},{"kind":"Field","name":{"kind":"Name","value":"valueCurrency"}}]}}]}}]}}]} as unknown as DocumentNode<ConsumeVoucherMutation, ConsumeVoucherMutationVariables>;
export const CreateCampaignDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateCampaign"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CampaignInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCampaign"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"scheduleText"}},{"kind":"Field","name":{"kind":"Name","value":"nextLive"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}}]}}]}}]}}]} as unknown as DocumentNode<CreateCampaignMutation, CreateCampaignMutationVariables>;
export const CustomerTimelineDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerTimeline"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kinds"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TimelineEntryKind"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"types"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"kinds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kinds"}}},{"kind":"Argument","name":{"kind":"Name","value":"types"},"value":{"kind":"Variable","name":{"kind":"Name","value":"types"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"properties"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PurchaseEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"storeId"}},{"kind":"Field","name":{"kind":"Name","value":"totalAmount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"pointsEarned"}},{"kind":"Field","name":{"kind":"Name","value":"imported"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReturnEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"returnId"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"refundAmount"}},{"kind":"Field","name":{"kind":"Name","value":"refundCurrency"}},{"kind":"Field","name":{"kind":"Name","value":"pointsReversed"}},{"kind":"Field","name":{"kind":"Name","value":"imported"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RedemptionEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"redemptionId"}},{"kind":"Field","name":{"kind":"Name","value":"voucherId"}},{"kind":"Field","name":{"kind":"Name","value":"pointsSpent"}},{"kind":"Field","name":{"kind":"Name","value":"usedAt"}},{"kind":"Field","name":{"kind":"Name","value":"usedChannel"}},{"kind":"Field","name":{"kind":"Name","value":"cancelled"}},{"kind":"Field","name":{"kind":"Name","value":"reward"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"messageKind"}},{"kind":"Field","name":{"kind":"Name","value":"campaignKey"}},{"kind":"Field","name":{"kind":"Name","value":"offer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"voucherId"}},{"kind":"Field","name":{"kind":"Name","value":"reward"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"clickedAt"}},{"kind":"Field","name":{"kind":"Name","value":"redeemedAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CustomerTimelineQuery, CustomerTimelineQueryVariables>;
export const DefineAbsenceTriggerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DefineAbsenceTrigger"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AbsenceTriggerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"defineAbsenceTrigger"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"waitMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"bonusPoints"}},{"kind":"Field","name":{"kind":"Name","value":"rewardId"}},{"kind":"Field","name":{"kind":"Name","value":"sendMessage"}}]}}]}}]} as unknown as DocumentNode<DefineAbsenceTriggerMutation, DefineAbsenceTriggerMutationVariables>;
export const DefineAudienceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DefineAudience"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AudienceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"defineAudience"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"members"}}]}}]}}]} as unknown as DocumentNode<DefineAudienceMutation, DefineAudienceMutationVariables>;
export const DefineBadgeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DefineBadge"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BadgeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"defineBadge"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"pointsOnCompletion"}},{"kind":"Field","name":{"kind":"Name","value":"countsFrom"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"rule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"counting"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"streak"}},{"kind":"Field","name":{"kind":"Name","value":"eventTrigger"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"conditions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"operator"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"string"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"boolean"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DefineBadgeMutation, DefineBadgeMutationVariables>;
export const DefineEventTypeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DefineEventType"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DefineEventTypeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"defineEventType"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"membersMaySend"}},{"kind":"Field","name":{"kind":"Name","value":"properties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"required"}}]}}]}}]}}]} as unknown as DocumentNode<DefineEventTypeMutation, DefineEventTypeMutationVariables>;
export const DefineSegmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DefineSegment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SegmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"defineSegment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"members"}},{"kind":"Field","name":{"kind":"Name","value":"rule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conditions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"negate"}},{"kind":"Field","name":{"kind":"Name","value":"attribute"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"operator"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"string"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"boolean"}}]}},{"kind":"Field","name":{"kind":"Name","value":"values"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"string"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"boolean"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"consent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"granted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bought"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"skus"}},{"kind":"Field","name":{"kind":"Name","value":"categories"}},{"kind":"Field","name":{"kind":"Name","value":"withinDays"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inAudience"}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"atLeast"}},{"kind":"Field","name":{"kind":"Name","value":"atMost"}},{"kind":"Field","name":{"kind":"Name","value":"withinDays"}},{"kind":"Field","name":{"kind":"Name","value":"properties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"operator"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"string"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"boolean"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"response"}},{"kind":"Field","name":{"kind":"Name","value":"responded"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"campaignKey"}},{"kind":"Field","name":{"kind":"Name","value":"withinDays"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DefineSegmentMutation, DefineSegmentMutationVariables>;
export const DefineWalletDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DefineWallet"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DefineWalletInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"defineWallet"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"pendingDays"}},{"kind":"Field","name":{"kind":"Name","value":"expiryDays"}},{"kind":"Field","name":{"kind":"Name","value":"maxHouseholdMembers"}}]}}]}}]} as unknown as DocumentNode<DefineWalletMutation, DefineWalletMutationVariables>;
export const EnrollCustomerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EnrollCustomer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollCustomerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollCustomer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"enrollmentChannel"}}]}}]}}]} as unknown as DocumentNode<EnrollCustomerMutation, EnrollCustomerMutationVariables>;
export const HoldPointsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"HoldPoints"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"HoldPointsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"holdPoints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<HoldPointsMutation, HoldPointsMutationVariables>;
export const ImportJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ImportJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"errorsAfter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"applied"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"throughLine"}},{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"bytesReceived"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"errorsAfter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ImportJobQuery, ImportJobQueryVariables>;
export const JoinWalletHouseholdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"JoinWalletHousehold"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JoinWalletHouseholdInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"joinWalletHousehold"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"wallet"}},{"kind":"Field","name":{"kind":"Name","value":"ownerId"}},{"kind":"Field","name":{"kind":"Name","value":"memberId"}}]}}]}}]} as unknown as DocumentNode<JoinWalletHouseholdMutation, JoinWalletHouseholdMutationVariables>;
export const MemberMessagesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MemberMessages"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"responses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"response"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MemberMessagesQuery, MemberMessagesQueryVariables>;
export const MemberOffersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MemberOffers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"offers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"why"}},{"kind":"Field","name":{"kind":"Name","value":"liveNow"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}}]}}]}}]}}]} as unknown as DocumentNode<MemberOffersQuery, MemberOffersQueryVariables>;
export const MemberOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MemberOverview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerByIdentifier"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"type"},"value":{"kind":"EnumValue","value":"EMAIL"}},{"kind":"Argument","name":{"kind":"Name","value":"value"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"loyalty"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"lifetimePoints"}},{"kind":"Field","name":{"kind":"Name","value":"lastEventId"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"balanceAfter"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"rewards"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"costPoints"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"offers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]} as unknown as DocumentNode<MemberOverviewQuery, MemberOverviewQueryVariables>;
export const MemberPointsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MemberPoints"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"JournalFilterInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"loyalty"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"lifetimePoints"}},{"kind":"Field","name":{"kind":"Name","value":"tier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"multiplierPercent"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextTier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"qualifyingPoints"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"qualifyingPoints"}},{"kind":"Field","name":{"kind":"Name","value":"pointsToNextTier"}},{"kind":"Field","name":{"kind":"Name","value":"reviewAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"expiring"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pendingPoints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"availableAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"balanceAfter"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"sourceType"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MemberPointsQuery, MemberPointsQueryVariables>;
export const MemberReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MemberReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"referral"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"link"}},{"kind":"Field","name":{"kind":"Name","value":"accepted"}},{"kind":"Field","name":{"kind":"Name","value":"held"}}]}}]}}]}}]} as unknown as DocumentNode<MemberReferralQuery, MemberReferralQueryVariables>;
export const MemberWalletDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MemberWallet"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loyalty"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"wallet"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"stampsPerCard"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ownerId"}},{"kind":"Field","name":{"kind":"Name","value":"canSpend"}},{"kind":"Field","name":{"kind":"Name","value":"householdMembers"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"lifetime"}},{"kind":"Field","name":{"kind":"Name","value":"cardsCompleted"}},{"kind":"Field","name":{"kind":"Name","value":"expiring"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"balanceAfter"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"earnedBy"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MemberWalletQuery, MemberWalletQueryVariables>;
export const MyBadgeProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyBadgeProgress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"badges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"badge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"current"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"completed"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"streak"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"current"}},{"kind":"Field","name":{"kind":"Name","value":"best"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"unitEndsAt"}},{"kind":"Field","name":{"kind":"Name","value":"breaksAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyBadgeProgressQuery, MyBadgeProgressQueryVariables>;
export const PointsQuoteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PointsQuote"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"order"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"QuoteOrderInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"at"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pointsQuote"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"order"},"value":{"kind":"Variable","name":{"kind":"Name","value":"order"}}},{"kind":"Argument","name":{"kind":"Name","value":"at"},"value":{"kind":"Variable","name":{"kind":"Name","value":"at"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalPoints"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"ruleId"}}]}}]}}]}}]} as unknown as DocumentNode<PointsQuoteQuery, PointsQuoteQueryVariables>;
export const PreviewBulkAdjustmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PreviewBulkAdjustment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BulkAdjustmentPreviewInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"previewBulkAdjustment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"members"}},{"kind":"Field","name":{"kind":"Name","value":"totalPoints"}},{"kind":"Field","name":{"kind":"Name","value":"wouldOverdraw"}}]}}]}}]} as unknown as DocumentNode<PreviewBulkAdjustmentQuery, PreviewBulkAdjustmentQueryVariables>;
export const QuotePointsPaymentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"QuotePointsPayment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"currency"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"amount"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SafeInt"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quotePointsPayment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"currency"},"value":{"kind":"Variable","name":{"kind":"Name","value":"currency"}}},{"kind":"Argument","name":{"kind":"Name","value":"amount"},"value":{"kind":"Variable","name":{"kind":"Name","value":"amount"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"ratePoints"}},{"kind":"Field","name":{"kind":"Name","value":"ratePerAmount"}},{"kind":"Field","name":{"kind":"Name","value":"rateTier"}},{"kind":"Field","name":{"kind":"Name","value":"maxPoints"}},{"kind":"Field","name":{"kind":"Name","value":"maxAmount"}},{"kind":"Field","name":{"kind":"Name","value":"minPoints"}},{"kind":"Field","name":{"kind":"Name","value":"pointsStep"}},{"kind":"Field","name":{"kind":"Name","value":"unavailableReason"}}]}}]}}]} as unknown as DocumentNode<QuotePointsPaymentQuery, QuotePointsPaymentQueryVariables>;
export const RecordActivityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordActivity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordActivityInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordActivity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"pointsEarned"}},{"kind":"Field","name":{"kind":"Name","value":"earnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<RecordActivityMutation, RecordActivityMutationVariables>;
export const RecordMessageResponseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordMessageResponse"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordMessageResponseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordMessageResponse"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"response"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}}]}}]}}]} as unknown as DocumentNode<RecordMessageResponseMutation, RecordMessageResponseMutationVariables>;
export const RecordMessageResponsesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordMessageResponses"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordMessageResponseInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordMessageResponses"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"inputs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"response"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"response"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<RecordMessageResponsesMutation, RecordMessageResponsesMutationVariables>;
export const RecordPurchaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordPurchase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordPurchaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordPurchase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"totalAmount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"pointsEarned"}},{"kind":"Field","name":{"kind":"Name","value":"pendingUntil"}},{"kind":"Field","name":{"kind":"Name","value":"balanceAfter"}},{"kind":"Field","name":{"kind":"Name","value":"earnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<RecordPurchaseMutation, RecordPurchaseMutationVariables>;
export const RecordPurchasePaidWithPointsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordPurchasePaidWithPoints"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordPurchaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordPurchase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"totalAmount"}},{"kind":"Field","name":{"kind":"Name","value":"pointsEarned"}},{"kind":"Field","name":{"kind":"Name","value":"balanceAfter"}},{"kind":"Field","name":{"kind":"Name","value":"pointsPayment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"holdId"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}}]}}]} as unknown as DocumentNode<RecordPurchasePaidWithPointsMutation, RecordPurchasePaidWithPointsMutationVariables>;
export const RecordPurchasesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordPurchases"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordPurchaseInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordPurchases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"inputs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"purchase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"pointsEarned"}},{"kind":"Field","name":{"kind":"Name","value":"pendingUntil"}},{"kind":"Field","name":{"kind":"Name","value":"late"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"judgedAsOf"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"campaigns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"campaignName"}},{"kind":"Field","name":{"kind":"Name","value":"capPeriod"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"wouldHaveGiven"}},{"kind":"Field","name":{"kind":"Name","value":"gave"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<RecordPurchasesMutation, RecordPurchasesMutationVariables>;
export const RecordReturnDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordReturn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordReturnInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordReturn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"purchaseId"}},{"kind":"Field","name":{"kind":"Name","value":"refundAmount"}},{"kind":"Field","name":{"kind":"Name","value":"pointsReversed"}},{"kind":"Field","name":{"kind":"Name","value":"pendingPointsCancelled"}},{"kind":"Field","name":{"kind":"Name","value":"pointsNotRecovered"}},{"kind":"Field","name":{"kind":"Name","value":"balanceAfter"}},{"kind":"Field","name":{"kind":"Name","value":"reversals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"wasPending"}}]}}]}}]}}]} as unknown as DocumentNode<RecordReturnMutation, RecordReturnMutationVariables>;
export const RecordReturnsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordReturns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordReturnInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordReturns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"inputs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"return"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"purchaseId"}},{"kind":"Field","name":{"kind":"Name","value":"externalReturnId"}},{"kind":"Field","name":{"kind":"Name","value":"pointsReversed"}},{"kind":"Field","name":{"kind":"Name","value":"pendingPointsCancelled"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<RecordReturnsMutation, RecordReturnsMutationVariables>;
export const RedeemRewardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RedeemReward"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RedeemRewardInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"redeemReward"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"voucher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"reward"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"valueAmount"}},{"kind":"Field","name":{"kind":"Name","value":"valueCurrency"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RedeemRewardMutation, RedeemRewardMutationVariables>;
export const ReleasePointsHoldDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReleasePointsHold"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"holdId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"releasePointsHold"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"holdId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"holdId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"points"}}]}}]}}]} as unknown as DocumentNode<ReleasePointsHoldMutation, ReleasePointsHoldMutationVariables>;
export const RemoveAudienceMembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveAudienceMembers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AudienceMembersInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeAudienceMembers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"audience"}},{"kind":"Field","name":{"kind":"Name","value":"asked"}},{"kind":"Field","name":{"kind":"Name","value":"changed"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}}]}}]}}]} as unknown as DocumentNode<RemoveAudienceMembersMutation, RemoveAudienceMembersMutationVariables>;
export const HeldReferralsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HeldReferrals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referrals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"statuses"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"HELD"}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"signals"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"referrer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"friend"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<HeldReferralsQuery, HeldReferralsQueryVariables>;
export const ReviewReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReviewReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReviewReferralInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"recorded"}},{"kind":"Field","name":{"kind":"Name","value":"reviewedBy"}}]}}]}}]} as unknown as DocumentNode<ReviewReferralMutation, ReviewReferralMutationVariables>;
export const SetPointsPaymentRateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetPointsPaymentRate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetPointsPaymentRateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setPointsPaymentRate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"perAmount"}},{"kind":"Field","name":{"kind":"Name","value":"minPoints"}},{"kind":"Field","name":{"kind":"Name","value":"maxSharePercent"}},{"kind":"Field","name":{"kind":"Name","value":"pointsStep"}},{"kind":"Field","name":{"kind":"Name","value":"tierRates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"perAmount"}}]}}]}}]}}]} as unknown as DocumentNode<SetPointsPaymentRateMutation, SetPointsPaymentRateMutationVariables>;
export const SpendWalletDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SpendWallet"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SpendWalletInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"spendWallet"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"wallet"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"balanceAfter"}}]}}]}}]} as unknown as DocumentNode<SpendWalletMutation, SpendWalletMutationVariables>;
export const StartBulkAdjustmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartBulkAdjustment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartBulkAdjustmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startBulkAdjustment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}}]}}]}}]} as unknown as DocumentNode<StartBulkAdjustmentMutation, StartBulkAdjustmentMutationVariables>;
export const StartImportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartImport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartImportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startImport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"uploadPath"}}]}}]}}]} as unknown as DocumentNode<StartImportMutation, StartImportMutationVariables>;
export const TierChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"TierChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tierChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"reviewAt"}}]}}]}}]} as unknown as DocumentNode<TierChangedSubscription, TierChangedSubscriptionVariables>;
export const TrackEventDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TrackEvent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TrackEventInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trackEvent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"typeVersion"}},{"kind":"Field","name":{"kind":"Name","value":"properties"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<TrackEventMutation, TrackEventMutationVariables>;
export const TrackEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TrackEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TrackEventInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trackEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"inputs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<TrackEventsMutation, TrackEventsMutationVariables>;
export const UseReferralCodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UseReferralCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UseReferralCodeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"useReferralCode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"signals"}},{"kind":"Field","name":{"kind":"Name","value":"recorded"}},{"kind":"Field","name":{"kind":"Name","value":"referrer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<UseReferralCodeMutation, UseReferralCodeMutationVariables>;
export const WalletUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"WalletUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"walletUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"wallet"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"change"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<WalletUpdatedSubscription, WalletUpdatedSubscriptionVariables>;