import type { ImportAppliers } from '../../../runtime/imports/importBatch';
import { importBalances } from './balanceImport';
import type { LedgerImportContext } from './importCommon';
import { importOrders } from './orderImport';
import { importTiers } from './tierImport';

/** The kinds the ledger applies (`POST /internal/import/:kind`): balances, tiers and past orders. */
export function ledgerImports(context: LedgerImportContext): ImportAppliers {
  return {
    BALANCES: (db, request) => importBalances(context, db, request),
    TIERS: (db, request) => importTiers(context, db, request),
    ORDERS: (db, request) => importOrders(context, db, request),
  };
}
