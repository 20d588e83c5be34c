import { defineSettings, integerSetting, textSetting, urlSetting } from '../../runtime/config/settings';

/** The profile's settings. */
export const profileSettings = defineSettings({
  title: 'Profile',
  services: ['profile', 'stack'],
  settings: {
    phoneRegion: textSetting('PROFILE_PHONE_REGION', {
      accepts: 'a two-letter region such as `GB` or `DE`',
      description: 'the region national phone numbers are read in; unset, phones need a `+` or `00` prefix',
    }),
    eventMaxLatenessDays: integerSetting('PROFILE_EVENT_MAX_LATENESS_DAYS', {
      default: 30,
      min: 0,
      max: 3650,
      description:
        "how many days in the past a custom event may say it happened (`trackEvent`'s `occurredAt`, an app syncing its queue); older is refused (`BAD_USER_INPUT`)",
    }),
    eventMaxBytes: integerSetting('PROFILE_EVENT_MAX_BYTES', {
      default: 8192,
      min: 256,
      max: 1_000_000,
      description:
        'the largest properties of one custom event, as JSON in UTF-8; larger is refused (`BAD_USER_INPUT` naming `properties`)',
    }),
    eventBatchMaxItems: integerSetting('PROFILE_EVENT_BATCH_MAX_ITEMS', {
      default: 100,
      min: 1,
      max: 1_000,
      description: 'the most events one `trackEvents` call takes; a longer list is refused whole (`BAD_USER_INPUT`)',
    }),
    exportBatchSize: integerSetting('PROFILE_EXPORT_BATCH_SIZE', {
      default: 1000,
      min: 1,
      max: 100_000,
      description:
        'members read per keyset batch of a bulk export (`GET /export/members` on the gateway); a batch at most waits in memory',
    }),
    timelineIntervalMs: integerSetting('PROFILE_TIMELINE_INTERVAL_MS', {
      default: 30_000,
      min: 0,
      max: 3_600_000,
      description:
        "how often the timeline reads the ledger's, rewards' and engagement's outboxes without their `NOTIFY` (a safety net; a `NOTIFY` reads at once)",
    }),
    ledgerUrl: urlSetting('LEDGER_URL', {
      required: true,
      description:
        'the ledger, whose purchases and returns the timeline shows, when the profile runs alone (required then)',
    }),
    rewardsUrl: urlSetting('REWARDS_URL', {
      required: true,
      description: 'rewards, whose redemptions the timeline shows, when the profile runs alone (required then)',
    }),
    engagementUrl: urlSetting('ENGAGEMENT_URL', {
      required: true,
      description:
        'engagement, whose sent messages and their responses the timeline shows, when the profile runs alone (required then)',
    }),
  },
});
