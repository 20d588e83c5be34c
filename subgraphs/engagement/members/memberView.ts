import type { InternalCredential } from '../../../runtime/auth/tokens';
import type { Database, Queryable } from '../../../runtime/database/database';
import { typesOf } from '../../../runtime/events/eventContract';
import { importedConsentAnswers, profileEvents } from '../../profile/contract/events';
import { OutboxFollower, type FollowReport } from '../../../runtime/events/outboxFollower';
import { followedOutbox, followerWakeUps } from '../../../runtime/events/followerTransport';
import type { EventTransport } from '../../../runtime/events/natsEvents';
import type { UpstreamEvent } from '../../../runtime/events/upstreamOutbox';
import { UpstreamOutbox } from '../../../runtime/events/upstreamOutbox';
import { profileEventsField } from '../../profile/contract/internalApi';
import { PeriodicJob } from '../../../runtime/jobs/periodicJob';
import type { Logger } from '../../../runtime/logging/logger';
import { notificationStore } from '../notifications/notification.store';
import { memberViewStore } from './memberView.store';

/** The profile events the member view is kept from. */
export const memberViewEvents = [
  profileEvents.ConsentChanged,
  profileEvents.CustomersMerged,
  profileEvents.CustomerErased,
  profileEvents.MembersImported,
];
const memberViewTypes = typesOf(memberViewEvents);

/** The view's cursor in `engagement.consumer_cursors` (seeded by migration 001 on an existing install). */
export const memberViewCursor = 'members:profile';

const channels = new Set(['EMAIL', 'SMS', 'PUSH']);

/** Applies one profile event to the view, in the transaction that advances its cursor. */
async function apply(event: UpstreamEvent, tx: Queryable): Promise<void> {
  if (profileEvents.ConsentChanged.is(event)) {
    const { customerId, channel, granted } = profileEvents.ConsentChanged.decode(event);
    // A ConsentChanged written before issue 24 carries no answer (migration 001 copied those).
    if (channel === undefined || granted === undefined || !channels.has(channel)) return;
    await memberViewStore.setConsent(tx, customerId, channel, granted, event.id);
  } else if (profileEvents.MembersImported.is(event)) {
    // A batch of imported members' consent: one statement for the batch, and nothing sent for history.
    const answers = importedConsentAnswers(profileEvents.MembersImported.decode(event));
    await memberViewStore.setConsents(
      tx,
      answers.filter((answer) => channels.has(answer.channel)),
      event.id,
    );
  } else if (profileEvents.CustomersMerged.is(event)) {
    const { survivorId, mergedId } = profileEvents.CustomersMerged.decode(event);
    await memberViewStore.merge(tx, survivorId, mergedId);
  } else if (profileEvents.CustomerErased.is(event)) {
    const { customerId } = profileEvents.CustomerErased.decode(event);
    await memberViewStore.erase(tx, customerId, event.createdAt);
    // The messages' texts and addresses are personal data too; the delivery facts stay.
    await notificationStore.erase(tx, customerId);
  }
}

export type MemberView = PeriodicJob<FollowReport>;

/**
 * Engagement's own view of the members it writes to, kept from the profile's outbox: consent per
 * channel (answered, or imported in a batch), merges and erasures. Woken by the profile's `NOTIFY` of those events; notifications
 * also bring it up to date before deciding any message (see NotificationService), so a decision
 * never uses an answer older than the profile's outbox at the start of its run.
 */
export function createMemberView(options: {
  db: Database;
  profileUrl: () => string;
  credential: InternalCredential;
  logger: Logger;
  /** With `nats`, the owner's events are read from its stream through a durable consumer of this follower's own. */
  eventTransport?: EventTransport;
}): MemberView {
  const follower = new OutboxFollower({
    db: options.db,
    schema: 'engagement',
    source: memberViewCursor,
    upstream: followedOutbox(
      options.eventTransport,
      'profile',
      `engagement-${memberViewCursor}`,
      () => new UpstreamOutbox(options.profileUrl, profileEventsField, options.credential, 'profile service'),
    ),
    types: memberViewTypes,
    apply,
  });
  return new PeriodicJob(
    'member view',
    () => follower.run(),
    options.logger,
    followerWakeUps(options.eventTransport, options.db, { profile: memberViewTypes }),
  );
}
