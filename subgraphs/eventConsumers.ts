import type { AnyEventContract } from '../runtime/events/eventContract';
import { customEventEvents } from './campaign/customEvents/customEvents';
import { absenceStartEvents } from './campaign/absence/absenceStarts';
import { memberMessageEvents } from './campaign/segments/memberMessages';
import { memberProfileEvents } from './campaign/segments/memberProfiles';
import { historyEvents } from './campaign/segments/purchaseHistory';
import { memberViewEvents } from './engagement/members/memberView';
import { notificationEvents } from './engagement/notifications/notification.rules';
import { voucherResponseEvents } from './engagement/responses/messageResponse.service';
import { eventCatalogue } from './eventCatalogue';
import { ledgerEvents } from './ledger/contract/events';
import { foldedEvents } from './ledger/metrics/programMetrics.store';
import { customerMergeEvents } from './profile/contract/customerMerges';
import { timelineEvents } from './profile/timeline/timelineSources';
import { subgraphNames, type SubgraphName } from './registry';
import { voucherSubscriptionEvents } from './rewards/vouchers/voucherEvents.resolver';

/** A part of a subgraph that reads events from an outbox, with the producers' contracts it decodes them by. */
export interface EventConsumer {
  subgraph: SubgraphName;
  /** What it keeps or does, for the reference. */
  name: string;
  /** Where it lives, from the project root. */
  module: string;
  reads: readonly AnyEventContract[];
}

/**
 * Every consumer of the graph's events, each with the list its own module declares and decodes by
 * (for the reference page and the contracts test; services import their own lists, not this file).
 */
export const eventConsumers: readonly EventConsumer[] = [
  {
    subgraph: 'campaign',
    name: 'purchase history (segments, badges, leaderboards)',
    module: 'subgraphs/campaign/segments/purchaseHistory.ts',
    reads: historyEvents,
  },
  {
    subgraph: 'campaign',
    name: 'member profiles (attributes and consent for segments, merges, erasure)',
    module: 'subgraphs/campaign/segments/memberProfiles.ts',
    reads: memberProfileEvents,
  },
  {
    subgraph: 'campaign',
    name: 'member messages (messages sent and their responses, for segments)',
    module: 'subgraphs/campaign/segments/memberMessages.ts',
    reads: memberMessageEvents,
  },
  {
    subgraph: 'campaign',
    name: 'custom events (event counts for segments, EVENT campaigns, merges, erasure)',
    module: 'subgraphs/campaign/customEvents/customEvents.ts',
    reads: customEventEvents,
  },
  {
    subgraph: 'campaign',
    name: 'absence timers (started by custom events; purchases cancel and restart them with the purchase history)',
    module: 'subgraphs/campaign/absence/absenceStarts.ts',
    reads: absenceStartEvents,
  },
  {
    subgraph: 'profile',
    name: "customers' timelines (purchases, returns, redemptions, messages sent and their responses)",
    module: 'subgraphs/profile/timeline/timelineSources.ts',
    reads: timelineEvents,
  },
  {
    subgraph: 'ledger',
    name: 'program metrics',
    module: 'subgraphs/ledger/metrics/programMetrics.store.ts',
    reads: foldedEvents,
  },
  {
    subgraph: 'ledger',
    name: 'balance and tier subscriptions',
    module: 'subgraphs/ledger/balanceUpdates/balanceUpdate.resolver.ts',
    reads: [ledgerEvents.BalanceUpdated, ledgerEvents.TierChanged],
  },
  {
    subgraph: 'ledger',
    name: 'account merges',
    module: 'subgraphs/profile/contract/customerMerges.ts',
    reads: customerMergeEvents,
  },
  {
    subgraph: 'rewards',
    name: 'voucher merges',
    module: 'subgraphs/profile/contract/customerMerges.ts',
    reads: customerMergeEvents,
  },
  {
    subgraph: 'rewards',
    name: 'voucher subscriptions',
    module: 'subgraphs/rewards/vouchers/voucherEvents.resolver.ts',
    reads: voucherSubscriptionEvents,
  },
  {
    subgraph: 'engagement',
    name: 'member view (consent, merges, erasure)',
    module: 'subgraphs/engagement/members/memberView.ts',
    reads: memberViewEvents,
  },
  {
    subgraph: 'engagement',
    name: 'notifications',
    module: 'subgraphs/engagement/notifications/notification.rules.ts',
    reads: Object.values(notificationEvents).flat(),
  },
  {
    subgraph: 'engagement',
    name: 'message responses (redemptions of the vouchers messages carried)',
    module: 'subgraphs/engagement/responses/messageResponse.service.ts',
    reads: voucherResponseEvents,
  },
  {
    subgraph: 'engagement',
    name: 'webhooks',
    module: 'subgraphs/engagement/webhooks/webhook.rules.ts',
    reads: subgraphNames.flatMap((owner) => Object.values(eventCatalogue[owner])),
  },
];
