const dayMs = 86_400_000;

/**
 * How far ahead of a service's clock an `occurredAt` may be: a till's clock a little fast is not
 * an error, a sale tomorrow is. Five minutes covers ordinary clock drift without letting a caller
 * post into the future (where campaigns and expiry would be judged on a time that has not come).
 */
export const maxClockSkewMs = 5 * 60_000;

/** How late a client's own time of an event may arrive, and how a refusal names it. */
export interface LatenessBound {
  /** Days before `now` the time may be. */
  maxLatenessDays: number;
  /** The setting that sets `maxLatenessDays`, named in the refusal (`LEDGER_MAX_LATENESS_DAYS`). */
  setting: string;
  /** Whose clock `now` is, for the refusal ("the ledger"). */
  clockOf: string;
}

/**
 * When something happened: `given` (a client's own time, e.g. a till syncing its offline queue),
 * within `bound.maxLatenessDays` before `now` and at most `maxClockSkewMs` after it, or `now` when
 * absent. Any other time is refused with `refuse(message)`, which the caller makes its service's
 * bad-input error naming `occurredAt`: the one rule of bounded lateness, each service its own
 * setting and error type.
 */
export function occurredAtOf(
  given: Date | null | undefined,
  now: Date,
  bound: LatenessBound,
  refuse: (message: string) => Error,
): Date {
  if (given === null || given === undefined) return now;
  if (Number.isNaN(given.getTime())) throw refuse('occurredAt is not a valid time');
  if (given.getTime() > now.getTime() + maxClockSkewMs) {
    throw refuse(
      `occurredAt ${given.toISOString()} is in the future (${bound.clockOf}'s clock says ${now.toISOString()})`,
    );
  }
  if (given.getTime() < now.getTime() - bound.maxLatenessDays * dayMs) {
    throw refuse(`occurredAt ${given.toISOString()} is more than ${bound.maxLatenessDays} days ago (${bound.setting})`);
  }
  return given;
}
