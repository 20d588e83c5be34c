import { PeriodicJob } from '../../../runtime/jobs/periodicJob';
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
 * of cancelled vouchers, and grants the day's birthday rewards. Every step is idempotent, so runs
 * may repeat or overlap.
 */
export type RewardsJob = PeriodicJob<RewardsJobReport>;

export function createRewardsJob(
  redemptions: RedemptionService,
  vouchers: VoucherService,
  birthdays: BirthdayRewards,
  clock: () => Date,
  logger: Logger,
): RewardsJob {
  return new PeriodicJob(
    'rewards job',
    async () => {
      const redemptionsCompleted = await redemptions.completeStale(new Date(clock().getTime() - abandonedAfterMs));
      const { expired, refunded } = await vouchers.upkeep();
      const birthdayRewardsGranted = await birthdays.grantDue(clock());
      return { redemptionsCompleted, vouchersExpired: expired, refundsRetried: refunded, birthdayRewardsGranted };
    },
    logger,
  );
}
