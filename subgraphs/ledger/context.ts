import DataLoader from 'dataloader';
import type { Database } from '../../runtime/database/database';
import type { AuthContext } from '../../runtime/auth/authorize';
import type { EventFeed } from '../../runtime/events/eventFeed';
import type { ContextInput } from '../../runtime/server/startSubgraph';
import { isUuid } from '../../runtime/validation/validators';
import { accountStore, type AccountWithCursor } from './accounts/account.store';
import type { OrderTotals } from './metrics/customerMetrics.rules';
import { customerMetricsStore } from './metrics/customerMetrics.store';
import type { ExpiringPoints, PendingPoints } from './accounts/account.type';
import type { ActivityService } from './activities/activity.service';
import type { AdjustmentService } from './adjustments/adjustment.service';
import type { BulkAdjustmentService } from './bulkAdjustments/bulkAdjustment.service';
import { historyKey, journalStore, type EntryRow, type HistoryRequest } from './journal/journal.store';
import type { LedgerCore } from './ledgerCore';
import { addMonths } from './lots/lot.rules';
import { lotStore } from './lots/lot.store';
import type { PointsJob } from './maintenance/pointsJob';
import type { PeriodicJob } from '../../runtime/jobs/periodicJob';
import type { FoldReport } from './metrics/programMetrics.store';
import type { PointsPaymentService } from './pointsPayments/pointsPayment.service';
import { holdsKey, pointsPaymentStore, type HoldRow, type HoldsRequest } from './pointsPayments/pointsPayment.store';
import type { PurchaseService } from './purchases/purchase.service';
import type { RedemptionService } from './redemptions/redemption.service';
import type { ReturnService } from './returns/return.service';
import type { TransferService } from './transfers/transfer.service';
import type { WalletService } from './wallets/wallet.service';
import type { ImportJobService } from './importJobs/importJob.service';
import type { TierProgram } from './tiers/tier.rules';
import { tierStore } from './tiers/tier.store';

export interface LedgerServices {
  db: Database;
  core: LedgerCore;
  purchases: PurchaseService;
  returns: ReturnService;
  redemptions: RedemptionService;
  pointsPayments: PointsPaymentService;
  wallets: WalletService;
  adjustments: AdjustmentService;
  bulkAdjustments: BulkAdjustmentService;
  transfers: TransferService;
  importJobs: ImportJobService;
  activities: ActivityService;
  pointsJob: PointsJob;
  metricsJob: PeriodicJob<FoldReport>;
}

export interface LedgerContext extends LedgerServices, AuthContext {
  events: EventFeed;
  /** The tier program, read once per request. */
  tierProgram: () => Promise<TierProgram | null>;
  loaders: {
    accountByCustomerId: DataLoader<string, AccountWithCursor | null>;
    historyPage: DataLoader<HistoryRequest, EntryRow[], string>;
    qualifyingPoints: DataLoader<string, number>;
    expiringPoints: DataLoader<string, ExpiringPoints[]>;
    pendingPoints: DataLoader<string, PendingPoints[]>;
    heldPoints: DataLoader<string, number>;
    holdsPage: DataLoader<HoldsRequest, HoldRow[], string>;
    orderTotals: DataLoader<string, OrderTotals[]>;
  };
}

function groupBy<Row extends { customer_id: string }, Item>(
  ids: readonly string[],
  rows: readonly Row[],
  toItem: (row: Row) => Item,
): Item[][] {
  const groups = new Map<string, Item[]>(ids.map((id) => [id, []]));
  for (const row of rows) groups.get(row.customer_id)?.push(toItem(row));
  return ids.map((id) => groups.get(id) ?? []);
}

/** A request's context: services plus loaders that batch every read of the request into one query per kind. */
export function createLedgerContext(services: LedgerServices, { events, principal }: ContextInput): LedgerContext {
  const { db } = services;
  let program: Promise<TierProgram | null> | undefined;
  const tierProgram = () => (program ??= tierStore.load(db));
  return {
    ...services,
    events,
    principal,
    tierProgram,
    loaders: {
      accountByCustomerId: new DataLoader(async (ids) => {
        const valid = ids.filter(isUuid);
        const rows = valid.length > 0 ? await accountStore.findByCustomerIds(db, valid) : [];
        const byId = new Map(rows.map((row) => [row.asked_id, row]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
      historyPage: new DataLoader(
        async (requests) => {
          const pages = await journalStore.historyPages(db, requests);
          return requests.map((request) => pages.get(historyKey(request)) ?? []);
        },
        { cacheKeyFn: historyKey },
      ),
      qualifyingPoints: new DataLoader(async (ids) => {
        const current = await tierProgram();
        const since = addMonths(services.core.clock(), -(current?.windowMonths ?? 12));
        const points = await tierStore.qualifyingPointsOf(db, ids, since);
        return ids.map((id) => points.get(id) ?? 0);
      }),
      expiringPoints: new DataLoader(async (ids) =>
        groupBy(ids, await lotStore.expiringByDate(db, ids), (row) => ({
          points: row.points,
          expiresAt: row.expires_at,
        })),
      ),
      orderTotals: new DataLoader(async (ids) => {
        const totals = await customerMetricsStore.orderTotals(db, ids);
        return ids.map((id) => totals.get(id) ?? []);
      }),
      heldPoints: new DataLoader(async (ids) => {
        const held = await pointsPaymentStore.heldBy(db, ids);
        return ids.map((id) => held.get(id) ?? 0);
      }),
      holdsPage: new DataLoader(
        async (requests) => {
          const pages = await pointsPaymentStore.holdPages(db, requests);
          return requests.map((request) => pages.get(holdsKey(request)) ?? []);
        },
        { cacheKeyFn: holdsKey },
      ),
      pendingPoints: new DataLoader(async (ids) =>
        groupBy(ids, await lotStore.pendingByDate(db, ids), (row) => ({
          points: row.points,
          availableAt: row.available_at,
          purchaseId: row.order_id,
        })),
      ),
    },
  };
}
