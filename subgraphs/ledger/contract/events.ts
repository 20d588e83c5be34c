import { eventContracts } from '../../../runtime/events/eventContract';

/**
 * The events the ledger subgraph writes to its outbox: the contract its consumers decode with
 * (docs/reference/events.md is generated from it).
 */
export const ledgerEvents = eventContracts('ledger', {});
