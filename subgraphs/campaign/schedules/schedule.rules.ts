export enum Weekday {
  MONDAY = 'MONDAY',
  TUESDAY = 'TUESDAY',
  WEDNESDAY = 'WEDNESDAY',
  THURSDAY = 'THURSDAY',
  FRIDAY = 'FRIDAY',
  SATURDAY = 'SATURDAY',
  SUNDAY = 'SUNDAY',
}

/**
 * A recurring weekly window in local wall-clock time, e.g. FRIDAY 18:00 to SUNDAY 23:59. `endTime` is
 * inclusive to the end of that minute (23:59 runs through 23:59:59.999); a window that starts and ends
 * on the same minute lasts that one minute. A window whose end is before its start wraps over the
 * week's end (SUNDAY 22:00 to MONDAY 02:00).
 */
export interface WeeklyWindow {
  startDay: Weekday;
  /** `HH:MM`, 00:00 to 23:59. */
  startTime: string;
  endDay: Weekday;
  /** `HH:MM`, 00:00 to 23:59. */
  endTime: string;
}

export interface Schedule {
  startsAt: Date | null;
  endsAt: Date | null;
  /** Empty: live all the time between `startsAt` and `endsAt`. */
  weekly: readonly WeeklyWindow[];
}

/** A wall-clock date and time in some time zone; `month` is 1 to 12. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export interface LocalParts extends LocalDateTime {
  weekday: Weekday;
}

export interface LiveInterval {
  start: Date;
  /** `null`: live for good. */
  end: Date | null;
}

export const MAX_WEEKLY_WINDOWS = 28;

const WEEKDAYS: readonly Weekday[] = [
  Weekday.MONDAY,
  Weekday.TUESDAY,
  Weekday.WEDNESDAY,
  Weekday.THURSDAY,
  Weekday.FRIDAY,
  Weekday.SATURDAY,
  Weekday.SUNDAY,
];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/** 1970-01-05, a Monday: wall-clock weeks are counted from it. */
const FIRST_MONDAY = 4 * DAY;
/** How far apart UTC offsets are sampled; no zone changes its offset twice within it. */
const OFFSET_PROBE = 6 * HOUR;
/**
 * How far ahead `nextLiveInterval` looks. A live run starts within a week (two when a window falls
 * wholly inside a skipped spring-forward hour) and lasts under two, unless the windows cover the whole week.
 */
const SCAN_LIMIT = 5 * WEEK;

const mod = (value: number, by: number): number => ((value % by) + by) % by;
const pad = (value: number): string => String(value).padStart(2, '0');

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws a RangeError for a time zone Intl does not know. */
function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new RangeError(`Unknown time zone "${timeZone}"`);
    }
    if (formatters.size >= 1_000) formatters.clear();
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    zoneFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Milliseconds since the epoch of a wall-clock time read as if it were UTC. */
function wallMs(year: number, month: number, day: number, hour: number, minute: number, ms = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // unlike Date.UTC, keeps years 0 to 99 as they are
  date.setUTCHours(hour, minute, 0, ms);
  return date.getTime();
}

/** The wall-clock time at `at` in the zone, in wall milliseconds (see `wallMs`). */
function wallTimeAt(at: number, timeZone: string): number {
  const fields: Record<string, string> = {};
  for (const part of zoneFormatter(timeZone).formatToParts(at)) fields[part.type] = part.value;
  const eraYear = Number(fields.year);
  const year = fields.era === 'BC' ? 1 - eraYear : eraYear;
  const ms = Number(fields.second) * 1000 + mod(at, 1000);
  return wallMs(year, Number(fields.month), Number(fields.day), Number(fields.hour), Number(fields.minute), ms);
}

const offsetAt = (at: number, timeZone: string): number => wallTimeAt(at, timeZone) - at;

function checkInstant(at: Date, name: string): number {
  const time = at.getTime();
  if (Number.isNaN(time)) throw new RangeError(`${name} is not a valid date`);
  return time;
}

interface OffsetSegment {
  start: number;
  end: number;
  /** Wall-clock time minus UTC, in milliseconds. */
  offset: number;
}

/** Cuts [from, to) into spans of one UTC offset each, in order; long spans come in pieces, so stopping early is cheap. */
function* offsetSegments(timeZone: string, from: number, to: number): Generator<OffsetSegment> {
  let start = from;
  let offset = offsetAt(start, timeZone);
  while (start < to) {
    const probe = Math.min(start + OFFSET_PROBE, to);
    if (offsetAt(probe, timeZone) === offset) {
      yield { start, end: probe, offset };
      start = probe;
      continue;
    }
    let before = start;
    let after = probe;
    while (after - before > 1) {
      const middle = Math.floor((before + after) / 2);
      if (offsetAt(middle, timeZone) === offset) before = middle;
      else after = middle;
    }
    yield { start, end: after, offset };
    start = after;
    offset = offsetAt(start, timeZone);
  }
}

export function localParts(at: Date, timeZone: string): LocalParts {
  const wall = wallTimeAt(checkInstant(at, 'The instant'), timeZone);
  const date = new Date(wall);
  return {
    weekday: WEEKDAYS[mod(Math.floor((wall - FIRST_MONDAY) / DAY), 7)]!,
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
  };
}

/**
 * The instant a wall-clock time happens in the zone: the first instant whose local time is at or
 * after it. So a time that happens twice (clocks falling back) is its first occurrence, and a time
 * skipped by clocks springing forward is the instant they jump, e.g. 02:30 on the night Paris goes
 * from 02:00 to 03:00 is 03:00 local.
 */
export function zonedInstant(parts: LocalDateTime, timeZone: string): Date {
  const { year, month, day, hour, minute } = parts;
  const wall = wallMs(year, month, day, hour, minute);
  const date = new Date(wall);
  const valid =
    [year, month, day, hour, minute].every(Number.isSafeInteger) &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    hour >= 0 &&
    hour <= 23 &&
    minute >= 0 &&
    minute <= 59;
  if (!valid) throw new RangeError(`Not a local date and time: ${JSON.stringify(parts)}`);
  // UTC offsets stay within a day either way, so the instant is within a day of the wall time read as UTC.
  for (const segment of offsetSegments(timeZone, wall - DAY, wall + DAY)) {
    if (wall < segment.start + segment.offset) return new Date(segment.start);
    if (wall < segment.end + segment.offset) return new Date(wall - segment.offset);
  }
  throw new RangeError(`No instant for ${JSON.stringify(parts)} in ${timeZone}`);
}

/** Minutes since midnight of an `HH:MM` time, or null when it is not one. */
function parseTime(text: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** Null when the schedule is fine, else what a marketer should fix. */
export function scheduleProblem(schedule: Schedule): string | null {
  const { startsAt, endsAt, weekly } = schedule;
  if (startsAt && Number.isNaN(startsAt.getTime())) return 'The start date is not a valid date';
  if (endsAt && Number.isNaN(endsAt.getTime())) return 'The end date is not a valid date';
  if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime()) {
    return 'The end date must be after the start date';
  }
  if (weekly.length > MAX_WEEKLY_WINDOWS) {
    return `A schedule can have at most ${MAX_WEEKLY_WINDOWS} weekly windows, this one has ${weekly.length}`;
  }
  for (const [index, window] of weekly.entries()) {
    const which = `Weekly window ${index + 1}`;
    for (const [label, day] of [
      ['start', window.startDay],
      ['end', window.endDay],
    ] as const) {
      if (!WEEKDAYS.includes(day)) return `${which}: the ${label} day "${day}" is not a day of the week`;
    }
    for (const [label, time] of [
      ['start', window.startTime],
      ['end', window.endTime],
    ] as const) {
      if (parseTime(time) === null) {
        return `${which}: the ${label} time "${time}" must be a time of day as HH:MM, from 00:00 to 23:59`;
      }
    }
  }
  return null;
}

/** Milliseconds after Monday 00:00 of a day and `HH:MM` time; throws for a time it cannot read. */
function weekMs(day: Weekday, time: string): number {
  const minutes = parseTime(time);
  const dayIndex = WEEKDAYS.indexOf(day);
  if (minutes === null || dayIndex < 0) throw new RangeError(`Not a weekly window time: ${day} ${time}`);
  return dayIndex * DAY + minutes * MINUTE;
}

/**
 * The windows as sorted, disjoint [start, end) spans of wall-clock milliseconds after Monday 00:00,
 * merged where they touch or overlap; 'ALWAYS' when they cover the whole week.
 */
function weeklySpans(weekly: readonly WeeklyWindow[]): Array<[number, number]> | 'ALWAYS' {
  const spans: Array<[number, number]> = [];
  for (const window of weekly) {
    const start = weekMs(window.startDay, window.startTime);
    const end = weekMs(window.endDay, window.endTime) + MINUTE;
    if (end > start) spans.push([start, end]);
    else spans.push([start, WEEK], [0, end]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of spans) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged.length === 1 && merged[0]![0] === 0 && merged[0]![1] === WEEK ? 'ALWAYS' : merged;
}

/** Live when startsAt <= at < endsAt and, if there are weekly windows, the local time at `at` is in one. */
export function isLive(schedule: Schedule, timeZone: string, at: Date): boolean {
  zoneFormatter(timeZone);
  const time = checkInstant(at, 'The instant');
  if (schedule.startsAt && time < schedule.startsAt.getTime()) return false;
  if (schedule.endsAt && time >= schedule.endsAt.getTime()) return false;
  if (schedule.weekly.length === 0) return true;
  const spans = weeklySpans(schedule.weekly);
  if (spans === 'ALWAYS') return true;
  const local = localParts(at, timeZone);
  const sinceMonday = WEEKDAYS.indexOf(local.weekday) * DAY + (local.hour * 60 + local.minute) * MINUTE;
  return spans.some(([start, end]) => start <= sinceMonday && sinceMonday < end);
}

/** The live parts of one offset segment, as absolute [start, end) instants in order. */
function* liveInSegment(spans: ReadonlyArray<[number, number]>, segment: OffsetSegment): Generator<[number, number]> {
  const wallStart = segment.start + segment.offset;
  const wallEnd = segment.end + segment.offset;
  for (let monday = wallStart - mod(wallStart - FIRST_MONDAY, WEEK); monday < wallEnd; monday += WEEK) {
    for (const [spanStart, spanEnd] of spans) {
      const start = Math.max(monday + spanStart, wallStart);
      const end = Math.min(monday + spanEnd, wallEnd);
      if (start < end) yield [start - segment.offset, end - segment.offset];
    }
  }
}

/**
 * The first live instant at or after `from` and the end of that live run, as [start, end) clipped to
 * `endsAt`: `start` is `from` itself when the schedule is live at `from`. Null when it is never live
 * again. Window edges follow the local clock through daylight-saving changes (see `zonedInstant`);
 * on a fall-back night a window may be left and entered again as the clock repeats an hour.
 */
export function nextLiveInterval(schedule: Schedule, timeZone: string, from: Date): LiveInterval | null {
  zoneFormatter(timeZone);
  const { startsAt, endsAt } = schedule;
  const begin = Math.max(checkInstant(from, 'The start of the search'), startsAt?.getTime() ?? -Infinity);
  const finish = endsAt?.getTime() ?? Infinity;
  if (begin >= finish) return null;
  const spans = weeklySpans(schedule.weekly);
  if (spans === 'ALWAYS' || schedule.weekly.length === 0) return { start: new Date(begin), end: endsAt };
  let run: [number, number] | null = null;
  scan: for (const segment of offsetSegments(timeZone, begin, Math.min(finish, begin + SCAN_LIMIT))) {
    for (const [start, end] of liveInSegment(spans, segment)) {
      if (!run) run = [start, end];
      else if (start <= run[1]) run[1] = end;
      else break scan;
    }
  }
  if (!run) return null;
  return { start: new Date(run[0]), end: run[1] >= finish ? endsAt : new Date(run[1]) };
}

const plural = (day: Weekday): string => `${day.charAt(0)}${day.slice(1).toLowerCase()}s`;

function describeWindow(window: WeeklyWindow): string {
  const from = `${plural(window.startDay)} ${window.startTime}`;
  if (window.startDay !== window.endDay) return `${from} to ${plural(window.endDay)} ${window.endTime}`;
  return window.endTime >= window.startTime
    ? `${from} to ${window.endTime}`
    : `${from} to ${window.endTime} a week later`;
}

function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** E.g. "Fridays 18:00 to Sundays 23:59 (Europe/Paris)", "from 1 Dec 2026 until 24 Dec 2026", "always". */
export function describeSchedule(schedule: Schedule, timeZone: string): string {
  zoneFormatter(timeZone);
  const { startsAt, endsAt, weekly } = schedule;
  if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime()) return 'never';
  let showsTime = weekly.length > 0;
  /** A bound at local midnight reads as a date; an end at midnight as the last whole day before it. */
  const bound = (at: Date, isEnd: boolean): string => {
    const wall = wallTimeAt(checkInstant(at, 'A schedule bound'), timeZone);
    const midnight = mod(wall, DAY) === 0;
    const date = new Date(midnight && isEnd ? wall - DAY : wall);
    const text = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
    if (midnight) return text;
    showsTime = true;
    return `${text} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
  };
  const parts: string[] = [];
  if (weekly.length > 0) parts.push(joinAnd(weekly.map(describeWindow)));
  const bounds = [startsAt && `from ${bound(startsAt, false)}`, endsAt && `until ${bound(endsAt, true)}`];
  const dates = bounds.filter((text): text is string => !!text).join(' ');
  if (dates) parts.push(dates);
  if (parts.length === 0) return 'always';
  return `${parts.join(', ')}${showsTime ? ` (${timeZone})` : ''}`;
}
