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

/** A part of a subgraph that reads events from an outbox, with the producers' contracts it decodes them by. */
export interface EventConsumer {
  subgraph: SubgraphName;
  /** What it keeps or does (for the reference), e.g. "purchase history (segments)". */
  name: string;
  /** Where it lives, from the project root. */
  module: string;
  reads: readonly AnyEventContract[];
}

/** Every consumer of the graph's events (the contracts test decodes what each reads). */
export const eventConsumers: readonly EventConsumer[] = [];
