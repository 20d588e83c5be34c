import type { Database, Queryable } from '../../../runtime/database/database';
import type { Logger } from '../../../runtime/logging/logger';
import { programStore } from '../program/program.store';
import type { ProgramSettings } from '../program/programSettings';
import type { UpstreamEvent, UpstreamOutbox } from '../../../runtime/events/upstreamOutbox';
import { consumerCursor } from '../../../runtime/events/consumerCursor';
import { outboxWakeUps } from '../../../runtime/events/outboxWakeUps';
import { PeriodicJob } from '../../../runtime/jobs/periodicJob';
import { historyStore, type CampaignEarning } from './segment.store';

const source = 'ledger';
const batchSize = 500;
/** RFM scores rank every buyer, so they are recomputed at most this often (or when asked). */
const rescoreEveryMs = 60_000;
/**
 * How often the history reads the ledger's outbox without being woken (`PURCHASE_HISTORY_INTERVAL_MS`):
 * a safety net, since the ledger's `NOTIFY` of each event it follows wakes it.
 */
export const defaultHistoryIntervalMs = 30_000;
export const historyEventTypes = [
  'PurchaseRecorded',
  'ReturnRecorded',
  'TierChanged',
  'AccountsMerged',
  'ActivityCredited',
] as const;

const earningsOf = (payload: Record<string, unknown>): CampaignEarning[] =>
  Array.isArray(payload.earnings) ? (payload.earnings as CampaignEarning[]) : [];

/**
 * Something else kept from the same ledger events (badges, leaderboards): applied in each batch's
 * transaction, after the purchase history and before the cursor moves, so it happens exactly once
 * with them.
 */
export interface HistoryFollower {
  applyBatch(tx: Queryable, events: readonly UpstreamEvent[]): Promise<void>;
  /** Runs after every refresh, outside its transactions (to call other services). */
  afterRefresh?(): Promise<void>;
}

/** The profile merges (AccountsMerged) among some ledger events. */
export function mergesIn(events: readonly UpstreamEvent[]): Array<{ survivorId: string; mergedId: string }> {
  return events
    .filter((event) => event.type === 'AccountsMerged')
    .map((event) => ({ survivorId: String(event.payload.customerId), mergedId: String(event.payload.mergedId) }));
}

export interface HistoryReport {
  /** Ledger events read in this run. */
  events: number;
  /** The last ledger event this subgraph has read. */
  lastEventId: number;
}

/**
 * Keeps the campaign subgraph's copy of the purchase history (for segments, first-purchase facts
 * of previews, and simulations) by reading the ledger's outbox from a saved cursor. Each batch and
 * its cursor commit together, so a crash re-reads a batch rather than skipping or doubling it; two
 * runs at once are serialised by the cursor row's lock. Woken by the ledger's notifications.
 */
export class PurchaseHistory {
  private readonly job: PeriodicJob<HistoryReport>;
  private running: Promise<HistoryReport> | undefined;
  private lastRescore = 0;
  private unscored = false;

  constructor(
    private readonly db: Database,
    private readonly events: UpstreamOutbox,
    private readonly defaults: ProgramSettings,
    private readonly logger: Logger,
    private readonly followers: readonly HistoryFollower[] = [],
  ) {
    this.job = new PeriodicJob('reading the ledger history', () => this.refresh(), logger, {
      wakeUps: outboxWakeUps(db, { [source]: historyEventTypes }),
    });
  }

  /** Reads every `intervalMs`, and when the ledger notifies an event it follows (0: only on request). */
  start(intervalMs: number): Promise<void> {
    return this.job.start(intervalMs);
  }

  async stop(): Promise<void> {
    await this.job.stop();
    await this.running?.catch(() => undefined);
  }

  /**
   * Reads every new ledger event, and rescores RFM if a minute has passed or `rescore` asks for it;
   * a call during a run joins it.
   */
  async refresh(rescore = false): Promise<HistoryReport> {
    while (this.running) await this.running.catch(() => undefined);
    this.running = this.refreshOnce(rescore).finally(() => (this.running = undefined));
    return this.running;
  }

  private async refreshOnce(rescore: boolean): Promise<HistoryReport> {
    const { currency } = await programStore.load(this.db, this.defaults);
    let read = 0;
    let cursor = await consumerCursor.read(this.db, 'campaign', source);
    for (;;) {
      const batch = await this.events.after(cursor, batchSize, historyEventTypes);
      if (batch.length === 0) break;
      await this.db.transaction(async (tx) => {
        const committed = await consumerCursor.lock(tx, 'campaign', source);
        const fresh = batch.filter((event) => event.id > committed);
        const customers = new Set<string>();
        for (const event of fresh) {
          const payload = event.payload;
          const customerId = String(payload.customerId);
          customers.add(customerId);
          if (event.type === 'PurchaseRecorded') {
            await historyStore.addPurchase(tx, {
              purchaseId: String(payload.purchaseId),
              customerId,
              channel: String(payload.channel),
              storeId: (payload.storeId as string | null) ?? null,
              currency: String(payload.currency),
              totalAmount: Number(payload.totalAmount),
              lines: payload.lines,
              pointsEarned: Number(payload.pointsEarned ?? 0),
              occurredAt: String(payload.occurredAt),
            });
            await historyStore.addCampaignRewards(
              tx,
              { id: String(payload.purchaseId), customerId, at: String(payload.occurredAt) },
              earningsOf(payload),
            );
          } else if (event.type === 'ActivityCredited') {
            await historyStore.addCampaignRewards(
              tx,
              { id: String(payload.activityId), customerId, at: String(payload.occurredAt) },
              earningsOf(payload),
            );
          } else if (event.type === 'ReturnRecorded') {
            await historyStore.addReturn(
              tx,
              String(payload.purchaseId),
              Number(payload.amount),
              Number(payload.pointsReversed ?? 0),
            );
          } else if (event.type === 'TierChanged') {
            await historyStore.setTier(tx, customerId, String(payload.to));
          } else if (event.type === 'AccountsMerged') {
            await historyStore.mergeCustomer(tx, customerId, String(payload.mergedId));
          }
        }
        await historyStore.recount(tx, [...customers], currency);
        for (const follower of this.followers) await follower.applyBatch(tx, fresh);
        await consumerCursor.advance(tx, 'campaign', source, batch[batch.length - 1]!.id);
      });
      this.unscored = true;
      read += batch.length;
      cursor = batch[batch.length - 1]!.id;
      if (batch.length < batchSize) break;
      this.logger.info('reading the ledger history', { events: read, lastEventId: cursor });
    }
    if (this.unscored && (rescore || Date.now() - this.lastRescore >= rescoreEveryMs)) {
      await this.db.transaction((tx) => historyStore.rescoreRfm(tx));
      this.lastRescore = Date.now();
      this.unscored = false;
    }
    // New buyers wait for their RFM scores until the minute is up, not for the next timed read.
    if (this.unscored) this.job.wake(this.lastRescore + rescoreEveryMs - Date.now());
    for (const follower of this.followers) await follower.afterRefresh?.();
    return { events: read, lastEventId: cursor };
  }
}
