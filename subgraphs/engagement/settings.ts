import { defineSettings, integerSetting, textSetting, urlSetting } from '../../runtime/config/settings';
import { maxBackoffMs } from '../../runtime/jobs/backoff';
import { defaultNotificationSettings } from './notifications/notification.service';

const programEventSource = (name: string) =>
  urlSetting(`${name.toUpperCase()}_URL`, {
    required: true,
    description: `the ${name} subgraph, whose events notifications and webhooks follow, when engagement runs alone (required then)`,
  });

/** The engagement service's settings: messages to members and outbound webhooks. */
export const engagementSettings = defineSettings({
  title: 'Engagement',
  services: ['engagement', 'stack'],
  settings: {
    smtpUrl: urlSetting('SMTP_URL', {
      description:
        'the SMTP relay for email (`smtp://` or `smtps://`, credentials in the URL); unset, emails are written to the log',
    }),
    emailFrom: textSetting('NOTIFY_EMAIL_FROM', {
      default: 'Loyalty Graph <loyalty@localhost>',
      description: 'the sender of email messages',
    }),
    smsWebhookUrl: urlSetting('SMS_WEBHOOK_URL', {
      description: 'an HTTP gateway for SMS (a JSON POST with `Idempotency-Key`); unset, SMS messages are logged',
    }),
    pushWebhookUrl: urlSetting('PUSH_WEBHOOK_URL', {
      description: 'an HTTP gateway for push messages (as for SMS); unset, they are logged',
    }),
    quietHours: textSetting('NOTIFY_QUIET_HOURS', {
      accepts: '`HH:MM-HH:MM`, e.g. `21:00-08:00`',
      description: 'hours when SMS and push wait (email goes at once), in `NOTIFY_TIME_ZONE`',
    }),
    timeZone: textSetting('NOTIFY_TIME_ZONE', {
      default: 'UTC',
      accepts: 'an IANA time zone such as `Europe/Berlin`',
      description: 'the time zone of the quiet hours',
    }),
    brand: textSetting('NOTIFY_BRAND', {
      default: defaultNotificationSettings.brand,
      description: 'the name that signs every message',
    }),
    notifyIntervalMs: integerSetting('NOTIFY_INTERVAL_MS', {
      default: defaultNotificationSettings.intervalMs,
      min: 0,
      max: 3_600_000,
      description: 'how often events are read and due messages sent; `0` only on `runNotifications`',
    }),
    webhookFollowIntervalMs: integerSetting('WEBHOOK_FOLLOW_INTERVAL_MS', {
      default: 30_000,
      min: 0,
      max: 3_600_000,
      description:
        "how often the program's outboxes are read for events to deliver to webhook endpoints; `0` only on request",
    }),
    webhookDispatchIntervalMs: integerSetting('WEBHOOK_DISPATCH_INTERVAL_MS', {
      default: 30_000,
      min: 0,
      max: 3_600_000,
      description: 'how often due webhook deliveries are sent; `0` only on request',
    }),
    webhookBackoffBaseMs: integerSetting('WEBHOOK_BACKOFF_BASE_MS', {
      default: 30_000,
      min: 1,
      max: maxBackoffMs,
      description: "the wait after a delivery's first failed attempt, doubling per failure up to an hour",
    }),
    webhookMaxAttempts: integerSetting('WEBHOOK_MAX_ATTEMPTS', {
      default: 8,
      min: 1,
      max: 50,
      description: 'attempts before a delivery becomes a dead letter (`DEAD`)',
    }),
    webhookTimeoutMs: integerSetting('WEBHOOK_TIMEOUT_MS', {
      default: 10_000,
      min: 100,
      max: 120_000,
      description: 'how long an endpoint has to answer an attempt',
    }),
    profileUrl: programEventSource('profile'),
    ledgerUrl: programEventSource('ledger'),
    rewardsUrl: programEventSource('rewards'),
    campaignUrl: programEventSource('campaign'),
  },
});
