import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../../runtime/database/database';
import type { NewEvent } from '../../../runtime/events/outbox';
import { LedgerError, LedgerErrorKind } from '../errors';
import { EntryKind, SourceType } from '../journal/journal.rules';
import type { LedgerCore } from '../ledgerCore';
import { adjustmentStore, type AdjustmentRow } from './adjustment.store';
import type { PointsAdjustment } from './adjustment.type';

export interface AdjustmentRequest {
  customerId: string;
  points: number;
  reason: string;
  idempotencyKey?: string | null;
}

const toAdjustment = (row: AdjustmentRow): PointsAdjustment => ({
  id: row.id,
  customer: { id: row.customer_id },
  points: row.points,
  reason: row.reason,
  actor: row.actor ? `${row.actor.role}:${row.actor.subject}` : null,
  balanceAfter: row.balance_after,
  createdAt: row.created_at,
});

/** Manual corrections by an admin, with a reason and the admin recorded. */
export class AdjustmentService {
  constructor(private readonly core: LedgerCore) {}

  async adjust(request: AdjustmentRequest, actor: NewEvent['actor']): Promise<PointsAdjustment> {
    const key = request.idempotencyKey ?? null;
    const existing = key ? await this.findByKey(key) : undefined;
    if (existing) return this.replay(existing, request);
    // A merged member's id posts to the account it was merged into.
    request = { ...request, customerId: await this.core.requireCustomer(request.customerId, 'the adjustment') };
    const id = randomUUID();
    return this.core.withAccount(
      request.customerId,
      async (book, tx) => {
        // A retry that waited for the account's lock answers with the adjustment that got there first.
        const raced = key ? await this.findByKey(key, tx) : undefined;
        if (raced) return this.replay(raced, request);
        const draft = {
          kind: EntryKind.ADJUST,
          points: request.points,
          reason: request.reason,
          sourceType: SourceType.ACTOR,
          sourceId: id,
        };
        if (request.points > 0) await book.credit([draft], { orderId: null, pendingUntil: null });
        else await book.debit([draft]);
        const row = await adjustmentStore.insert(tx, {
          id,
          idempotencyKey: key,
          customerId: request.customerId,
          points: request.points,
          reason: request.reason,
          actor,
          balanceAfter: book.balance,
          at: book.now,
        });
        book.noteChange(`Adjustment: ${request.reason}`, id, actor);
        return toAdjustment(row);
      },
      async (constraint) => {
        if (constraint !== 'adjustments_idempotency_key_key' || !key) return undefined;
        const winner = await this.findByKey(key);
        return winner && this.replay(winner, request);
      },
    );
  }

  private async findByKey(key: string, db: Queryable = this.core.db): Promise<AdjustmentRow | undefined> {
    return adjustmentStore.findByKey(db, key);
  }

  private replay(existing: AdjustmentRow, request: AdjustmentRequest): PointsAdjustment {
    if (
      existing.customer_id !== request.customerId ||
      existing.points !== request.points ||
      existing.reason !== request.reason
    ) {
      throw new LedgerError(
        LedgerErrorKind.OrderConflict,
        `Adjustment ${request.idempotencyKey} was already made with different content`,
      );
    }
    return toAdjustment(existing);
  }
}
