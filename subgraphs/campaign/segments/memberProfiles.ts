import type { InternalCredential } from '../../../runtime/auth/tokens';
import type { Database, Queryable } from '../../../runtime/database/database';
import { typesOf } from '../../../runtime/events/eventContract';
import { OutboxFollower, type FollowReport } from '../../../runtime/events/outboxFollower';
import { followedOutbox, followerWakeUps } from '../../../runtime/events/followerTransport';
import type { EventTransport } from '../../../runtime/events/natsEvents';
import { UpstreamOutbox, type UpstreamEvent } from '../../../runtime/events/upstreamOutbox';
import { PeriodicJob } from '../../../runtime/jobs/periodicJob';
import type { Logger } from '../../../runtime/logging/logger';
import { importedConsentAnswers, profileEvents } from '../../profile/contract/events';
import { profileEventsField } from '../../profile/contract/internalApi';
import { memberProfileStore } from './memberProfile.store';

/** The profile events the campaign's member view (attributes, consent, merges, erasure) is kept from. */
export const memberProfileEvents = [
  profileEvents.CustomerEnrolled,
  profileEvents.ProfileUpdated,
  profileEvents.ConsentChanged,
  profileEvents.MembersImported,
  profileEvents.CustomersMerged,
  profileEvents.CustomerErased,
];
const memberProfileTypes = typesOf(memberProfileEvents);

/** The view's cursor in `campaign.consumer_cursors`. */
export const memberProfileCursor = 'members:profile';

const channels = new Set(['EMAIL', 'SMS', 'PUSH']);

/** Applies one profile event to the view, in the transaction that advances its cursor. */
async function apply(event: UpstreamEvent, tx: Queryable): Promise<void> {
  if (profileEvents.CustomerEnrolled.is(event)) {
    await memberProfileStore.enrolled(tx, profileEvents.CustomerEnrolled.decode(event).customerId);
  } else if (profileEvents.ProfileUpdated.is(event)) {
    const { customerId, attributes } = profileEvents.ProfileUpdated.decode(event);
    // Written before issue 26, a ProfileUpdated carries no attributes: nothing to take from it.
    if (attributes !== undefined) await memberProfileStore.setAttributes(tx, customerId, attributes);
  } else if (profileEvents.ConsentChanged.is(event)) {
    const { customerId, channel, granted } = profileEvents.ConsentChanged.decode(event);
    if (channel === undefined || granted === undefined || !channels.has(channel)) return;
    await memberProfileStore.setConsents(tx, [{ customerId, channel, granted }], event.id);
  } else if (profileEvents.MembersImported.is(event)) {
    const answers = importedConsentAnswers(profileEvents.MembersImported.decode(event));
    await memberProfileStore.setConsents(
      tx,
      answers.filter((answer) => channels.has(answer.channel)),
      event.id,
    );
  } else if (profileEvents.CustomersMerged.is(event)) {
    const { survivorId, mergedId } = profileEvents.CustomersMerged.decode(event);
    await memberProfileStore.merge(tx, survivorId, mergedId);
  } else if (profileEvents.CustomerErased.is(event)) {
    // Merged profiles were folded into this one when their merge was read, so one id is enough.
    await memberProfileStore.forget(tx, profileEvents.CustomerErased.decode(event).customerId);
  }
}

export type MemberProfiles = PeriodicJob<FollowReport>;

/**
 * The campaign's own view of what segments read of the profile (attributes, consent per channel),
 * kept from the profile's outbox and woken by its `NOTIFY`; no campaign code reads the profile's tables.
 */
export function createMemberProfiles(options: {
  db: Database;
  profileUrl: () => string;
  credential: InternalCredential;
  logger: Logger;
  /** With `nats`, the owner's events are read from its stream through a durable consumer of this follower's own. */
  eventTransport?: EventTransport;
}): MemberProfiles {
  const follower = new OutboxFollower({
    db: options.db,
    schema: 'campaign',
    source: memberProfileCursor,
    upstream: followedOutbox(
      options.eventTransport,
      'profile',
      `campaign-${memberProfileCursor}`,
      () => new UpstreamOutbox(options.profileUrl, profileEventsField, options.credential, 'profile service'),
    ),
    types: memberProfileTypes,
    apply,
  });
  return new PeriodicJob(
    'member profiles',
    () => follower.run(),
    options.logger,
    followerWakeUps(options.eventTransport, options.db, { profile: memberProfileTypes }),
  );
}
