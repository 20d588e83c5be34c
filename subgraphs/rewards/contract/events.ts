import { eventContracts } from '../../../runtime/events/eventContract';

/**
 * The events the rewards subgraph writes to its outbox: the contract its consumers decode with
 * (docs/reference/events.md is generated from it).
 */
export const rewardsEvents = eventContracts('rewards', {});
