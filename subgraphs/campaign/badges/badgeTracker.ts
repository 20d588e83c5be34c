import type { Queryable } from '../../../runtime/database/database';
import { appendEvent } from '../../../runtime/events/outbox';
import { programStore } from '../program/program.store';
import type { ProgramSettings } from '../program/programSettings';
import { mergesIn, type HistoryEvent, type HistoryFollower } from '../segments/purchaseHistory';
import { campaignEvents } from '../contract/events';
import { eventMatches } from '../customEvents/eventTrigger.rules';
import { BadgeEvent, completingPurchase, countingLife, type BadgePurchase } from './badge.rules';
import { badgeStore, type BadgeCustomEvent, type BadgeRecord } from './badge.store';
import type { BadgeAwards } from './badgeAwards';

/** The ledger's idempotency key of a badge's points: one award per badge and member. */
export const awardKeyOf = (badgeKey: string, customerId: string): string => `badge:${badgeKey}:${customerId}`;
export const awardReasonOf = (badge: Pick<BadgeRecord, 'name'>): string => `Badge earned: ${badge.name}`;

/** The badges anything still counts towards (a badge retired the instant it was defined never counted). */
const countingBadges = (badges: readonly BadgeRecord[], event: BadgeEvent): BadgeRecord[] =>
  badges.filter((badge) => badge.rule.event === event && (!badge.retiredAt || badge.retiredAt > badge.countsFrom));

/**
 * A member's custom events that meet a CUSTOM_EVENT badge's trigger, as the badge rules read
 * purchases: the event id in place of the purchase id, no store or amount.
 */
export function qualifyingEvents(badge: BadgeRecord, events: readonly BadgeCustomEvent[]): BadgePurchase[] {
  const trigger = badge.rule.eventTrigger;
  if (!trigger) return [];
  return events
    .filter((event) => eventMatches(trigger, event))
    .map((event) => ({
      purchaseId: event.eventId,
      channel: event.channel,
      storeId: null,
      currency: '',
      totalAmount: 0,
      occurredAt: event.occurredAt,
    }));
}

/** What completed a badge: a purchase or a custom event, and when it happened. */
interface Completing {
  purchaseId: string | null;
  eventId: string | null;
  occurredAt: Date;
}

/**
 * Writes a completion, its pending award and its BadgeEarned event, once per badge and member
 * (the completion's primary key): whichever follower finds it, however often it is re-read.
 */
async function complete(tx: Queryable, badge: BadgeRecord, customerId: string, by: Completing): Promise<void> {
  const completion = {
    badgeKey: badge.key,
    customerId,
    completedAt: by.occurredAt,
    purchaseId: by.purchaseId,
    eventId: by.eventId,
  };
  if (!(await badgeStore.complete(tx, completion))) return;
  if (badge.pointsOnCompletion > 0) {
    await badgeStore.addAward(tx, {
      awardKey: awardKeyOf(badge.key, customerId),
      badgeKey: badge.key,
      customerId,
      points: badge.pointsOnCompletion,
      reason: awardReasonOf(badge),
    });
  }
  const payload = {
    customerId,
    badgeKey: badge.key,
    badgeName: badge.name,
    points: badge.pointsOnCompletion,
    purchaseId: by.purchaseId,
    eventId: by.eventId,
    occurredAt: by.occurredAt.toISOString(),
  };
  await appendEvent(tx, 'campaign', campaignEvents.BadgeEarned.event(customerId, payload, null));
}

/**
 * Completes PURCHASE badges from the ledger events the purchase history reads, in the same
 * transaction as the batch and its cursor: a completion, its pending award and its BadgeEarned
 * event are written once, whatever is re-read after a crash. A completion is never undone: a later
 * return of a purchase that counted does not take a badge (or its points) back, as a member who
 * has seen a badge appear would not expect it to vanish.
 */
export class BadgeTracker implements HistoryFollower {
  constructor(
    private readonly defaults: ProgramSettings,
    private readonly awards: BadgeAwards,
  ) {}

  async applyBatch(tx: Queryable, events: readonly HistoryEvent[]): Promise<void> {
    for (const merge of mergesIn(events)) await badgeStore.mergeCustomer(tx, merge.survivorId, merge.mergedId);
    // Only new purchases (a merged member's count for the survivor) can complete a badge.
    const customers = [
      ...new Set(
        events
          .filter((event) => event.type === 'PurchaseRecorded' || event.type === 'AccountsMerged')
          .map((event) => event.payload.customerId),
      ),
    ];
    if (customers.length === 0) return;
    const badges = countingBadges(await badgeStore.all(tx), BadgeEvent.PURCHASE);
    if (badges.length === 0) return;
    const { timeZone } = await programStore.load(tx, this.defaults);
    const done = new Set((await badgeStore.completionsOf(tx, customers)).map((c) => `${c.badgeKey}|${c.customerId}`));
    const since = new Date(Math.min(...badges.map((badge) => badge.countsFrom.getTime())));
    const purchases = await badgeStore.purchasesOf(tx, customers, since);
    for (const customerId of customers) {
      for (const badge of badges) {
        if (done.has(`${badge.key}|${customerId}`)) continue;
        const found = completingPurchase(badge.rule, countingLife(badge), purchases.get(customerId) ?? [], timeZone);
        if (found) await complete(tx, badge, customerId, { ...found, eventId: null });
      }
    }
  }

  async afterRefresh(): Promise<void> {
    await this.awards.payPending();
  }
}

/**
 * Completes CUSTOM_EVENT badges from the custom events the campaign reads from the profile, in the
 * transaction that records the event and advances that follower's cursor: only an event recorded
 * for the first time is counted, so a replay or a retry never counts one twice. Each time, the
 * member's matching events are read again in time order, so a late event (`occurredAt` in the
 * past) takes its place among them, and may fill a streak's gap.
 */
export class EventBadgeTracker {
  constructor(
    private readonly defaults: ProgramSettings,
    readonly awards: BadgeAwards,
  ) {}

  /** A member's new event was recorded (or a merge brought another's events): completes what it completes. */
  async evaluate(tx: Queryable, customerId: string, eventType?: string): Promise<void> {
    const badges = countingBadges(await badgeStore.all(tx), BadgeEvent.CUSTOM_EVENT).filter(
      (badge) => eventType === undefined || badge.rule.eventTrigger?.eventType === eventType,
    );
    if (badges.length === 0) return;
    const done = new Set((await badgeStore.completionsOf(tx, [customerId])).map((c) => c.badgeKey));
    const open = badges.filter((badge) => !done.has(badge.key));
    if (open.length === 0) return;
    const { timeZone } = await programStore.load(tx, this.defaults);
    const since = new Date(Math.min(...open.map((badge) => countingLife(badge).countsFrom.getTime())));
    const types = [...new Set(open.map((badge) => badge.rule.eventTrigger!.eventType))];
    const events = (await badgeStore.eventsOf(tx, [customerId], types, since)).get(customerId) ?? [];
    for (const badge of open) {
      const found = completingPurchase(badge.rule, countingLife(badge), qualifyingEvents(badge, events), timeZone);
      if (found) {
        await complete(tx, badge, customerId, {
          purchaseId: null,
          eventId: found.purchaseId,
          occurredAt: found.occurredAt,
        });
      }
    }
  }

  /**
   * The profile merged `mergedId` into `survivorId` (its events are the survivor's already): the
   * merged member's completions move as the ledger's merge moves them for purchases (whichever
   * follower reads its merge first), then the survivor's events may complete a badge.
   */
  async merged(tx: Queryable, survivorId: string, mergedId: string): Promise<void> {
    await badgeStore.mergeCustomer(tx, survivorId, mergedId);
    await this.evaluate(tx, survivorId);
  }
}
