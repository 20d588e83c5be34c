import {
  array,
  defineEvent,
  described,
  eventContracts,
  integer,
  nullable,
  object,
  oneOf,
  optional,
  record,
  string,
  time,
  type Decoded,
} from '../../../runtime/events/eventContract';

/**
 * The events the ledger subgraph writes to its outbox: the contract its consumers decode with
 * (docs/reference/events.md is generated from it).
 *
 * Every field a version of the ledger ever wrote is declared; fields added after an event type
 * first shipped are `optional`, absent in events written before them.
 */

/** The kinds of journal entry (the ledger's EntryKind), as events name them. */
const entryKind = oneOf('EARN', 'BONUS', 'REDEEM', 'REVERSE', 'ADJUST', 'EXPIRE', 'TRANSFER_IN', 'TRANSFER_OUT');

const customerId = described(string, 'The member whose account changed: the event’s aggregate.');

/** One line of a points quote, with the rule that granted it. */
const earning = object({
  kind: described(entryKind, 'EARN for the program’s base rate, BONUS for a campaign’s.'),
  points: integer,
  ruleId: described(nullable(string), 'The earning rule or campaign that gave the points; null for the base rate.'),
});

const purchaseRecorded = defineEvent({
  owner: 'ledger',
  type: 'PurchaseRecorded',
  aggregate: 'customer',
  description: 'A purchase was recorded (once per order, not on idempotent retries) and its points credited.',
  payload: object({
    purchaseId: described(string, 'The ledger’s id of the order.'),
    customerId: described(string, 'The member the order posts to (the account a merged member’s id was merged into).'),
    channel: string,
    storeId: nullable(string),
    currency: described(string, 'ISO 4217 code; amounts are in its minor units.'),
    totalAmount: described(integer, 'The order total in minor units of `currency`.'),
    lines: array(
      object({
        sku: string,
        category: nullable(string),
        quantity: integer,
        unitPrice: described(integer, 'Minor units of `currency`.'),
      }),
    ),
    pointsEarned: described(
      integer,
      'Points the order earns, spendable now or pending until its return window closes.',
    ),
    earnings: optional(
      described(array(earning), 'Each quote line with the rule that granted it (absent before campaign performance).'),
    ),
    occurredAt: described(
      time,
      'When the sale happened: the till’s `occurredAt` (bounded lateness), else when it was posted.',
    ),
    tier: optional(
      described(
        nullable(string),
        'The tier the purchase was quoted in, as the graph shows it; null without a tier (absent before program metrics per tier).',
      ),
    ),
    pointsPayment: optional(
      described(
        object({
          holdId: string,
          points: integer,
          amount: described(integer, 'The money the points paid, in minor units; the rest of `totalAmount` was cash.'),
        }),
        'The part paid with held points (issue 29); absent when all was cash. `pointsEarned` counts the cash part only.',
      ),
    ),
  }),
});

const returnRecorded = defineEvent({
  owner: 'ledger',
  type: 'ReturnRecorded',
  aggregate: 'customer',
  description: 'A return of (part of) a purchase was recorded and the points its units earned taken back.',
  payload: object({
    returnId: string,
    purchaseId: described(string, 'The ledger’s id of the returned order.'),
    customerId,
    amount: described(integer, 'The refund amount in minor units of the order’s currency.'),
    pointsReversed: described(
      integer,
      'Points taken back: debited from the balance plus cancelled while still pending (not what the member had already spent).',
    ),
    occurredAt: described(
      time,
      'When the goods came back: the till’s `occurredAt` (bounded lateness), else when it was posted.',
    ),
  }),
});

const balanceUpdatedV1 = object({
  customerId,
  balance: described(integer, 'Spendable points after the change.'),
  change: described(integer, 'Spendable points posted since the previous balance event (negative for a debit).'),
  pending: optional(
    described(integer, 'Points on hold after the change (absent in events written before pending points existed).'),
  ),
  pendingChange: optional(described(integer, 'Change of the points on hold (absent before pending points).')),
  reason: described(string, 'Why the balance changed, for the member.'),
  transactionId: described(string, 'The purchase, return, redemption, ... that caused the change.'),
  kinds: optional(
    described(
      record(integer),
      'Points posted per journal entry kind (EARN, REDEEM, EXPIRE, ...) since the previous balance event (absent before program metrics).',
    ),
  ),
  postedAt: optional(
    described(time, 'When the points were posted, by the ledger’s clock (absent before program metrics).'),
  ),
});

const balanceUpdatedV2 = object({
  customerId,
  balance: described(integer, 'Spendable points after the change.'),
  change: described(integer, 'Spendable points posted since the previous balance event (negative for a debit).'),
  pending: described(integer, 'Points on hold after the change.'),
  pendingChange: described(integer, 'Change of the points on hold since the previous balance event.'),
  reason: described(string, 'Why the balance changed, for the member.'),
  transactionId: described(string, 'The purchase, return, redemption, ... that caused the change.'),
  kinds: described(
    record(integer),
    'Points posted per journal entry kind (EARN, REDEEM, EXPIRE, ...) since the previous balance event; ' +
      'UNKNOWN holds the change of a v1 event written without kinds.',
  ),
  postedAt: described(time, 'When the points were posted, by the ledger’s clock.'),
});

const balanceUpdated = defineEvent({
  owner: 'ledger',
  type: 'BalanceUpdated',
  aggregate: 'customer',
  description: 'A member’s spendable or pending points changed (one event per account per change).',
  payload: balanceUpdatedV1,
}).upgradedTo({
  description:
    'pending, pendingChange, kinds and postedAt are always present. Read from v1: pending and pendingChange 0, ' +
    'kinds { UNKNOWN: change }, postedAt the event’s commit time.',
  payload: balanceUpdatedV2,
  upgrade: (previous, event): Decoded<typeof balanceUpdatedV2> => ({
    ...previous,
    pending: previous.pending ?? 0,
    pendingChange: previous.pendingChange ?? 0,
    kinds: previous.kinds ?? { UNKNOWN: previous.change },
    postedAt: previous.postedAt ?? event.createdAt.toISOString(),
  }),
});

const tierChanged = defineEvent({
  owner: 'ledger',
  type: 'TierChanged',
  aggregate: 'customer',
  description: 'A member moved up a tier (as soon as they qualify) or down one (at their tier review).',
  payload: object({
    customerId,
    from: described(string, 'The tier before, by name.'),
    to: described(string, 'The tier after, by name.'),
    direction: oneOf('UP', 'DOWN'),
    qualifyingPoints: described(integer, 'The points earned within the tier window that decided it.'),
    reviewAt: described(nullable(time), 'The next review, when the tier can go down; null for the first tier.'),
  }),
});

const pointsExpiring = defineEvent({
  owner: 'ledger',
  type: 'PointsExpiring',
  aggregate: 'customer',
  description:
    'The points job found points of a member that will expire soon (once per lot; one event per expiry date).',
  payload: object({
    customerId,
    points: described(integer, 'Points that expire at `expiresAt` unless spent first.'),
    expiresAt: time,
    occurredAt: described(time, 'When the points job noticed it, by the ledger’s clock.'),
  }),
});

const activityCredited = defineEvent({
  owner: 'ledger',
  type: 'ActivityCredited',
  aggregate: 'customer',
  description: 'An activity (sign-up, review, share, birthday, a referral once the friend bought) earned points.',
  payload: object({
    activityId: string,
    customerId,
    kind: oneOf('SIGN_UP', 'REFERRAL', 'REFERRED_FRIEND', 'PRODUCT_REVIEW', 'SOCIAL_SHARE', 'BIRTHDAY'),
    channel: string,
    points: described(integer, 'Points the activity earned (the sum of `earnings`).'),
    earnings: described(array(earning), 'Each quote line with the campaign that granted it.'),
    occurredAt: described(
      time,
      'When the activity happened (its `occurredAt`, bounded lateness), else when the points were credited.',
    ),
  }),
});

const pointsTransferred = defineEvent({
  owner: 'ledger',
  type: 'PointsTransferred',
  aggregate: 'customer',
  description: 'A member gave points to another (written once, on the giver’s account).',
  payload: object({
    customerId: described(string, 'The giver, as in every ledger event about a customer (the event’s aggregate).'),
    transferId: string,
    fromCustomerId: string,
    toCustomerId: string,
    points: integer,
    note: described(nullable(string), 'The giver’s message to the recipient.'),
    occurredAt: described(time, 'When the points moved, by the ledger’s clock.'),
  }),
});

const accountsMerged = defineEvent({
  owner: 'ledger',
  type: 'AccountsMerged',
  aggregate: 'customer',
  description:
    'The ledger moved a merged profile’s account (points, pending points, lots, orders) into the survivor’s.',
  payload: object({
    customerId: described(string, 'The survivor, as in every ledger event about a customer.'),
    survivorId: string,
    mergedId: string,
    points: described(integer, 'Spendable points moved.'),
    pending: described(integer, 'Pending points moved.'),
  }),
});

const ordersImported = defineEvent({
  owner: 'ledger',
  type: 'OrdersImported',
  aggregate: 'import',
  description:
    'A batch of past orders and returns was imported from another engine (history only: no points, nothing to react to live). One event per applied batch.',
  payload: object({
    jobId: described(string, 'The import job the batch belongs to: the event’s aggregate.'),
    purchases: array(
      object({
        purchaseId: described(string, 'The ledger’s id of the order.'),
        customerId: string,
        channel: string,
        storeId: nullable(string),
        currency: string,
        totalAmount: described(integer, 'Minor units of `currency`.'),
        lines: array(object({ sku: string, category: nullable(string), quantity: integer, unitPrice: integer })),
        occurredAt: time,
      }),
    ),
    returns: array(
      object({
        returnId: string,
        purchaseId: described(string, 'The ledger’s id of the returned order.'),
        customerId: string,
        amount: described(integer, 'The refund amount in minor units of the order’s currency.'),
        occurredAt: time,
      }),
    ),
  }),
});

const pointsHoldFields = {
  customerId,
  holdId: described(string, 'The hold (`holdPoints`): what the purchase that pays with it names.'),
  currency: described(string, 'ISO 4217 code; amounts are in its minor units.'),
  points: described(integer, 'The points held.'),
  amount: described(integer, 'The money the points pay, in minor units of `currency`.'),
};

const walletBalanceChanged = defineEvent({
  owner: 'ledger',
  type: 'WalletBalanceChanged',
  aggregate: 'customer',
  description:
    'A member’s balance or pending amount in a wallet besides points changed (stamps, cashback, store credit): one event per wallet per change, in its transaction.',
  payload: object({
    customerId: described(string, 'The wallet’s owner (a household member’s purchase changes the owner’s wallet).'),
    wallet: described(string, 'The wallet’s code.'),
    kind: described(
      string,
      'What changed it: EARN, RELEASE, REVERSE, SPEND, ADJUST, AWARD, EXPIRE, CARD_COMPLETED, MERGE_IN, MERGE_OUT.',
    ),
    change: described(integer, 'Signed change of the usable balance (stamps or minor units).'),
    pendingChange: described(integer, 'Signed change of the pending amount.'),
    balance: described(integer, 'The usable balance after.'),
    pending: described(integer, 'The pending amount after.'),
    reason: string,
    earnedBy: described(nullable(string), 'The household member whose purchase earned it, when not the owner.'),
    occurredAt: time,
  }),
});

const pointsHeld = defineEvent({
  owner: 'ledger',
  type: 'PointsHeld',
  aggregate: 'customer',
  description:
    'Points were held to pay a basket (`holdPoints`, once per idempotency key): taken out of the spendable balance until captured, released or expired.',
  payload: object({
    ...pointsHoldFields,
    expiresAt: described(time, 'When the points come back unless a purchase captured them.'),
    occurredAt: described(time, 'When the points were held, by the ledger’s clock.'),
  }),
});

const pointsHoldCaptured = defineEvent({
  owner: 'ledger',
  type: 'PointsHoldCaptured',
  aggregate: 'customer',
  description:
    'A purchase paid with held points (`recordPurchase` with `pointsPayment`): they stay spent, for the order.',
  payload: object({
    ...pointsHoldFields,
    purchaseId: described(string, 'The ledger’s id of the order the points paid.'),
    occurredAt: described(time, 'When the purchase was posted, by the ledger’s clock.'),
  }),
});

const pointsHoldReleased = defineEvent({
  owner: 'ledger',
  type: 'PointsHoldReleased',
  aggregate: 'customer',
  description: 'A hold ended without a purchase and its points came back (once): released by a caller, or expired.',
  payload: object({
    ...pointsHoldFields,
    reason: described(oneOf('RELEASED', 'EXPIRED'), 'RELEASED by `releasePointsHold`, EXPIRED at its `expiresAt`.'),
    occurredAt: described(time, 'When the points came back, by the ledger’s clock.'),
  }),
});

const pointsPaymentRefunded = defineEvent({
  owner: 'ledger',
  type: 'PointsPaymentRefunded',
  aggregate: 'customer',
  description:
    'A return gave back its share of the points that paid the order (pro rata to the goods’ value, rounded down; the last return the rest).',
  payload: object({
    ...pointsHoldFields,
    purchaseId: string,
    returnId: string,
    occurredAt: described(time, 'When the return was posted, by the ledger’s clock.'),
  }),
});

const tiersImported = defineEvent({
  owner: 'ledger',
  type: 'TiersImported',
  aggregate: 'import',
  description:
    'A batch of members’ tiers was imported from another engine (set as they were there; no TierChanged, nothing to react to live).',
  payload: object({
    jobId: described(string, 'The import job the batch belongs to: the event’s aggregate.'),
    tiers: array(object({ customerId: string, tier: described(string, 'The tier name.') })),
  }),
});

export const ledgerEvents = eventContracts('ledger', {
  PurchaseRecorded: purchaseRecorded,
  ReturnRecorded: returnRecorded,
  BalanceUpdated: balanceUpdated,
  TierChanged: tierChanged,
  PointsExpiring: pointsExpiring,
  ActivityCredited: activityCredited,
  PointsTransferred: pointsTransferred,
  AccountsMerged: accountsMerged,
  OrdersImported: ordersImported,
  TiersImported: tiersImported,
  PointsHeld: pointsHeld,
  PointsHoldCaptured: pointsHoldCaptured,
  PointsHoldReleased: pointsHoldReleased,
  PointsPaymentRefunded: pointsPaymentRefunded,
  WalletBalanceChanged: walletBalanceChanged,
});

export type PurchaseRecordedPayload = ReturnType<typeof ledgerEvents.PurchaseRecorded.decode>;
export type ReturnRecordedPayload = ReturnType<typeof ledgerEvents.ReturnRecorded.decode>;
/** A `BalanceUpdated` payload at its latest version (older versions are upgraded to it). */
export type BalanceUpdatedPayload = ReturnType<typeof ledgerEvents.BalanceUpdated.decode>;
/** A `BalanceUpdated` payload as version 1 wrote it (what SQL over the raw payload may find). */
export type BalanceUpdatedV1Payload = Decoded<typeof balanceUpdatedV1>;
export type TierChangedPayload = ReturnType<typeof ledgerEvents.TierChanged.decode>;
export type PointsExpiringPayload = ReturnType<typeof ledgerEvents.PointsExpiring.decode>;
export type ActivityCreditedPayload = ReturnType<typeof ledgerEvents.ActivityCredited.decode>;
export type PointsTransferredPayload = ReturnType<typeof ledgerEvents.PointsTransferred.decode>;
export type AccountsMergedPayload = ReturnType<typeof ledgerEvents.AccountsMerged.decode>;
export type OrdersImportedPayload = ReturnType<typeof ledgerEvents.OrdersImported.decode>;
export type TiersImportedPayload = ReturnType<typeof ledgerEvents.TiersImported.decode>;
