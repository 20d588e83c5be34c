import type { SubgraphName } from '../../registry';

/** Subscribes an endpoint to every event type, present and future. */
export const allEventTypes = '*';

/**
 * The events integrations may subscribe to, by the service whose outbox has them. A service that
 * starts writing a new event type adds it here, or only `*` subscribers receive it.
 */
export const webhookEventTypes: Record<SubgraphName, readonly string[]> = {
  profile: [
    'CustomerEnrolled',
    'ProfileUpdated',
    'ConsentChanged',
    'MemberCardRotated',
    'CustomersMerged',
    'CustomerErased',
    'FeedbackRecorded',
  ],
  ledger: [
    'PurchaseRecorded',
    'ReturnRecorded',
    'BalanceUpdated',
    'TierChanged',
    'PointsExpiring',
    'ActivityCredited',
    'PointsTransferred',
    'AccountsMerged',
  ],
  rewards: [
    'RewardCreated',
    'RewardActivated',
    'RewardDeactivated',
    'RewardIssued',
    'VoucherConsumed',
    'VoucherCancelled',
    'BirthdayRewardSet',
  ],
  campaign: [
    'CampaignCreated',
    'CampaignUpdated',
    'CampaignScheduled',
    'CampaignPaused',
    'CampaignEnded',
    'EarnRateChanged',
    'CampaignProgramChanged',
    'SegmentDefined',
    'SegmentRemoved',
    'BadgeDefined',
    'BadgeUpdated',
    'BadgeRetired',
    'BadgeEarned',
    'LeaderboardJoined',
    'LeaderboardLeft',
  ],
  // Engagement's own outbox carries nothing integrations subscribe to.
  engagement: [],
};

export const knownEventTypes: ReadonlySet<string> = new Set(Object.values(webhookEventTypes).flat());
