import { createHash } from 'node:crypto';
/**
 * Splits `points` over lines in proportion to their amounts (largest remainder): the shares are
 * whole, add up to `points`, and each is within one point of its exact share.
 */
export function allocateByAmount(points: number, amounts: readonly number[]): number[] {
  if (amounts.length === 0) return [];
  const total = amounts.reduce((sum, amount) => sum + BigInt(amount), 0n);
  if (total === 0n) {
    // Nothing was paid: split evenly, the first lines taking the remainder.
    const base = Math.floor(points / amounts.length);
    return amounts.map((_, index) => base + (index < points - base * amounts.length ? 1 : 0));
  }
  const exact = amounts.map((amount) => BigInt(points) * BigInt(amount));
  const shares = exact.map((value) => Number(value / total));
  let left = points - shares.reduce((sum, share) => sum + share, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value % total }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of byRemainder) {
    if (left === 0) break;
    shares[index]! += 1;
    left -= 1;
  }
  return shares;
}

/**
 * Points of one earning that returning `returned[i]` of `quantities[i]` units of each line takes
 * back: each line's share in proportion to the units returned, rounded down in the member's
 * favour. Cumulative: pass every unit returned so far. Returning everything takes back exactly the
 * whole earning; never more.
 */
export function pointsTakenBack(
  linePoints: readonly number[],
  quantities: readonly number[],
  returned: readonly number[],
): number {
  let total = 0;
  linePoints.forEach((points, index) => {
    const quantity = quantities[index]!;
    const units = Math.min(returned[index] ?? 0, quantity);
    total += Number((BigInt(points) * BigInt(units)) / BigInt(quantity));
  });
  return total;
}

export interface ReturnedLine {
  sku: string;
  quantity: number;
}

export interface OrderedLine {
  sku: string;
  quantity: number;
}

export type LineMatch =
  { ok: true; units: number[] } | { ok: false; sku: string; requested: number; returnable: number };

/**
 * Which order lines a return's lines are: units of a SKU are taken from the order's lines with that
 * SKU that still have units not yet returned, in order. Refuses a return of more units than are
 * left to return.
 */
export function matchReturnedLines(
  order: readonly OrderedLine[],
  alreadyReturned: readonly number[],
  returning: readonly ReturnedLine[],
): LineMatch {
  const units = order.map(() => 0);
  // One SKU named on several return lines is one request for their sum.
  const bySku = new Map<string, number>();
  for (const line of returning) bySku.set(line.sku, (bySku.get(line.sku) ?? 0) + line.quantity);
  for (const line of [...bySku].map(([sku, quantity]) => ({ sku, quantity }))) {
    let left = line.quantity;
    order.forEach((ordered, index) => {
      if (left === 0 || ordered.sku !== line.sku) return;
      const free = ordered.quantity - (alreadyReturned[index] ?? 0) - units[index]!;
      const take = Math.min(free, left);
      units[index]! += take;
      left -= take;
    });
    if (left > 0) {
      return { ok: false, sku: line.sku, requested: line.quantity, returnable: line.quantity - left };
    }
  }
  return { ok: true, units };
}

/** Identifies a return's content: a retry with the same key and fingerprint is the same return. */
export function returnFingerprint(orderId: string, storeId: string | null, lines: readonly ReturnedLine[]): string {
  const sorted = [...lines]
    .map((line) => [line.sku, line.quantity] as const)
    .sort((a, b) => (a[0] === b[0] ? a[1] - b[1] : a[0] < b[0] ? -1 : 1));
  return createHash('sha256')
    .update(JSON.stringify([orderId, storeId, sorted]))
    .digest('hex');
}
