import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../../runtime/database/database';
import type { NewEvent } from '../../../runtime/events/outbox';
import { ledgerEvents } from '../contract/events';
import { LedgerError, LedgerErrorKind } from '../errors';
import { EntryKind, SourceType, type EntryDraft } from '../journal/journal.rules';
import type { LedgerCore } from '../ledgerCore';
import { lotStore } from '../lots/lot.store';
import { orderEarningStore } from '../purchases/orderEarning.store';
import { purchaseStore, type OrderRow } from '../purchases/purchase.store';
import { runGrouped, type Outcome } from '../purchases/batch';
import { matchReturnedLines, pointsTakenBack, returnFingerprint, type ReturnedLine } from './return.rules';
import { returnStore, type ReturnRow, type ReturnedUnits } from './return.store';
import type { ProductReturn, ReturnReversal } from './return.type';
import { occurredAtOf } from '../program/occurredAt';
import type { PointsPaymentService } from '../pointsPayments/pointsPayment.service';
import type { WalletService } from '../wallets/wallet.service';
import { lateEffectsOf } from '../program/lateEvent.rules';
import { toLateEffects } from '../program/lateEvent.type';

export interface ReturnRequest {
  channel: string;
  storeId: string | null;
  externalReturnId: string;
  /** The ledger's purchase id, or the original order's key. */
  purchaseId?: string | null;
  originalOrder?: { channel: string; storeId?: string | null; externalOrderId: string } | null;
  lines: readonly ReturnedLine[];
  /** When the goods came back; absent: now. Not part of the fingerprint (a retry answers the first result). */
  occurredAt?: Date | null;
}

const fingerprintOf = (orderId: string, request: ReturnRequest): string =>
  returnFingerprint(orderId, request.storeId, request.lines);

function toReturn(row: ReturnRow, order: OrderRow, reversals: ReturnReversal[]): ProductReturn {
  return {
    id: row.id,
    purchaseId: row.order_id,
    externalOrderId: order.external_order_id,
    customer: { id: row.customer_id },
    channel: row.channel,
    storeId: row.store_id,
    externalReturnId: row.external_return_id,
    currency: order.currency,
    refundAmount: row.refund_amount,
    pointsReversed: row.points_reversed,
    pendingPointsCancelled: row.pending_cancelled,
    pointsNotRecovered: row.points_not_recovered,
    pointsRefunded: row.points_refunded,
    pointsRefundAmount: row.points_refund_amount,
    balanceAfter: row.balance_after,
    reversals,
    recordedAt: row.recorded_at,
    late: toLateEffects(row.late),
  };
}

export class ReturnService {
  constructor(
    private readonly core: LedgerCore,
    private readonly payments: PointsPaymentService,
    private readonly wallets: WalletService,
  ) {}

  /**
   * Records a return and takes back the points the returned units earned, rule by rule (base rate
   * and campaign bonuses), in proportion to the units returned and never more than was earned.
   * Points still pending are cancelled; spendable points are debited, as far as the member still has
   * them (what they already spent is reported, not taken below zero). Idempotent on (channel, store,
   * external return id).
   */
  async record(request: ReturnRequest, actor: NewEvent['actor']): Promise<ProductReturn> {
    const order = await this.findOrder(request);
    const fingerprint = fingerprintOf(order.id, request);
    const existing = await returnStore.findByKey(this.core.db, request);
    if (existing) return this.replay(existing, fingerprint);
    const occurredAt = occurredAtOf(request.occurredAt, this.core.clock(), this.core.policy.maxLatenessDays);
    if (request.occurredAt && occurredAt < order.occurred_at) {
      throw new LedgerError(
        LedgerErrorKind.InvalidInput,
        `occurredAt ${occurredAt.toISOString()} is before purchase ${order.external_order_id} (${order.occurred_at.toISOString()})`,
        { argument: 'occurredAt' },
      );
    }
    const returnId = randomUUID();

    return this.core.withAccount(
      order.customer_id,
      async (book, tx) => {
        // A retry that waited for the account's lock answers with the result that got there first.
        const raced = await returnStore.findByKey(tx, request);
        if (raced) return this.replay(raced, fingerprint, tx);
        // The return's own time (never after the book's clock), or the book's.
        const at = request.occurredAt && occurredAt < book.now ? occurredAt : book.now;
        const before = await returnStore.returnedUnits(tx, order.id, order.lines.length);
        const match = matchReturnedLines(order.lines, before, request.lines);
        if (!match.ok) {
          throw new LedgerError(
            LedgerErrorKind.InvalidInput,
            `Purchase ${order.external_order_id} has ${match.returnable} of ${match.sku} left to return; ${match.requested} were returned`,
            { sku: match.sku, returnable: match.returnable },
          );
        }
        const after = before.map((units, index) => units + match.units[index]!);
        const quantities = order.lines.map((line) => line.quantity);
        const earnings = await orderEarningStore.ofOrder(tx, order.id);
        const dues = earnings.map((earning) => ({
          earning,
          points:
            pointsTakenBack(earning.line_points, quantities, after) -
            pointsTakenBack(earning.line_points, quantities, before),
        }));
        const due = dues.reduce((sum, d) => sum + d.points, 0);
        const lines: ReturnedUnits[] = match.units
          .map((quantity, line) => ({ line, sku: order.lines[line]!.sku, quantity }))
          .filter((line) => line.quantity > 0);
        const refundAmount = lines.reduce((sum, line) => sum + line.quantity * order.lines[line.line]!.unitPrice, 0);
        // Paid partly with points (issue 29): their share comes back first, pro rata to the goods'
        // value returned. Orders paid all in cash read nothing more.
        const pointsRefund =
          (order.points_paid ?? 0) > 0
            ? await this.payments.refundForReturn(
                book,
                tx,
                {
                  orderId: order.id,
                  orderTotal: order.total_amount,
                  refundAmount,
                  returnId,
                  reason: `Return ${request.externalReturnId} of purchase ${order.external_order_id}`,
                },
                actor,
              )
            : { points: 0, amount: 0 };

        let reversed = 0;
        let cancelled = 0;
        const reversals: ReturnReversal[] = [];
        const pendingLot = await lotStore.pendingOfOrder(tx, order.id);
        if (pendingLot) {
          cancelled = due;
          await book.cancelPending(pendingLot.id, due);
          for (const d of dues) if (d.points > 0) reversals.push(this.reversalOf(d.earning, d.points, true));
        } else {
          // Take back what the member still has, rule by rule, in the order the rules earned.
          let available = book.balance;
          const drafts: EntryDraft[] = [];
          for (const d of dues) {
            const points = Math.min(d.points, available);
            if (points <= 0) continue;
            available -= points;
            reversed += points;
            reversals.push(this.reversalOf(d.earning, points, false));
            drafts.push({
              kind: EntryKind.REVERSE,
              points: -points,
              reason: `Return ${request.externalReturnId} of purchase ${order.external_order_id}: ${d.earning.reason}`,
              sourceType: SourceType.RETURN,
              sourceId: returnId,
              ruleId: d.earning.rule_id,
            });
          }
          await book.debit(drafts, order.id);
        }
        // Wallet earnings (stamps, cashback) come back with the goods, on the cash part's share.
        await this.wallets.reverseForReturn(
          tx,
          book,
          {
            id: order.id,
            externalOrderId: order.external_order_id,
            totalAmount: order.total_amount,
            pointsAmount: order.points_amount ?? 0,
          },
          { amount: refundAmount, returnId, externalReturnId: request.externalReturnId, at },
        );
        await orderEarningStore.addReversed(
          tx,
          order.id,
          new Map(dues.filter((d) => d.points > 0).map((d) => [d.earning.position, d.points])),
        );
        const saved = await returnStore.insert(tx, {
          id: returnId,
          order_id: order.id,
          customer_id: order.customer_id,
          channel: request.channel,
          store_id: request.storeId,
          external_return_id: request.externalReturnId,
          lines,
          fingerprint,
          refund_amount: refundAmount,
          points_reversed: reversed,
          pending_cancelled: cancelled,
          points_not_recovered: due - reversed - cancelled,
          points_refunded: pointsRefund.points,
          points_refund_amount: pointsRefund.amount,
          reversals,
          balance_after: book.balance,
          occurred_at: at,
          // A return takes back points and gives none: no campaign is judged, only the tier it counts in.
          late: lateEffectsOf(at, book.now, book.tier),
        });
        book.noteChange(`Return ${request.externalReturnId} of purchase ${order.external_order_id}`, returnId, actor);
        book.publish(
          ledgerEvents.ReturnRecorded.event(
            order.customer_id,
            {
              returnId,
              purchaseId: order.id,
              customerId: order.customer_id,
              amount: saved.refund_amount,
              pointsReversed: reversed + cancelled,
              occurredAt: at.toISOString(),
            },
            actor,
          ),
        );
        return toReturn(saved, order, reversals);
      },
      async (constraint) => {
        if (constraint !== 'returns_idempotency_key') return undefined;
        const winner = await returnStore.findByKey(this.core.db, request);
        return winner && this.replay(winner, fingerprint);
      },
    );
  }

  /**
   * Records a batch of returns: one outcome per request, in input order, each exactly as `record`
   * would answer it. Returns of one purchase (and retries of one return key) run one after another
   * in input order, so they share out its units as single calls in that order would; others side by side.
   */
  recordBatch(requests: readonly ReturnRequest[], actor: NewEvent['actor']): Promise<Outcome<ProductReturn>[]> {
    const groupOfKey = new Map<string, string>();
    const groupOf = (request: ReturnRequest): string => {
      const key = JSON.stringify([request.channel, request.storeId ?? '', request.externalReturnId]);
      const order = request.originalOrder;
      const group =
        groupOfKey.get(key) ??
        (request.purchaseId
          ? `id:${request.purchaseId}`
          : `key:${JSON.stringify([order?.channel, order?.storeId ?? '', order?.externalOrderId])}`);
      groupOfKey.set(key, group);
      return group;
    };
    return runGrouped(requests, groupOf, (request) => this.record(request, actor), 8);
  }

  private reversalOf(
    earning: { kind: EntryKind; reason: string; rule_id: string | null },
    points: number,
    pending: boolean,
  ): ReturnReversal {
    return { kind: earning.kind, points, reason: earning.reason, ruleId: earning.rule_id, wasPending: pending };
  }

  private async findOrder(request: ReturnRequest): Promise<OrderRow> {
    const byId = request.purchaseId ?? null;
    const byKey = request.originalOrder ?? null;
    if ((byId === null) === (byKey === null)) {
      throw new LedgerError(
        LedgerErrorKind.InvalidInput,
        'Name the purchase being returned with exactly one of purchaseId or originalOrder',
        { argument: 'purchaseId' },
      );
    }
    const order = byId
      ? await purchaseStore.findById(this.core.db, byId)
      : await purchaseStore.findByKey(this.core.db, byKey!);
    if (!order) {
      throw new LedgerError(
        LedgerErrorKind.UnknownPurchase,
        byId
          ? `No purchase has the id ${byId}`
          : `No purchase ${byKey!.externalOrderId} was recorded on ${byKey!.channel}${byKey!.storeId ? ` in ${byKey!.storeId}` : ''}`,
      );
    }
    return order;
  }

  private async replay(existing: ReturnRow, fingerprint: string, db: Queryable = this.core.db): Promise<ProductReturn> {
    if (existing.fingerprint !== fingerprint) {
      throw new LedgerError(
        LedgerErrorKind.OrderConflict,
        `Return ${existing.external_return_id} on ${existing.channel} was already recorded with different content`,
      );
    }
    const order = (await purchaseStore.findById(db, existing.order_id))!;
    return toReturn(existing, order, existing.reversals);
  }
}
