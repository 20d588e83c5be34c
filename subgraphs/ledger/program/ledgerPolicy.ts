import { ConfigError, envInteger, envString } from '../../../runtime/config/env';
import { describeExpiryPolicy, parseExpiryPolicy, type ExpiryPolicy } from '../lots/lot.rules';

/** How the ledger treats points over time. */
export interface LedgerPolicy {
  /** Days a purchase's points stay pending (the return window); 0 credits them at once. */
  pendingDays: number;
  expiry: ExpiryPolicy;
  /** How often the points job runs (release, expiry, tier reviews); 0 runs it only on request. */
  jobIntervalMs: number;
  /** Days without a purchase after which a member counts as churned (`Customer.metrics.churnRisk`). */
  churnAfterDays: number;
  /**
   * How often program metrics fold new ledger events in without a wake-up (a safety net: the
   * ledger's own `NOTIFY` of each folded event wakes them, a second later); 0 only on request.
   */
  metricsIntervalMs: number;
  /**
   * Days before points expire by date that the points job announces them (a `PointsExpiring` event
   * per member and expiry date, once); 0 announces nothing. Default 14.
   */
  expiryNoticeDays: number;
  /** Most points one member-to-member transfer may move; 0 turns transfers off. Default 5,000. */
  transferMaxPoints: number;
  /** Most points one member may give away in any 24 hours, over all their transfers. Default 10,000. */
  transferDailyMaxPoints: number;
}

export const defaultLedgerPolicy: LedgerPolicy = {
  pendingDays: 0,
  expiry: { kind: 'AFTER_EARNING', months: 24 },
  jobIntervalMs: 60_000,
  churnAfterDays: 90,
  metricsIntervalMs: 30_000,
  expiryNoticeDays: 14,
  transferMaxPoints: 5_000,
  transferDailyMaxPoints: 10_000,
};

type Env = Record<string, string | undefined>;

/**
 * `POINTS_PENDING_DAYS`, `POINTS_EXPIRY`, `POINTS_JOB_INTERVAL_MS`, `CHURN_AFTER_DAYS`,
 * `METRICS_INTERVAL_MS`, `POINTS_EXPIRY_NOTICE_DAYS`, `TRANSFER_MAX_POINTS` and
 * `TRANSFER_DAILY_MAX_POINTS`, checked at start.
 */
export function readLedgerPolicy(env: Env): LedgerPolicy {
  const expiryText = envString(env, 'POINTS_EXPIRY', 'after-earning:24')!;
  const expiry = parseExpiryPolicy(expiryText);
  if (!expiry) {
    throw new ConfigError(
      `POINTS_EXPIRY must be never, after-earning:<months> or after-inactivity:<months> (1 to 240), got "${expiryText}"`,
    );
  }
  return {
    pendingDays: envInteger(env, 'POINTS_PENDING_DAYS', defaultLedgerPolicy.pendingDays, { min: 0, max: 365 }),
    expiry,
    jobIntervalMs: envInteger(env, 'POINTS_JOB_INTERVAL_MS', defaultLedgerPolicy.jobIntervalMs, {
      min: 0,
      max: 86_400_000,
    }),
    churnAfterDays: envInteger(env, 'CHURN_AFTER_DAYS', defaultLedgerPolicy.churnAfterDays, { min: 1, max: 3650 }),
    metricsIntervalMs: envInteger(env, 'METRICS_INTERVAL_MS', defaultLedgerPolicy.metricsIntervalMs, {
      min: 0,
      max: 86_400_000,
    }),
    expiryNoticeDays: envInteger(env, 'POINTS_EXPIRY_NOTICE_DAYS', defaultLedgerPolicy.expiryNoticeDays, {
      min: 0,
      max: 365,
    }),
    transferMaxPoints: envInteger(env, 'TRANSFER_MAX_POINTS', defaultLedgerPolicy.transferMaxPoints, {
      min: 0,
      max: 1_000_000_000,
    }),
    transferDailyMaxPoints: envInteger(env, 'TRANSFER_DAILY_MAX_POINTS', defaultLedgerPolicy.transferDailyMaxPoints, {
      min: 0,
      max: 1_000_000_000,
    }),
  };
}

export { describeExpiryPolicy };
