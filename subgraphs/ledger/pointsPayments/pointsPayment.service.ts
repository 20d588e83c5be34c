import { createHash, randomUUID } from 'node:crypto';
import type { Queryable } from '../../../runtime/database/database';
import type { NewEvent } from '../../../runtime/events/outbox';
import type { AccountBook } from '../accounts/accountBook';
import { accountStore } from '../accounts/account.store';
import { ledgerEvents } from '../contract/events';
import { LedgerError, LedgerErrorKind } from '../errors';
import { EntryKind, SourceType } from '../journal/journal.rules';
import type { LedgerCore } from '../ledgerCore';
import {
  amountPaidBy,
  burnRateOf,
  holdPlaceProblem,
  maxPayableAmount,
  pointsPaying,
  pointsPaymentRateProblem,
  quotePointsPayment,
  refundedSoFar,
  takesToRestore,
  type PointsPaymentQuote,
  type PointsPaymentRate,
} from './pointsPayment.rules';
import { pointsPaymentStore, type HoldRow } from './pointsPayment.store';

type Actor = NewEvent['actor'];

/** How long a hold lasts when the caller does not say (seconds). */
export const defaultHoldSeconds = 900;
/** The longest a hold may last (seconds): a day. */
export const maxHoldSeconds = 86_400;

export interface HoldRequest {
  customerId: string;
  channel: string;
  storeId: string | null;
  currency: string;
  /** Exactly one of points (to spend) and amount (the money they are to pay, minor units). */
  points?: number | null;
  amount?: number | null;
  idempotencyKey: string;
  expiresInSeconds?: number | null;
}

/** A hold a purchase is to capture, checked against the order before it is quoted. */
export interface PaymentToCapture {
  holdId: string;
  /** The account the hold was taken on. */
  customerId: string;
  points: number;
  amount: number;
}

/** What a return refunded of its order's points payment. */
export interface PaymentRefund {
  points: number;
  amount: number;
}

const sweepBatch = 100;

const money = (amount: number, currency: string) => `${(amount / 100).toFixed(2)} ${currency}`;

function holdFingerprint(request: HoldRequest): string {
  return createHash('sha256')
    .update(JSON.stringify([request.currency, request.points ?? null, request.amount ?? null]))
    .digest('hex');
}

/**
 * Points as payment at checkout (issue 29): the burn rate per currency, quotes, holds (authorize),
 * their capture by a purchase, releases and expiry, and refunds with returns.
 *
 * A hold debits its points when taken (a REDEEM entry of source POINTS_HOLD, from the lots soonest
 * to expire first, as a redemption does), so a held point is out of the spendable balance and
 * cannot be spent twice; `Loyalty.held` sums the open holds. A capture posts no entry: the points
 * stay spent for the order. A release, an expiry and a return's share put them back into the lots
 * they came from (REVERSE entries of source POINTS_HOLD), each once: the hold's row is locked under
 * the account's lock and its status (or refunded totals) changes in the same transaction.
 */
export class PointsPaymentService {
  constructor(private readonly core: LedgerCore) {}

  rates(): Promise<PointsPaymentRate[]> {
    return pointsPaymentStore.rates(this.core.db);
  }

  async setRate(rate: PointsPaymentRate, actor: Actor): Promise<PointsPaymentRate> {
    const problem = pointsPaymentRateProblem(rate);
    if (problem) throw new LedgerError(LedgerErrorKind.InvalidInput, `Invalid points payment rate: ${problem}`);
    return pointsPaymentStore.setRate(this.core.db, rate, actor);
  }

  /** How many of the member's points may pay a basket of `amount` in `currency`, and what they pay. */
  async quote(
    customerId: string,
    currency: string,
    amount: number,
  ): Promise<PointsPaymentQuote & { currency: string }> {
    const [rate, [account]] = await Promise.all([
      this.requireRate(currency),
      accountStore.findByCustomerIds(this.core.db, [customerId]),
    ]);
    return { currency, ...quotePointsPayment(rate, account?.tier ?? null, account?.balance ?? 0, amount) };
  }

  find(holdId: string): Promise<HoldRow | undefined> {
    return pointsPaymentStore.find(this.core.db, holdId);
  }

  /** Holds points for a basket: idempotent by (member, idempotency key); refuses more than the balance. */
  async hold(request: HoldRequest, actor: Actor): Promise<HoldRow> {
    if ((request.points == null) === (request.amount == null)) {
      throw new LedgerError(LedgerErrorKind.InvalidInput, 'Give exactly one of points and amount', {
        argument: 'points',
      });
    }
    const seconds = request.expiresInSeconds ?? defaultHoldSeconds;
    const fingerprint = holdFingerprint(request);
    const [rate, customerId] = await Promise.all([
      this.requireRate(request.currency),
      this.core.requireCustomer(request.customerId, 'the hold'),
    ]);
    const existing = await pointsPaymentStore.findByKey(this.core.db, customerId, request.idempotencyKey);
    if (existing) return this.replay(existing, fingerprint);
    const holdId = randomUUID();
    return this.core.withAccount(
      customerId,
      async (book, tx) => {
        // A retry that waited for the account's lock answers with the hold that got there first.
        const raced = await pointsPaymentStore.findByKey(tx, book.customerId, request.idempotencyKey);
        if (raced) return this.replay(raced, fingerprint);
        // Holds that expired come back first, so their points may pay this one.
        for (const expired of await pointsPaymentStore.expiredOf(tx, book.customerId, book.now, sweepBatch)) {
          await this.giveBack(book, tx, expired.id, 'EXPIRED', null);
        }
        const burn = burnRateOf(rate, book.tier);
        let points: number;
        if (request.points != null) {
          points = request.points;
          if (points % rate.pointsStep !== 0) {
            throw new LedgerError(
              LedgerErrorKind.InvalidInput,
              `points must be a multiple of ${rate.pointsStep} in ${rate.currency}`,
              { argument: 'points' },
            );
          }
        } else {
          points = pointsPaying(request.amount!, burn, rate.pointsStep);
        }
        if (points <= 0 || points < rate.minPoints) {
          throw new LedgerError(
            LedgerErrorKind.InvalidInput,
            `A points payment in ${rate.currency} uses at least ${Math.max(rate.minPoints, rate.pointsStep)} points; ${request.points != null ? `${points} points were asked` : `${money(request.amount!, rate.currency)} is worth ${points}`}`,
            { argument: request.points != null ? 'points' : 'amount' },
          );
        }
        const amount = amountPaidBy(points, burn);
        const reason = `Held to pay ${money(amount, rate.currency)} at checkout`;
        const lots = await book.debit([
          { kind: EntryKind.REDEEM, points: -points, reason, sourceType: SourceType.POINTS_HOLD, sourceId: holdId },
        ]);
        const hold = await pointsPaymentStore.insert(
          tx,
          {
            id: holdId,
            customer_id: book.customerId,
            idempotency_key: request.idempotencyKey,
            fingerprint,
            channel: request.channel,
            store_id: request.storeId,
            currency: rate.currency,
            points,
            amount,
            lots,
            expires_at: new Date(book.now.getTime() + seconds * 1000),
            created_at: book.now,
          },
          actor,
        );
        book.markActivity();
        book.noteChange(reason, holdId, actor);
        book.publish(
          ledgerEvents.PointsHeld.event(
            book.customerId,
            {
              ...this.holdFields(hold),
              expiresAt: hold.expires_at.toISOString(),
              occurredAt: book.now.toISOString(),
            },
            actor,
          ),
        );
        return hold;
      },
      async (constraint) => {
        if (constraint !== 'points_holds_idempotency_key') return undefined;
        const winner = await pointsPaymentStore.findByKey(this.core.db, customerId, request.idempotencyKey);
        return winner && this.replay(winner, fingerprint);
      },
    );
  }

  /**
   * Gives an open hold's points back. Idempotent: a released or expired hold answers as it is; a
   * captured one is a CONFLICT (its points paid a purchase: a return refunds them).
   */
  async release(hold: HoldRow, actor: Actor): Promise<HoldRow> {
    if (hold.status === 'RELEASED' || hold.status === 'EXPIRED') return hold;
    return this.core.withAccount(hold.customer_id, async (book, tx) => {
      const locked = (await pointsPaymentStore.lock(tx, hold.id))!;
      if (locked.status === 'CAPTURED') {
        throw new LedgerError(
          LedgerErrorKind.HoldConflict,
          `Hold ${hold.id} paid purchase ${locked.order_id}: return the goods to refund its points`,
        );
      }
      if (locked.status !== 'HELD') return locked;
      return this.giveBack(book, tx, hold.id, locked.expires_at <= book.now ? 'EXPIRED' : 'RELEASED', actor);
    });
  }

  /** Gives back the points of every hold that expired by now (the points job); returns how many. */
  async releaseExpired(): Promise<number> {
    let released = 0;
    for (;;) {
      const due = await pointsPaymentStore.expiredOf(this.core.db, null, this.core.clock(), sweepBatch);
      for (const hold of due) {
        const done = await this.core.withAccount(hold.customer_id, async (book, tx) => {
          // Under the account's lock: a racing release or capture has either committed or not started.
          const locked = await pointsPaymentStore.lock(tx, hold.id);
          if (locked?.status !== 'HELD' || locked.expires_at > book.now) return 0;
          await this.giveBack(book, tx, hold.id, 'EXPIRED', null);
          return 1;
        });
        released += done;
      }
      if (due.length < sweepBatch) return released;
    }
  }

  /**
   * Checks the hold a purchase names before the purchase is quoted: the member's (`customerId`,
   * the order's account), its currency, its channel and store (holdPlaceProblem), open and
   * unexpired, no more than the order's total and the rate's share of it. The capture checks it
   * again under the account's lock.
   */
  async paymentFor(
    holdId: string,
    order: { customerId: string; currency: string; channel: string; storeId?: string | null },
    totalAmount: number,
  ): Promise<PaymentToCapture> {
    const [hold, rate] = await Promise.all([
      pointsPaymentStore.find(this.core.db, holdId),
      pointsPaymentStore.rate(this.core.db, order.currency),
    ]);
    const argument = { argument: 'pointsPayment.holdId' };
    if (!hold) throw new LedgerError(LedgerErrorKind.UnknownHold, `No points hold has the id ${holdId}`);
    const holder = (await accountStore.currentId(this.core.db, hold.customer_id)) ?? hold.customer_id;
    if (holder !== order.customerId) {
      throw new LedgerError(LedgerErrorKind.InvalidInput, `Hold ${holdId} holds another member's points`, argument);
    }
    if (hold.currency !== order.currency) {
      throw new LedgerError(
        LedgerErrorKind.InvalidInput,
        `Hold ${holdId} pays in ${hold.currency}; the order is in ${order.currency}`,
        argument,
      );
    }
    const place = holdPlaceProblem(
      { channel: hold.channel, storeId: hold.store_id },
      { channel: order.channel, storeId: order.storeId ?? null },
    );
    if (place)
      throw new LedgerError(LedgerErrorKind.InvalidInput, `Hold ${holdId} cannot pay this order: ${place}`, argument);
    this.requireOpen(hold, this.core.clock());
    const payable = rate ? maxPayableAmount(rate, totalAmount) : 0;
    if (hold.amount > payable) {
      throw new LedgerError(
        LedgerErrorKind.InvalidInput,
        `Hold ${holdId} pays ${money(hold.amount, hold.currency)}; points may pay at most ${money(payable, order.currency)} of this order (${rate?.maxSharePercent ?? 0}%)`,
        argument,
      );
    }
    return { holdId, customerId: hold.customer_id, points: hold.points, amount: hold.amount };
  }

  /**
   * Captures a checked hold for an order written earlier in this transaction (the purchase's): a
   * CONFLICT, and nothing of the purchase commits, when it was released, expired or captured since.
   */
  async capture(
    book: AccountBook,
    tx: Queryable,
    payment: PaymentToCapture,
    purchaseId: string,
    actor: Actor,
  ): Promise<HoldRow> {
    const captured = await pointsPaymentStore.capture(tx, {
      holdId: payment.holdId,
      customerId: payment.customerId,
      orderId: purchaseId,
      at: book.now,
    });
    if (!captured) {
      const now = await pointsPaymentStore.find(tx, payment.holdId);
      this.requireOpen(now!, book.now);
      throw new LedgerError(LedgerErrorKind.HoldConflict, `Hold ${payment.holdId} cannot be captured`);
    }
    book.publish(
      ledgerEvents.PointsHoldCaptured.event(
        book.customerId,
        { ...this.holdFields(captured), purchaseId, occurredAt: book.now.toISOString() },
        actor,
      ),
    );
    return captured;
  }

  /**
   * Refunds a return's share of its order's points payment, into the lots the points came from:
   * pro rata to the goods' value returned in all (see refundedSoFar). Inside the return's
   * transaction, under the account's lock.
   */
  async refundForReturn(
    book: AccountBook,
    tx: Queryable,
    refund: { orderId: string; orderTotal: number; refundAmount: number; returnId: string; reason: string },
    actor: Actor,
  ): Promise<PaymentRefund> {
    const hold = await pointsPaymentStore.lockOfOrder(tx, refund.orderId);
    if (!hold) return { points: 0, amount: 0 };
    const returnedAmount = hold.returned_amount + refund.refundAmount;
    const total = refundedSoFar({ points: hold.points, amount: hold.amount }, returnedAmount, refund.orderTotal);
    const points = total.points - hold.refunded_points;
    const amount = total.amount - hold.refunded_amount;
    if (points > 0) {
      await book.restore(
        [
          {
            kind: EntryKind.REVERSE,
            points,
            reason: `${refund.reason}: points that paid ${money(amount, hold.currency)} refunded`,
            sourceType: SourceType.POINTS_HOLD,
            sourceId: hold.id,
          },
        ],
        takesToRestore(hold.lots, hold.refunded_points, points),
      );
    }
    await pointsPaymentStore.noteRefund(tx, hold.id, {
      returnedAmount,
      refundedPoints: total.points,
      refundedAmount: total.amount,
    });
    if (points > 0) {
      book.publish(
        ledgerEvents.PointsPaymentRefunded.event(
          book.customerId,
          {
            ...this.holdFields(hold),
            points,
            amount,
            purchaseId: refund.orderId,
            returnId: refund.returnId,
            occurredAt: book.now.toISOString(),
          },
          actor,
        ),
      );
    }
    return { points, amount };
  }

  /** Puts an open hold's points back into the lots they came from, and ends it. */
  private async giveBack(
    book: AccountBook,
    tx: Queryable,
    holdId: string,
    status: 'RELEASED' | 'EXPIRED',
    actor: Actor,
  ): Promise<HoldRow> {
    const hold = await pointsPaymentStore.markReleased(tx, holdId, status, book.now);
    const reason = status === 'EXPIRED' ? 'Points hold expired unused' : 'Points hold released';
    await book.restore(
      [{ kind: EntryKind.REVERSE, points: hold.points, reason, sourceType: SourceType.POINTS_HOLD, sourceId: hold.id }],
      hold.lots,
    );
    book.noteChange(reason, hold.id, actor);
    book.publish(
      ledgerEvents.PointsHoldReleased.event(
        book.customerId,
        { ...this.holdFields(hold), reason: status, occurredAt: book.now.toISOString() },
        actor,
      ),
    );
    return hold;
  }

  private requireOpen(hold: HoldRow, now: Date): void {
    if (hold.status === 'CAPTURED') {
      throw new LedgerError(LedgerErrorKind.HoldConflict, `Hold ${hold.id} already paid purchase ${hold.order_id}`);
    }
    if (hold.status !== 'HELD') {
      throw new LedgerError(
        LedgerErrorKind.HoldConflict,
        `Hold ${hold.id} was ${hold.status.toLowerCase()}: its points went back to the member`,
      );
    }
    if (hold.expires_at <= now) {
      throw new LedgerError(
        LedgerErrorKind.HoldConflict,
        `Hold ${hold.id} expired at ${hold.expires_at.toISOString()}`,
      );
    }
  }

  private async requireRate(currency: string): Promise<PointsPaymentRate> {
    const rate = await pointsPaymentStore.rate(this.core.db, currency);
    if (!rate) {
      throw new LedgerError(LedgerErrorKind.InvalidInput, `Points do not pay in ${currency}: no rate is set`, {
        argument: 'currency',
      });
    }
    return rate;
  }

  private replay(existing: HoldRow, fingerprint: string): HoldRow {
    if (existing.fingerprint !== fingerprint) {
      throw new LedgerError(
        LedgerErrorKind.HoldConflict,
        `Idempotency key ${existing.idempotency_key} was used for another hold (${existing.points} points in ${existing.currency})`,
      );
    }
    return existing;
  }

  private holdFields(hold: HoldRow) {
    return {
      customerId: hold.customer_id,
      holdId: hold.id,
      currency: hold.currency,
      points: hold.points,
      amount: hold.amount,
    };
  }
}
