import type { Database } from '../../../runtime/database/database';
import { appendEvents } from '../../../runtime/events/outbox';
import { UpstreamError } from '../../../runtime/http/graphqlRequest';
import { PeriodicJob } from '../../../runtime/jobs/periodicJob';
import type { Logger } from '../../../runtime/logging/logger';
import { campaignEvents } from '../contract/events';
import type { LedgerAwards } from '../upstream/ledgerAwards';
import type { RewardGrants } from '../upstream/rewardGrants';
import { deliveryKey } from './absenceTrigger.rules';
import { absenceTriggerStore, type FiredTimer } from './absenceTrigger.store';

/** Timers fired per transaction. */
const fireBatch = 500;
/** Deliveries asked per run at most; the rest wait for the next run. */
const deliveryBatch = 200;
/**
 * How often the scheduler looks for due timers without being armed (`ABSENCE_SAFETY_POLL_MS`): a
 * safety net for timers another instance started, since each instance arms itself at the earliest
 * due time it knows of.
 */
export const defaultAbsencePollMs = 30_000;

export interface AbsenceRunReport {
  fired: number;
  delivered: number;
  failed: number;
}

/**
 * Fires due absence timers, each exactly once: a transaction claims due timers (`for update skip
 * locked`, so instances share the work), marks them fired and appends `AbsenceTriggered` for each.
 * Their points and reward are then asked of the ledger and rewards with the timer id as the
 * idempotency key, and asked again on later runs until answered, so a crash between firing and
 * crediting gives once. Armed at the earliest due time (re-armed when a start sets an earlier one),
 * with a slow poll as the safety net.
 */
export class AbsenceScheduler {
  private readonly job: PeriodicJob<AbsenceRunReport>;

  constructor(
    private readonly db: Database,
    private readonly ledger: LedgerAwards,
    private readonly rewards: RewardGrants,
    private readonly clock: () => Date,
    private readonly logger: Logger,
  ) {
    this.job = new PeriodicJob('absence triggers', () => this.runOnce(), logger, { wakeUpDelayMs: 0 });
  }

  /** Polls every `intervalMs` and arms itself at the next due time (0: only on request). */
  async start(intervalMs: number): Promise<void> {
    await this.job.start(intervalMs);
    await this.arm();
  }

  stop(): Promise<void> {
    return this.job.stop();
  }

  /** Fires what is due and credits what fired timers give; a call during a run joins it. */
  run(): Promise<AbsenceRunReport> {
    return this.job.run();
  }

  /** Wakes at `dueAt` (a new timer's due time) unless a run is armed sooner. */
  armAt(dueAt: Date): void {
    this.job.wake(Math.max(0, dueAt.getTime() - this.clock().getTime()));
  }

  private async arm(): Promise<void> {
    if (!this.job.isStarted) return;
    const next = await absenceTriggerStore.nextDue(this.db);
    if (next) this.armAt(next);
  }

  private async runOnce(): Promise<AbsenceRunReport> {
    const report: AbsenceRunReport = { fired: 0, delivered: 0, failed: 0 };
    for (;;) {
      const now = this.clock();
      const fired = await this.db.transaction(async (tx) => {
        const due = await absenceTriggerStore.fireDue(tx, now, fireBatch);
        await appendEvents(
          tx,
          'campaign',
          due.map((timer) => campaignEvents.AbsenceTriggered.event(timer.customerId, payloadOf(timer), null)),
        );
        return due;
      });
      report.fired += fired.length;
      if (fired.length < fireBatch) break;
    }
    await this.deliver(report);
    await this.arm();
    return report;
  }

  private async deliver(report: AbsenceRunReport): Promise<void> {
    const pending = await absenceTriggerStore.pendingDeliveries(this.db, deliveryBatch);
    for (const timer of pending) {
      const key = deliveryKey(timer.id);
      try {
        if (timer.bonusPoints > 0)
          await this.ledger.award({
            awardKey: key,
            customerId: timer.customerId,
            points: timer.bonusPoints,
            reason: timer.triggerName,
          });
        if (timer.rewardId)
          await this.rewards.grant({ grantKey: key, customerId: timer.customerId, rewardId: timer.rewardId });
      } catch (error) {
        report.failed++;
        await absenceTriggerStore.markDeliveryFailed(this.db, timer.id, String(error));
        this.logger.warn('an absence trigger could not give its points or reward yet; retrying next run', {
          timerId: timer.id,
          error: String(error),
        });
        // An unreachable service fails every delivery alike: try again next run rather than wait out each one.
        if (!(error instanceof UpstreamError) || error.kind === 'UpstreamUnavailable') break;
        continue;
      }
      await absenceTriggerStore.markDelivered(this.db, timer.id);
      report.delivered++;
    }
    // More fired timers than one run delivers: the next run at once, not at the next due time.
    if (pending.length === deliveryBatch && report.failed === 0) this.job.wake(0);
  }
}

function payloadOf(timer: FiredTimer) {
  return {
    timerId: timer.id,
    triggerKey: timer.triggerKey,
    triggerName: timer.triggerName,
    customerId: timer.customerId,
    startedAt: timer.startedAt.toISOString(),
    dueAt: timer.dueAt.toISOString(),
    bonusPoints: timer.bonusPoints,
    rewardId: timer.rewardId,
    sendMessage: timer.sendMessage,
  };
}
