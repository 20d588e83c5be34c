import type { InternalCredential } from '../../../runtime/auth/tokens';
import type { Database, Queryable } from '../../../runtime/database/database';
import { typesOf } from '../../../runtime/events/eventContract';
import { OutboxFollower, type FollowReport } from '../../../runtime/events/outboxFollower';
import { followedOutbox, followerWakeUps } from '../../../runtime/events/followerTransport';
import type { EventTransport } from '../../../runtime/events/natsEvents';
import { UpstreamOutbox, type UpstreamEvent } from '../../../runtime/events/upstreamOutbox';
import { PeriodicJob } from '../../../runtime/jobs/periodicJob';
import type { Logger } from '../../../runtime/logging/logger';
import { engagementEvents } from '../../engagement/contract/events';
import { engagementEventsField } from '../../engagement/contract/internalApi';
import { memberMessageStore } from './memberMessage.store';

/** The engagement events the campaign's record of messages and responses is kept from. */
export const memberMessageEvents = [engagementEvents.MessageSent, engagementEvents.MessageResponded];
const memberMessageTypes = typesOf(memberMessageEvents);

/** The follower's cursor in `campaign.consumer_cursors`. */
export const memberMessageCursor = 'messages:engagement';

async function apply(event: UpstreamEvent, tx: Queryable): Promise<void> {
  if (engagementEvents.MessageSent.is(event)) {
    await memberMessageStore.sent(tx, engagementEvents.MessageSent.decode(event));
  } else if (engagementEvents.MessageResponded.is(event)) {
    await memberMessageStore.responded(tx, engagementEvents.MessageResponded.decode(event));
  }
}

export type MemberMessages = PeriodicJob<FollowReport>;

/**
 * The campaign's own record of the messages members were sent and what they did with them (issue
 * 26), kept from engagement's outbox and woken by its `NOTIFY`: what message-response segment
 * conditions read.
 */
export function createMemberMessages(options: {
  db: Database;
  engagementUrl: () => string;
  credential: InternalCredential;
  logger: Logger;
  /** With `nats`, the owner's events are read from its stream through a durable consumer of this follower's own. */
  eventTransport?: EventTransport;
}): MemberMessages {
  const follower = new OutboxFollower({
    db: options.db,
    schema: 'campaign',
    source: memberMessageCursor,
    upstream: followedOutbox(
      options.eventTransport,
      'engagement',
      `campaign-${memberMessageCursor}`,
      () => new UpstreamOutbox(options.engagementUrl, engagementEventsField, options.credential, 'engagement service'),
    ),
    types: memberMessageTypes,
    apply,
  });
  return new PeriodicJob(
    'member messages',
    () => follower.run(),
    options.logger,
    followerWakeUps(options.eventTransport, options.db, { engagement: memberMessageTypes }),
  );
}
