/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

/** A hand-made or campaign change of a wallet (signed), idempotent by key. */
export type AdjustWalletInput = {
  /** Signed, not zero: stamps or minor units. */
  amount: number;
  customerId: string | number;
  idempotencyKey: string;
  reason: string;
  wallet: string;
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

/** A channel a member can be contacted on. */
export type ConsentChannel =
  | 'EMAIL'
  | 'PUSH'
  | 'SMS';

export type ConsentConditionInput = {
  /** EMAIL, SMS or PUSH. */
  channel: string;
  /** true: answered yes; false: answered no, or never answered. */
  granted: boolean;
};

export type CreateRewardInput = {
  channels?: Array<string>;
  costPoints: number;
  description?: string;
  imageUrl?: string | null | undefined;
  kind: RewardKind;
  name: string;
  perCustomerLimit?: number | null | undefined;
  /** PERCENT_DISCOUNT: 1 to 100 (required for it). */
  percentOff?: number | null | undefined;
  /** FREE_PRODUCT: the SKU given, when it is one product. */
  sku?: string | null | undefined;
  /** Units to redeem in all; null is unlimited. */
  stock?: number | null | undefined;
  tiers?: Array<string>;
  validFrom?: string | null | undefined;
  validUntil?: string | null | undefined;
  /** FIXED_DISCOUNT: minor units off (required for it). */
  valueAmount?: number | null | undefined;
  /** FIXED_DISCOUNT: the currency of valueAmount. */
  valueCurrency?: string | null | undefined;
  voucherValidDays?: number;
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

export type EventCountConditionInput = {
  atLeast?: number | null | undefined;
  atMost?: number | null | undefined;
  /** Conditions on the events' properties, all to hold, as an EVENT campaign's (path from the top, ["cartValue", "amount"]): only the events meeting them count. Null (rules saved before them) or empty: every event of the type counts. */
  properties?: Array<AttributeConditionInput> | null | undefined;
  /** The custom event type, e.g. review.submitted. */
  type: string;
  withinDays: number;
};

export type EventTriggerInput = {
  /** Conditions on the properties, all to hold; path from the top (["price", "amount"]). */
  conditions?: Array<AttributeConditionInput>;
  /** The custom event type, e.g. review.submitted. */
  eventType: string;
  /** A property path: rewarded once per member and value of it (["productId"]); an event without it earns nothing. */
  oncePer?: Array<string> | null | undefined;
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

export type ReferralDecision =
  | 'APPROVE'
  | 'REJECT';

/** The program's referral rules (marketers). */
export type ReferralProgramInput = {
  capPerReferrer: number;
  /** DAY, WEEK or MONTH. */
  capPeriod: string;
  linkBase: string;
  newMemberHours: number;
  signalWindowDays: number;
};

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

export type RegisterWebhookEndpointInput = {
  description?: string | null | undefined;
  /** Event type names (see webhookEventTypes), or ["*"] for all. */
  eventTypes: Array<string>;
  /** An http or https URL without credentials. */
  url: string;
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

export type SetEarnRateInput = {
  /** ISO 4217 code, e.g. EUR. */
  currency: string;
  /** Minor units (cents) that earn `points`, e.g. 100 for one euro. */
  perAmount: number;
  points: number;
};

export type SetNotificationTemplateInput = {
  body: string;
  channel: NotificationChannel;
  kind: NotificationKind;
  /** ISO 639-1, e.g. en, de, fr: members whose language starts with it get this text. */
  language: string;
  /** Required for EMAIL; not used by SMS and push. */
  subject?: string | null | undefined;
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

export type TierInput = {
  multiplierPercent?: number;
  name: string;
  qualifyingPoints: number;
};

/** Replaces the tier program. The first tier needs 0 points; each next one more. */
export type TierProgramInput = {
  tiers: Array<TierInput>;
  windowMonths: number;
};

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

/** Where a webhook delivery stands; DEAD deliveries are the dead-letter list. */
export type WebhookDeliveryStatus =
  | 'DEAD'
  | 'DELIVERED'
  | 'PENDING';

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

export type CampaignFieldsFragment = { id: string, name: string, description: string | null, status: CampaignStatus, trigger: CampaignTrigger, activityKind: ActivityKind | null, exclusive: boolean, priority: number, holdoutPercent: number, spentPoints: number, budgetLeft: number | null, version: number, liveNow: boolean, scheduleText: string, eventTrigger: { eventType: string, oncePer: Array<string> | null, conditions: Array<{ path: Array<string>, operator: AttributeOperator, value: { string: string | null, number: number | null, boolean: boolean | null } | null, values: Array<{ string: string | null, number: number | null, boolean: boolean | null }> | null }> } | null, reward: { kind: CampaignRewardKind, multiplierPercent: number | null, points: number | null, perAmount: number | null, currency: string | null, wallet: string | null }, audience: { channels: Array<string>, tiers: Array<string>, segments: Array<string>, firstPurchase: boolean, firstPurchaseInChannel: boolean, minSpend: number | null, minSpendCurrency: string | null, skus: Array<string>, categories: Array<string>, newMemberWithinDays: number | null }, schedule: { startsAt: string | null, endsAt: string | null, weekly: Array<{ startDay: Weekday, startTime: string, endDay: Weekday, endTime: string }> }, limits: { perCustomerPoints: number | null, perCustomerGrants: number | null, capPeriod: CapPeriod, budgetPoints: number | null }, nextLive: { start: string, end: string | null } | null };

export type ConsoleCampaignsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type ConsoleCampaignsQuery = { campaigns: { edges: Array<{ node: { id: string, name: string, status: CampaignStatus, liveNow: boolean, scheduleText: string, holdoutPercent: number, spentPoints: number, budgetLeft: number | null, nextLive: { start: string, end: string | null } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, campaignProgram: { timeZone: string, currency: string } };

export type ConsoleCampaignQueryVariables = Exact<{
  id: string | number;
}>;


export type ConsoleCampaignQuery = { campaign: { id: string, name: string, description: string | null, status: CampaignStatus, trigger: CampaignTrigger, activityKind: ActivityKind | null, exclusive: boolean, priority: number, holdoutPercent: number, spentPoints: number, budgetLeft: number | null, version: number, liveNow: boolean, scheduleText: string, eventTrigger: { eventType: string, oncePer: Array<string> | null, conditions: Array<{ path: Array<string>, operator: AttributeOperator, value: { string: string | null, number: number | null, boolean: boolean | null } | null, values: Array<{ string: string | null, number: number | null, boolean: boolean | null }> | null }> } | null, reward: { kind: CampaignRewardKind, multiplierPercent: number | null, points: number | null, perAmount: number | null, currency: string | null, wallet: string | null }, audience: { channels: Array<string>, tiers: Array<string>, segments: Array<string>, firstPurchase: boolean, firstPurchaseInChannel: boolean, minSpend: number | null, minSpendCurrency: string | null, skus: Array<string>, categories: Array<string>, newMemberWithinDays: number | null }, schedule: { startsAt: string | null, endsAt: string | null, weekly: Array<{ startDay: Weekday, startTime: string, endDay: Weekday, endTime: string }> }, limits: { perCustomerPoints: number | null, perCustomerGrants: number | null, capPeriod: CapPeriod, budgetPoints: number | null }, nextLive: { start: string, end: string | null } | null } };

export type ConsoleCampaignChoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleCampaignChoicesQuery = { campaignProgram: { timeZone: string, currency: string }, tierProgram: { tiers: Array<{ name: string }> } | null, segments: Array<{ key: string, name: string, members: number }>, walletTypes: Array<{ code: string, kind: WalletKind, name: string, currency: string | null, active: boolean }> };

export type ConsoleSimulationQueryVariables = Exact<{
  input?: CampaignInput | null | undefined;
  id?: string | number | null | undefined;
  from: string;
  to: string;
}>;


export type ConsoleSimulationQuery = { simulateCampaign: { from: string, to: string, purchasesConsidered: number, purchasesRewarded: number, customersReached: number, pointsCost: number, budgetExhaustedAt: string | null } };

export type ConsolePerformanceQueryVariables = Exact<{
  id: string | number;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type ConsolePerformanceQuery = { campaign: { id: string, name: string, status: CampaignStatus, performance: { from: string, to: string, currency: string, pointsGranted: number, grants: number, membersReached: number, holdoutPercent: number, audienceMembers: number, treatmentMembers: number, holdoutMembers: number, treatmentBuyers: number, holdoutBuyers: number, treatmentSpendPerMember: number, holdoutSpendPerMember: number | null, incrementalSpend: number | null, cost: number, roi: number | null } } };

export type ConsoleCreateCampaignMutationVariables = Exact<{
  input: CampaignInput;
}>;


export type ConsoleCreateCampaignMutation = { createCampaign: { id: string, name: string, description: string | null, status: CampaignStatus, trigger: CampaignTrigger, activityKind: ActivityKind | null, exclusive: boolean, priority: number, holdoutPercent: number, spentPoints: number, budgetLeft: number | null, version: number, liveNow: boolean, scheduleText: string, eventTrigger: { eventType: string, oncePer: Array<string> | null, conditions: Array<{ path: Array<string>, operator: AttributeOperator, value: { string: string | null, number: number | null, boolean: boolean | null } | null, values: Array<{ string: string | null, number: number | null, boolean: boolean | null }> | null }> } | null, reward: { kind: CampaignRewardKind, multiplierPercent: number | null, points: number | null, perAmount: number | null, currency: string | null, wallet: string | null }, audience: { channels: Array<string>, tiers: Array<string>, segments: Array<string>, firstPurchase: boolean, firstPurchaseInChannel: boolean, minSpend: number | null, minSpendCurrency: string | null, skus: Array<string>, categories: Array<string>, newMemberWithinDays: number | null }, schedule: { startsAt: string | null, endsAt: string | null, weekly: Array<{ startDay: Weekday, startTime: string, endDay: Weekday, endTime: string }> }, limits: { perCustomerPoints: number | null, perCustomerGrants: number | null, capPeriod: CapPeriod, budgetPoints: number | null }, nextLive: { start: string, end: string | null } | null } };

export type ConsoleUpdateCampaignMutationVariables = Exact<{
  id: string | number;
  input: CampaignInput;
  expectedVersion?: number | null | undefined;
}>;


export type ConsoleUpdateCampaignMutation = { updateCampaign: { id: string, name: string, description: string | null, status: CampaignStatus, trigger: CampaignTrigger, activityKind: ActivityKind | null, exclusive: boolean, priority: number, holdoutPercent: number, spentPoints: number, budgetLeft: number | null, version: number, liveNow: boolean, scheduleText: string, eventTrigger: { eventType: string, oncePer: Array<string> | null, conditions: Array<{ path: Array<string>, operator: AttributeOperator, value: { string: string | null, number: number | null, boolean: boolean | null } | null, values: Array<{ string: string | null, number: number | null, boolean: boolean | null }> | null }> } | null, reward: { kind: CampaignRewardKind, multiplierPercent: number | null, points: number | null, perAmount: number | null, currency: string | null, wallet: string | null }, audience: { channels: Array<string>, tiers: Array<string>, segments: Array<string>, firstPurchase: boolean, firstPurchaseInChannel: boolean, minSpend: number | null, minSpendCurrency: string | null, skus: Array<string>, categories: Array<string>, newMemberWithinDays: number | null }, schedule: { startsAt: string | null, endsAt: string | null, weekly: Array<{ startDay: Weekday, startTime: string, endDay: Weekday, endTime: string }> }, limits: { perCustomerPoints: number | null, perCustomerGrants: number | null, capPeriod: CapPeriod, budgetPoints: number | null }, nextLive: { start: string, end: string | null } | null } };

export type ConsoleScheduleCampaignMutationVariables = Exact<{
  id: string | number;
}>;


export type ConsoleScheduleCampaignMutation = { scheduleCampaign: { id: string, name: string, description: string | null, status: CampaignStatus, trigger: CampaignTrigger, activityKind: ActivityKind | null, exclusive: boolean, priority: number, holdoutPercent: number, spentPoints: number, budgetLeft: number | null, version: number, liveNow: boolean, scheduleText: string, eventTrigger: { eventType: string, oncePer: Array<string> | null, conditions: Array<{ path: Array<string>, operator: AttributeOperator, value: { string: string | null, number: number | null, boolean: boolean | null } | null, values: Array<{ string: string | null, number: number | null, boolean: boolean | null }> | null }> } | null, reward: { kind: CampaignRewardKind, multiplierPercent: number | null, points: number | null, perAmount: number | null, currency: string | null, wallet: string | null }, audience: { channels: Array<string>, tiers: Array<string>, segments: Array<string>, firstPurchase: boolean, firstPurchaseInChannel: boolean, minSpend: number | null, minSpendCurrency: string | null, skus: Array<string>, categories: Array<string>, newMemberWithinDays: number | null }, schedule: { startsAt: string | null, endsAt: string | null, weekly: Array<{ startDay: Weekday, startTime: string, endDay: Weekday, endTime: string }> }, limits: { perCustomerPoints: number | null, perCustomerGrants: number | null, capPeriod: CapPeriod, budgetPoints: number | null }, nextLive: { start: string, end: string | null } | null } };

export type ConsolePauseCampaignMutationVariables = Exact<{
  id: string | number;
}>;


export type ConsolePauseCampaignMutation = { pauseCampaign: { id: string, name: string, description: string | null, status: CampaignStatus, trigger: CampaignTrigger, activityKind: ActivityKind | null, exclusive: boolean, priority: number, holdoutPercent: number, spentPoints: number, budgetLeft: number | null, version: number, liveNow: boolean, scheduleText: string, eventTrigger: { eventType: string, oncePer: Array<string> | null, conditions: Array<{ path: Array<string>, operator: AttributeOperator, value: { string: string | null, number: number | null, boolean: boolean | null } | null, values: Array<{ string: string | null, number: number | null, boolean: boolean | null }> | null }> } | null, reward: { kind: CampaignRewardKind, multiplierPercent: number | null, points: number | null, perAmount: number | null, currency: string | null, wallet: string | null }, audience: { channels: Array<string>, tiers: Array<string>, segments: Array<string>, firstPurchase: boolean, firstPurchaseInChannel: boolean, minSpend: number | null, minSpendCurrency: string | null, skus: Array<string>, categories: Array<string>, newMemberWithinDays: number | null }, schedule: { startsAt: string | null, endsAt: string | null, weekly: Array<{ startDay: Weekday, startTime: string, endDay: Weekday, endTime: string }> }, limits: { perCustomerPoints: number | null, perCustomerGrants: number | null, capPeriod: CapPeriod, budgetPoints: number | null }, nextLive: { start: string, end: string | null } | null } };

export type ConsoleEndCampaignMutationVariables = Exact<{
  id: string | number;
}>;


export type ConsoleEndCampaignMutation = { endCampaign: { id: string, name: string, description: string | null, status: CampaignStatus, trigger: CampaignTrigger, activityKind: ActivityKind | null, exclusive: boolean, priority: number, holdoutPercent: number, spentPoints: number, budgetLeft: number | null, version: number, liveNow: boolean, scheduleText: string, eventTrigger: { eventType: string, oncePer: Array<string> | null, conditions: Array<{ path: Array<string>, operator: AttributeOperator, value: { string: string | null, number: number | null, boolean: boolean | null } | null, values: Array<{ string: string | null, number: number | null, boolean: boolean | null }> | null }> } | null, reward: { kind: CampaignRewardKind, multiplierPercent: number | null, points: number | null, perAmount: number | null, currency: string | null, wallet: string | null }, audience: { channels: Array<string>, tiers: Array<string>, segments: Array<string>, firstPurchase: boolean, firstPurchaseInChannel: boolean, minSpend: number | null, minSpendCurrency: string | null, skus: Array<string>, categories: Array<string>, newMemberWithinDays: number | null }, schedule: { startsAt: string | null, endsAt: string | null, weekly: Array<{ startDay: Weekday, startTime: string, endDay: Weekday, endTime: string }> }, limits: { perCustomerPoints: number | null, perCustomerGrants: number | null, capPeriod: CapPeriod, budgetPoints: number | null }, nextLive: { start: string, end: string | null } | null } };

export type ConsoleMetricsQueryVariables = Exact<{
  from: string;
  to: string;
  currency: string;
}>;


export type ConsoleMetricsQuery = { programMetrics: { members: number, membersEnrolled: number, activeMembers: number, purchases: number, netSpend: number, averageOrderValue: number, pointsIssued: number, pointsRedeemed: number, pointsOutstanding: number, redemptionRate: number, purchaseFrequency: number, multiChannelShare: number, multiChannelAverageSpend: number, singleChannelAverageSpend: number, multiChannelAverageClv: number, singleChannelAverageClv: number, pointsExpired: number, churnBase: number, churnRate: number, byChannel: Array<{ key: string, purchases: number, netSpend: number }>, nps: { score: number | null, responses: number }, npsByChannel: Array<{ channel: string, nps: { score: number | null, responses: number } }>, bySegment: Array<{ key: string, name: string, members: number, activeMembers: number, purchases: number, netSpend: number }> }, campaigns: { edges: Array<{ node: { id: string, name: string, status: CampaignStatus, holdoutPercent: number, performance: { currency: string, membersReached: number, pointsGranted: number, incrementalSpend: number | null, roi: number | null } } }> } };

export type ConsoleWeekQueryVariables = Exact<{
  from: string;
  to: string;
  currency: string;
}>;


export type ConsoleWeekQuery = { programMetrics: { netSpend: number, pointsIssued: number } };

export type ConsoleCurrenciesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleCurrenciesQuery = { campaignProgram: { currency: string }, earnRates: Array<{ currency: string }> };

export type ConsoleFindMemberQueryVariables = Exact<{
  type: IdentifierType;
  value: string;
}>;


export type ConsoleFindMemberQuery = { customerByIdentifier: { id: string } | null };

export type ConsoleMemberQueryVariables = Exact<{
  id: string | number;
}>;


export type ConsoleMemberQuery = { customer: { id: string, name: string, email: string | null, phone: string | null, enrollmentChannel: string, enrolledAt: string, language: string | null, identities: Array<{ type: IdentifierType, value: string }>, consents: Array<{ channel: ConsentChannel, granted: boolean, source: string, changedAt: string }>, segments: Array<{ key: string, name: string }> | null, rewards: { vouchers: Array<{ id: string, code: string, status: VoucherStatus, expiresAt: string, consumedAt: string | null, consumedChannel: string | null, reward: { name: string } }> } | null, loyalty: { balance: number, pending: number, lifetimePoints: number, tier: { name: string } | null, nextTier: { name: string } | null, progress: { qualifyingPoints: number, pointsToNextTier: number | null, reviewAt: string | null } | null } | null, timeline: { edges: Array<{ node:
          | { __typename: 'CustomerEvent', type: string, id: string, kind: TimelineEntryKind, occurredAt: string, channel: string }
          | { __typename: 'MessageEntry', messageKind: string, id: string, kind: TimelineEntryKind, occurredAt: string, channel: string | null }
          | { __typename: 'PurchaseEntry', totalAmount: number, currency: string, pointsEarned: number, storeId: string | null, id: string, kind: TimelineEntryKind, occurredAt: string, channel: string | null }
          | { __typename: 'RedemptionEntry', pointsSpent: number, id: string, kind: TimelineEntryKind, occurredAt: string, channel: string | null, reward: { name: string } }
          | { __typename: 'ReturnEntry', refundAmount: number, refundCurrency: string | null, pointsReversed: number, id: string, kind: TimelineEntryKind, occurredAt: string, channel: string | null }
         }> } } | null };

export type ConsoleAdjustPointsMutationVariables = Exact<{
  input: AdjustPointsInput;
}>;


export type ConsoleAdjustPointsMutation = { adjustPoints: { id: string, points: number, balanceAfter: number } };

export type ConsoleRewardsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type ConsoleRewardsQuery = { rewardCatalog: { edges: Array<{ node: { id: string, name: string, description: string, kind: RewardKind, costPoints: number, active: boolean, valueAmount: number | null, valueCurrency: string | null, percentOff: number | null, sku: string | null, channels: Array<string>, tiers: Array<string>, stockLeft: number | null, perCustomerLimit: number | null, voucherValidDays: number, validUntil: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, campaignProgram: { timeZone: string, currency: string } };

export type ConsoleCreateRewardMutationVariables = Exact<{
  input: CreateRewardInput;
}>;


export type ConsoleCreateRewardMutation = { createReward: { id: string, name: string } };

export type ConsoleSetRewardActiveMutationVariables = Exact<{
  id: string | number;
  active: boolean;
}>;


export type ConsoleSetRewardActiveMutation = { setRewardActive: { id: string, active: boolean } };

export type ConsoleSegmentsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleSegmentsQuery = { segments: Array<{ key: string, name: string, description: string | null, builtIn: boolean, members: number, rule: { minPurchases: number | null, minSpend: number | null, purchasedWithinDays: number | null, notPurchasedForDays: number | null, channelsAny: Array<string>, tiers: Array<string> } }>, tierProgram: { tiers: Array<{ name: string }> } | null, campaignProgram: { currency: string } };

export type ConsoleDefineSegmentMutationVariables = Exact<{
  input: SegmentInput;
}>;


export type ConsoleDefineSegmentMutation = { defineSegment: { key: string, members: number } };

export type ConsoleRemoveSegmentMutationVariables = Exact<{
  key: string;
}>;


export type ConsoleRemoveSegmentMutation = { removeSegment: boolean };

export type ImportJobFieldsFragment = { id: string, kind: ImportKind, format: ImportFormat, dryRun: boolean, fileName: string | null, state: ImportJobState, total: number | null, processed: number, applied: number, skipped: number, failed: number, bytesReceived: number, bytesTotal: number | null, message: string | null, uploadPath: string, createdAt: string, finishedAt: string | null, errors: { edges: Array<{ node: { line: number, field: string | null, code: string, message: string } }> } };

export type ConsoleImportJobsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleImportJobsQuery = { importJobs: { edges: Array<{ node: { id: string, kind: ImportKind, format: ImportFormat, dryRun: boolean, fileName: string | null, state: ImportJobState, total: number | null, processed: number, applied: number, skipped: number, failed: number, bytesReceived: number, bytesTotal: number | null, message: string | null, uploadPath: string, createdAt: string, finishedAt: string | null, errors: { edges: Array<{ node: { line: number, field: string | null, code: string, message: string } }> } } }> } };

export type ConsoleStartImportMutationVariables = Exact<{
  input: StartImportInput;
}>;


export type ConsoleStartImportMutation = { startImport: { id: string, kind: ImportKind, format: ImportFormat, dryRun: boolean, fileName: string | null, state: ImportJobState, total: number | null, processed: number, applied: number, skipped: number, failed: number, bytesReceived: number, bytesTotal: number | null, message: string | null, uploadPath: string, createdAt: string, finishedAt: string | null, errors: { edges: Array<{ node: { line: number, field: string | null, code: string, message: string } }> } } };

export type ConsoleMemberSummaryQueryVariables = Exact<{
  id: string | number;
}>;


export type ConsoleMemberSummaryQuery = { customer: { id: string, name: string, email: string | null, phone: string | null, loyalty: { balance: number } | null } | null };

export type ConsoleMergeMembersMutationVariables = Exact<{
  survivorId: string | number;
  mergedId: string | number;
  reason: string;
}>;


export type ConsoleMergeMembersMutation = { mergeCustomers: { mergedId: string, survivor: { id: string } } };

export type ConsoleExportPersonalDataQueryVariables = Exact<{
  customerId: string | number;
}>;


export type ConsoleExportPersonalDataQuery = { exportProfile: Record<string, unknown> };

export type ConsoleEraseMemberMutationVariables = Exact<{
  customerId: string | number;
  reason: string;
}>;


export type ConsoleEraseMemberMutation = { eraseCustomer: { erasedAt: string } };

export type ConsoleSegmentChoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleSegmentChoicesQuery = { segments: Array<{ key: string, name: string }> };

export type ConsoleRefreshMetricsMutationVariables = Exact<{ [key: string]: never; }>;


export type ConsoleRefreshMetricsMutation = { refreshProgramMetrics: { events: number } };

export type ConsoleEarnRatesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleEarnRatesQuery = { earnRates: Array<{ currency: string, points: number, perAmount: number, description: string }> };

export type ConsoleSetEarnRateMutationVariables = Exact<{
  input: SetEarnRateInput;
}>;


export type ConsoleSetEarnRateMutation = { setEarnRate: { currency: string, points: number, perAmount: number, description: string } };

export type ConsoleTierProgramQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleTierProgramQuery = { tierProgram: { windowMonths: number, tiers: Array<{ name: string, qualifyingPoints: number, multiplierPercent: number }> } | null };

export type ConsoleSetTierProgramMutationVariables = Exact<{
  input: TierProgramInput;
}>;


export type ConsoleSetTierProgramMutation = { setTierProgram: { windowMonths: number, tiers: Array<{ name: string, qualifyingPoints: number, multiplierPercent: number }> } };

export type ConsoleBadgeFieldsFragment = { key: string, name: string, description: string | null, pointsOnCompletion: number, countsFrom: string, retiredAt: string | null, startsAt: string | null, endsAt: string | null, earnedBy: number, rule: { event: BadgeEvent, count: number, counting: BadgeCounting, channels: Array<string>, storeId: string | null, minAmount: number | null, minAmountCurrency: string | null, period: BadgePeriod, withinDays: number | null, streak: BadgeStreakUnit | null, eventTrigger: { eventType: string } | null } };

export type ConsoleBadgesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleBadgesQuery = { badges: Array<{ key: string, name: string, description: string | null, pointsOnCompletion: number, countsFrom: string, retiredAt: string | null, startsAt: string | null, endsAt: string | null, earnedBy: number, rule: { event: BadgeEvent, count: number, counting: BadgeCounting, channels: Array<string>, storeId: string | null, minAmount: number | null, minAmountCurrency: string | null, period: BadgePeriod, withinDays: number | null, streak: BadgeStreakUnit | null, eventTrigger: { eventType: string } | null } }> };

export type ConsoleDefineBadgeMutationVariables = Exact<{
  input: BadgeInput;
}>;


export type ConsoleDefineBadgeMutation = { defineBadge: { key: string, name: string, description: string | null, pointsOnCompletion: number, countsFrom: string, retiredAt: string | null, startsAt: string | null, endsAt: string | null, earnedBy: number, rule: { event: BadgeEvent, count: number, counting: BadgeCounting, channels: Array<string>, storeId: string | null, minAmount: number | null, minAmountCurrency: string | null, period: BadgePeriod, withinDays: number | null, streak: BadgeStreakUnit | null, eventTrigger: { eventType: string } | null } } };

export type ConsoleRetireBadgeMutationVariables = Exact<{
  key: string;
}>;


export type ConsoleRetireBadgeMutation = { retireBadge: { key: string, name: string, description: string | null, pointsOnCompletion: number, countsFrom: string, retiredAt: string | null, startsAt: string | null, endsAt: string | null, earnedBy: number, rule: { event: BadgeEvent, count: number, counting: BadgeCounting, channels: Array<string>, storeId: string | null, minAmount: number | null, minAmountCurrency: string | null, period: BadgePeriod, withinDays: number | null, streak: BadgeStreakUnit | null, eventTrigger: { eventType: string } | null } } };

export type ConsoleNotificationTemplatesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleNotificationTemplatesQuery = { notificationTemplates: Array<{ kind: NotificationKind, channel: NotificationChannel, language: string, subject: string | null, body: string, placeholders: Array<string>, custom: boolean, updatedAt: string | null }> };

export type ConsoleSetNotificationTemplateMutationVariables = Exact<{
  input: SetNotificationTemplateInput;
}>;


export type ConsoleSetNotificationTemplateMutation = { setNotificationTemplate: { kind: NotificationKind, channel: NotificationChannel, language: string, subject: string | null, body: string, placeholders: Array<string>, custom: boolean, updatedAt: string | null } };

export type ConsoleWalletTypeFieldsFragment = { code: string, kind: WalletKind, name: string, currency: string | null, stampsPerPurchase: number | null, minPurchaseAmount: number, stampsPerCard: number | null, cardRewardPoints: number | null, cashbackBasisPoints: number | null, pendingDays: number, expiryDays: number | null, maxHouseholdMembers: number, active: boolean };

export type ConsoleWalletTypesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleWalletTypesQuery = { walletTypes: Array<{ code: string, kind: WalletKind, name: string, currency: string | null, stampsPerPurchase: number | null, minPurchaseAmount: number, stampsPerCard: number | null, cardRewardPoints: number | null, cashbackBasisPoints: number | null, pendingDays: number, expiryDays: number | null, maxHouseholdMembers: number, active: boolean }> };

export type ConsoleDefineWalletMutationVariables = Exact<{
  input: DefineWalletInput;
}>;


export type ConsoleDefineWalletMutation = { defineWallet: { code: string, kind: WalletKind, name: string, currency: string | null, stampsPerPurchase: number | null, minPurchaseAmount: number, stampsPerCard: number | null, cardRewardPoints: number | null, cashbackBasisPoints: number | null, pendingDays: number, expiryDays: number | null, maxHouseholdMembers: number, active: boolean } };

export type ConsoleMemberWalletsQueryVariables = Exact<{
  id: string | number;
}>;


export type ConsoleMemberWalletsQuery = { customer: { id: string, loyalty: { wallets: Array<{ ownerId: string, householdMembers: Array<string>, balance: number, pending: number, cardsCompleted: number, type: { code: string, kind: WalletKind, name: string, currency: string | null, stampsPerCard: number | null }, expiring: Array<{ amount: number, expiresAt: string }>, history: Array<{ id: string, kind: string, amount: number, balanceAfter: number, reason: string, createdAt: string }> }> } | null } | null };

export type ConsoleAdjustWalletMutationVariables = Exact<{
  input: AdjustWalletInput;
}>;


export type ConsoleAdjustWalletMutation = { adjustWallet: { wallet: string, amount: number, balanceAfter: number } };

export type ConsoleHeldReferralsQueryVariables = Exact<{
  after?: string | null | undefined;
  people: boolean;
}>;


export type ConsoleHeldReferralsQuery = { referrals: { edges: Array<{ node: { id: string, code: string, channel: string, signals: Array<ReferralSignal>, createdAt: string, referrer: { id: string, name?: string, email?: string | null }, friend: { id: string, name?: string, email?: string | null } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ConsoleReviewReferralMutationVariables = Exact<{
  input: ReviewReferralInput;
}>;


export type ConsoleReviewReferralMutation = { reviewReferral: { id: string, status: ReferralStatus, reviewedBy: string | null, reviewNote: string | null } };

export type ConsoleReferralProgramFieldsFragment = { linkBase: string, capPerReferrer: number, capPeriod: string, signalWindowDays: number, newMemberHours: number };

export type ConsoleReferralProgramQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleReferralProgramQuery = { referralProgram: { linkBase: string, capPerReferrer: number, capPeriod: string, signalWindowDays: number, newMemberHours: number } };

export type ConsoleSetReferralProgramMutationVariables = Exact<{
  input: ReferralProgramInput;
}>;


export type ConsoleSetReferralProgramMutation = { setReferralProgram: { linkBase: string, capPerReferrer: number, capPeriod: string, signalWindowDays: number, newMemberHours: number } };

export type WebhookEndpointFieldsFragment = { id: string, url: string, description: string | null, eventTypes: Array<string>, enabled: boolean, secretHint: string, previousSecretExpiresAt: string | null, createdAt: string };

export type ConsoleWebhooksQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleWebhooksQuery = { webhookEventTypes: Array<string>, webhookEndpoints: Array<{ id: string, url: string, description: string | null, eventTypes: Array<string>, enabled: boolean, secretHint: string, previousSecretExpiresAt: string | null, createdAt: string }> };

export type ConsoleWebhookDeliveriesQueryVariables = Exact<{
  status?: WebhookDeliveryStatus | null | undefined;
  endpointId?: string | number | null | undefined;
  after?: string | null | undefined;
}>;


export type ConsoleWebhookDeliveriesQuery = { webhookDeliveries: { edges: Array<{ node: { id: string, endpointId: string, source: string, eventId: number, eventType: string, replay: number, status: WebhookDeliveryStatus, attempts: number, lastStatusCode: number | null, lastError: string | null, nextAttemptAt: string | null, deliveredAt: string | null, createdAt: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ConsoleRegisterWebhookMutationVariables = Exact<{
  input: RegisterWebhookEndpointInput;
}>;


export type ConsoleRegisterWebhookMutation = { registerWebhookEndpoint: { secret: string, endpoint: { id: string, url: string, description: string | null, eventTypes: Array<string>, enabled: boolean, secretHint: string, previousSecretExpiresAt: string | null, createdAt: string } } };

export type ConsoleDisableWebhookMutationVariables = Exact<{
  id: string | number;
}>;


export type ConsoleDisableWebhookMutation = { disableWebhookEndpoint: { id: string, url: string, description: string | null, eventTypes: Array<string>, enabled: boolean, secretHint: string, previousSecretExpiresAt: string | null, createdAt: string } };

export type ConsoleEnableWebhookMutationVariables = Exact<{
  id: string | number;
}>;


export type ConsoleEnableWebhookMutation = { enableWebhookEndpoint: { id: string, url: string, description: string | null, eventTypes: Array<string>, enabled: boolean, secretHint: string, previousSecretExpiresAt: string | null, createdAt: string } };

export type ConsoleRotateWebhookSecretMutationVariables = Exact<{
  id: string | number;
}>;


export type ConsoleRotateWebhookSecretMutation = { rotateWebhookSecret: { secret: string, endpoint: { id: string, url: string, description: string | null, eventTypes: Array<string>, enabled: boolean, secretHint: string, previousSecretExpiresAt: string | null, createdAt: string } } };

export type ConsoleRetryWebhookDeliveryMutationVariables = Exact<{
  id: string | number;
}>;


export type ConsoleRetryWebhookDeliveryMutation = { retryWebhookDelivery: { id: string, status: WebhookDeliveryStatus } };

export type ConsoleReplayWebhookEventsMutationVariables = Exact<{
  endpointId: string | number;
  source: string;
  afterEventId: number;
}>;


export type ConsoleReplayWebhookEventsMutation = { replayWebhookEvents: { replay: number, enqueued: number, lastEventId: number, hasMore: boolean } };

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
export const CampaignFieldsFragmentDoc = new TypedDocumentString(`
    fragment CampaignFields on Campaign {
  id
  name
  description
  status
  trigger
  activityKind
  eventTrigger {
    eventType
    oncePer
    conditions {
      path
      operator
      value {
        string
        number
        boolean
      }
      values {
        string
        number
        boolean
      }
    }
  }
  reward {
    kind
    multiplierPercent
    points
    perAmount
    currency
    wallet
  }
  audience {
    channels
    tiers
    segments
    firstPurchase
    firstPurchaseInChannel
    minSpend
    minSpendCurrency
    skus
    categories
    newMemberWithinDays
  }
  schedule {
    startsAt
    endsAt
    weekly {
      startDay
      startTime
      endDay
      endTime
    }
  }
  limits {
    perCustomerPoints
    perCustomerGrants
    capPeriod
    budgetPoints
  }
  exclusive
  priority
  holdoutPercent
  spentPoints
  budgetLeft
  version
  liveNow
  scheduleText
  nextLive {
    start
    end
  }
}
    `, {"fragmentName":"CampaignFields"}) as unknown as TypedDocumentString<CampaignFieldsFragment, unknown>;
export const ImportJobFieldsFragmentDoc = new TypedDocumentString(`
    fragment ImportJobFields on ImportJob {
  id
  kind
  format
  dryRun
  fileName
  state
  total
  processed
  applied
  skipped
  failed
  bytesReceived
  bytesTotal
  message
  uploadPath
  createdAt
  finishedAt
  errors(first: 10) {
    edges {
      node {
        line
        field
        code
        message
      }
    }
  }
}
    `, {"fragmentName":"ImportJobFields"}) as unknown as TypedDocumentString<ImportJobFieldsFragment, unknown>;
export const ConsoleBadgeFieldsFragmentDoc = new TypedDocumentString(`
    fragment ConsoleBadgeFields on Badge {
  key
  name
  description
  pointsOnCompletion
  countsFrom
  retiredAt
  startsAt
  endsAt
  earnedBy
  rule {
    event
    count
    counting
    channels
    storeId
    minAmount
    minAmountCurrency
    period
    withinDays
    streak
    eventTrigger {
      eventType
    }
  }
}
    `, {"fragmentName":"ConsoleBadgeFields"}) as unknown as TypedDocumentString<ConsoleBadgeFieldsFragment, unknown>;
export const ConsoleWalletTypeFieldsFragmentDoc = new TypedDocumentString(`
    fragment ConsoleWalletTypeFields on WalletType {
  code
  kind
  name
  currency
  stampsPerPurchase
  minPurchaseAmount
  stampsPerCard
  cardRewardPoints
  cashbackBasisPoints
  pendingDays
  expiryDays
  maxHouseholdMembers
  active
}
    `, {"fragmentName":"ConsoleWalletTypeFields"}) as unknown as TypedDocumentString<ConsoleWalletTypeFieldsFragment, unknown>;
export const ConsoleReferralProgramFieldsFragmentDoc = new TypedDocumentString(`
    fragment ConsoleReferralProgramFields on ReferralProgram {
  linkBase
  capPerReferrer
  capPeriod
  signalWindowDays
  newMemberHours
}
    `, {"fragmentName":"ConsoleReferralProgramFields"}) as unknown as TypedDocumentString<ConsoleReferralProgramFieldsFragment, unknown>;
export const WebhookEndpointFieldsFragmentDoc = new TypedDocumentString(`
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  description
  eventTypes
  enabled
  secretHint
  previousSecretExpiresAt
  createdAt
}
    `, {"fragmentName":"WebhookEndpointFields"}) as unknown as TypedDocumentString<WebhookEndpointFieldsFragment, unknown>;
export const ConsoleCampaignsDocument = new TypedDocumentString(`
    query ConsoleCampaigns($after: String) {
  campaigns(first: 20, after: $after) {
    edges {
      node {
        id
        name
        status
        liveNow
        scheduleText
        holdoutPercent
        spentPoints
        budgetLeft
        nextLive {
          start
          end
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
  campaignProgram {
    timeZone
    currency
  }
}
    `) as unknown as TypedDocumentString<ConsoleCampaignsQuery, ConsoleCampaignsQueryVariables>;
export const ConsoleCampaignDocument = new TypedDocumentString(`
    query ConsoleCampaign($id: ID!) {
  campaign(id: $id) {
    ...CampaignFields
  }
}
    fragment CampaignFields on Campaign {
  id
  name
  description
  status
  trigger
  activityKind
  eventTrigger {
    eventType
    oncePer
    conditions {
      path
      operator
      value {
        string
        number
        boolean
      }
      values {
        string
        number
        boolean
      }
    }
  }
  reward {
    kind
    multiplierPercent
    points
    perAmount
    currency
    wallet
  }
  audience {
    channels
    tiers
    segments
    firstPurchase
    firstPurchaseInChannel
    minSpend
    minSpendCurrency
    skus
    categories
    newMemberWithinDays
  }
  schedule {
    startsAt
    endsAt
    weekly {
      startDay
      startTime
      endDay
      endTime
    }
  }
  limits {
    perCustomerPoints
    perCustomerGrants
    capPeriod
    budgetPoints
  }
  exclusive
  priority
  holdoutPercent
  spentPoints
  budgetLeft
  version
  liveNow
  scheduleText
  nextLive {
    start
    end
  }
}`) as unknown as TypedDocumentString<ConsoleCampaignQuery, ConsoleCampaignQueryVariables>;
export const ConsoleCampaignChoicesDocument = new TypedDocumentString(`
    query ConsoleCampaignChoices {
  campaignProgram {
    timeZone
    currency
  }
  tierProgram {
    tiers {
      name
    }
  }
  segments {
    key
    name
    members
  }
  walletTypes {
    code
    kind
    name
    currency
    active
  }
}
    `) as unknown as TypedDocumentString<ConsoleCampaignChoicesQuery, ConsoleCampaignChoicesQueryVariables>;
export const ConsoleSimulationDocument = new TypedDocumentString(`
    query ConsoleSimulation($input: CampaignInput, $id: ID, $from: DateTimeISO!, $to: DateTimeISO!) {
  simulateCampaign(input: $input, id: $id, from: $from, to: $to) {
    from
    to
    purchasesConsidered
    purchasesRewarded
    customersReached
    pointsCost
    budgetExhaustedAt
  }
}
    `) as unknown as TypedDocumentString<ConsoleSimulationQuery, ConsoleSimulationQueryVariables>;
export const ConsolePerformanceDocument = new TypedDocumentString(`
    query ConsolePerformance($id: ID!, $from: DateTimeISO, $to: DateTimeISO) {
  campaign(id: $id) {
    id
    name
    status
    performance(from: $from, to: $to) {
      from
      to
      currency
      pointsGranted
      grants
      membersReached
      holdoutPercent
      audienceMembers
      treatmentMembers
      holdoutMembers
      treatmentBuyers
      holdoutBuyers
      treatmentSpendPerMember
      holdoutSpendPerMember
      incrementalSpend
      cost
      roi
    }
  }
}
    `) as unknown as TypedDocumentString<ConsolePerformanceQuery, ConsolePerformanceQueryVariables>;
export const ConsoleCreateCampaignDocument = new TypedDocumentString(`
    mutation ConsoleCreateCampaign($input: CampaignInput!) {
  createCampaign(input: $input) {
    ...CampaignFields
  }
}
    fragment CampaignFields on Campaign {
  id
  name
  description
  status
  trigger
  activityKind
  eventTrigger {
    eventType
    oncePer
    conditions {
      path
      operator
      value {
        string
        number
        boolean
      }
      values {
        string
        number
        boolean
      }
    }
  }
  reward {
    kind
    multiplierPercent
    points
    perAmount
    currency
    wallet
  }
  audience {
    channels
    tiers
    segments
    firstPurchase
    firstPurchaseInChannel
    minSpend
    minSpendCurrency
    skus
    categories
    newMemberWithinDays
  }
  schedule {
    startsAt
    endsAt
    weekly {
      startDay
      startTime
      endDay
      endTime
    }
  }
  limits {
    perCustomerPoints
    perCustomerGrants
    capPeriod
    budgetPoints
  }
  exclusive
  priority
  holdoutPercent
  spentPoints
  budgetLeft
  version
  liveNow
  scheduleText
  nextLive {
    start
    end
  }
}`) as unknown as TypedDocumentString<ConsoleCreateCampaignMutation, ConsoleCreateCampaignMutationVariables>;
export const ConsoleUpdateCampaignDocument = new TypedDocumentString(`
    mutation ConsoleUpdateCampaign($id: ID!, $input: CampaignInput!, $expectedVersion: Int) {
  updateCampaign(id: $id, input: $input, expectedVersion: $expectedVersion) {
    ...CampaignFields
  }
}
    fragment CampaignFields on Campaign {
  id
  name
  description
  status
  trigger
  activityKind
  eventTrigger {
    eventType
    oncePer
    conditions {
      path
      operator
      value {
        string
        number
        boolean
      }
      values {
        string
        number
        boolean
      }
    }
  }
  reward {
    kind
    multiplierPercent
    points
    perAmount
    currency
    wallet
  }
  audience {
    channels
    tiers
    segments
    firstPurchase
    firstPurchaseInChannel
    minSpend
    minSpendCurrency
    skus
    categories
    newMemberWithinDays
  }
  schedule {
    startsAt
    endsAt
    weekly {
      startDay
      startTime
      endDay
      endTime
    }
  }
  limits {
    perCustomerPoints
    perCustomerGrants
    capPeriod
    budgetPoints
  }
  exclusive
  priority
  holdoutPercent
  spentPoints
  budgetLeft
  version
  liveNow
  scheduleText
  nextLive {
    start
    end
  }
}`) as unknown as TypedDocumentString<ConsoleUpdateCampaignMutation, ConsoleUpdateCampaignMutationVariables>;
export const ConsoleScheduleCampaignDocument = new TypedDocumentString(`
    mutation ConsoleScheduleCampaign($id: ID!) {
  scheduleCampaign(id: $id) {
    ...CampaignFields
  }
}
    fragment CampaignFields on Campaign {
  id
  name
  description
  status
  trigger
  activityKind
  eventTrigger {
    eventType
    oncePer
    conditions {
      path
      operator
      value {
        string
        number
        boolean
      }
      values {
        string
        number
        boolean
      }
    }
  }
  reward {
    kind
    multiplierPercent
    points
    perAmount
    currency
    wallet
  }
  audience {
    channels
    tiers
    segments
    firstPurchase
    firstPurchaseInChannel
    minSpend
    minSpendCurrency
    skus
    categories
    newMemberWithinDays
  }
  schedule {
    startsAt
    endsAt
    weekly {
      startDay
      startTime
      endDay
      endTime
    }
  }
  limits {
    perCustomerPoints
    perCustomerGrants
    capPeriod
    budgetPoints
  }
  exclusive
  priority
  holdoutPercent
  spentPoints
  budgetLeft
  version
  liveNow
  scheduleText
  nextLive {
    start
    end
  }
}`) as unknown as TypedDocumentString<ConsoleScheduleCampaignMutation, ConsoleScheduleCampaignMutationVariables>;
export const ConsolePauseCampaignDocument = new TypedDocumentString(`
    mutation ConsolePauseCampaign($id: ID!) {
  pauseCampaign(id: $id) {
    ...CampaignFields
  }
}
    fragment CampaignFields on Campaign {
  id
  name
  description
  status
  trigger
  activityKind
  eventTrigger {
    eventType
    oncePer
    conditions {
      path
      operator
      value {
        string
        number
        boolean
      }
      values {
        string
        number
        boolean
      }
    }
  }
  reward {
    kind
    multiplierPercent
    points
    perAmount
    currency
    wallet
  }
  audience {
    channels
    tiers
    segments
    firstPurchase
    firstPurchaseInChannel
    minSpend
    minSpendCurrency
    skus
    categories
    newMemberWithinDays
  }
  schedule {
    startsAt
    endsAt
    weekly {
      startDay
      startTime
      endDay
      endTime
    }
  }
  limits {
    perCustomerPoints
    perCustomerGrants
    capPeriod
    budgetPoints
  }
  exclusive
  priority
  holdoutPercent
  spentPoints
  budgetLeft
  version
  liveNow
  scheduleText
  nextLive {
    start
    end
  }
}`) as unknown as TypedDocumentString<ConsolePauseCampaignMutation, ConsolePauseCampaignMutationVariables>;
export const ConsoleEndCampaignDocument = new TypedDocumentString(`
    mutation ConsoleEndCampaign($id: ID!) {
  endCampaign(id: $id) {
    ...CampaignFields
  }
}
    fragment CampaignFields on Campaign {
  id
  name
  description
  status
  trigger
  activityKind
  eventTrigger {
    eventType
    oncePer
    conditions {
      path
      operator
      value {
        string
        number
        boolean
      }
      values {
        string
        number
        boolean
      }
    }
  }
  reward {
    kind
    multiplierPercent
    points
    perAmount
    currency
    wallet
  }
  audience {
    channels
    tiers
    segments
    firstPurchase
    firstPurchaseInChannel
    minSpend
    minSpendCurrency
    skus
    categories
    newMemberWithinDays
  }
  schedule {
    startsAt
    endsAt
    weekly {
      startDay
      startTime
      endDay
      endTime
    }
  }
  limits {
    perCustomerPoints
    perCustomerGrants
    capPeriod
    budgetPoints
  }
  exclusive
  priority
  holdoutPercent
  spentPoints
  budgetLeft
  version
  liveNow
  scheduleText
  nextLive {
    start
    end
  }
}`) as unknown as TypedDocumentString<ConsoleEndCampaignMutation, ConsoleEndCampaignMutationVariables>;
export const ConsoleMetricsDocument = new TypedDocumentString(`
    query ConsoleMetrics($from: DateTimeISO!, $to: DateTimeISO!, $currency: String!) {
  programMetrics(from: $from, to: $to, currency: $currency) {
    members
    membersEnrolled
    activeMembers
    purchases
    netSpend
    averageOrderValue
    pointsIssued
    pointsRedeemed
    pointsOutstanding
    redemptionRate
    byChannel {
      key
      purchases
      netSpend
    }
    purchaseFrequency
    multiChannelShare
    multiChannelAverageSpend
    singleChannelAverageSpend
    multiChannelAverageClv
    singleChannelAverageClv
    pointsExpired
    churnBase
    churnRate
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
    bySegment {
      key
      name
      members
      activeMembers
      purchases
      netSpend
    }
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
          roi
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleMetricsQuery, ConsoleMetricsQueryVariables>;
export const ConsoleWeekDocument = new TypedDocumentString(`
    query ConsoleWeek($from: DateTimeISO!, $to: DateTimeISO!, $currency: String!) {
  programMetrics(from: $from, to: $to, currency: $currency) {
    netSpend
    pointsIssued
  }
}
    `) as unknown as TypedDocumentString<ConsoleWeekQuery, ConsoleWeekQueryVariables>;
export const ConsoleCurrenciesDocument = new TypedDocumentString(`
    query ConsoleCurrencies {
  campaignProgram {
    currency
  }
  earnRates {
    currency
  }
}
    `) as unknown as TypedDocumentString<ConsoleCurrenciesQuery, ConsoleCurrenciesQueryVariables>;
export const ConsoleFindMemberDocument = new TypedDocumentString(`
    query ConsoleFindMember($type: IdentifierType!, $value: String!) {
  customerByIdentifier(type: $type, value: $value) {
    id
  }
}
    `) as unknown as TypedDocumentString<ConsoleFindMemberQuery, ConsoleFindMemberQueryVariables>;
export const ConsoleMemberDocument = new TypedDocumentString(`
    query ConsoleMember($id: ID!) {
  customer(id: $id) {
    id
    name
    email
    phone
    enrollmentChannel
    enrolledAt
    language
    identities {
      type
      value
    }
    consents {
      channel
      granted
      source
      changedAt
    }
    segments {
      key
      name
    }
    rewards {
      vouchers {
        id
        code
        status
        expiresAt
        consumedAt
        consumedChannel
        reward {
          name
        }
      }
    }
    loyalty {
      balance
      pending
      lifetimePoints
      tier {
        name
      }
      nextTier {
        name
      }
      progress {
        qualifyingPoints
        pointsToNextTier
        reviewAt
      }
    }
    timeline(first: 20) {
      edges {
        node {
          __typename
          id
          kind
          occurredAt
          channel
          ... on PurchaseEntry {
            totalAmount
            currency
            pointsEarned
            storeId
          }
          ... on ReturnEntry {
            refundAmount
            refundCurrency
            pointsReversed
          }
          ... on RedemptionEntry {
            pointsSpent
            reward {
              name
            }
          }
          ... on MessageEntry {
            messageKind
          }
          ... on CustomerEvent {
            type
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleMemberQuery, ConsoleMemberQueryVariables>;
export const ConsoleAdjustPointsDocument = new TypedDocumentString(`
    mutation ConsoleAdjustPoints($input: AdjustPointsInput!) {
  adjustPoints(input: $input) {
    id
    points
    balanceAfter
  }
}
    `) as unknown as TypedDocumentString<ConsoleAdjustPointsMutation, ConsoleAdjustPointsMutationVariables>;
export const ConsoleRewardsDocument = new TypedDocumentString(`
    query ConsoleRewards($after: String) {
  rewardCatalog(first: 50, after: $after, filter: {includeInactive: true}) {
    edges {
      node {
        id
        name
        description
        kind
        costPoints
        active
        valueAmount
        valueCurrency
        percentOff
        sku
        channels
        tiers
        stockLeft
        perCustomerLimit
        voucherValidDays
        validUntil
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
  campaignProgram {
    timeZone
    currency
  }
}
    `) as unknown as TypedDocumentString<ConsoleRewardsQuery, ConsoleRewardsQueryVariables>;
export const ConsoleCreateRewardDocument = new TypedDocumentString(`
    mutation ConsoleCreateReward($input: CreateRewardInput!) {
  createReward(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<ConsoleCreateRewardMutation, ConsoleCreateRewardMutationVariables>;
export const ConsoleSetRewardActiveDocument = new TypedDocumentString(`
    mutation ConsoleSetRewardActive($id: ID!, $active: Boolean!) {
  setRewardActive(id: $id, active: $active) {
    id
    active
  }
}
    `) as unknown as TypedDocumentString<ConsoleSetRewardActiveMutation, ConsoleSetRewardActiveMutationVariables>;
export const ConsoleSegmentsDocument = new TypedDocumentString(`
    query ConsoleSegments {
  segments {
    key
    name
    description
    builtIn
    members
    rule {
      minPurchases
      minSpend
      purchasedWithinDays
      notPurchasedForDays
      channelsAny
      tiers
    }
  }
  tierProgram {
    tiers {
      name
    }
  }
  campaignProgram {
    currency
  }
}
    `) as unknown as TypedDocumentString<ConsoleSegmentsQuery, ConsoleSegmentsQueryVariables>;
export const ConsoleDefineSegmentDocument = new TypedDocumentString(`
    mutation ConsoleDefineSegment($input: SegmentInput!) {
  defineSegment(input: $input) {
    key
    members
  }
}
    `) as unknown as TypedDocumentString<ConsoleDefineSegmentMutation, ConsoleDefineSegmentMutationVariables>;
export const ConsoleRemoveSegmentDocument = new TypedDocumentString(`
    mutation ConsoleRemoveSegment($key: String!) {
  removeSegment(key: $key)
}
    `) as unknown as TypedDocumentString<ConsoleRemoveSegmentMutation, ConsoleRemoveSegmentMutationVariables>;
export const ConsoleImportJobsDocument = new TypedDocumentString(`
    query ConsoleImportJobs {
  importJobs(first: 20) {
    edges {
      node {
        ...ImportJobFields
      }
    }
  }
}
    fragment ImportJobFields on ImportJob {
  id
  kind
  format
  dryRun
  fileName
  state
  total
  processed
  applied
  skipped
  failed
  bytesReceived
  bytesTotal
  message
  uploadPath
  createdAt
  finishedAt
  errors(first: 10) {
    edges {
      node {
        line
        field
        code
        message
      }
    }
  }
}`) as unknown as TypedDocumentString<ConsoleImportJobsQuery, ConsoleImportJobsQueryVariables>;
export const ConsoleStartImportDocument = new TypedDocumentString(`
    mutation ConsoleStartImport($input: StartImportInput!) {
  startImport(input: $input) {
    ...ImportJobFields
  }
}
    fragment ImportJobFields on ImportJob {
  id
  kind
  format
  dryRun
  fileName
  state
  total
  processed
  applied
  skipped
  failed
  bytesReceived
  bytesTotal
  message
  uploadPath
  createdAt
  finishedAt
  errors(first: 10) {
    edges {
      node {
        line
        field
        code
        message
      }
    }
  }
}`) as unknown as TypedDocumentString<ConsoleStartImportMutation, ConsoleStartImportMutationVariables>;
export const ConsoleMemberSummaryDocument = new TypedDocumentString(`
    query ConsoleMemberSummary($id: ID!) {
  customer(id: $id) {
    id
    name
    email
    phone
    loyalty {
      balance
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleMemberSummaryQuery, ConsoleMemberSummaryQueryVariables>;
export const ConsoleMergeMembersDocument = new TypedDocumentString(`
    mutation ConsoleMergeMembers($survivorId: ID!, $mergedId: ID!, $reason: String!) {
  mergeCustomers(survivorId: $survivorId, mergedId: $mergedId, reason: $reason) {
    mergedId
    survivor {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleMergeMembersMutation, ConsoleMergeMembersMutationVariables>;
export const ConsoleExportPersonalDataDocument = new TypedDocumentString(`
    query ConsoleExportPersonalData($customerId: ID!) {
  exportProfile(customerId: $customerId)
}
    `) as unknown as TypedDocumentString<ConsoleExportPersonalDataQuery, ConsoleExportPersonalDataQueryVariables>;
export const ConsoleEraseMemberDocument = new TypedDocumentString(`
    mutation ConsoleEraseMember($customerId: ID!, $reason: String!) {
  eraseCustomer(customerId: $customerId, reason: $reason) {
    erasedAt
  }
}
    `) as unknown as TypedDocumentString<ConsoleEraseMemberMutation, ConsoleEraseMemberMutationVariables>;
export const ConsoleSegmentChoicesDocument = new TypedDocumentString(`
    query ConsoleSegmentChoices {
  segments {
    key
    name
  }
}
    `) as unknown as TypedDocumentString<ConsoleSegmentChoicesQuery, ConsoleSegmentChoicesQueryVariables>;
export const ConsoleRefreshMetricsDocument = new TypedDocumentString(`
    mutation ConsoleRefreshMetrics {
  refreshProgramMetrics {
    events
  }
}
    `) as unknown as TypedDocumentString<ConsoleRefreshMetricsMutation, ConsoleRefreshMetricsMutationVariables>;
export const ConsoleEarnRatesDocument = new TypedDocumentString(`
    query ConsoleEarnRates {
  earnRates {
    currency
    points
    perAmount
    description
  }
}
    `) as unknown as TypedDocumentString<ConsoleEarnRatesQuery, ConsoleEarnRatesQueryVariables>;
export const ConsoleSetEarnRateDocument = new TypedDocumentString(`
    mutation ConsoleSetEarnRate($input: SetEarnRateInput!) {
  setEarnRate(input: $input) {
    currency
    points
    perAmount
    description
  }
}
    `) as unknown as TypedDocumentString<ConsoleSetEarnRateMutation, ConsoleSetEarnRateMutationVariables>;
export const ConsoleTierProgramDocument = new TypedDocumentString(`
    query ConsoleTierProgram {
  tierProgram {
    windowMonths
    tiers {
      name
      qualifyingPoints
      multiplierPercent
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleTierProgramQuery, ConsoleTierProgramQueryVariables>;
export const ConsoleSetTierProgramDocument = new TypedDocumentString(`
    mutation ConsoleSetTierProgram($input: TierProgramInput!) {
  setTierProgram(input: $input) {
    windowMonths
    tiers {
      name
      qualifyingPoints
      multiplierPercent
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleSetTierProgramMutation, ConsoleSetTierProgramMutationVariables>;
export const ConsoleBadgesDocument = new TypedDocumentString(`
    query ConsoleBadges {
  badges(includeRetired: true) {
    ...ConsoleBadgeFields
  }
}
    fragment ConsoleBadgeFields on Badge {
  key
  name
  description
  pointsOnCompletion
  countsFrom
  retiredAt
  startsAt
  endsAt
  earnedBy
  rule {
    event
    count
    counting
    channels
    storeId
    minAmount
    minAmountCurrency
    period
    withinDays
    streak
    eventTrigger {
      eventType
    }
  }
}`) as unknown as TypedDocumentString<ConsoleBadgesQuery, ConsoleBadgesQueryVariables>;
export const ConsoleDefineBadgeDocument = new TypedDocumentString(`
    mutation ConsoleDefineBadge($input: BadgeInput!) {
  defineBadge(input: $input) {
    ...ConsoleBadgeFields
  }
}
    fragment ConsoleBadgeFields on Badge {
  key
  name
  description
  pointsOnCompletion
  countsFrom
  retiredAt
  startsAt
  endsAt
  earnedBy
  rule {
    event
    count
    counting
    channels
    storeId
    minAmount
    minAmountCurrency
    period
    withinDays
    streak
    eventTrigger {
      eventType
    }
  }
}`) as unknown as TypedDocumentString<ConsoleDefineBadgeMutation, ConsoleDefineBadgeMutationVariables>;
export const ConsoleRetireBadgeDocument = new TypedDocumentString(`
    mutation ConsoleRetireBadge($key: String!) {
  retireBadge(key: $key) {
    ...ConsoleBadgeFields
  }
}
    fragment ConsoleBadgeFields on Badge {
  key
  name
  description
  pointsOnCompletion
  countsFrom
  retiredAt
  startsAt
  endsAt
  earnedBy
  rule {
    event
    count
    counting
    channels
    storeId
    minAmount
    minAmountCurrency
    period
    withinDays
    streak
    eventTrigger {
      eventType
    }
  }
}`) as unknown as TypedDocumentString<ConsoleRetireBadgeMutation, ConsoleRetireBadgeMutationVariables>;
export const ConsoleNotificationTemplatesDocument = new TypedDocumentString(`
    query ConsoleNotificationTemplates {
  notificationTemplates {
    kind
    channel
    language
    subject
    body
    placeholders
    custom
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<ConsoleNotificationTemplatesQuery, ConsoleNotificationTemplatesQueryVariables>;
export const ConsoleSetNotificationTemplateDocument = new TypedDocumentString(`
    mutation ConsoleSetNotificationTemplate($input: SetNotificationTemplateInput!) {
  setNotificationTemplate(input: $input) {
    kind
    channel
    language
    subject
    body
    placeholders
    custom
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<ConsoleSetNotificationTemplateMutation, ConsoleSetNotificationTemplateMutationVariables>;
export const ConsoleWalletTypesDocument = new TypedDocumentString(`
    query ConsoleWalletTypes {
  walletTypes {
    ...ConsoleWalletTypeFields
  }
}
    fragment ConsoleWalletTypeFields on WalletType {
  code
  kind
  name
  currency
  stampsPerPurchase
  minPurchaseAmount
  stampsPerCard
  cardRewardPoints
  cashbackBasisPoints
  pendingDays
  expiryDays
  maxHouseholdMembers
  active
}`) as unknown as TypedDocumentString<ConsoleWalletTypesQuery, ConsoleWalletTypesQueryVariables>;
export const ConsoleDefineWalletDocument = new TypedDocumentString(`
    mutation ConsoleDefineWallet($input: DefineWalletInput!) {
  defineWallet(input: $input) {
    ...ConsoleWalletTypeFields
  }
}
    fragment ConsoleWalletTypeFields on WalletType {
  code
  kind
  name
  currency
  stampsPerPurchase
  minPurchaseAmount
  stampsPerCard
  cardRewardPoints
  cashbackBasisPoints
  pendingDays
  expiryDays
  maxHouseholdMembers
  active
}`) as unknown as TypedDocumentString<ConsoleDefineWalletMutation, ConsoleDefineWalletMutationVariables>;
export const ConsoleMemberWalletsDocument = new TypedDocumentString(`
    query ConsoleMemberWallets($id: ID!) {
  customer(id: $id) {
    id
    loyalty {
      wallets {
        type {
          code
          kind
          name
          currency
          stampsPerCard
        }
        ownerId
        householdMembers
        balance
        pending
        cardsCompleted
        expiring(first: 1) {
          amount
          expiresAt
        }
        history(first: 3) {
          id
          kind
          amount
          balanceAfter
          reason
          createdAt
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleMemberWalletsQuery, ConsoleMemberWalletsQueryVariables>;
export const ConsoleAdjustWalletDocument = new TypedDocumentString(`
    mutation ConsoleAdjustWallet($input: AdjustWalletInput!) {
  adjustWallet(input: $input) {
    wallet
    amount
    balanceAfter
  }
}
    `) as unknown as TypedDocumentString<ConsoleAdjustWalletMutation, ConsoleAdjustWalletMutationVariables>;
export const ConsoleHeldReferralsDocument = new TypedDocumentString(`
    query ConsoleHeldReferrals($after: String, $people: Boolean!) {
  referrals(statuses: [HELD], first: 20, after: $after) {
    edges {
      node {
        id
        code
        channel
        signals
        createdAt
        referrer {
          id
          name @include(if: $people)
          email @include(if: $people)
        }
        friend {
          id
          name @include(if: $people)
          email @include(if: $people)
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleHeldReferralsQuery, ConsoleHeldReferralsQueryVariables>;
export const ConsoleReviewReferralDocument = new TypedDocumentString(`
    mutation ConsoleReviewReferral($input: ReviewReferralInput!) {
  reviewReferral(input: $input) {
    id
    status
    reviewedBy
    reviewNote
  }
}
    `) as unknown as TypedDocumentString<ConsoleReviewReferralMutation, ConsoleReviewReferralMutationVariables>;
export const ConsoleReferralProgramDocument = new TypedDocumentString(`
    query ConsoleReferralProgram {
  referralProgram {
    ...ConsoleReferralProgramFields
  }
}
    fragment ConsoleReferralProgramFields on ReferralProgram {
  linkBase
  capPerReferrer
  capPeriod
  signalWindowDays
  newMemberHours
}`) as unknown as TypedDocumentString<ConsoleReferralProgramQuery, ConsoleReferralProgramQueryVariables>;
export const ConsoleSetReferralProgramDocument = new TypedDocumentString(`
    mutation ConsoleSetReferralProgram($input: ReferralProgramInput!) {
  setReferralProgram(input: $input) {
    ...ConsoleReferralProgramFields
  }
}
    fragment ConsoleReferralProgramFields on ReferralProgram {
  linkBase
  capPerReferrer
  capPeriod
  signalWindowDays
  newMemberHours
}`) as unknown as TypedDocumentString<ConsoleSetReferralProgramMutation, ConsoleSetReferralProgramMutationVariables>;
export const ConsoleWebhooksDocument = new TypedDocumentString(`
    query ConsoleWebhooks {
  webhookEventTypes
  webhookEndpoints {
    ...WebhookEndpointFields
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  description
  eventTypes
  enabled
  secretHint
  previousSecretExpiresAt
  createdAt
}`) as unknown as TypedDocumentString<ConsoleWebhooksQuery, ConsoleWebhooksQueryVariables>;
export const ConsoleWebhookDeliveriesDocument = new TypedDocumentString(`
    query ConsoleWebhookDeliveries($status: WebhookDeliveryStatus, $endpointId: ID, $after: String) {
  webhookDeliveries(
    status: $status
    endpointId: $endpointId
    after: $after
    first: 20
  ) {
    edges {
      node {
        id
        endpointId
        source
        eventId
        eventType
        replay
        status
        attempts
        lastStatusCode
        lastError
        nextAttemptAt
        deliveredAt
        createdAt
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleWebhookDeliveriesQuery, ConsoleWebhookDeliveriesQueryVariables>;
export const ConsoleRegisterWebhookDocument = new TypedDocumentString(`
    mutation ConsoleRegisterWebhook($input: RegisterWebhookEndpointInput!) {
  registerWebhookEndpoint(input: $input) {
    secret
    endpoint {
      ...WebhookEndpointFields
    }
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  description
  eventTypes
  enabled
  secretHint
  previousSecretExpiresAt
  createdAt
}`) as unknown as TypedDocumentString<ConsoleRegisterWebhookMutation, ConsoleRegisterWebhookMutationVariables>;
export const ConsoleDisableWebhookDocument = new TypedDocumentString(`
    mutation ConsoleDisableWebhook($id: ID!) {
  disableWebhookEndpoint(id: $id) {
    ...WebhookEndpointFields
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  description
  eventTypes
  enabled
  secretHint
  previousSecretExpiresAt
  createdAt
}`) as unknown as TypedDocumentString<ConsoleDisableWebhookMutation, ConsoleDisableWebhookMutationVariables>;
export const ConsoleEnableWebhookDocument = new TypedDocumentString(`
    mutation ConsoleEnableWebhook($id: ID!) {
  enableWebhookEndpoint(id: $id) {
    ...WebhookEndpointFields
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  description
  eventTypes
  enabled
  secretHint
  previousSecretExpiresAt
  createdAt
}`) as unknown as TypedDocumentString<ConsoleEnableWebhookMutation, ConsoleEnableWebhookMutationVariables>;
export const ConsoleRotateWebhookSecretDocument = new TypedDocumentString(`
    mutation ConsoleRotateWebhookSecret($id: ID!) {
  rotateWebhookSecret(id: $id) {
    secret
    endpoint {
      ...WebhookEndpointFields
    }
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  description
  eventTypes
  enabled
  secretHint
  previousSecretExpiresAt
  createdAt
}`) as unknown as TypedDocumentString<ConsoleRotateWebhookSecretMutation, ConsoleRotateWebhookSecretMutationVariables>;
export const ConsoleRetryWebhookDeliveryDocument = new TypedDocumentString(`
    mutation ConsoleRetryWebhookDelivery($id: ID!) {
  retryWebhookDelivery(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ConsoleRetryWebhookDeliveryMutation, ConsoleRetryWebhookDeliveryMutationVariables>;
export const ConsoleReplayWebhookEventsDocument = new TypedDocumentString(`
    mutation ConsoleReplayWebhookEvents($endpointId: ID!, $source: String!, $afterEventId: Int!) {
  replayWebhookEvents(
    endpointId: $endpointId
    source: $source
    afterEventId: $afterEventId
  ) {
    replay
    enqueued
    lastEventId
    hasMore
  }
}
    `) as unknown as TypedDocumentString<ConsoleReplayWebhookEventsMutation, ConsoleReplayWebhookEventsMutationVariables>;