import type { Logger } from '../../../runtime/logging/logger';
import { AccountBook } from '../accounts/accountBook';
import type { LedgerCore } from '../ledgerCore';
import { addMonths } from '../lots/lot.rules';
import { tierStore } from '../tiers/tier.store';

export interface PointsJobReport {
  /** Accounts that had something due and were settled. */
  accounts: number;
  /** When the run counted as "now". */
  ranAt: Date;
}

const batchSize = 200;

/**
 * Releases pending points whose return window closed, expires points that are due, and reviews
 * tiers whose review date came. Each account is settled in its own transaction under its lock, and
 * settling finds nothing left to do a second time, so runs may overlap, repeat, or run on several
 * instances at once.
 */
export class PointsJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<PointsJobReport> | undefined;

  constructor(
    private readonly core: LedgerCore,
    private readonly logger: Logger,
    /** More upkeep each run does after settling accounts (paying referrals whose friend bought). */
    private readonly upkeep: () => Promise<unknown> = async () => undefined,
  ) {}

  /** Runs every `intervalMs` (0: never on its own). */
  start(intervalMs: number): void {
    if (intervalMs <= 0) return;
    this.timer = setInterval(() => {
      this.run().catch((error: unknown) => this.logger.error('points job failed', { error: String(error) }));
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One run; a call while a run is under way in this process joins it. */
  run(): Promise<PointsJobReport> {
    this.running ??= this.runOnce().finally(() => (this.running = undefined));
    return this.running;
  }

  private async runOnce(): Promise<PointsJobReport> {
    const now = this.core.clock();
    const policy = this.core.policy;
    const inactiveBefore = policy.expiry.kind === 'AFTER_INACTIVITY' ? addMonths(now, -policy.expiry.months) : null;
    let after = '00000000-0000-0000-0000-000000000000';
    let accounts = 0;
    for (;;) {
      const { rows } = await this.core.db.query<{ customer_id: string }>(
        `select customer_id from (
           select customer_id from ledger.lots where status = 'PENDING' and available_at <= $1
           union select customer_id from ledger.lots where status = 'ACTIVE' and remaining > 0 and expires_at <= $1
           union select customer_id from ledger.accounts where tier_review_at <= $1
           union select customer_id from ledger.accounts where balance > 0 and last_activity_at <= $2
         ) due
         where customer_id > $3
         order by customer_id
         limit $4`,
        [now, inactiveBefore, after, batchSize],
      );
      for (const { customer_id: customerId } of rows) {
        await this.core.db.transaction(async (tx) => {
          const program = await tierStore.load(tx);
          const book = await AccountBook.open(tx, customerId, now, policy);
          await book.save(program, true);
        });
      }
      accounts += rows.length;
      if (rows.length > 0) this.logger.info('points job progress', { accounts });
      if (rows.length < batchSize) break;
      after = rows[rows.length - 1]!.customer_id;
    }
    await this.upkeep();
    return { accounts, ranAt: now };
  }
}
