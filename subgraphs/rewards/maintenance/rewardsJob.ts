import type { Logger } from '../../../runtime/logging/logger';
import type { BirthdayRewards } from '../redemptions/birthdayRewards';
import type { RedemptionService } from '../redemptions/redemption.service';
import type { VoucherService } from '../vouchers/voucher.service';

export interface RewardsJobReport {
  redemptionsCompleted: number;
  vouchersExpired: number;
  refundsRetried: number;
  birthdayRewardsGranted: number;
}

/** How long a redemption may stay PENDING before the job completes it for the client. */
const abandonedAfterMs = 30_000;

/**
 * Completes redemptions a client left PENDING, expires vouchers past their date, retries refunds
 * of cancelled vouchers, and grants the day's birthday rewards. Every step is idempotent, so runs may repeat or overlap.
 */
export class RewardsJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<RewardsJobReport> | undefined;

  constructor(
    private readonly redemptions: RedemptionService,
    private readonly vouchers: VoucherService,
    private readonly clock: () => Date,
    private readonly logger: Logger,
    private readonly birthdays?: BirthdayRewards,
  ) {}

  start(intervalMs: number): void {
    if (intervalMs <= 0) return;
    this.timer = setInterval(() => {
      this.run().catch((error: unknown) => this.logger.error('rewards job failed', { error: String(error) }));
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  run(): Promise<RewardsJobReport> {
    this.running ??= this.runOnce().finally(() => (this.running = undefined));
    return this.running;
  }

  private async runOnce(): Promise<RewardsJobReport> {
    const redemptionsCompleted = await this.redemptions.completeStale(
      new Date(this.clock().getTime() - abandonedAfterMs),
    );
    const { expired, refunded } = await this.vouchers.upkeep();
    const birthdayRewardsGranted = (await this.birthdays?.grantDue(this.clock())) ?? 0;
    return { redemptionsCompleted, vouchersExpired: expired, refundsRetried: refunded, birthdayRewardsGranted };
  }
}
