import type { Queryable } from '../../../runtime/database/database';
import type { NewEvent } from '../../../runtime/events/outbox';
import { LedgerError, LedgerErrorKind } from '../errors';
import { EntryKind, SourceType } from '../journal/journal.rules';
import type { LedgerCore } from '../ledgerCore';
import { redemptionStore, type RedemptionRow } from './redemption.store';
import type { PointsDebit } from './redemption.type';

export interface DebitRequest {
  customerId: string;
  redemptionId: string;
  points: number;
  reason: string;
}

const toDebit = (row: RedemptionRow): PointsDebit => ({
  redemptionId: row.redemption_id,
  customer: { id: row.customer_id },
  points: row.points,
  reason: row.reason,
  balanceAfter: row.refund_balance_after ?? row.balance_after,
  debitedAt: row.debited_at,
  refundedAt: row.refunded_at,
});

/**
 * Points debits for redemptions, made by the rewards service: idempotent by redemption id, and so is
 * the refund that cancels one.
 */
export class RedemptionService {
  constructor(private readonly core: LedgerCore) {}

  async debit(request: DebitRequest, actor: NewEvent['actor']): Promise<PointsDebit> {
    const existing = await this.find(request.redemptionId);
    if (existing) return this.replay(existing, request);
    // A merged member's id posts to the account it was merged into.
    request = { ...request, customerId: await this.core.requireCustomer(request.customerId, 'the debit') };
    return this.core.withAccount(
      request.customerId,
      async (book, tx) => {
        // A retry that waited for the account's lock answers with the debit that got there first.
        const raced = await this.find(request.redemptionId, tx);
        if (raced) return this.replay(raced, request);
        const lots = await book.debit(
          [
            {
              kind: EntryKind.REDEEM,
              points: -request.points,
              reason: request.reason,
              sourceType: SourceType.REDEMPTION,
              sourceId: request.redemptionId,
            },
          ],
          null,
        );
        book.markActivity();
        const row = await redemptionStore.insert(tx, {
          redemptionId: request.redemptionId,
          customerId: request.customerId,
          points: request.points,
          reason: request.reason,
          lots,
          balanceAfter: book.balance,
          at: book.now,
        });
        book.noteChange(request.reason, request.redemptionId, actor);
        return toDebit(row);
      },
      async (constraint) => {
        if (constraint !== 'redemptions_pkey') return undefined;
        const winner = await this.find(request.redemptionId);
        return winner && this.replay(winner, request);
      },
    );
  }

  /** Gives a redemption's points back, into the lots they came from. A second refund changes nothing. */
  async refund(redemptionId: string, reason: string, actor: NewEvent['actor']): Promise<PointsDebit> {
    const known = await this.find(redemptionId);
    if (!known)
      throw new LedgerError(LedgerErrorKind.UnknownRedemption, `No points were debited for redemption ${redemptionId}`);
    if (known.refunded_at) return toDebit(known);
    return this.core.withAccount(known.customer_id, async (book, tx) => {
      // Under the account's lock: a racing refund has either committed or not started.
      const redemption = (await redemptionStore.lock(tx, redemptionId))!;
      if (redemption.refunded_at) return toDebit(redemption);
      await book.restore(
        [
          {
            kind: EntryKind.REVERSE,
            points: redemption.points,
            reason: `Refund: ${reason}`,
            sourceType: SourceType.REDEMPTION,
            sourceId: redemptionId,
          },
        ],
        redemption.lots,
      );
      const updated = await redemptionStore.markRefunded(tx, redemptionId, book.now, book.balance);
      book.noteChange(`Refund: ${reason}`, redemptionId, actor);
      return toDebit(updated);
    });
  }

  private async find(redemptionId: string, db: Queryable = this.core.db): Promise<RedemptionRow | undefined> {
    return redemptionStore.find(db, redemptionId);
  }

  private replay(existing: RedemptionRow, request: DebitRequest): PointsDebit {
    if (existing.customer_id !== request.customerId || existing.points !== request.points) {
      throw new LedgerError(
        LedgerErrorKind.RedemptionConflict,
        `Redemption ${request.redemptionId} already debited ${existing.points} points from another request`,
      );
    }
    return toDebit(existing);
  }
}
