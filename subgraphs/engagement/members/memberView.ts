import type { InternalCredential } from '../../../runtime/auth/tokens';
import type { Database, Queryable } from '../../../runtime/database/database';
import { customersMergedEvent } from '../../profile/contract/customerMerges';
import { OutboxFollower, type FollowReport } from '../../../runtime/events/outboxFollower';
import { outboxWakeUps } from '../../../runtime/events/outboxWakeUps';
import type { UpstreamEvent } from '../../../runtime/events/upstreamOutbox';
import { UpstreamOutbox } from '../../../runtime/events/upstreamOutbox';
import { profileEventsField } from '../../profile/contract/internalApi';
import { PeriodicJob } from '../../../runtime/jobs/periodicJob';
import type { Logger } from '../../../runtime/logging/logger';
import { notificationStore } from '../notifications/notification.store';
import { memberViewStore } from './memberView.store';

/** The profile events the member view is kept from. */
export const memberViewEvents = ['ConsentChanged', customersMergedEvent, 'CustomerErased'] as const;

/** The view's cursor in `engagement.consumer_cursors` (seeded by migration 001 on an existing install). */
export const memberViewCursor = 'members:profile';

const channels = new Set(['EMAIL', 'SMS', 'PUSH']);

// Small local decoders until the profile's typed event contract lands; null: not an event the view
// can use (a ConsentChanged written before issue 24 carries no answer; migration 001 copied those).
function consentOf(event: UpstreamEvent): { customerId: string; channel: string; granted: boolean } | null {
  const { customerId, channel, granted } = event.payload;
  if (typeof customerId !== 'string' || typeof channel !== 'string' || typeof granted !== 'boolean') return null;
  return channels.has(channel) ? { customerId, channel, granted } : null;
}

function mergeOf(event: UpstreamEvent): { survivorId: string; mergedId: string } | null {
  const { survivorId, mergedId } = event.payload;
  return typeof survivorId === 'string' && typeof mergedId === 'string' ? { survivorId, mergedId } : null;
}

function erasureOf(event: UpstreamEvent): { customerId: string } | null {
  const { customerId } = event.payload;
  return typeof customerId === 'string' ? { customerId } : null;
}

/** Applies one profile event to the view, in the transaction that advances its cursor. */
async function apply(event: UpstreamEvent, tx: Queryable): Promise<void> {
  if (event.type === 'ConsentChanged') {
    const consent = consentOf(event);
    if (consent) await memberViewStore.setConsent(tx, consent.customerId, consent.channel, consent.granted, event.id);
  } else if (event.type === customersMergedEvent) {
    const merge = mergeOf(event);
    if (merge) await memberViewStore.merge(tx, merge.survivorId, merge.mergedId);
  } else if (event.type === 'CustomerErased') {
    const erasure = erasureOf(event);
    if (erasure) {
      await memberViewStore.erase(tx, erasure.customerId, event.createdAt);
      // The messages' texts and addresses are personal data too; the delivery facts stay.
      await notificationStore.erase(tx, erasure.customerId);
    }
  }
}

export type MemberView = PeriodicJob<FollowReport>;

/**
 * Engagement's own view of the members it writes to, kept from the profile's outbox: consent per
 * channel, merges and erasures. Woken by the profile's `NOTIFY` of those events; notifications
 * also bring it up to date before deciding any message (see NotificationService), so a decision
 * never uses an answer older than the profile's outbox at the start of its run.
 */
export function createMemberView(options: {
  db: Database;
  profileUrl: () => string;
  credential: InternalCredential;
  logger: Logger;
}): MemberView {
  const follower = new OutboxFollower({
    db: options.db,
    schema: 'engagement',
    source: memberViewCursor,
    upstream: new UpstreamOutbox(options.profileUrl, profileEventsField, options.credential, 'profile service'),
    types: memberViewEvents,
    apply,
  });
  return new PeriodicJob('member view', () => follower.run(), options.logger, {
    wakeUps: outboxWakeUps(options.db, { profile: memberViewEvents }),
  });
}
