/** The basket as the associate types it, and what the graph is sent for it: pure, no React, no graph. */

import { parseMoney } from '../../ui/format.js';

export interface BasketLine {
  /** A stable key for React while lines are added and removed. */
  key: number;
  sku: string;
  quantity: string;
  unitPrice: string;
}

export interface OrderLine {
  sku: string;
  quantity: number;
  /** Minor units of the currency. */
  unitPrice: number;
}

export type LineProblem = 'sku' | 'quantity' | 'unitPrice';

/** A whole quantity of at least one; null otherwise. */
export function parseQuantity(text: string): number | null {
  return /^\s*\d+\s*$/.test(text) && Number(text) >= 1 ? Number(text) : null;
}

export interface CheckedBasket {
  /** The lines to send, when every line is complete and valid; null otherwise. */
  lines: OrderLine[] | null;
  /** What is wrong on each line, by its key (an empty line in a basket of several is ignored). */
  problems: Map<number, LineProblem[]>;
  /** The total of the valid lines, in minor units. */
  total: number;
}

function isBlank(line: BasketLine): boolean {
  return !line.sku.trim() && !line.unitPrice.trim();
}

/** Checks each line; blank lines (no product and no price) are left out, unless the basket is only that. */
export function checkBasket(lines: readonly BasketLine[], currency: string): CheckedBasket {
  const problems = new Map<number, LineProblem[]>();
  const order: OrderLine[] = [];
  let total = 0;
  const filled = lines.filter((line) => !isBlank(line));
  for (const line of filled) {
    const quantity = parseQuantity(line.quantity);
    const unitPrice = parseMoney(line.unitPrice, currency);
    const wrong: LineProblem[] = [];
    if (!line.sku.trim()) wrong.push('sku');
    if (quantity === null) wrong.push('quantity');
    if (unitPrice === null) wrong.push('unitPrice');
    if (wrong.length > 0) problems.set(line.key, wrong);
    if (quantity !== null && unitPrice !== null) total += quantity * unitPrice;
    if (wrong.length === 0) order.push({ sku: line.sku.trim(), quantity: quantity!, unitPrice: unitPrice! });
  }
  return { lines: filled.length > 0 && problems.size === 0 ? order : null, problems, total };
}

/**
 * The receipt number of a new basket: the idempotency key of its purchase with the channel and the
 * store (`externalOrderId`). It stays until the sale is recorded, so a retry after a timeout, or a
 * second click, is the same sale and credits once.
 */
export function newReceiptNumber(now = new Date(), random: () => number = Math.random): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}-${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}`;
  const suffix = Math.floor(random() * 36 ** 4)
    .toString(36)
    .toUpperCase()
    .padStart(4, '0');
  return `${stamp}-${suffix}`;
}

/** A random UUID (v4) for a redemption's idempotency key; `crypto.randomUUID` needs a secure origin, a till on a LAN may not be one. */
export function newUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
