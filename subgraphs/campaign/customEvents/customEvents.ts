import type { InternalCredential } from '../../../runtime/auth/tokens';
import type { Database, Queryable } from '../../../runtime/database/database';
import { typesOf } from '../../../runtime/events/eventContract';
import { OutboxFollower, type FollowReport } from '../../../runtime/events/outboxFollower';
import { followedOutbox, followerWakeUps } from '../../../runtime/events/followerTransport';
import type { EventTransport } from '../../../runtime/events/natsEvents';
import { UpstreamOutbox, type UpstreamEvent } from '../../../runtime/events/upstreamOutbox';
import { UpstreamError } from '../../../runtime/http/graphqlRequest';
import { PeriodicJob } from '../../../runtime/jobs/periodicJob';
import type { Logger } from '../../../runtime/logging/logger';
import { profileEvents } from '../../profile/contract/events';
import { profileEventsField } from '../../profile/contract/internalApi';
import type { QuoteService } from '../quotes/quote.service';
import type { LedgerAwards } from '../upstream/ledgerAwards';
import type { EventBadgeTracker } from '../badges/badgeTracker';
import { customEventStore } from './customEvent.store';

/** The profile events the campaign's custom-event rules are kept from. */
export const customEventEvents = [
  profileEvents.CustomerEventTracked,
  profileEvents.CustomersMerged,
  profileEvents.CustomerErased,
];
const customEventTypes = typesOf(customEventEvents);

/** The follower's cursor in `campaign.consumer_cursors`. */
export const customEventCursor = 'custom-events:profile';

/** Events claimed and paid per run at most; the rest wait for the next run. */
const batchSize = 100;

/** The ledger's idempotency key of what one campaign gave for one custom event. */
export const eventAwardKeyOf = (eventId: string, campaignId: string): string => `event:${eventId}:${campaignId}`;

export interface CustomEventsReport extends FollowReport {
  /** Events claimed and paid in this run (with or without points). */
  paid: number;
  failed: number;
}

/**
 * Applies one profile event, in the transaction that advances the cursor: an event recorded for
 * the first time counts towards badges there and then, so it counts once.
 */
async function apply(event: UpstreamEvent, tx: Queryable, badges: EventBadgeTracker): Promise<void> {
  if (profileEvents.CustomerEventTracked.is(event)) {
    const tracked = profileEvents.CustomerEventTracked.decode(event);
    const recorded = await customEventStore.record(tx, {
      eventId: tracked.eventId,
      customerId: tracked.customerId,
      type: tracked.type,
      properties: tracked.properties,
      channel: tracked.channel,
      occurredAt: new Date(tracked.occurredAt),
    });
    if (recorded) await badges.evaluate(tx, tracked.customerId, tracked.type);
  } else if (profileEvents.CustomersMerged.is(event)) {
    const { survivorId, mergedId } = profileEvents.CustomersMerged.decode(event);
    await customEventStore.merge(tx, survivorId, mergedId);
    await badges.merged(tx, survivorId, mergedId);
  } else if (profileEvents.CustomerErased.is(event)) {
    // Merged profiles were folded into this one when their merge was read, so one id is enough.
    await customEventStore.forget(tx, profileEvents.CustomerErased.decode(event).customerId);
  }
}

/**
 * The campaign's side of custom events (issue 26): follows the profile's `CustomerEventTracked`
 * with its own cursor, and in the transaction that advances it counts each event in its member's
 * day (what event-count segment conditions read) and records it PENDING. Each run then claims the
 * pending events against the EVENT campaigns (QuoteService.claimEvent, idempotent by event id)
 * and credits each campaign's points through the ledger's `awardPoints` under a key of event and
 * campaign, so an event read or paid again (a crash, a lost answer, a replay) never pays twice.
 */
export class CustomEvents {
  readonly job: PeriodicJob<CustomEventsReport>;
  private readonly follower: OutboxFollower;

  constructor(
    private readonly options: {
      db: Database;
      profileUrl: () => string;
      credential: InternalCredential;
      quotes: QuoteService;
      ledger: LedgerAwards;
      /** Completes CUSTOM_EVENT badges as events are read; their points are paid after each run. */
      badges: EventBadgeTracker;
      logger: Logger;
      /** With `nats`, the owner's events are read from its stream through a durable consumer of this follower's own. */
      eventTransport?: EventTransport;
    },
  ) {
    this.follower = new OutboxFollower({
      db: options.db,
      schema: 'campaign',
      source: customEventCursor,
      upstream: followedOutbox(
        options.eventTransport,
        'profile',
        `campaign-${customEventCursor}`,
        () => new UpstreamOutbox(options.profileUrl, profileEventsField, options.credential, 'profile service'),
      ),
      types: customEventTypes,
      apply: (event, tx) => apply(event, tx, options.badges),
    });
    this.job = new PeriodicJob(
      'custom events',
      () => this.runOnce(),
      options.logger,
      followerWakeUps(options.eventTransport, options.db, { profile: customEventTypes }),
    );
  }

  private async runOnce(): Promise<CustomEventsReport> {
    const followed = await this.follower.run();
    const paid = await this.payPending();
    await this.options.badges.awards.payPending();
    return { ...followed, ...paid };
  }

  /**
   * Credits one campaign's points for one event. The ledger refuses the key with CONFLICT only when
   * it credited it already with other content: an event re-quoted after a crash between the credit
   * and `markDone` (its campaign renamed meanwhile) is paid, and is not paid again.
   */
  private async award(
    eventId: string,
    customerId: string,
    campaignId: string,
    points: number,
    reason: string,
  ): Promise<void> {
    const awardKey = eventAwardKeyOf(eventId, campaignId);
    try {
      await this.options.ledger.award({ awardKey, customerId, points, reason });
    } catch (error) {
      if (!(error instanceof UpstreamError) || error.details.upstreamCode !== 'CONFLICT') throw error;
      this.options.logger.warn('a custom event award was credited before with other content; kept as it was', {
        awardKey,
      });
    }
  }

  /** Claims and pays the pending events, oldest first. */
  async payPending(): Promise<{ paid: number; failed: number }> {
    const report = { paid: 0, failed: 0 };
    const { db, quotes, logger } = this.options;
    const reads = quotes.claimReads();
    for (const event of await customEventStore.pending(db, batchSize)) {
      try {
        const quote = await quotes.claimEvent(event, reads);
        for (const line of quote.lines) {
          if (!line.campaignId || line.points <= 0) continue;
          await this.award(event.eventId, event.customerId, line.campaignId, line.points, line.reason);
        }
        await customEventStore.markDone(db, event.eventId, quote.totalPoints);
        report.paid++;
      } catch (error) {
        report.failed++;
        await customEventStore.markFailed(db, event.eventId, String(error));
        logger.warn('a custom event could not be paid yet; retrying on the next run', {
          eventId: event.eventId,
          error: String(error),
        });
        // An unreachable ledger fails every award alike: try again next run rather than wait out each one.
        if (!(error instanceof UpstreamError) || error.kind === 'UpstreamUnavailable') break;
      }
    }
    return report;
  }
}
