import { eventContracts } from '../../../runtime/events/eventContract';

/**
 * The events the engagement subgraph writes to its outbox: the contract its consumers decode with
 * (docs/reference/events.md is generated from it).
 */
export const engagementEvents = eventContracts('engagement', {});
