import type { LotTake } from '../lots/lot.rules';

/** `points` points pay `perAmount` minor units of the currency. */
export interface BurnRate {
  points: number;
  perAmount: number;
}

/** How points pay for baskets in one currency (issue 29). */
export interface PointsPaymentRate extends BurnRate {
  currency: string;
  /** The fewest points one payment may use. */
  minPoints: number;
  /** The largest share of a basket points may pay, in percent (1 to 100). */
  maxSharePercent: number;
  /** Points are used in multiples of this (rounded down to it). */
  pointsStep: number;
  /** Better rates for members of a tier. */
  tierRates: Array<BurnRate & { tier: string }>;
}

/** Why a rate cannot be set, or null. */
export function pointsPaymentRateProblem(rate: PointsPaymentRate): string | null {
  const positive = (n: number) => Number.isSafeInteger(n) && n > 0;
  if (!positive(rate.points) || !positive(rate.perAmount)) return 'points and perAmount must be positive integers';
  if (!Number.isSafeInteger(rate.minPoints) || rate.minPoints < 0) return 'minPoints must be 0 or more';
  if (!Number.isInteger(rate.maxSharePercent) || rate.maxSharePercent < 1 || rate.maxSharePercent > 100) {
    return 'maxSharePercent must be between 1 and 100';
  }
  if (!positive(rate.pointsStep)) return 'pointsStep must be a positive integer';
  const tiers = new Set<string>();
  for (const tierRate of rate.tierRates) {
    if (tiers.has(tierRate.tier)) return `tier ${tierRate.tier} has two rates`;
    tiers.add(tierRate.tier);
    if (!positive(tierRate.points) || !positive(tierRate.perAmount)) {
      return `the rate of tier ${tierRate.tier} must have positive points and perAmount`;
    }
  }
  return null;
}

/** Where a basket is paid: its channel, and its store for IN_STORE. */
export interface PaymentPlace {
  channel: string;
  storeId: string | null;
}

/**
 * Why a hold taken for `hold` may not pay an order recorded at `order`, or null: a hold pays in its
 * own channel, and in its own store when it names one; one with no store (the member's, from the
 * app, to show at any till) pays in any store of its channel.
 */
export function holdPlaceProblem(hold: PaymentPlace, order: PaymentPlace): string | null {
  if (hold.channel !== order.channel) return `it pays ${hold.channel} baskets; the order is ${order.channel}`;
  if (hold.storeId !== null && hold.storeId !== order.storeId) {
    return `it pays at store ${hold.storeId}; the order is at ${order.storeId ?? '(no store)'}`;
  }
  return null;
}

/** The burn rate a member of `tier` pays with: the tier's own, else the currency's. */
export function burnRateOf(rate: PointsPaymentRate, tier: string | null): BurnRate & { tier: string | null } {
  const own = tier === null ? undefined : rate.tierRates.find((tierRate) => tierRate.tier === tier);
  return own ? { points: own.points, perAmount: own.perAmount, tier } : { ...rate, tier: null };
}

/** The money `points` pay at `rate`, rounded down to a minor unit (the member never pays more than the rate). */
export function amountPaidBy(points: number, rate: BurnRate): number {
  return Number((BigInt(points) * BigInt(rate.perAmount)) / BigInt(rate.points));
}

/** The most points that pay at most `amount`, rounded down to the step. */
export function pointsPaying(amount: number, rate: BurnRate, step: number): number {
  const points = Number((BigInt(amount) * BigInt(rate.points)) / BigInt(rate.perAmount));
  return points - (points % step);
}

/** The most of a basket of `basketAmount` points may pay (its maximum share, rounded down). */
export function maxPayableAmount(rate: PointsPaymentRate, basketAmount: number): number {
  return Number((BigInt(basketAmount) * BigInt(rate.maxSharePercent)) / 100n);
}

export interface PointsPaymentQuote {
  /** The burn rate applied (the member's tier's, or the currency's). */
  rate: BurnRate & { tier: string | null };
  /** The most points the member may pay this basket with (0: none). */
  maxPoints: number;
  /** The money those points pay. */
  maxAmount: number;
  /** The fewest points a payment may use. */
  minPoints: number;
  pointsStep: number;
  /** Why no points may pay, when maxPoints is 0. */
  unavailableReason: string | null;
}

/**
 * How many of a member's `balance` points may pay a basket of `basketAmount`: no more than the
 * basket's maximum share is worth, no more than the balance, rounded down to the step; none when
 * that is below the minimum.
 */
export function quotePointsPayment(
  rate: PointsPaymentRate,
  tier: string | null,
  balance: number,
  basketAmount: number,
): PointsPaymentQuote {
  const burn = burnRateOf(rate, tier);
  const byShare = pointsPaying(maxPayableAmount(rate, basketAmount), burn, rate.pointsStep);
  const byBalance = balance - (balance % rate.pointsStep);
  const points = Math.min(byShare, byBalance);
  const base = { rate: burn, minPoints: rate.minPoints, pointsStep: rate.pointsStep };
  if (points <= 0 || points < rate.minPoints) {
    const unavailableReason =
      byShare <= 0 || byShare < rate.minPoints
        ? `The basket is too small to pay with points (at least ${rate.minPoints} points, at most ${rate.maxSharePercent}% of it)`
        : `The member has fewer than ${Math.max(rate.minPoints, rate.pointsStep)} points to pay with`;
    return { ...base, maxPoints: 0, maxAmount: 0, unavailableReason };
  }
  return { ...base, maxPoints: points, maxAmount: amountPaidBy(points, burn), unavailableReason: null };
}

/**
 * What a captured payment's returns give back so far: the points and the money they paid, pro rata
 * to the goods' value returned in all (`returnedAmount` of `orderTotal`), each rounded down. Taken
 * cumulatively, a return refunds the difference from the previous ones, so the sum over all returns
 * never exceeds what was paid and the last unit returned refunds exactly the rest.
 */
export function refundedSoFar(
  paid: { points: number; amount: number },
  returnedAmount: number,
  orderTotal: number,
): { points: number; amount: number } {
  if (orderTotal <= 0 || returnedAmount >= orderTotal) return { ...paid };
  const share = (value: number) => Number((BigInt(value) * BigInt(returnedAmount)) / BigInt(orderTotal));
  return { points: share(paid.points), amount: share(paid.amount) };
}

/**
 * The lots to put `points` back into, of the lots a hold took (`takes`, in the order taken), after
 * `restored` points went back already: the next ones in that order.
 */
export function takesToRestore(takes: readonly LotTake[], restored: number, points: number): LotTake[] {
  const result: LotTake[] = [];
  let skip = restored;
  let left = points;
  for (const take of takes) {
    if (left <= 0) break;
    const available = take.points - Math.min(skip, take.points);
    skip = Math.max(0, skip - take.points);
    if (available <= 0) continue;
    const part = Math.min(available, left);
    result.push({ lotId: take.lotId, points: part });
    left -= part;
  }
  if (left > 0) throw new RangeError(`the hold took ${points - left} points less than are to be restored`);
  return result;
}

/**
 * The earning of a basket paid partly with points: each quote line scaled by the cash share
 * (`cashAmount` of `totalAmount`), rounded down, so only the cash part earns.
 */
export function cashShareOf(points: number, cashAmount: number, totalAmount: number): number {
  if (totalAmount <= 0 || cashAmount >= totalAmount) return points;
  return Number((BigInt(points) * BigInt(cashAmount)) / BigInt(totalAmount));
}
