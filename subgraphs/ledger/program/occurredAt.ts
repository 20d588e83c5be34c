import { LedgerError, LedgerErrorKind } from '../errors';

const dayMs = 86_400_000;

/**
 * How far ahead of the ledger's clock an `occurredAt` may be: a till's clock a little fast is not
 * an error, a sale tomorrow is. Five minutes covers ordinary clock drift without letting a caller
 * post into the future (where campaigns and expiry would be judged on a time that has not come).
 */
export const maxClockSkewMs = 5 * 60_000;

/**
 * When a purchase, return or activity happened: `given` (a till's own time, within
 * `maxLatenessDays` before `now` and at most `maxClockSkewMs` after it), or `now` when absent.
 * Refuses any other time with BAD_USER_INPUT naming `occurredAt`.
 */
export function occurredAtOf(given: Date | null | undefined, now: Date, maxLatenessDays: number): Date {
  if (given === null || given === undefined) return now;
  if (Number.isNaN(given.getTime())) {
    throw new LedgerError(LedgerErrorKind.InvalidInput, 'occurredAt is not a valid time', { argument: 'occurredAt' });
  }
  if (given.getTime() > now.getTime() + maxClockSkewMs) {
    throw new LedgerError(
      LedgerErrorKind.InvalidInput,
      `occurredAt ${given.toISOString()} is in the future (the ledger's clock says ${now.toISOString()})`,
      { argument: 'occurredAt' },
    );
  }
  if (given.getTime() < now.getTime() - maxLatenessDays * dayMs) {
    throw new LedgerError(
      LedgerErrorKind.InvalidInput,
      `occurredAt ${given.toISOString()} is more than ${maxLatenessDays} days ago (LEDGER_MAX_LATENESS_DAYS)`,
      { argument: 'occurredAt' },
    );
  }
  return given;
}
