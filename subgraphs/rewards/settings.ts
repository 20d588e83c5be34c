import { defineSettings, integerSetting, urlSetting } from '../../runtime/config/settings';

/** The rewards service's settings: its job and where its peers are. */
export const rewardsSettings = defineSettings({
  title: 'Rewards',
  services: ['rewards', 'stack'],
  settings: {
    jobIntervalMs: integerSetting('REWARDS_JOB_INTERVAL_MS', {
      default: 60_000,
      min: 0,
      max: 86_400_000,
      description:
        'how often rewards completes abandoned redemptions, expires vouchers, retries refunds and grants birthday rewards; `0` only on `runRewardsJob`',
    }),
    maxLatenessDays: integerSetting('REWARDS_MAX_LATENESS_DAYS', {
      default: 30,
      min: 0,
      max: 3650,
      description:
        'how many days in the past a voucher use may say it happened (`consumeVoucher`’s `occurredAt`, a till syncing its offline queue); older is refused (`BAD_USER_INPUT`)',
    }),
    mergeFollowIntervalMs: integerSetting('MERGE_FOLLOW_INTERVAL_MS', {
      default: 30_000,
      min: 0,
      max: 3_600_000,
      description: 'how often rewards moves vouchers and redemptions of newly merged profiles; `0` never',
    }),
    ledgerUrl: urlSetting('LEDGER_URL', {
      required: true,
      description: 'the ledger, which debits and refunds the points, when rewards runs alone (required then)',
    }),
    profileUrl: urlSetting('PROFILE_URL', {
      required: true,
      description: 'the profile subgraph, when rewards runs alone (required then)',
    }),
  },
});
