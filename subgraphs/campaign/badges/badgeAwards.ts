import type { Database } from '../../../runtime/database/database';
import { UpstreamError } from '../../../runtime/http/graphqlRequest';
import type { Logger } from '../../../runtime/logging/logger';
import type { LedgerAwards } from '../upstream/ledgerAwards';
import { badgeStore } from './badge.store';

/** Awards credited per run at most; the rest wait for the next run. */
const batchSize = 100;

export interface AwardsReport {
  credited: number;
  failed: number;
}

/**
 * Credits the points of completed badges through the ledger. A completion writes a PENDING award
 * in the history batch that found it; this pays pending awards after every history run (on the
 * timer, or when asked). The award key is the ledger's idempotency key, so an award the ledger
 * credited but that stayed PENDING here (a crash, a lost answer) is asked again and credited once.
 */
export class BadgeAwards {
  constructor(
    private readonly db: Database,
    private readonly ledger: LedgerAwards,
    private readonly logger: Logger,
  ) {}

  async payPending(): Promise<AwardsReport> {
    const report = { credited: 0, failed: 0 };
    for (const award of await badgeStore.pendingAwards(this.db, batchSize)) {
      try {
        await this.ledger.award(award);
      } catch (error) {
        report.failed++;
        await badgeStore.markFailed(this.db, award.awardKey, String(error));
        this.logger.warn('a badge award could not be credited yet; retrying after the next history run', {
          awardKey: award.awardKey,
          error: String(error),
        });
        // An unreachable ledger fails every award alike: try again next run rather than wait out each one.
        if (!(error instanceof UpstreamError) || error.kind === 'UpstreamUnavailable') break;
        continue;
      }
      await badgeStore.markCredited(this.db, award.awardKey, new Date());
      report.credited++;
    }
    return report;
  }
}
