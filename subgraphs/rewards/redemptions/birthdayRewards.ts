import type { Database } from '../../../runtime/database/database';
import type { Logger } from '../../../runtime/logging/logger';
import type { ProfileBirthdays } from '../upstream/profileBirthdays';
import { birthdaySettingsStore } from './birthdaySettings.store';
import type { RedemptionService } from './redemption.service';

const pageSize = 500;

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * Grants the birthday reward to every member whose birthday is today (UTC), once a year each: the
 * grant key `birthday:<year>:<customerId>` makes a repeated or concurrent run grant nothing twice.
 * A day's run is recorded when it finished, so later runs that day skip the work.
 */
export class BirthdayRewards {
  constructor(
    private readonly db: Database,
    private readonly redemptions: RedemptionService,
    private readonly birthdays: ProfileBirthdays,
    private readonly logger: Logger,
  ) {}

  async grantDue(now: Date): Promise<number> {
    const today = now.toISOString().slice(0, 10);
    const { rewardId, done } = await birthdaySettingsStore.dueOn(this.db, today);
    if (!rewardId || done) return 0;
    const year = now.getUTCFullYear();
    const date = { month: now.getUTCMonth() + 1, day: now.getUTCDate(), leapYear: isLeapYear(year) };
    let granted = 0;
    let failed = 0;
    let after: string | null = null;
    for (;;) {
      const ids: string[] = await this.birthdays.page(date, after, pageSize);
      for (const customerId of ids) {
        try {
          await this.redemptions.grant(`birthday:${year}:${customerId}`, customerId, rewardId, null);
          granted++;
        } catch (error) {
          // Out of stock, say: the next run tries again; the others still get theirs.
          failed++;
          this.logger.warn('a birthday reward could not be granted', { customerId, error: String(error) });
        }
      }
      if (ids.length < pageSize) break;
      after = ids[ids.length - 1]!;
      this.logger.info('granting birthday rewards', { granted });
    }
    if (failed === 0) {
      await birthdaySettingsStore.markGranted(this.db, today);
    }
    return granted;
  }
}
