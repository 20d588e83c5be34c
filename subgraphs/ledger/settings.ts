import { defineSettings, integerSetting, textSetting, urlSetting } from '../../runtime/config/settings';

/** The ledger's settings: how it treats points over time, its jobs, and where its peers are. */
export const ledgerSettings = defineSettings({
  title: 'Ledger',
  services: ['ledger', 'stack'],
  settings: {
    pendingDays: integerSetting('POINTS_PENDING_DAYS', {
      default: 0,
      min: 0,
      max: 365,
      description: "days a purchase's points stay pending (the return window); `0` credits them at once",
    }),
    expiry: textSetting('POINTS_EXPIRY', {
      default: 'after-earning:24',
      accepts: '`never`, `after-earning:<months>` or `after-inactivity:<months>` (1 to 240)',
      description:
        'when points expire: each lot N months after it was earned (debits take the soonest-expiring lot first), or the whole balance after N months without a purchase or redemption',
    }),
    jobIntervalMs: integerSetting('POINTS_JOB_INTERVAL_MS', {
      default: 60_000,
      min: 0,
      max: 86_400_000,
      description:
        'how often the points job releases pending points, expires points and reviews tiers; `0` only on `runPointsJob`',
    }),
    churnAfterDays: integerSetting('CHURN_AFTER_DAYS', {
      default: 90,
      min: 1,
      max: 3650,
      description: 'days without a purchase after which a member counts as churned (`metrics.churnRisk: HIGH`)',
    }),
    metricsIntervalMs: integerSetting('METRICS_INTERVAL_MS', {
      default: 30_000,
      min: 0,
      max: 86_400_000,
      description:
        'the safety net of the program metrics: they fold about a second after each purchase or return, and at the latest this often; `0`: neither, only `refreshProgramMetrics`',
    }),
    expiryNoticeDays: integerSetting('POINTS_EXPIRY_NOTICE_DAYS', {
      default: 14,
      min: 0,
      max: 365,
      description: 'how long before points expire the ledger announces it (`PointsExpiring`, a message); `0` never',
    }),
    transferMaxPoints: integerSetting('TRANSFER_MAX_POINTS', {
      default: 5_000,
      min: 0,
      max: 1_000_000_000,
      description: 'the most points one member-to-member transfer moves; `0` turns transfers off',
    }),
    transferDailyMaxPoints: integerSetting('TRANSFER_DAILY_MAX_POINTS', {
      default: 10_000,
      min: 0,
      max: 1_000_000_000,
      description: 'the most points one member gives away in any 24 hours',
    }),
    mergeFollowIntervalMs: integerSetting('MERGE_FOLLOW_INTERVAL_MS', {
      default: 30_000,
      min: 0,
      max: 3_600_000,
      description: "how often the ledger applies new profile merges (the profile's `CustomersMerged`); `0` never",
    }),
    exportBatchSize: integerSetting('LEDGER_EXPORT_BATCH_SIZE', {
      default: 1000,
      min: 1,
      max: 100_000,
      description:
        "rows read per keyset batch of a bulk export (balances, lots, journal, orders on the gateway's `/export/...`); a batch at most waits in memory",
    }),
    batchMaxItems: integerSetting('LEDGER_BATCH_MAX_ITEMS', {
      default: 100,
      min: 1,
      max: 1_000,
      description:
        'the most items one `recordPurchases` or `recordReturns` call takes; a longer list is refused whole (`BAD_USER_INPUT`)',
    }),
    maxLatenessDays: integerSetting('LEDGER_MAX_LATENESS_DAYS', {
      default: 30,
      min: 0,
      max: 3650,
      description:
        'how many days in the past a purchase, return or activity may say it happened (`occurredAt`, a till syncing its offline queue); older is refused (`BAD_USER_INPUT`)',
    }),
    profileUrl: urlSetting('PROFILE_URL', {
      required: true,
      description: 'the profile subgraph, when the ledger runs alone (required then)',
    }),
    campaignUrl: urlSetting('CAMPAIGN_URL', {
      required: true,
      description: 'the campaign subgraph that quotes every purchase, when the ledger runs alone (required then)',
    }),
  },
});
