import { eventCatalogue } from '../../eventCatalogue';
import type { SubgraphName } from '../../registry';

/** Subscribes an endpoint to every event type, present and future. */
export const allEventTypes = '*';

/**
 * The events integrations may subscribe to, by the service whose outbox has them: every type its
 * contract declares (subgraphs/eventCatalogue.ts). A type a service writes without declaring it
 * reaches only `*` subscribers.
 */
export const webhookEventTypes: Record<SubgraphName, readonly string[]> = {
  profile: Object.keys(eventCatalogue.profile),
  ledger: Object.keys(eventCatalogue.ledger),
  rewards: Object.keys(eventCatalogue.rewards),
  campaign: Object.keys(eventCatalogue.campaign),
  engagement: Object.keys(eventCatalogue.engagement),
};

export const knownEventTypes: ReadonlySet<string> = new Set(Object.values(webhookEventTypes).flat());
