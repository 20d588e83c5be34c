import type { Database, Queryable } from '../../../runtime/database/database';
import type { Logger } from '../../../runtime/logging/logger';
import { programStore } from '../program/program.store';
import type { ProgramSettings } from '../program/programSettings';
import type { UpstreamEvent } from '../../../runtime/events/upstreamOutbox';
import type { FollowedOutbox } from '../../../runtime/events/outboxFollower';
import { consumerCursor } from '../../../runtime/events/consumerCursor';
import { followerWakeUps } from '../../../runtime/events/followerTransport';
import type { EventTransport } from '../../../runtime/events/natsEvents';
import { EventContractError, typesOf } from '../../../runtime/events/eventContract';
import { PeriodicJob } from '../../../runtime/jobs/periodicJob';
import { ledgerEvents } from '../../ledger/contract/events';
import { historyStore } from './segment.store';

const source = 'ledger';
/** The durable consumer of the ledger's stream the history reads with `EVENT_TRANSPORT=nats`. */
export const historyConsumer = `campaign-${source}`;
const batchSize = 500;
/** RFM scores rank every buyer, so they are recomputed at most this often (or when asked). */
const rescoreEveryMs = 60_000;
/**
 * How often the history reads the ledger's outbox without being woken (`PURCHASE_HISTORY_INTERVAL_MS`):
 * a safety net, since the ledger's `NOTIFY` of each event it follows wakes it.
 */
export const defaultHistoryIntervalMs = 30_000;
/** The ledger events the purchase history (and its followers: badges, leaderboards) reads, by the ledger's contract. */
export const historyEvents = [
  ledgerEvents.PurchaseRecorded,
  ledgerEvents.ReturnRecorded,
  ledgerEvents.TierChanged,
  ledgerEvents.AccountsMerged,
  ledgerEvents.ActivityCredited,
  ledgerEvents.OrdersImported,
  ledgerEvents.TiersImported,
] as const;
const historyEventTypes = typesOf(historyEvents);

type Ledger = typeof ledgerEvents;
type Read<K extends keyof Ledger> = { id: number; type: K; payload: ReturnType<Ledger[K]['decode']> };
/** A ledger event of `historyEvents`, decoded with the ledger's contract. */
export type HistoryEvent =
  | Read<'PurchaseRecorded'>
  | Read<'ReturnRecorded'>
  | Read<'TierChanged'>
  | Read<'AccountsMerged'>
  | Read<'ActivityCredited'>
  | Read<'OrdersImported'>
  | Read<'TiersImported'>;

/** Decodes a ledger event the history reads; throws (naming the field) on one that breaks the contract. */
export function decodeHistoryEvent(event: UpstreamEvent): HistoryEvent {
  const { id } = event;
  if (ledgerEvents.PurchaseRecorded.is(event))
    return { id, type: 'PurchaseRecorded', payload: ledgerEvents.PurchaseRecorded.decode(event) };
  if (ledgerEvents.ReturnRecorded.is(event))
    return { id, type: 'ReturnRecorded', payload: ledgerEvents.ReturnRecorded.decode(event) };
  if (ledgerEvents.TierChanged.is(event))
    return { id, type: 'TierChanged', payload: ledgerEvents.TierChanged.decode(event) };
  if (ledgerEvents.AccountsMerged.is(event))
    return { id, type: 'AccountsMerged', payload: ledgerEvents.AccountsMerged.decode(event) };
  if (ledgerEvents.ActivityCredited.is(event))
    return { id, type: 'ActivityCredited', payload: ledgerEvents.ActivityCredited.decode(event) };
  if (ledgerEvents.OrdersImported.is(event))
    return { id, type: 'OrdersImported', payload: ledgerEvents.OrdersImported.decode(event) };
  if (ledgerEvents.TiersImported.is(event))
    return { id, type: 'TiersImported', payload: ledgerEvents.TiersImported.decode(event) };
  throw new EventContractError('type', `one of ${historyEventTypes.join(', ')}`, event.type);
}

/**
 * Something else kept from the same ledger events (badges, leaderboards): applied in each batch's
 * transaction, after the purchase history and before the cursor moves, so it happens exactly once
 * with them.
 */
export interface HistoryFollower {
  applyBatch(tx: Queryable, events: readonly HistoryEvent[]): Promise<void>;
  /** Runs after every refresh, outside its transactions (to call other services). */
  afterRefresh?(): Promise<void>;
}

/** The profile merges (AccountsMerged) among some ledger events. */
export function mergesIn(events: readonly HistoryEvent[]): Array<{ survivorId: string; mergedId: string }> {
  return events.flatMap((event) =>
    event.type === 'AccountsMerged' ? [{ survivorId: event.payload.customerId, mergedId: event.payload.mergedId }] : [],
  );
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
 *
 * With `EVENT_TRANSPORT=nats` it reads the ledger's stream through the durable consumer
 * `campaign-ledger`, which hands over one event at a time (the next once this one's batch has
 * committed, so instances sharing it stay in order): each event is then a batch of its own. Live
 * purchases arrive one at a time anyway; a catch-up pays a transaction per event (an import of
 * orders is one event).
 */
export class PurchaseHistory {
  private readonly job: PeriodicJob<HistoryReport>;
  private running: Promise<HistoryReport> | undefined;
  private lastRescore = 0;
  private unscored = false;

  constructor(
    private readonly db: Database,
    /** The ledger's events query, or its stream (`followedOutbox`). */
    private readonly events: FollowedOutbox,
    private readonly defaults: ProgramSettings,
    private readonly logger: Logger,
    private readonly followers: readonly HistoryFollower[] = [],
    eventTransport?: EventTransport,
  ) {
    this.job = new PeriodicJob(
      'reading the ledger history',
      () => this.refresh(),
      logger,
      followerWakeUps(eventTransport, db, { [source]: historyEventTypes }),
    );
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
        const fresh = batch.filter((event) => event.id > committed).map(decodeHistoryEvent);
        const customers = new Set<string>();
        for (const event of fresh) {
          if (event.type === 'OrdersImported') {
            // History from another engine, a batch at once: no campaign rewards, nothing live.
            await historyStore.addImported(tx, event.payload.purchases, event.payload.returns);
            for (const purchase of event.payload.purchases) customers.add(purchase.customerId);
            for (const returned of event.payload.returns) customers.add(returned.customerId);
            continue;
          }
          if (event.type === 'TiersImported') {
            await historyStore.setTiers(tx, event.payload.tiers);
            continue;
          }
          const { customerId } = event.payload;
          customers.add(customerId);
          if (event.type === 'PurchaseRecorded') {
            const purchase = event.payload;
            await historyStore.addPurchase(tx, {
              purchaseId: purchase.purchaseId,
              customerId,
              channel: purchase.channel,
              storeId: purchase.storeId,
              currency: purchase.currency,
              totalAmount: purchase.totalAmount,
              lines: purchase.lines,
              pointsEarned: purchase.pointsEarned,
              occurredAt: purchase.occurredAt,
            });
            await historyStore.addCampaignRewards(
              tx,
              { id: purchase.purchaseId, customerId, at: purchase.occurredAt },
              purchase.earnings ?? [],
            );
          } else if (event.type === 'ActivityCredited') {
            const activity = event.payload;
            await historyStore.addCampaignRewards(
              tx,
              { id: activity.activityId, customerId, at: activity.occurredAt },
              activity.earnings,
            );
          } else if (event.type === 'ReturnRecorded') {
            const { purchaseId, amount, pointsReversed } = event.payload;
            await historyStore.addReturn(tx, purchaseId, amount, pointsReversed);
          } else if (event.type === 'TierChanged') {
            await historyStore.setTier(tx, customerId, event.payload.to);
          } else if (event.type === 'AccountsMerged') {
            await historyStore.mergeCustomer(tx, customerId, event.payload.mergedId);
          }
        }
        await historyStore.recount(tx, [...customers], currency);
        for (const follower of this.followers) await follower.applyBatch(tx, fresh);
        await consumerCursor.advance(tx, 'campaign', source, batch[batch.length - 1]!.id);
      });
      for (const event of batch) await this.events.acknowledge?.(event);
      this.unscored = true;
      read += batch.length;
      cursor = batch[batch.length - 1]!.id;
      // A stream hands over one event a call: read until it has none.
      if (batch.length < batchSize && !this.events.acknowledge) break;
      if (batch.length === batchSize)
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
