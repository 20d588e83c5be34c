/** Paying part of a basket with points (issue 29), at the till and in the member app: pure, no React, no graph. */

/** What the graph's `quotePointsPayment` says the member's points may pay of a basket. */
export interface PointsOffer {
  ratePoints: number;
  ratePerAmount: number;
  maxPoints: number;
  maxAmount: number;
  minPoints: number;
  pointsStep: number;
}

export type PointsProblem = 'number' | 'min' | 'max' | 'step';

/** Points typed at the till: a whole number (spaces and thousands separators allowed); null otherwise. */
export function parsePoints(text: string): number | null {
  const digits = text.replace(/[\s,.\u00a0\u202f]/g, '');
  return /^\d+$/.test(digits) ? Number(digits) : null;
}

/**
 * What is wrong with paying `points` by this offer, or null: the ledger's own checks (at least the
 * minimum, a multiple of the step) and the quote's maximum, so the form says it before any hold.
 */
export function pointsProblem(points: number | null, offer: PointsOffer): PointsProblem | null {
  if (points === null || points <= 0) return 'number';
  if (points > offer.maxPoints) return 'max';
  if (points < offer.minPoints) return 'min';
  if (points % offer.pointsStep !== 0) return 'step';
  return null;
}

/** The money `points` pay at the offer's rate, rounded down to a minor unit as the ledger does. */
export function amountPaidBy(points: number, offer: PointsOffer): number {
  return Math.floor((points * offer.ratePerAmount) / offer.ratePoints);
}

/** Why no points may pay: the member has too few (by their balance), else the basket is too small. */
export function unavailableBecause(offer: PointsOffer, balance: number): 'balance' | 'basket' {
  return balance < Math.max(offer.minPoints, offer.pointsStep, 1) ? 'balance' : 'basket';
}

/** The hold's idempotency key: one per basket (its receipt number) and attempt, so a retry answers the same hold. */
export function holdKey(receipt: string, attempt: number): string {
  return `${receipt}/points/${attempt}`;
}
