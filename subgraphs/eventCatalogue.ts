import type { AnyEventContract } from '../runtime/events/eventContract';
import { campaignEvents } from './campaign/contract/events';
import { engagementEvents } from './engagement/contract/events';
import { ledgerEvents } from './ledger/contract/events';
import { profileEvents } from './profile/contract/events';
import type { SubgraphName } from './registry';
import { rewardsEvents } from './rewards/contract/events';

/** Every event each subgraph writes, by producer: what docs/reference/events.md is generated from. */
export const eventCatalogue: Record<SubgraphName, Readonly<Record<string, AnyEventContract>>> = {
  profile: profileEvents,
  ledger: ledgerEvents,
  rewards: rewardsEvents,
  campaign: campaignEvents,
  engagement: engagementEvents,
};

/** The producer's contract of an event type, or undefined when `owner` declares no such type. */
export function contractOf(owner: SubgraphName, type: string): AnyEventContract | undefined {
  return Object.hasOwn(eventCatalogue[owner], type) ? eventCatalogue[owner][type] : undefined;
}
