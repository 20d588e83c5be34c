import { occurredAtOf as boundedOccurredAt } from '../../../runtime/validation/occurredAt';
import { LedgerError, LedgerErrorKind } from '../errors';

export { maxClockSkewMs } from '../../../runtime/validation/occurredAt';

/**
 * When a purchase, return or activity happened: the rule of `runtime/validation/occurredAt.ts`
 * with `LEDGER_MAX_LATENESS_DAYS`; a refusal is BAD_USER_INPUT naming `occurredAt`.
 */
export function occurredAtOf(given: Date | null | undefined, now: Date, maxLatenessDays: number): Date {
  return boundedOccurredAt(
    given,
    now,
    { maxLatenessDays, setting: 'LEDGER_MAX_LATENESS_DAYS', clockOf: 'the ledger' },
    (message) => new LedgerError(LedgerErrorKind.InvalidInput, message, { argument: 'occurredAt' }),
  );
}
