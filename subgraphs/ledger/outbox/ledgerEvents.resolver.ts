import { outboxEventsResolver } from '../../../runtime/events/outboxEvents.resolver';
import { ledgerEventsField } from '../contract/internalApi';

export const LedgerEventsResolver = outboxEventsResolver({
  schema: 'ledger',
  field: ledgerEventsField,
  typeName: 'LedgerEvent',
  description:
    "The ledger's committed events after an event id, oldest first (internal: other subgraphs read the purchase history from here).",
});
