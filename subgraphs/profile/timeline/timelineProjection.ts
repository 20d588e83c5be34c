import type { InternalCredential } from '../../../runtime/auth/tokens';
import type { Database } from '../../../runtime/database/database';
import { typesOf } from '../../../runtime/events/eventContract';
import { followedOutbox, followerWakeUps } from '../../../runtime/events/followerTransport';
import type { EventTransport } from '../../../runtime/events/natsEvents';
import { OutboxFollower } from '../../../runtime/events/outboxFollower';
import { UpstreamOutbox } from '../../../runtime/events/upstreamOutbox';
import { urlSource, type ServiceUrl } from '../../../runtime/http/graphqlRequest';
import { PeriodicJob } from '../../../runtime/jobs/periodicJob';
import type { Logger } from '../../../runtime/logging/logger';
import { timelineStore } from './timeline.store';
import {
  timelineChangesOf,
  timelineSources,
  type NewTimelineEntry,
  type TimelineSource,
  type TimelineUpstream,
} from './timelineSources';

export interface TimelineReport {
  /** Upstream events applied in this run, over every source. */
  events: number;
}

/** The follower's cursor for one source in `profile.timeline_cursors`. */
export const timelineCursorOf = (service: string): string => `timeline:${service}`;

/**
 * Keeps the customer's timeline of what other subgraphs record (issue 26): follows each source's
 * outbox through its internal events query from its own cursor, and adds an event's entry in the
 * transaction that moves the cursor, so an entry is added once whatever is read again. Woken by the
 * sources' `NOTIFY`; the interval is the safety net. With `EVENT_TRANSPORT=nats` it reads each
 * source's stream from a durable consumer instead, woken by the stream's messages.
 */
export class TimelineProjection {
  readonly job: PeriodicJob<TimelineReport>;
  private readonly followers: OutboxFollower[];

  constructor(options: {
    db: Database;
    upstreams: Record<TimelineUpstream, ServiceUrl>;
    credential: InternalCredential;
    logger: Logger;
    /** With `nats`, each source is read from its stream by a durable consumer, woken by its messages. */
    eventTransport?: EventTransport;
  }) {
    const sources: readonly TimelineSource[] = timelineSources;
    this.followers = sources.map(
      (source) =>
        new OutboxFollower({
          db: options.db,
          schema: 'profile',
          source: timelineCursorOf(source.service),
          cursorTable: 'timeline_cursors',
          upstream: followedOutbox(
            options.eventTransport,
            source.service,
            `profile-${timelineCursorOf(source.service)}`,
            () =>
              new UpstreamOutbox(
                urlSource(options.upstreams[source.service as TimelineUpstream]),
                source.eventsField,
                options.credential,
                `${source.service} service`,
              ),
          ),
          types: typesOf(source.events),
          apply: async (event, tx) => {
            // New entries go in together (a batch of imported orders is one statement), split where
            // an amendment or an entry inheriting from one of them must see them stored first.
            let entries: NewTimelineEntry[] = [];
            const keys = new Set<string>();
            const flush = async () => {
              await timelineStore.add(tx, source.service, entries);
              entries = [];
              keys.clear();
            };
            for (const change of timelineChangesOf(source, event)) {
              if ('amends' in change) {
                await flush();
                await timelineStore.amend(tx, source.service, change);
              } else {
                if (change.inherits && keys.has(change.inherits.key)) await flush();
                entries.push(change);
                keys.add(change.key);
              }
            }
            await flush();
          },
        }),
    );
    this.job = new PeriodicJob(
      'timeline',
      () => this.runOnce(),
      options.logger,
      followerWakeUps(
        options.eventTransport,
        options.db,
        Object.fromEntries(sources.map((source) => [source.service, typesOf(source.events)])),
      ),
    );
  }

  /** Follows every source; one that is away does not keep the others from being read. */
  private async runOnce(): Promise<TimelineReport> {
    const runs = await Promise.allSettled(this.followers.map((follower) => follower.run()));
    const failed = runs.find((run): run is PromiseRejectedResult => run.status === 'rejected');
    if (failed) throw failed.reason;
    return { events: runs.reduce((sum, run) => sum + (run.status === 'fulfilled' ? run.value.events : 0), 0) };
  }
}
