import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../../runtime/database/database';
import type { NewEvent } from '../../../runtime/events/outbox';
import { accountStore } from '../accounts/account.store';
import { LedgerError, LedgerErrorKind } from '../errors';
import type { LedgerCore } from '../ledgerCore';
import { ledgerEvents } from '../contract/events';
import {
  checkDailyLimit,
  checkTransfer,
  transferWindowStart,
  type TransferLimits,
  type TransferRefusal,
} from './transfer.rules';
import { transferStore, type TransferRow } from './transfer.store';
import type { PointTransfer } from './transfer.type';

export interface TransferRequest {
  /** The giver: a member themself, or the member an admin names. */
  fromCustomerId: string;
  toCustomerId: string;
  points: number;
  idempotencyKey: string;
  note: string | null;
}

export function toTransfer(row: TransferRow): PointTransfer {
  return {
    id: row.id,
    fromCustomerId: row.from_customer_id,
    toCustomerId: row.to_customer_id,
    from: { id: row.from_customer_id },
    to: { id: row.to_customer_id },
    points: row.points,
    note: row.note,
    actor: row.actor ? `${row.actor.role}:${row.actor.subject}` : null,
    createdAt: row.created_at,
  };
}

function refusal(refused: TransferRefusal): LedgerError {
  switch (refused.kind) {
    case 'SELF':
      return new LedgerError(LedgerErrorKind.InvalidInput, 'A member cannot transfer points to themself', {
        argument: 'toCustomerId',
      });
    case 'PER_TRANSFER_LIMIT':
      return new LedgerError(
        LedgerErrorKind.TransferLimitExceeded,
        `A transfer may move at most ${refused.maxPoints} points`,
        { argument: 'points', limit: 'PER_TRANSFER', maxPoints: refused.maxPoints },
      );
    case 'DAILY_LIMIT':
      return new LedgerError(
        LedgerErrorKind.TransferLimitExceeded,
        `A member may give at most ${refused.maxPoints} points in 24 hours; ${refused.pointsLeft} are left`,
        { argument: 'points', limit: 'ROLLING_24_HOURS', maxPoints: refused.maxPoints, pointsLeft: refused.pointsLeft },
      );
  }
}

/**
 * Transfers of points between members (a household pooling points, a gift): both accounts change in
 * one transaction, within the policy's limits, idempotent by (giver, idempotency key).
 */
export class TransferService {
  constructor(private readonly core: LedgerCore) {}

  private get limits(): TransferLimits {
    return { maxPoints: this.core.policy.transferMaxPoints, dailyMaxPoints: this.core.policy.transferDailyMaxPoints };
  }

  async transfer(request: TransferRequest, actor: NewEvent['actor']): Promise<PointTransfer> {
    // Merged ids post to the accounts they were merged into; an id no profile has is NOT_FOUND.
    const fromCustomerId = await this.member(request.fromCustomerId, 'fromCustomerId');
    const toCustomerId = await this.member(request.toCustomerId, 'toCustomerId');
    request = { ...request, fromCustomerId, toCustomerId };
    const existing = await transferStore.findByKey(this.core.db, fromCustomerId, request.idempotencyKey);
    if (existing) return this.replay(existing, request);
    const refused = checkTransfer(request, this.limits);
    if (refused) throw refusal(refused);
    const id = randomUUID();
    return this.core.withAccounts(
      [fromCustomerId, toCustomerId],
      async ([giver, recipient], tx) => {
        // The accounts as locked: a merge since the checks above moved an id to its survivor.
        const [from, to] = [giver!.customerId, recipient!.customerId];
        if (from === to) throw refusal({ kind: 'SELF' });
        // A retry that waited for the giver's lock answers with the transfer that got there first.
        const raced = await transferStore.findByKey(tx, from, request.idempotencyKey);
        if (raced) return this.replay(raced, request, tx);
        // Under the giver's lock, so racing transfers of one giver count each other.
        const given = await transferStore.givenSince(tx, from, transferWindowStart(giver!.now));
        const overDaily = checkDailyLimit(request.points, given, this.limits);
        if (overDaily) throw refusal(overDaily);
        await giver!.transferTo(recipient!, request.points, id);
        const row = await transferStore.insert(tx, {
          id,
          from_customer_id: from,
          to_customer_id: to,
          idempotency_key: request.idempotencyKey,
          points: request.points,
          note: request.note,
          actor,
          created_at: giver!.now,
        });
        giver!.noteChange('Points given to another member', id, actor);
        recipient!.noteChange('Points received from another member', id, actor);
        giver!.publish(
          ledgerEvents.PointsTransferred.event(
            from,
            {
              customerId: from,
              transferId: id,
              fromCustomerId: from,
              toCustomerId: to,
              points: request.points,
              note: request.note,
              occurredAt: giver!.now.toISOString(),
            },
            actor,
          ),
        );
        return toTransfer(row);
      },
      async (constraint) => {
        if (constraint !== 'point_transfers_idempotency_key') return undefined;
        const winner = await transferStore.findByKey(this.core.db, fromCustomerId, request.idempotencyKey);
        return winner && this.replay(winner, request);
      },
    );
  }

  /** The transfers a member gave or received, newest first: `limit` rows before `beforePosition`. */
  async pageOf(customerId: string, beforePosition: number | null, limit: number): Promise<TransferRow[]> {
    // A merged id reads the survivor's transfers; an id without an account has none.
    const accountId = await accountStore.currentId(this.core.db, customerId);
    return accountId ? transferStore.pageOf(this.core.db, accountId, beforePosition, limit) : [];
  }

  /** The account a member's id posts to, naming the argument when no profile has it. */
  private async member(customerId: string, argument: string): Promise<string> {
    try {
      return await this.core.requireCustomer(customerId, 'the transfer');
    } catch (error) {
      if (error instanceof LedgerError && error.kind === LedgerErrorKind.UnknownCustomer) {
        throw new LedgerError(error.kind, error.message, { ...error.details, argument });
      }
      throw error;
    }
  }

  private async replay(
    existing: TransferRow,
    request: TransferRequest,
    db: Queryable = this.core.db,
  ): Promise<PointTransfer> {
    // Compared as the recipient resolves now: a merge since the first call moved it to its survivor.
    const recipient = (await accountStore.currentId(db, existing.to_customer_id)) ?? existing.to_customer_id;
    if (recipient !== request.toCustomerId || existing.points !== request.points || existing.note !== request.note) {
      throw new LedgerError(
        LedgerErrorKind.TransferConflict,
        `Transfer ${request.idempotencyKey} was already made with different content`,
        { argument: 'idempotencyKey' },
      );
    }
    return toTransfer(existing);
  }
}
