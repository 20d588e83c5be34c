import { ConfigError } from '../../../runtime/config/env';
import { engagementSettings } from '../settings';
import { NotificationChannel, parseQuietHours } from './notification.rules';
import type { NotificationSettings } from './notification.service';
import { HttpWebhookProvider, SmtpEmailProvider, type NotificationProviders } from './notificationProviders';

type Env = Record<string, string | undefined>;

const { settings } = engagementSettings;

/**
 * Notification providers and timing: `SMTP_URL` (smtp:// or smtps://) with `NOTIFY_EMAIL_FROM` for
 * email, `SMS_WEBHOOK_URL` and `PUSH_WEBHOOK_URL` for HTTP gateways (a channel without one logs its
 * messages), `NOTIFY_QUIET_HOURS` ("21:00-08:00") in `NOTIFY_TIME_ZONE`, `NOTIFY_BRAND`,
 * `NOTIFY_INTERVAL_MS`.
 */
export function readNotificationSettings(env: Env): NotificationSettings {
  const providers: NotificationProviders = {};
  const smtp = settings.smtpUrl.read(env);
  if (smtp) {
    if (!/^smtps?:$/.test(new URL(smtp).protocol))
      throw new ConfigError(`SMTP_URL must start with smtp:// or smtps://`);
    providers.EMAIL = new SmtpEmailProvider(smtp, settings.emailFrom.read(env));
  }
  const sms = settings.smsWebhookUrl.read(env);
  if (sms) providers.SMS = new HttpWebhookProvider(sms, NotificationChannel.SMS);
  const push = settings.pushWebhookUrl.read(env);
  if (push) providers.PUSH = new HttpWebhookProvider(push, NotificationChannel.PUSH);
  const timeZone = settings.timeZone.read(env);
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new ConfigError(`NOTIFY_TIME_ZONE must be an IANA time zone such as Europe/Berlin, got "${timeZone}"`);
  }
  const quiet = settings.quietHours.read(env);
  const quietHours = quiet ? parseQuietHours(quiet, timeZone) : null;
  if (quiet && !quietHours) throw new ConfigError(`NOTIFY_QUIET_HOURS must look like 21:00-08:00, got "${quiet}"`);
  return {
    providers,
    quietHours,
    brand: settings.brand.read(env),
    intervalMs: settings.notifyIntervalMs.read(env),
  };
}
