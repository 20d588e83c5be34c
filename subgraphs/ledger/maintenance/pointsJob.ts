import { PeriodicJob } from '../../../runtime/jobs/periodicJob';
import type { Logger } from '../../../runtime/logging/logger';
import { AccountBook } from '../accounts/accountBook';
import { accountStore } from '../accounts/account.store';
import type { LedgerCore } from '../ledgerCore';
import { addMonths } from '../lots/lot.rules';
import { tierStore } from '../tiers/tier.store';

export interface PointsJobReport {
  /** Accounts that had something due and were settled. */
  accounts: number;
  /** PointsExpiring events published (one per member and expiry date announced). */
  expiryNotices: number;
  /** When the run counted as "now". */
  ranAt: Date;
}

const batchSize = 200;
const dayMs = 86_400_000;

/**
 * Releases pending points whose return window closed, expires points that are due, reviews tiers
 * whose review date came, announces points that expire within the policy's notice window (once per
 * lot, as a PointsExpiring event), then runs `upkeep` (paying referrals whose friend bought). Each account
 * is settled in its own transaction under its lock, and settling finds nothing left to do a second
 * time, so runs may overlap, repeat, or run on several instances at once.
 */
export type PointsJob = PeriodicJob<PointsJobReport>;

export function createPointsJob(
  core: LedgerCore,
  logger: Logger,
  upkeep: () => Promise<unknown> = async () => undefined,
): PointsJob {
  return new PeriodicJob('points job', () => settleDueAccounts(core, logger, upkeep), logger);
}

async function settleDueAccounts(
  core: LedgerCore,
  logger: Logger,
  upkeep: () => Promise<unknown>,
): Promise<PointsJobReport> {
  const now = core.clock();
  const policy = core.policy;
  const inactiveBefore = policy.expiry.kind === 'AFTER_INACTIVITY' ? addMonths(now, -policy.expiry.months) : null;
  // Lots are announced once each (a whole balance expiring for inactivity is not announced).
  const noticeUntil = policy.expiryNoticeDays > 0 ? new Date(now.getTime() + policy.expiryNoticeDays * dayMs) : null;
  let after = '00000000-0000-0000-0000-000000000000';
  let accounts = 0;
  let expiryNotices = 0;
  for (;;) {
    const rows = await accountStore.dueForSettling(core.db, {
      now,
      inactiveBefore,
      noticeUntil,
      after,
      limit: batchSize,
    });
    for (const { customer_id: customerId } of rows) {
      expiryNotices += await core.db.transaction(async (tx) => {
        const program = await tierStore.load(tx);
        const book = await AccountBook.open(tx, customerId, now, policy);
        const notices = noticeUntil ? await book.announceExpiring(noticeUntil) : 0;
        await book.save(program, true);
        return notices;
      });
    }
    accounts += rows.length;
    if (rows.length > 0) logger.info('points job progress', { accounts });
    if (rows.length < batchSize) break;
    after = rows[rows.length - 1]!.customer_id;
  }
  await upkeep();
  return { accounts, expiryNotices, ranAt: now };
}
