import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../../../runtime/events/outbox';
import { LedgerError, LedgerErrorKind } from '../errors';
import { EntryKind, SourceType, type EntryDraft } from '../journal/journal.rules';
import type { LedgerCore } from '../ledgerCore';
import { allocateByAmount } from '../returns/return.rules';
import { tierStore } from '../tiers/tier.store';
import { rankOf } from '../tiers/tier.rules';
import type { CampaignQuotes, PointsQuote, TierBenefit } from '../upstream/campaignQuotes';
import { orderEarningStore, type NewOrderEarning, type OrderEarningRow } from './orderEarning.store';
import { lineAmount, orderFingerprint, orderTotal, type PurchaseOrder } from './purchase.rules';
import { purchaseStore, type OrderRow } from './purchase.store';
import type { PointsEarning, Purchase } from './purchase.type';

const dayMs = 86_400_000;

export function toEarning(row: Pick<OrderEarningRow, 'kind' | 'points' | 'reason' | 'rule_id'>): PointsEarning {
  return { kind: row.kind, points: row.points, reason: row.reason, ruleId: row.rule_id };
}

function toPurchase(order: OrderRow, earnings: readonly PointsEarning[]): Purchase {
  const pending = order.pending_until !== null && order.released_at === null;
  return {
    id: order.id,
    customer: { id: order.customer_id },
    channel: order.channel,
    externalOrderId: order.external_order_id,
    storeId: order.store_id,
    currency: order.currency,
    totalAmount: order.total_amount,
    pointsEarned: order.points_earned,
    pendingUntil: pending ? order.pending_until : null,
    balanceAfter: order.balance_after,
    earnings: [...earnings],
    recordedAt: order.recorded_at,
  };
}

/** The quote's lines as this order's earnings, each split over the order's lines by amount. */
function toEarnings(orderId: string, order: PurchaseOrder, quote: PointsQuote): NewOrderEarning[] {
  const amounts = order.lines.map(lineAmount);
  return quote.lines.map((line, position) => {
    if (!Number.isSafeInteger(line.points) || line.points <= 0) {
      throw new LedgerError(LedgerErrorKind.UpstreamRejected, 'The campaign service quoted a line without points');
    }
    return {
      order_id: orderId,
      position,
      kind: line.kind === 'BASE' ? EntryKind.EARN : EntryKind.BONUS,
      points: line.points,
      reason: line.reason,
      rule_id: line.ruleId,
      line_points: allocateByAmount(line.points, amounts),
    };
  });
}

export class PurchaseService {
  constructor(
    private readonly core: LedgerCore,
    private readonly quotes: CampaignQuotes,
  ) {}

  /**
   * Records a purchase and credits the points it earns (at once, or pending until the return window
   * closes). Idempotent on (channel, store, external order id): a retry returns the first result and
   * changes nothing, even when the retries race each other.
   */
  async record(order: PurchaseOrder, actor: NewEvent['actor']): Promise<Purchase> {
    const totalAmount = orderTotal(order.lines);
    if (totalAmount === undefined) {
      throw new LedgerError(LedgerErrorKind.InvalidInput, 'The order total is too large');
    }
    const fingerprint = orderFingerprint(order);
    const existing = await purchaseStore.findByKey(this.core.db, order);
    if (existing) return this.replay(existing, fingerprint);

    await this.core.requireCustomer(order.customerId, 'the purchase');
    const tier = await this.tierBenefit(order.customerId);
    const quote = await this.core.upstream(() => this.quotes.quote(order, tier), 'the purchase');
    const orderId = randomUUID();
    const earnings = toEarnings(orderId, order, quote);
    const points = earnings.reduce((sum, earning) => sum + earning.points, 0);

    return this.core.withAccount(
      order.customerId,
      async (book, tx) => {
        const pendingUntil =
          this.core.policy.pendingDays > 0 ? new Date(book.now.getTime() + this.core.policy.pendingDays * dayMs) : null;
        const saved = await purchaseStore.insert(tx, {
          id: orderId,
          customer_id: order.customerId,
          channel: order.channel,
          external_order_id: order.externalOrderId,
          store_id: order.storeId ?? null,
          currency: order.currency,
          total_amount: totalAmount,
          lines: order.lines.map(({ sku, category, quantity, unitPrice }) => ({
            sku,
            category: category ?? null,
            quantity,
            unitPrice,
          })),
          fingerprint,
          points_earned: points,
          balance_after: book.balance + (pendingUntil ? 0 : points),
          pending_until: points > 0 ? pendingUntil : null,
          released_at: null,
          occurred_at: book.now,
        });
        await orderEarningStore.insert(tx, earnings);
        const drafts: EntryDraft[] = earnings.map((earning) => ({
          kind: earning.kind,
          points: earning.points,
          reason: earning.reason,
          sourceType: SourceType.ORDER,
          sourceId: orderId,
          ruleId: earning.rule_id,
        }));
        await book.credit(drafts, { orderId, pendingUntil });
        book.markActivity();
        book.noteChange(`Purchase ${order.externalOrderId} (${order.channel})`, orderId, actor);
        return toPurchase(saved, earnings.map(toEarning));
      },
      async (constraint) => {
        if (constraint !== 'orders_idempotency_key') return undefined;
        // A concurrent retry of the same order committed first: answer with its result.
        const winner = await purchaseStore.findByKey(this.core.db, order);
        return winner && this.replay(winner, fingerprint);
      },
    );
  }

  private async replay(existing: OrderRow, fingerprint: string): Promise<Purchase> {
    if (existing.fingerprint !== fingerprint) {
      throw new LedgerError(
        LedgerErrorKind.OrderConflict,
        `Order ${existing.external_order_id} on ${existing.channel} was already recorded with different content`,
      );
    }
    const earnings = await orderEarningStore.ofOrder(this.core.db, existing.id);
    return toPurchase(existing, earnings.map(toEarning));
  }

  /** The member's tier and its earning multiplier, for the quote. */
  private async tierBenefit(customerId: string): Promise<TierBenefit | null> {
    const program = await tierStore.load(this.core.db);
    if (!program) return null;
    const { rows } = await this.core.db.query<{ tier: string | null }>(
      'select tier from ledger.accounts where customer_id = $1',
      [customerId],
    );
    const tier = program.tiers[rankOf(program, rows[0]?.tier ?? null)]!;
    return { name: tier.name, multiplierPercent: tier.multiplierPercent };
  }
}
