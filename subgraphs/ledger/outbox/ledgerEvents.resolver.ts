import { outboxEventsResolver } from '../../../runtime/events/outboxEvents.resolver';

export const LedgerEventsResolver = outboxEventsResolver({
  schema: 'ledger',
  field: 'ledgerEvents',
  typeName: 'LedgerEvent',
  description:
    "The ledger's committed events after an event id, oldest first (internal: other subgraphs read the purchase history from here).",
});
