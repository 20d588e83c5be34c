import type { Queryable } from '../../../runtime/database/database';
import { appendEvent } from '../../../runtime/events/outbox';
import { programStore } from '../program/program.store';
import type { ProgramSettings } from '../program/programSettings';
import { mergesIn, type HistoryEvent, type HistoryFollower } from '../segments/purchaseHistory';
import { campaignEvents } from '../contract/events';
import { completingPurchase } from './badge.rules';
import { badgeStore, type BadgeRecord } from './badge.store';
import type { BadgeAwards } from './badgeAwards';

/** The ledger's idempotency key of a badge's points: one award per badge and member. */
export const awardKeyOf = (badgeKey: string, customerId: string): string => `badge:${badgeKey}:${customerId}`;

export const awardReasonOf = (badge: Pick<BadgeRecord, 'name'>): string => `Badge earned: ${badge.name}`;

/**
 * Completes badges from the ledger events the purchase history reads, in the same transaction as
 * the batch and its cursor: a completion, its pending award and its BadgeEarned event are written
 * once, whatever is re-read after a crash. A completion is never undone: a later return of a
 * purchase that counted does not take a badge (or its points) back, as a member who has seen a
 * badge appear would not expect it to vanish.
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
    const badges = (await badgeStore.all(tx)).filter((badge) => !badge.retiredAt || badge.retiredAt > badge.countsFrom);
    if (badges.length === 0) return;
    const { timeZone } = await programStore.load(tx, this.defaults);
    const done = new Set((await badgeStore.completionsOf(tx, customers)).map((c) => `${c.badgeKey}|${c.customerId}`));
    const since = new Date(Math.min(...badges.map((badge) => badge.countsFrom.getTime())));
    const purchases = await badgeStore.purchasesOf(tx, customers, since);
    for (const customerId of customers) {
      for (const badge of badges) {
        if (done.has(`${badge.key}|${customerId}`)) continue;
        const completing = completingPurchase(badge.rule, badge, purchases.get(customerId) ?? [], timeZone);
        if (completing) await this.complete(tx, badge, customerId, completing.purchaseId, completing.occurredAt);
      }
    }
  }

  async afterRefresh(): Promise<void> {
    await this.awards.payPending();
  }

  private async complete(
    tx: Queryable,
    badge: BadgeRecord,
    customerId: string,
    purchaseId: string,
    completedAt: Date,
  ): Promise<void> {
    if (!(await badgeStore.complete(tx, { badgeKey: badge.key, customerId, completedAt, purchaseId }))) return;
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
      purchaseId,
      occurredAt: completedAt.toISOString(),
    };
    await appendEvent(tx, 'campaign', campaignEvents.BadgeEarned.event(customerId, payload, null));
  }
}
