import type { Lot, LotTake } from '../lots/lot.rules';

/** How much members may give each other (from the ledger policy). */
export interface TransferLimits {
  /** Most points one transfer may move; 0 turns transfers off. */
  maxPoints: number;
  /** Most points one giver may move in any 24 hours, over all their transfers. */
  dailyMaxPoints: number;
}

/** The rolling window of the daily limit. */
export const transferWindowMs = 86_400_000;

/** Why a transfer may not go ahead. */
export type TransferRefusal =
  | { kind: 'SELF' }
  | { kind: 'PER_TRANSFER_LIMIT'; maxPoints: number }
  | { kind: 'DAILY_LIMIT'; maxPoints: number; pointsLeft: number };

/** Checks what a transfer asks for on its own: two different members, no more than one transfer may move. */
export function checkTransfer(
  request: { fromCustomerId: string; toCustomerId: string; points: number },
  limits: TransferLimits,
): TransferRefusal | null {
  if (request.fromCustomerId === request.toCustomerId) return { kind: 'SELF' };
  if (request.points > limits.maxPoints) return { kind: 'PER_TRANSFER_LIMIT', maxPoints: limits.maxPoints };
  return null;
}

/**
 * Checks a transfer of `points` against the giver's daily limit, given the points they gave in the
 * 24 hours before it (`givenInWindow`).
 */
export function checkDailyLimit(points: number, givenInWindow: number, limits: TransferLimits): TransferRefusal | null {
  const pointsLeft = Math.max(0, limits.dailyMaxPoints - givenInWindow);
  return points > pointsLeft ? { kind: 'DAILY_LIMIT', maxPoints: limits.dailyMaxPoints, pointsLeft } : null;
}

/** Where the daily limit's window starts for a transfer at `now`. */
export function transferWindowStart(now: Date): Date {
  return new Date(now.getTime() - transferWindowMs);
}

/** Points a recipient receives together: the lot they get. */
export interface ReceivedLot {
  points: number;
  earnedAt: Date;
  expiresAt: Date | null;
}

/**
 * The lots a recipient gets for the points `takes` took from the giver's `lots`: one per distinct
 * earning and expiry date, each keeping the dates of the points it holds.
 *
 * Points keep their expiry when they change hands (rather than starting the program's expiry period
 * afresh, or all taking the earliest date): a transfer neither shortens nor extends how long a
 * point lives, so the recipient loses nothing to the move, and passing points back and forth cannot
 * keep them from ever expiring.
 */
export function receivedLots(lots: readonly Lot[], takes: readonly LotTake[]): ReceivedLot[] {
  const byDates = new Map<string, ReceivedLot>();
  for (const take of takes) {
    const lot = lots.find((candidate) => candidate.id === take.lotId);
    if (!lot) throw new Error(`lot ${take.lotId} is not among the giver's lots`);
    const key = `${lot.earnedAt.getTime()}:${lot.expiresAt?.getTime() ?? ''}`;
    const received = byDates.get(key);
    if (received) received.points += take.points;
    else byDates.set(key, { points: take.points, earnedAt: lot.earnedAt, expiresAt: lot.expiresAt });
  }
  return [...byDates.values()];
}
