import { envInteger } from '../../../runtime/config/env';
import { maxBackoffMs } from '../../../runtime/jobs/backoff';

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

export const defaultWebhookSettings: WebhookSettings = {
  dispatchIntervalMs: 30_000,
  followIntervalMs: 30_000,
  backoffBaseMs: 30_000,
  maxAttempts: 8,
  timeoutMs: 10_000,
};

/** `WEBHOOK_DISPATCH_INTERVAL_MS`, `WEBHOOK_FOLLOW_INTERVAL_MS`, `WEBHOOK_BACKOFF_BASE_MS`, `WEBHOOK_MAX_ATTEMPTS`, `WEBHOOK_TIMEOUT_MS`. */
export function readWebhookSettings(env: Env): WebhookSettings {
  const d = defaultWebhookSettings;
  return {
    dispatchIntervalMs: envInteger(env, 'WEBHOOK_DISPATCH_INTERVAL_MS', d.dispatchIntervalMs, {
      min: 0,
      max: 3_600_000,
    }),
    followIntervalMs: envInteger(env, 'WEBHOOK_FOLLOW_INTERVAL_MS', d.followIntervalMs, { min: 0, max: 3_600_000 }),
    backoffBaseMs: envInteger(env, 'WEBHOOK_BACKOFF_BASE_MS', d.backoffBaseMs, { min: 1, max: maxBackoffMs }),
    maxAttempts: envInteger(env, 'WEBHOOK_MAX_ATTEMPTS', d.maxAttempts, { min: 1, max: 50 }),
    timeoutMs: envInteger(env, 'WEBHOOK_TIMEOUT_MS', d.timeoutMs, { min: 100, max: 120_000 }),
  };
}
