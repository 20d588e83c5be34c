import { defineSettings, integerSetting, textSetting, urlSetting } from '../../runtime/config/settings';

/** The campaign subgraph's settings: the program's defaults, its purchase history and its peers. */
export const campaignSettings = defineSettings({
  title: 'Campaign',
  services: ['campaign', 'stack'],
  settings: {
    timeZone: textSetting('PROGRAM_TIME_ZONE', {
      default: 'UTC',
      accepts: 'an IANA time zone such as `Europe/London`',
      description:
        'the time zone of campaign schedules, weekly windows and cap periods, until a marketer sets one (`setCampaignProgram`)',
    }),
    currency: textSetting('PROGRAM_CURRENCY', {
      default: 'EUR',
      accepts: 'an ISO 4217 code',
      description:
        "the program's currency (segment spend and RFM's monetary score count in it), until a marketer sets one",
    }),
    historyIntervalMs: integerSetting('PURCHASE_HISTORY_INTERVAL_MS', {
      default: 30_000,
      min: 0,
      max: 3_600_000,
      description:
        'how often campaign reads new ledger events into its purchase history (segments, badges, leaderboards); `0` only on `refreshPurchaseHistory`',
    }),
    absencePollMs: integerSetting('ABSENCE_SAFETY_POLL_MS', {
      default: 30_000,
      min: 0,
      max: 3_600_000,
      description:
        'how often campaign looks for due absence timers besides waking at the earliest due time (a safety net for timers other instances start); `0` only on `runAbsenceTriggers`',
    }),
    profileUrl: urlSetting('PROFILE_URL', {
      required: true,
      description: 'the profile subgraph, when campaign runs alone (required then)',
    }),
    ledgerUrl: urlSetting('LEDGER_URL', {
      required: true,
      description: 'the ledger, whose events campaign follows, when campaign runs alone (required then)',
    }),
    rewardsUrl: urlSetting('REWARDS_URL', {
      required: true,
      description:
        'the rewards subgraph, which grants the rewards of absence triggers, when campaign runs alone (required then)',
    }),
    engagementUrl: urlSetting('ENGAGEMENT_URL', {
      required: true,
      description:
        'the engagement subgraph, whose sent messages and their responses segments read, when campaign runs alone (required then)',
    }),
  },
});
