import type { NewEvent } from '../../../runtime/events/outbox';
import { LedgerError, LedgerErrorKind } from '../errors';
import { EntryKind, SourceType } from '../journal/journal.rules';
import { journalStore } from '../journal/journal.store';
import type { LedgerCore } from '../ledgerCore';
import type { PointsAward } from './award.type';

export interface AwardRequest {
  awardKey: string;
  customerId: string;
  points: number;
  reason: string;
}

/**
 * Credits points another service awards (the campaign subgraph, for a completed badge) as a BONUS
 * entry whose source is the award key, once: the key is looked up under the account's lock, so a
 * retry, or two instances paying the same award at once, find the first entry and credit nothing.
 */
export async function awardPoints(
  core: LedgerCore,
  request: AwardRequest,
  actor: NewEvent['actor'],
): Promise<PointsAward> {
  // A merged member's id posts to the account it was merged into.
  const customerId = await core.requireCustomer(request.customerId, 'the award');
  return core.withAccount(customerId, async (book, tx) => {
    const [first] = await journalStore.bySource(tx, SourceType.CAMPAIGN, request.awardKey);
    if (first) {
      if (first.points !== request.points || first.reason !== request.reason) {
        throw new LedgerError(
          LedgerErrorKind.OrderConflict,
          `Award ${request.awardKey} was already credited with different content`,
        );
      }
      return {
        awardKey: request.awardKey,
        customerId: first.customer_id,
        points: first.points,
        balanceAfter: first.balance_after,
        createdAt: first.created_at,
      };
    }
    await book.credit(
      [
        {
          kind: EntryKind.BONUS,
          points: request.points,
          reason: request.reason,
          sourceType: SourceType.CAMPAIGN,
          sourceId: request.awardKey,
        },
      ],
      { orderId: null, pendingUntil: null },
    );
    book.noteChange(request.reason, request.awardKey, actor);
    return {
      awardKey: request.awardKey,
      customerId: book.customerId,
      points: request.points,
      balanceAfter: book.balance,
      createdAt: book.now,
    };
  });
}
