import { ConfigError } from '../../../runtime/config/env';
import { ledgerSettings } from '../settings';
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
  /** Most items one `recordPurchases` or `recordReturns` call takes. Default 100, at most 1,000. */
  batchMaxItems: number;
  /** Days in the past an `occurredAt` may be (a till's offline queue); older is refused. Default 30, at most 3,650. */
  maxLatenessDays: number;
}

const { settings } = ledgerSettings;

/** The policy with every setting at its default (`ledgerSettings`). */
export const defaultLedgerPolicy: LedgerPolicy = {
  pendingDays: settings.pendingDays.default,
  expiry: parseExpiryPolicy(settings.expiry.default)!,
  jobIntervalMs: settings.jobIntervalMs.default,
  churnAfterDays: settings.churnAfterDays.default,
  metricsIntervalMs: settings.metricsIntervalMs.default,
  expiryNoticeDays: settings.expiryNoticeDays.default,
  transferMaxPoints: settings.transferMaxPoints.default,
  transferDailyMaxPoints: settings.transferDailyMaxPoints.default,
  batchMaxItems: settings.batchMaxItems.default,
  maxLatenessDays: settings.maxLatenessDays.default,
};

type Env = Record<string, string | undefined>;

/**
 * `POINTS_PENDING_DAYS`, `POINTS_EXPIRY`, `POINTS_JOB_INTERVAL_MS`, `CHURN_AFTER_DAYS`,
 * `METRICS_INTERVAL_MS`, `POINTS_EXPIRY_NOTICE_DAYS`, `TRANSFER_MAX_POINTS`,
 * `TRANSFER_DAILY_MAX_POINTS`, `LEDGER_BATCH_MAX_ITEMS` and `LEDGER_MAX_LATENESS_DAYS`, checked at start.
 */
export function readLedgerPolicy(env: Env): LedgerPolicy {
  const expiryText = settings.expiry.read(env);
  const expiry = parseExpiryPolicy(expiryText);
  if (!expiry) {
    throw new ConfigError(
      `POINTS_EXPIRY must be never, after-earning:<months> or after-inactivity:<months> (1 to 240), got "${expiryText}"`,
    );
  }
  return {
    pendingDays: settings.pendingDays.read(env),
    expiry,
    jobIntervalMs: settings.jobIntervalMs.read(env),
    churnAfterDays: settings.churnAfterDays.read(env),
    metricsIntervalMs: settings.metricsIntervalMs.read(env),
    expiryNoticeDays: settings.expiryNoticeDays.read(env),
    transferMaxPoints: settings.transferMaxPoints.read(env),
    transferDailyMaxPoints: settings.transferDailyMaxPoints.read(env),
    batchMaxItems: settings.batchMaxItems.read(env),
    maxLatenessDays: settings.maxLatenessDays.read(env),
  };
}

export { describeExpiryPolicy };
