import type { AnyEventContract } from '../../../runtime/events/eventContract';
import type { UpstreamEvent } from '../../../runtime/events/upstreamOutbox';
import { engagementEvents, type MessageResponseKind } from '../../engagement/contract/events';
import { engagementEventsField } from '../../engagement/contract/internalApi';
import { ledgerEvents } from '../../ledger/contract/events';
import { ledgerEventsField } from '../../ledger/contract/internalApi';
import { rewardsEvents } from '../../rewards/contract/events';
import { rewardsEventsField } from '../../rewards/contract/internalApi';
import type { SubgraphName } from '../../registry';
import { TimelineEntryKind } from './timelineEntry.rules';

/** An entry an upstream event adds to its member's timeline. */
export interface NewTimelineEntry {
  customerId: string;
  kind: TimelineEntryKind;
  occurredAt: Date;
  channel: string | null;
  /** What the entry shows, by kind (see timelineEntry.type.ts). */
  summary: Record<string, unknown>;
  /** What the event is about, unique within its source: a replay finds the entry there. */
  key: string;
  /** Summary fields copied from an earlier entry of the same source (a return's currency, from its order). */
  inherits?: { key: string; fields: readonly string[] };
}

/** What a later event says about an entry already there (a voucher used or cancelled). */
export interface TimelineAmendment {
  /** The entry's key within its source. */
  amends: string;
  /** Summary fields set on it. */
  summary: Record<string, unknown>;
}

export type TimelineChange = NewTimelineEntry | TimelineAmendment;

/** One producer the timeline follows: its outbox, the events read, what each one does to the timeline. */
export interface TimelineSource {
  service: SubgraphName;
  /** Its internal events query. */
  eventsField: string;
  events: readonly AnyEventContract[];
  /** What the event changes: one entry or amendment, several in order (a batch of imported orders), or nothing. */
  entryOf(event: UpstreamEvent): TimelineChange | readonly TimelineChange[] | null;
}

/** The changes an event makes, in the order they are applied. */
export function timelineChangesOf(source: TimelineSource, event: UpstreamEvent): readonly TimelineChange[] {
  const outcome = source.entryOf(event);
  if (outcome === null) return [];
  return isChangeList(outcome) ? outcome : [outcome];
}

const isChangeList = (outcome: TimelineChange | readonly TimelineChange[]): outcome is readonly TimelineChange[] =>
  Array.isArray(outcome);

const purchaseKey = (purchaseId: string) => `purchase:${purchaseId}`;
const voucherKey = (voucherId: string) => `voucher:${voucherId}`;
const messageKey = (messageId: string) => `message:${messageId}`;

/** The summary field each response to a message sets on its entry. */
const responseTimeField = {
  OPENED: 'openedAt',
  CLICKED: 'clickedAt',
  REDEEMED: 'redeemedAt',
} as const satisfies Record<MessageResponseKind, string>;

/** What the ledger says of an order, recorded or imported. */
interface LedgerOrder {
  purchaseId: string;
  customerId: string;
  occurredAt: string;
  channel: string;
  storeId: string | null;
  totalAmount: number;
  currency: string;
}

/** What the ledger says of a return, recorded or imported. */
interface LedgerReturn {
  returnId: string;
  purchaseId: string;
  customerId: string;
  amount: number;
  occurredAt: string;
}

function purchaseEntry(order: LedgerOrder, points: { pointsEarned: number; imported: boolean }): NewTimelineEntry {
  return {
    customerId: order.customerId,
    kind: TimelineEntryKind.PURCHASE,
    occurredAt: new Date(order.occurredAt),
    channel: order.channel,
    summary: {
      orderId: order.purchaseId,
      storeId: order.storeId,
      totalAmount: order.totalAmount,
      currency: order.currency,
      ...points,
    },
    key: purchaseKey(order.purchaseId),
  };
}

function returnEntry(returned: LedgerReturn, points: { pointsReversed: number; imported: boolean }): NewTimelineEntry {
  return {
    customerId: returned.customerId,
    kind: TimelineEntryKind.RETURN,
    occurredAt: new Date(returned.occurredAt),
    channel: null,
    summary: {
      returnId: returned.returnId,
      orderId: returned.purchaseId,
      refundAmount: returned.amount,
      ...points,
    },
    key: `return:${returned.returnId}`,
    inherits: { key: purchaseKey(returned.purchaseId), fields: ['currency'] },
  };
}

/**
 * The producers whose events a customer's timeline shows besides their custom events. Another
 * producer is one more entry here (and its URL where the profile starts); its cursor is
 * `timeline:<service>` in `profile.timeline_cursors`.
 */
export const timelineSources = [
  {
    service: 'ledger',
    eventsField: ledgerEventsField,
    // OrdersImported is history from another engine: its orders and returns are listed as the
    // native ones are, under the same keys (a native retry of an imported order adds nothing).
    events: [ledgerEvents.PurchaseRecorded, ledgerEvents.ReturnRecorded, ledgerEvents.OrdersImported],
    entryOf(event) {
      if (ledgerEvents.PurchaseRecorded.is(event)) {
        const purchase = ledgerEvents.PurchaseRecorded.decode(event);
        return purchaseEntry(purchase, { pointsEarned: purchase.pointsEarned, imported: false });
      }
      if (ledgerEvents.OrdersImported.is(event)) {
        const imported = ledgerEvents.OrdersImported.decode(event);
        // Orders first: a return of an order in the same batch takes its currency from it.
        return [
          ...imported.purchases.map((purchase) => purchaseEntry(purchase, { pointsEarned: 0, imported: true })),
          ...imported.returns.map((returned) => returnEntry(returned, { pointsReversed: 0, imported: true })),
        ];
      }
      const returned = ledgerEvents.ReturnRecorded.decode(event);
      return returnEntry(returned, { pointsReversed: returned.pointsReversed, imported: false });
    },
  },
  {
    service: 'rewards',
    eventsField: rewardsEventsField,
    // RewardIssued is the redemption (points spent, or a grant); the voucher's later use or
    // cancellation (points refunded) is shown on it rather than as an entry of its own.
    events: [rewardsEvents.RewardIssued, rewardsEvents.VoucherConsumed, rewardsEvents.VoucherCancelled],
    entryOf(event) {
      if (rewardsEvents.VoucherConsumed.is(event)) {
        const used = rewardsEvents.VoucherConsumed.decode(event);
        return {
          amends: voucherKey(used.voucherId),
          summary: { usedAt: used.occurredAt ?? event.createdAt.toISOString(), usedChannel: used.channel },
        };
      }
      if (rewardsEvents.VoucherCancelled.is(event)) {
        return {
          amends: voucherKey(rewardsEvents.VoucherCancelled.decode(event).voucherId),
          summary: { cancelled: true },
        };
      }
      const issued = rewardsEvents.RewardIssued.decode(event);
      return {
        customerId: issued.customerId,
        kind: TimelineEntryKind.REDEMPTION,
        occurredAt: event.createdAt,
        channel: null,
        summary: {
          redemptionId: issued.redemptionId,
          rewardId: issued.rewardId,
          voucherId: issued.voucherId,
          pointsSpent: issued.points,
        },
        key: voucherKey(issued.voucherId),
      };
    },
  },
  {
    service: 'engagement',
    eventsField: engagementEventsField,
    // Only messages a provider took have a MessageSent (suppressed and failed ones do not), so the
    // member sees what reached them; each response (once per message and kind) is shown on it.
    events: [engagementEvents.MessageSent, engagementEvents.MessageResponded],
    entryOf(event) {
      if (engagementEvents.MessageResponded.is(event)) {
        const responded = engagementEvents.MessageResponded.decode(event);
        return {
          amends: messageKey(responded.messageId),
          summary: { [responseTimeField[responded.response]]: responded.occurredAt },
        };
      }
      const sent = engagementEvents.MessageSent.decode(event);
      return {
        customerId: sent.customerId,
        kind: TimelineEntryKind.MESSAGE,
        occurredAt: new Date(sent.sentAt),
        channel: sent.channel,
        summary: {
          messageId: sent.messageId,
          messageKind: sent.kind,
          campaignKey: sent.campaignKey,
          rewardId: sent.rewardId,
          voucherId: sent.voucherId,
        },
        key: messageKey(sent.messageId),
      };
    },
  },
] as const satisfies readonly TimelineSource[];

/** The services the timeline reads, each at its `/graphql` URL. */
export type TimelineUpstream = (typeof timelineSources)[number]['service'];

/** Every event the timeline reads, for the catalogue. */
export const timelineEvents: readonly AnyEventContract[] = timelineSources.flatMap(
  (source): readonly AnyEventContract[] => source.events,
);
