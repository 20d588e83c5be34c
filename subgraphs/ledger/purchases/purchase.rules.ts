import { createHash } from 'node:crypto';

export interface OrderLine {
  sku: string;
  category?: string | null;
  quantity: number;
  /** Minor units of the order's currency. */
  unitPrice: number;
}

export interface PurchaseOrder {
  customerId: string;
  channel: string;
  externalOrderId: string;
  storeId?: string | null;
  currency: string;
  lines: readonly OrderLine[];
  /**
   * When the sale happened at the till; absent: now. Not part of the fingerprint: a retry answers
   * with the first result whatever time it says.
   */
  occurredAt?: Date | null;
  /** Part of the order paid with held points (issue 29): the hold it captures. */
  pointsPayment?: { holdId: string } | null;
  /** Parts of the order paid from the member's money wallets (issue 29), spent with it. */
  walletPayments?: ReadonlyArray<{ wallet: string; amount: number }> | null;
}

/** What the order's wallet payments pay in all, in minor units. */
export function walletPaid(order: PurchaseOrder): number {
  return (order.walletPayments ?? []).reduce((sum, payment) => sum + payment.amount, 0);
}

/** A line's amount in minor units (quantity × unit price). */
export function lineAmount(line: OrderLine): number {
  return line.quantity * line.unitPrice;
}

/** The order's total in minor units, or `undefined` when it does not fit in a safe integer. */
export function orderTotal(lines: readonly OrderLine[]): number | undefined {
  let total = 0n;
  for (const line of lines) total += BigInt(line.quantity) * BigInt(line.unitPrice);
  return total <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(total) : undefined;
}

/**
 * Identifies an order's content. A retry with the same (channel, external order id) and the same
 * fingerprint is the same purchase; with another fingerprint it is a conflicting request.
 */
export function orderFingerprint(order: PurchaseOrder): string {
  const content: unknown[] = [
    order.customerId,
    order.storeId ?? null,
    order.currency,
    order.lines.map((line) => [line.sku, line.category ?? null, line.quantity, line.unitPrice]),
  ];
  // Only an order paid with points says so: the fingerprints of all others stay as they were.
  if (order.pointsPayment) content.push(['pointsPayment', order.pointsPayment.holdId]);
  if (order.walletPayments?.length) {
    content.push(['walletPayments', order.walletPayments.map((payment) => [payment.wallet, payment.amount])]);
  }
  const canonical = JSON.stringify(content);
  return createHash('sha256').update(canonical).digest('hex');
}
