import { randomUUID } from 'node:crypto';
import { hasSqlState, SqlState, type Database } from '../../../runtime/database/database';
import { appendEvent, type NewEvent } from '../../../runtime/events/outbox';
import { ErrorCode } from '../../../runtime/errors/errorCodes';
import { UpstreamError } from '../../../runtime/http/graphqlRequest';
import { accountStore } from '../accounts/account.store';
import { balanceUpdatedEvent, type BalanceUpdatedPayload } from '../balanceUpdates/balanceUpdate.events';
import { LedgerError, LedgerErrorKind } from '../errors';
import { EntryKind, InsufficientPointsError, postEntries, SourceType, type EntryDraft } from '../journal/journal.rules';
import { journalStore } from '../journal/journal.store';
import type { CampaignQuotes, PointsQuote } from '../upstream/campaignQuotes';
import type { ProfileDirectory } from '../upstream/profileDirectory';
import { orderFingerprint, orderTotal, type PurchaseOrder } from './purchase.rules';
import { purchaseStore, type OrderRow } from './purchase.store';
import type { PointsEarning, Purchase } from './purchase.type';

function toPurchase(order: OrderRow, earnings: PointsEarning[]): Purchase {
  return {
    id: order.id,
    customer: { id: order.customer_id },
    channel: order.channel,
    externalOrderId: order.external_order_id,
    storeId: order.store_id,
    currency: order.currency,
    totalAmount: order.total_amount,
    pointsEarned: order.points_earned,
    balanceAfter: order.balance_after,
    earnings,
    recordedAt: order.recorded_at,
  };
}

function toDrafts(orderId: string, quote: PointsQuote): EntryDraft[] {
  return quote.lines
    .filter((line) => line.points !== 0)
    .map((line) => ({
      kind: line.kind === 'BASE' ? EntryKind.EARN : EntryKind.BONUS,
      points: line.points,
      reason: line.reason,
      sourceType: SourceType.ORDER,
      sourceId: orderId,
      ruleId: line.ruleId,
    }));
}

export class PurchaseService {
  constructor(
    private readonly db: Database,
    private readonly quotes: CampaignQuotes,
    private readonly profiles: ProfileDirectory,
  ) {}

  /**
   * Records a purchase and credits the points it earns. Idempotent on (channel, store, external order id):
   * a retry returns the first result and changes nothing, even when the retries race each other.
   */
  async record(order: PurchaseOrder, actor: NewEvent['actor']): Promise<Purchase> {
    const totalAmount = orderTotal(order.lines);
    if (totalAmount === undefined) {
      throw new LedgerError(LedgerErrorKind.InvalidInput, 'The order total is too large');
    }
    const fingerprint = orderFingerprint(order);
    const existing = await purchaseStore.findByKey(this.db, order);
    if (existing) return this.replay(existing, fingerprint);

    await this.requireCustomer(order.customerId);
    const quote = await this.upstream(() => this.quotes.quote(order));
    const orderId = randomUUID();

    try {
      return await this.db.transaction(async (tx) => {
        const account = await accountStore.lock(tx, order.customerId);
        const posting = postEntries(account.balance, toDrafts(orderId, quote));
        const change = posting.balance - account.balance;
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
          points_earned: change,
          balance_after: posting.balance,
          occurred_at: new Date(),
        });
        await journalStore.append(tx, order.customerId, posting.entries);
        await accountStore.update(tx, order.customerId, posting.balance, posting.earned);
        if (change !== 0) {
          await appendEvent<BalanceUpdatedPayload>(tx, 'ledger', {
            type: balanceUpdatedEvent,
            aggregateId: order.customerId,
            payload: {
              customerId: order.customerId,
              balance: posting.balance,
              change,
              reason: `Purchase ${order.externalOrderId} (${order.channel})`,
              transactionId: orderId,
            },
            actor,
          });
        }
        return toPurchase(
          saved,
          posting.entries.map((entry) => ({
            kind: entry.kind,
            points: entry.points,
            reason: entry.reason,
            ruleId: entry.ruleId ?? null,
          })),
        );
      });
    } catch (error) {
      if (hasSqlState(error, SqlState.uniqueViolation) && error.constraint === 'orders_idempotency_key') {
        // A concurrent retry of the same order committed first: answer with its result.
        const winner = await purchaseStore.findByKey(this.db, order);
        if (winner) return this.replay(winner, fingerprint);
      }
      if (error instanceof InsufficientPointsError) {
        throw new LedgerError(LedgerErrorKind.InsufficientPoints, error.message, {
          balance: error.balance,
          requested: error.requested,
        });
      }
      throw error;
    }
  }

  private async replay(existing: OrderRow, fingerprint: string): Promise<Purchase> {
    if (existing.fingerprint !== fingerprint) {
      throw new LedgerError(
        LedgerErrorKind.OrderConflict,
        `Order ${existing.external_order_id} on ${existing.channel} was already recorded with different content`,
      );
    }
    const entries = await journalStore.bySource(this.db, SourceType.ORDER, existing.id);
    return toPurchase(
      existing,
      entries.map((entry) => ({ kind: entry.kind, points: entry.points, reason: entry.reason, ruleId: entry.rule_id })),
    );
  }

  private async requireCustomer(customerId: string): Promise<void> {
    if (await accountStore.exists(this.db, customerId)) return;
    const known = await this.upstream(() => this.profiles.customerExists(customerId));
    if (!known) throw new LedgerError(LedgerErrorKind.UnknownCustomer, `No customer has the id ${customerId}`);
  }

  /** Runs a call to another service; its failure becomes the ledger's own error, with nothing changed. */
  private async upstream<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof UpstreamError) {
        // Unavailable: retry later. Rejected as bad input: the caller's to fix. Rejected otherwise:
        // a fault between our services that a retry will not cure.
        const kind =
          error.kind === 'UpstreamUnavailable'
            ? LedgerErrorKind.UpstreamUnavailable
            : error.details.upstreamCode === ErrorCode.BAD_USER_INPUT
              ? LedgerErrorKind.InvalidInput
              : LedgerErrorKind.UpstreamRejected;
        throw new LedgerError(kind, `${error.message}; the purchase was not recorded`);
      }
      throw error;
    }
  }
}
