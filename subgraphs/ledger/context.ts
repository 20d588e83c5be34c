import DataLoader from 'dataloader';
import type { Database } from '../../runtime/database/database';
import type { AuthContext } from '../../runtime/auth/authorize';
import type { EventFeed } from '../../runtime/events/eventFeed';
import type { ContextInput } from '../../runtime/server/startSubgraph';
import { isUuid } from '../../runtime/validation/validators';
import { accountStore, type AccountWithCursor } from './accounts/account.store';
import { historyKey, journalStore, type EntryRow, type HistoryRequest } from './journal/journal.store';
import type { PurchaseService } from './purchases/purchase.service';

export interface LedgerServices {
  db: Database;
  purchases: PurchaseService;
}

export interface LedgerContext extends LedgerServices, AuthContext {
  events: EventFeed;
  loaders: {
    accountByCustomerId: DataLoader<string, AccountWithCursor | null>;
    historyPage: DataLoader<HistoryRequest, EntryRow[], string>;
  };
}

/** A request's context: services plus loaders that batch every read of the request into one query per kind. */
export function createLedgerContext(services: LedgerServices, { events, principal }: ContextInput): LedgerContext {
  const { db } = services;
  return {
    ...services,
    events,
    principal,
    loaders: {
      accountByCustomerId: new DataLoader(async (ids) => {
        const valid = ids.filter(isUuid);
        const rows = valid.length > 0 ? await accountStore.findByCustomerIds(db, valid) : [];
        const byId = new Map(rows.map((row) => [row.customer_id, row]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
      historyPage: new DataLoader(
        async (requests) => {
          const pages = await journalStore.historyPages(db, requests);
          return requests.map((request) => pages.get(historyKey(request)) ?? []);
        },
        { cacheKeyFn: historyKey },
      ),
    },
  };
}
