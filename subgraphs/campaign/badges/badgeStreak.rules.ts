import { localParts, zonedInstant } from '../schedules/schedule.rules';

/** The calendar unit of a streak, in the program's time zone (weeks start on Monday). */
export enum BadgeStreakUnit {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}

const dayMs = 86_400_000;
/** 1970-01-01 was a Thursday: the Monday of its week is day -3. */
const firstMondayDay = -3;

/** The local calendar day of `at`, counted from 1970-01-01. */
function localDay(at: Date, timeZone: string): number {
  const { year, month, day } = localParts(at, timeZone);
  return Math.round(Date.UTC(year, month - 1, day) / dayMs);
}

/** The number of the calendar unit `at` falls in, consecutive units numbered consecutively. */
export function unitIndex(unit: BadgeStreakUnit, at: Date, timeZone: string): number {
  if (unit === BadgeStreakUnit.MONTH) {
    const { year, month } = localParts(at, timeZone);
    return year * 12 + (month - 1);
  }
  const day = localDay(at, timeZone);
  return unit === BadgeStreakUnit.DAY ? day : Math.floor((day - firstMondayDay) / 7);
}

/** When unit number `index` begins (local midnight of its first day). */
export function unitStart(unit: BadgeStreakUnit, index: number, timeZone: string): Date {
  if (unit === BadgeStreakUnit.MONTH) {
    return zonedInstant(
      { year: Math.floor(index / 12), month: (index % 12) + 1, day: 1, hour: 0, minute: 0 },
      timeZone,
    );
  }
  const day = new Date((unit === BadgeStreakUnit.DAY ? index : index * 7 + firstMondayDay) * dayMs);
  return zonedInstant(
    { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour: 0, minute: 0 },
    timeZone,
  );
}

/** The length of the run of consecutive units in `units` that holds `index` (0 if it is not in it). */
export function runThrough(units: ReadonlySet<number>, index: number): number {
  if (!units.has(index)) return 0;
  let first = index;
  let last = index;
  while (units.has(first - 1)) first--;
  while (units.has(last + 1)) last++;
  return last - first + 1;
}

/** The longest run of consecutive units. */
export function bestRun(units: ReadonlySet<number>): number {
  let best = 0;
  for (const index of units) if (!units.has(index - 1)) best = Math.max(best, runThrough(units, index));
  return best;
}

export interface StreakFacts {
  /** The streak still alive at the instant asked: through its unit, or through the unit before (not broken yet). */
  current: number;
  best: number;
  /** When the unit of the instant asked ends. */
  unitEndsAt: Date;
  /** When the current streak breaks if nothing more comes; null when there is none. */
  breaksAt: Date | null;
}

/**
 * Where a streak stands at `at`, from the instants of the qualifying events up to it (any order:
 * an event that arrives late fills its unit like any other).
 */
export function streakAt(unit: BadgeStreakUnit, instants: readonly Date[], at: Date, timeZone: string): StreakFacts {
  const units = new Set(instants.map((instant) => unitIndex(unit, instant, timeZone)));
  const now = unitIndex(unit, at, timeZone);
  const alive = units.has(now) ? now : units.has(now - 1) ? now - 1 : null;
  return {
    current: alive === null ? 0 : runThrough(units, alive),
    best: bestRun(units),
    unitEndsAt: unitStart(unit, now + 1, timeZone),
    breaksAt: alive === null ? null : unitStart(unit, alive + 2, timeZone),
  };
}
