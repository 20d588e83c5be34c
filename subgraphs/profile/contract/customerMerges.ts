import type { InternalCredential } from '../../../runtime/auth/tokens';
import type { Database, Queryable } from '../../../runtime/database/database';
import { PeriodicJob } from '../../../runtime/jobs/periodicJob';
import type { Logger } from '../../../runtime/logging/logger';
import { OutboxFollower, type FollowReport } from '../../../runtime/events/outboxFollower';
import { followedOutbox, followerWakeUps } from '../../../runtime/events/followerTransport';
import type { EventTransport } from '../../../runtime/events/natsEvents';
import { UpstreamOutbox } from '../../../runtime/events/upstreamOutbox';
import { typesOf } from '../../../runtime/events/eventContract';
import { profileEvents } from './events';
import { profileEventsField } from './internalApi';

/** The profile's event for two profiles of one person becoming one: what a merge follower reads. */
export const customerMergeEvents = [profileEvents.CustomersMerged];

export interface CustomerMerge {
  survivorId: string;
  mergedId: string;
  /** The profile's event id: the merge's reference in other services' records. */
  mergeId: string;
}

export type MergeFollower = PeriodicJob<FollowReport>;

/**
 * How often a merge follower reads the profile's outbox without being woken (`MERGE_FOLLOW_INTERVAL_MS`):
 * a safety net, since the profile's `NOTIFY` of each merge wakes it.
 */
export const defaultMergeFollowIntervalMs = 30_000;

/**
 * Follows the profile's outbox and applies each customer merge to this service's data, once and in
 * order, in a transaction that also records how far it has read (`<schema>.consumer_cursors`).
 * Woken by the profile's notification of each merge (with `EVENT_TRANSPORT=nats`, read from and
 * woken by its stream); its interval is the safety net.
 */
export function followCustomerMerges(options: {
  db: Database;
  schema: string;
  profileUrl: () => string;
  credential: InternalCredential;
  logger: Logger;
  apply: (merge: CustomerMerge, tx: Queryable) => Promise<void>;
  /** With `nats`, the merges are read from the profile's stream (a durable consumer per follower). */
  eventTransport?: EventTransport;
}): MergeFollower {
  const follower = new OutboxFollower({
    db: options.db,
    schema: options.schema,
    source: 'profile',
    upstream: followedOutbox(
      options.eventTransport,
      'profile',
      `${options.schema}-profile`,
      () => new UpstreamOutbox(options.profileUrl, profileEventsField, options.credential, 'profile service'),
    ),
    types: typesOf(customerMergeEvents),
    apply: (event, tx) => {
      const { survivorId, mergedId } = profileEvents.CustomersMerged.decode(event);
      return options.apply({ survivorId, mergedId, mergeId: String(event.id) }, tx);
    },
  });
  return new PeriodicJob(
    'customer merges',
    () => follower.run(),
    options.logger,
    followerWakeUps(options.eventTransport, options.db, { profile: typesOf(customerMergeEvents) }),
  );
}
