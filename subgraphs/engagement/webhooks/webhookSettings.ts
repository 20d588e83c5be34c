import { engagementSettings } from '../settings';

type Env = Record<string, string | undefined>;

/** How outbound webhooks are read and sent. */
export interface WebhookSettings {
  /**
   * How often due deliveries are sent without a wake-up (0: only on request). A safety net: new
   * deliveries and the next retry's due time wake the dispatcher. Default 30000 ms.
   */
  dispatchIntervalMs: number;
  /**
   * How often the program's outboxes are read for new events to deliver without a `NOTIFY` from
   * them (0: only on request). Default 30000 ms.
   */
  followIntervalMs: number;
  /** The wait after a first failed attempt, doubling per failure up to an hour. Default 30000 ms. */
  backoffBaseMs: number;
  /** Attempts before a delivery becomes a dead letter. Default 8. */
  maxAttempts: number;
  /** How long an endpoint has to answer an attempt. Default 10000 ms. */
  timeoutMs: number;
}

const { settings } = engagementSettings;

export const defaultWebhookSettings: WebhookSettings = {
  dispatchIntervalMs: settings.webhookDispatchIntervalMs.default,
  followIntervalMs: settings.webhookFollowIntervalMs.default,
  backoffBaseMs: settings.webhookBackoffBaseMs.default,
  maxAttempts: settings.webhookMaxAttempts.default,
  timeoutMs: settings.webhookTimeoutMs.default,
};

/** `WEBHOOK_DISPATCH_INTERVAL_MS`, `WEBHOOK_FOLLOW_INTERVAL_MS`, `WEBHOOK_BACKOFF_BASE_MS`, `WEBHOOK_MAX_ATTEMPTS`, `WEBHOOK_TIMEOUT_MS`. */
export function readWebhookSettings(env: Env): WebhookSettings {
  return {
    dispatchIntervalMs: settings.webhookDispatchIntervalMs.read(env),
    followIntervalMs: settings.webhookFollowIntervalMs.read(env),
    backoffBaseMs: settings.webhookBackoffBaseMs.read(env),
    maxAttempts: settings.webhookMaxAttempts.read(env),
    timeoutMs: settings.webhookTimeoutMs.read(env),
  };
}
