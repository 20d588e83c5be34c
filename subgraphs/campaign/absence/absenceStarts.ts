import type { InternalCredential } from '../../../runtime/auth/tokens';
import type { Database, Queryable } from '../../../runtime/database/database';
import { typesOf } from '../../../runtime/events/eventContract';
import { OutboxFollower, type FollowReport } from '../../../runtime/events/outboxFollower';
import { followedOutbox, followerWakeUps } from '../../../runtime/events/followerTransport';
import type { EventTransport } from '../../../runtime/events/natsEvents';
import { UpstreamOutbox, type UpstreamEvent } from '../../../runtime/events/upstreamOutbox';
import { PeriodicJob } from '../../../runtime/jobs/periodicJob';
import type { Logger } from '../../../runtime/logging/logger';
import type { HistoryEvent, HistoryFollower } from '../segments/purchaseHistory';
import { mergesIn } from '../segments/purchaseHistory';
import { profileEvents } from '../../profile/contract/events';
import { profileEventsField } from '../../profile/contract/internalApi';
import { absenceTriggerStore } from './absenceTrigger.store';

/** The profile events that start absence timers: custom events (`cart.updated`, ...). */
export const absenceStartEvents = [profileEvents.CustomerEventTracked];
const absenceStartTypes = typesOf(absenceStartEvents);

/** The starts' own cursor in `campaign.consumer_cursors` (not shared with other followers of the profile). */
export const absenceStartCursor = 'absence:profile';

/** Told of every due time a start set, so the scheduler can arm itself sooner. */
export type DueListener = (dueAt: Date) => void;

export type AbsenceStarts = PeriodicJob<FollowReport>;

/**
 * Starts (or extends) absence timers from the profile's custom events, each event once with its
 * cursor; woken by the profile's `NOTIFY`.
 */
export function createAbsenceStarts(options: {
  db: Database;
  profileUrl: () => string;
  credential: InternalCredential;
  logger: Logger;
  onDue: DueListener;
  /** With `nats`, the owner's events are read from its stream through a durable consumer of this follower's own. */
  eventTransport?: EventTransport;
}): AbsenceStarts {
  const due: Date[] = [];
  const apply = async (event: UpstreamEvent, tx: Queryable): Promise<void> => {
    if (!profileEvents.CustomerEventTracked.is(event)) return;
    const tracked = profileEvents.CustomerEventTracked.decode(event);
    for (const trigger of await absenceTriggerStore.liveStartedBy(tx, tracked.type)) {
      const start = { customerId: tracked.customerId, startedAt: new Date(tracked.occurredAt) };
      due.push(...(await absenceTriggerStore.start(tx, trigger, [start])));
    }
  };
  const follower = new OutboxFollower({
    db: options.db,
    schema: 'campaign',
    source: absenceStartCursor,
    upstream: followedOutbox(
      options.eventTransport,
      'profile',
      `campaign-${absenceStartCursor}`,
      () => new UpstreamOutbox(options.profileUrl, profileEventsField, options.credential, 'profile service'),
    ),
    types: absenceStartTypes,
    apply,
  });
  return new PeriodicJob(
    'absence starts',
    async () => {
      const report = await follower.run();
      // Only after the commits: a due time of a rolled-back start arms nothing worse than an early run.
      for (const at of due.splice(0)) options.onDue(at);
      return report;
    },
    options.logger,
    followerWakeUps(options.eventTransport, options.db, { profile: absenceStartTypes }),
  );
}

/**
 * Follows purchases in the purchase history's batches (so once each, with its cursor): a purchase
 * cancels the member's pending custom-event timers (the cart was bought) and starts or restarts
 * their win-back timers; a merge cancels the merged profile's timers.
 */
export class AbsencePurchases implements HistoryFollower {
  private readonly due: Date[] = [];

  constructor(
    private readonly clock: () => Date,
    private readonly onDue: DueListener,
  ) {}

  async applyBatch(tx: Queryable, events: readonly HistoryEvent[]): Promise<void> {
    const now = this.clock();
    const buyers = new Map<string, Date>();
    for (const event of events) {
      if (event.type !== 'PurchaseRecorded') continue;
      const at = new Date(event.payload.occurredAt);
      const seen = buyers.get(event.payload.customerId);
      if (!seen || seen < at) buyers.set(event.payload.customerId, at);
    }
    await absenceTriggerStore.cancelMerged(
      tx,
      mergesIn(events).map((merge) => merge.mergedId),
      now,
    );
    if (buyers.size === 0) return;
    await absenceTriggerStore.cancelByPurchase(tx, [...buyers.keys()], now);
    const starts = [...buyers].map(([customerId, startedAt]) => ({ customerId, startedAt }));
    for (const trigger of await absenceTriggerStore.liveStartedBy(tx, null)) {
      this.due.push(...(await absenceTriggerStore.start(tx, trigger, starts)));
    }
  }

  afterRefresh(): Promise<void> {
    for (const at of this.due.splice(0)) this.onDue(at);
    return Promise.resolve();
  }
}
