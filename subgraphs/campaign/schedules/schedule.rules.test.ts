import fc from 'fast-check';
import {
  describeSchedule,
  isLive,
  isValidTimeZone,
  localParts,
  MAX_WEEKLY_WINDOWS,
  nextLiveInterval,
  scheduleProblem,
  Weekday,
  zonedInstant,
  type LocalDateTime,
  type Schedule,
  type WeeklyWindow,
} from './schedule.rules';

const PARIS = 'Europe/Paris';
const NEW_YORK = 'America/New_York';
const KOLKATA = 'Asia/Kolkata';
const TOKYO = 'Asia/Tokyo';
const LORD_HOWE = 'Australia/Lord_Howe'; // moves its clocks by half an hour

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const utc = (iso: string): Date => new Date(iso);
const iso = (date: Date | null | undefined): string | null => date?.toISOString() ?? null;

/** `'FRIDAY 18:00'`, `'SUNDAY 23:59'` → a window. */
const win = (start: string, end: string): WeeklyWindow => {
  const [startDay, startTime] = start.split(' ') as [Weekday, string];
  const [endDay, endTime] = end.split(' ') as [Weekday, string];
  return { startDay, startTime, endDay, endTime };
};
const weekly = (...windows: WeeklyWindow[]): Schedule => ({ startsAt: null, endsAt: null, weekly: windows });
const ALWAYS: Schedule = { startsAt: null, endsAt: null, weekly: [] };
const WEEKEND = weekly(win('FRIDAY 18:00', 'SUNDAY 23:59'));

/** The instant of a wall-clock time, `'2026-10-25 02:30'`. */
const local = (text: string, timeZone: string): Date => {
  const [year, month, day, hour, minute] = text.split(/[- :]/).map(Number) as [number, number, number, number, number];
  return zonedInstant({ year, month, day, hour, minute }, timeZone);
};
const plus = (date: Date, ms: number): Date => new Date(date.getTime() + ms);

/** An instant in [start, end) a fraction of the way through. */
const between = (start: number, end: number, fraction: number): number =>
  start + Math.min(Math.floor(fraction * (end - start)), end - start - 1);

/** Wall-clock parts as one sortable number. */
const wallKey = (p: LocalDateTime): number => Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);

describe('schedule rules', () => {
  describe('isValidTimeZone', () => {
    it.each([PARIS, NEW_YORK, KOLKATA, 'UTC', 'Etc/GMT+5', LORD_HOWE])('accepts %s', (zone) => {
      expect(isValidTimeZone(zone)).toBe(true);
    });

    it.each(['', 'Mars/Olympus', 'Europe/Pariss', 'CEST+1', 'Paris'])('refuses %j', (zone) => {
      expect(isValidTimeZone(zone)).toBe(false);
    });

    it('makes every zone-dependent function throw a RangeError for an unknown zone', () => {
      expect(() => isLive(ALWAYS, 'Mars/Olympus', new Date())).toThrow(RangeError);
      expect(() => nextLiveInterval(ALWAYS, 'Mars/Olympus', new Date())).toThrow(RangeError);
      expect(() => describeSchedule(ALWAYS, 'Mars/Olympus')).toThrow(RangeError);
      expect(() => localParts(new Date(), 'Mars/Olympus')).toThrow(RangeError);
      expect(() => zonedInstant({ year: 2026, month: 1, day: 1, hour: 0, minute: 0 }, 'Mars/Olympus')).toThrow(
        RangeError,
      );
    });
  });

  describe('localParts', () => {
    it('reads the Paris clock either side of spring forward (02:00 → 03:00 on 29 Mar 2026)', () => {
      expect(localParts(utc('2026-03-29T00:59:59.999Z'), PARIS)).toEqual({
        weekday: Weekday.SUNDAY,
        year: 2026,
        month: 3,
        day: 29,
        hour: 1,
        minute: 59,
      });
      expect(localParts(utc('2026-03-29T01:00:00.000Z'), PARIS)).toMatchObject({ day: 29, hour: 3, minute: 0 });
    });

    it('reads 02:30 twice in Paris when clocks fall back (03:00 → 02:00 on 25 Oct 2026)', () => {
      expect(localParts(utc('2026-10-25T00:30:00Z'), PARIS)).toMatchObject({ hour: 2, minute: 30 });
      expect(localParts(utc('2026-10-25T01:30:00Z'), PARIS)).toMatchObject({ hour: 2, minute: 30 });
    });

    it('reads half-hour offsets and the weekday and date of the zone, not of UTC', () => {
      expect(localParts(utc('2025-12-31T18:30:00Z'), KOLKATA)).toEqual({
        weekday: Weekday.THURSDAY,
        year: 2026,
        month: 1,
        day: 1,
        hour: 0,
        minute: 0,
      });
      expect(localParts(utc('2026-01-01T03:00:00Z'), NEW_YORK)).toMatchObject({
        weekday: Weekday.WEDNESDAY,
        day: 31,
        hour: 22,
      });
    });
  });

  describe('zonedInstant', () => {
    it.each<[string, string, string]>([
      [PARIS, '2026-07-14 12:00', '2026-07-14T10:00:00.000Z'],
      [PARIS, '2026-01-14 12:00', '2026-01-14T11:00:00.000Z'],
      // Spring forward: 02:00 to 02:59 do not exist, they are 03:00 CEST, when the clock jumps.
      [PARIS, '2026-03-29 01:59', '2026-03-29T00:59:00.000Z'],
      [PARIS, '2026-03-29 02:00', '2026-03-29T01:00:00.000Z'],
      [PARIS, '2026-03-29 02:30', '2026-03-29T01:00:00.000Z'],
      [PARIS, '2026-03-29 03:00', '2026-03-29T01:00:00.000Z'],
      [PARIS, '2026-03-29 03:01', '2026-03-29T01:01:00.000Z'],
      // Fall back: 02:00 to 02:59 happen twice, first in CEST.
      [PARIS, '2026-10-25 01:59', '2026-10-24T23:59:00.000Z'],
      [PARIS, '2026-10-25 02:00', '2026-10-25T00:00:00.000Z'],
      [PARIS, '2026-10-25 02:30', '2026-10-25T00:30:00.000Z'],
      [PARIS, '2026-10-25 03:00', '2026-10-25T02:00:00.000Z'],
      [NEW_YORK, '2026-03-08 01:59', '2026-03-08T06:59:00.000Z'],
      [NEW_YORK, '2026-03-08 02:30', '2026-03-08T07:00:00.000Z'],
      [NEW_YORK, '2026-03-08 03:00', '2026-03-08T07:00:00.000Z'],
      [NEW_YORK, '2026-11-01 00:59', '2026-11-01T04:59:00.000Z'],
      [NEW_YORK, '2026-11-01 01:30', '2026-11-01T05:30:00.000Z'],
      [NEW_YORK, '2026-11-01 02:00', '2026-11-01T07:00:00.000Z'],
      [KOLKATA, '2026-01-01 00:00', '2025-12-31T18:30:00.000Z'],
      [TOKYO, '2026-06-30 23:59', '2026-06-30T14:59:00.000Z'],
      [LORD_HOWE, '2026-10-04 02:15', '2026-10-03T15:30:00.000Z'],
      [LORD_HOWE, '2026-04-05 01:45', '2026-04-04T14:45:00.000Z'],
      // Paris mean time was 9 minutes 21 seconds ahead of Greenwich until 1911.
      [PARIS, '1900-01-01 00:00', '1899-12-31T23:50:39.000Z'],
    ])('%s %s is %s', (zone, wall, expected) => {
      expect(local(wall, zone).toISOString()).toBe(expected);
    });

    it.each<LocalDateTime>([
      { year: 2026, month: 2, day: 29, hour: 12, minute: 0 },
      { year: 2026, month: 13, day: 1, hour: 12, minute: 0 },
      { year: 2026, month: 1, day: 1, hour: 24, minute: 0 },
      { year: 2026, month: 1, day: 1, hour: 12, minute: 60 },
      { year: 2026, month: 1, day: 1, hour: 12.5, minute: 0 },
    ])('refuses %j', (parts) => {
      expect(() => zonedInstant(parts, PARIS)).toThrow(RangeError);
    });

    const zones = fc.constantFrom(PARIS, NEW_YORK, KOLKATA, TOKYO, LORD_HOWE, 'UTC');
    /** Instants from 2000 to 2040, half of them within 3 hours of a clock change. */
    const transitions = [
      '2026-03-29T01:00Z',
      '2026-10-25T01:00Z',
      '2026-03-08T07:00Z',
      '2026-11-01T06:00Z',
      '2026-10-03T15:30Z',
      '2026-04-04T15:00Z',
    ].map((text) => Date.parse(text));
    const anyInstant = fc.oneof(
      fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
      fc
        .tuple(fc.constantFrom(...transitions), fc.integer({ min: -3 * HOUR, max: 3 * HOUR }))
        .map(([at, by]) => at + by),
    );

    it('turns the local time of any instant back into the first instant of that minute (property)', () => {
      fc.assert(
        fc.property(zones, anyInstant, (zone, at) => {
          const parts = localParts(new Date(at), zone);
          const instant = zonedInstant(parts, zone);
          expect(localParts(instant, zone)).toEqual(parts);
          expect(instant.getTime()).toBeLessThanOrEqual(at);
          // The minute before is earlier on the wall clock, so this is the first time it happens.
          expect(wallKey(localParts(plus(instant, -1), zone))).toBeLessThan(wallKey(parts));
        }),
      );
    });

    it('finds the first instant at or after any wall-clock time, skipped or not (property)', () => {
      const wall = fc.record({
        year: fc.constant(2026),
        month: fc.constantFrom(3, 4, 10, 11),
        day: fc.integer({ min: 1, max: 30 }),
        hour: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 23 })),
        minute: fc.integer({ min: 0, max: 59 }),
      });
      fc.assert(
        fc.property(zones, wall, (zone, parts) => {
          const instant = zonedInstant(parts, zone);
          const at = localParts(instant, zone);
          expect(wallKey(localParts(plus(instant, -1), zone))).toBeLessThan(wallKey(parts));
          expect(wallKey(at)).toBeGreaterThanOrEqual(wallKey(parts));
          // Only a skipped time lands later: on the very instant the clock jumps past it.
          if (wallKey(at) !== wallKey(parts)) {
            expect(wallKey(at) - wallKey(localParts(plus(instant, -1), zone))).toBeGreaterThan(MINUTE);
          }
        }),
      );
    });
  });

  describe('scheduleProblem', () => {
    it('accepts a weekend window, a one-minute window, a wrap-around window and plain dates', () => {
      expect(scheduleProblem(WEEKEND)).toBeNull();
      expect(scheduleProblem(weekly(win('MONDAY 09:00', 'MONDAY 09:00')))).toBeNull();
      expect(scheduleProblem(weekly(win('SUNDAY 22:00', 'MONDAY 02:00')))).toBeNull();
      expect(
        scheduleProblem({ startsAt: utc('2026-12-01T00:00Z'), endsAt: utc('2026-12-25T00:00Z'), weekly: [] }),
      ).toBe(null);
      expect(scheduleProblem(ALWAYS)).toBeNull();
    });

    it.each(['24:00', '9:00', '12:60', '', '12:00:00', ' 12:00', '1200'])('refuses the time %j', (time) => {
      const bad = { startDay: Weekday.MONDAY, startTime: time, endDay: Weekday.MONDAY, endTime: '10:00' };
      const problem = scheduleProblem(weekly(WEEKEND.weekly[0]!, bad));
      expect(problem).toContain('Weekly window 2');
      expect(problem).toContain(`"${time}"`);
      expect(problem).toContain('HH:MM');
    });

    it('refuses an end time that is not a time, and a day that is not a weekday', () => {
      expect(scheduleProblem(weekly(win('MONDAY 10:00', 'MONDAY 25:00')))).toMatch(/end time "25:00"/);
      expect(scheduleProblem(weekly({ ...win('MONDAY 10:00', 'MONDAY 11:00'), endDay: 'FUNDAY' as Weekday }))).toMatch(
        /"FUNDAY" is not a day of the week/,
      );
    });

    it('refuses an end that is not after the start', () => {
      const at = utc('2026-12-01T00:00Z');
      expect(scheduleProblem({ startsAt: at, endsAt: at, weekly: [] })).toMatch(/end date must be after the start/);
      expect(scheduleProblem({ startsAt: at, endsAt: plus(at, -1), weekly: [] })).not.toBeNull();
      expect(scheduleProblem({ startsAt: at, endsAt: plus(at, 1), weekly: [] })).toBeNull();
      expect(scheduleProblem({ startsAt: new Date(Number.NaN), endsAt: null, weekly: [] })).toMatch(/not a valid/);
    });

    it(`allows at most ${MAX_WEEKLY_WINDOWS} weekly windows`, () => {
      const windows = (count: number): Schedule =>
        weekly(...Array.from({ length: count }, () => win('MONDAY 09:00', 'MONDAY 10:00')));
      expect(scheduleProblem(windows(28))).toBeNull();
      expect(scheduleProblem(windows(29))).toMatch(/at most 28 weekly windows, this one has 29/);
    });
  });

  describe('isLive', () => {
    it('is live from Friday 18:00 through Sunday 23:59:59.999 local, not on Monday 00:00', () => {
      expect(isLive(WEEKEND, PARIS, local('2026-11-21 12:00', PARIS))).toBe(true); // Saturday noon
      expect(isLive(WEEKEND, PARIS, local('2026-11-20 18:00', PARIS))).toBe(true);
      expect(isLive(WEEKEND, PARIS, plus(local('2026-11-20 18:00', PARIS), -1))).toBe(false);
      expect(isLive(WEEKEND, PARIS, plus(local('2026-11-23 00:00', PARIS), -1))).toBe(true);
      expect(isLive(WEEKEND, PARIS, local('2026-11-23 00:00', PARIS))).toBe(false); // Monday
      expect(isLive(WEEKEND, PARIS, local('2026-11-25 12:00', PARIS))).toBe(false); // Wednesday
    });

    it('follows the local clock, not UTC', () => {
      // Saturday 23:30 UTC is already Sunday 05:00 in Kolkata and still Saturday 18:30 in New York.
      const sundayOnly = weekly(win('SUNDAY 00:00', 'SUNDAY 23:59'));
      expect(isLive(sundayOnly, KOLKATA, utc('2026-11-21T23:30Z'))).toBe(true);
      expect(isLive(sundayOnly, NEW_YORK, utc('2026-11-21T23:30Z'))).toBe(false);
      expect(isLive(sundayOnly, 'UTC', utc('2026-11-21T23:30Z'))).toBe(false);
    });

    it('is live in a wrap-around window over the week end, including its last minute', () => {
      const night = weekly(win('SUNDAY 22:00', 'MONDAY 02:00'));
      expect(isLive(night, PARIS, local('2026-11-22 21:59', PARIS))).toBe(false);
      expect(isLive(night, PARIS, local('2026-11-22 22:00', PARIS))).toBe(true);
      expect(isLive(night, PARIS, local('2026-11-23 01:30', PARIS))).toBe(true);
      expect(isLive(night, PARIS, plus(local('2026-11-23 02:01', PARIS), -1))).toBe(true);
      expect(isLive(night, PARIS, local('2026-11-23 02:01', PARIS))).toBe(false);
    });

    it('reads a same-day window that ends before it starts as nearly a whole week', () => {
      const allButMonday = weekly(win('MONDAY 22:00', 'MONDAY 02:00'));
      expect(isLive(allButMonday, PARIS, local('2026-11-25 12:00', PARIS))).toBe(true);
      expect(isLive(allButMonday, PARIS, local('2026-11-23 01:00', PARIS))).toBe(true);
      expect(isLive(allButMonday, PARIS, local('2026-11-23 12:00', PARIS))).toBe(false);
    });

    it('is live for exactly one minute in a window that starts and ends on the same minute', () => {
      const minute = weekly(win('TUESDAY 09:15', 'TUESDAY 09:15'));
      const at = local('2026-11-24 09:15', PARIS);
      expect(isLive(minute, PARIS, plus(at, -1))).toBe(false);
      expect(isLive(minute, PARIS, at)).toBe(true);
      expect(isLive(minute, PARIS, plus(at, MINUTE - 1))).toBe(true);
      expect(isLive(minute, PARIS, plus(at, MINUTE))).toBe(false);
    });

    it('is live from startsAt, not at endsAt, with or without windows', () => {
      const startsAt = utc('2026-12-01T10:00Z');
      const endsAt = utc('2026-12-24T10:00Z');
      const bounded: Schedule = { startsAt, endsAt, weekly: [] };
      expect(isLive(bounded, PARIS, plus(startsAt, -1))).toBe(false);
      expect(isLive(bounded, PARIS, startsAt)).toBe(true);
      expect(isLive(bounded, PARIS, plus(endsAt, -1))).toBe(true);
      expect(isLive(bounded, PARIS, endsAt)).toBe(false);
      const boundedWeekend: Schedule = { ...WEEKEND, startsAt, endsAt };
      expect(isLive(boundedWeekend, PARIS, local('2026-11-28 12:00', PARIS))).toBe(false);
      expect(isLive(boundedWeekend, PARIS, local('2026-12-05 12:00', PARIS))).toBe(true);
      expect(isLive(boundedWeekend, PARIS, local('2026-12-26 12:00', PARIS))).toBe(false);
      expect(isLive(ALWAYS, PARIS, utc('1999-01-01T00:00Z'))).toBe(true);
    });

    it('is live twice in the hour the clocks repeat when falling back', () => {
      const early = weekly(win('SUNDAY 02:00', 'SUNDAY 02:29'));
      expect(isLive(early, PARIS, utc('2026-10-25T00:15Z'))).toBe(true); // 02:15 CEST
      expect(isLive(early, PARIS, utc('2026-10-25T00:45Z'))).toBe(false); // 02:45 CEST
      expect(isLive(early, PARIS, utc('2026-10-25T01:15Z'))).toBe(true); // 02:15 CET
      expect(isLive(early, PARIS, utc('2026-10-25T01:45Z'))).toBe(false); // 02:45 CET
    });
  });

  describe('nextLiveInterval', () => {
    const interval = (schedule: Schedule, zone: string, from: Date): [string | null, string | null] | null => {
      const next = nextLiveInterval(schedule, zone, from);
      return next && [iso(next.start), iso(next.end)];
    };
    const hours = (schedule: Schedule, zone: string, from: Date): number => {
      const next = nextLiveInterval(schedule, zone, from)!;
      return (next.end!.getTime() - next.start.getTime()) / HOUR;
    };

    it('finds the coming weekend, 54 hours long on an ordinary weekend', () => {
      expect(interval(WEEKEND, PARIS, local('2026-11-18 12:00', PARIS))).toEqual([
        '2026-11-20T17:00:00.000Z',
        '2026-11-22T23:00:00.000Z',
      ]);
      expect(hours(WEEKEND, PARIS, local('2026-11-18 12:00', PARIS))).toBe(54);
    });

    it('starts at `from` and runs to the end of the window when the schedule is live at `from`', () => {
      const from = local('2026-11-21 12:00', PARIS);
      expect(interval(WEEKEND, PARIS, from)).toEqual([from.toISOString(), '2026-11-22T23:00:00.000Z']);
    });

    it('lasts 55 hours on the Paris weekend the clocks fall back, 53 on the one they spring forward', () => {
      expect(interval(WEEKEND, PARIS, utc('2026-10-21T12:00Z'))).toEqual([
        '2026-10-23T16:00:00.000Z', // Friday 18:00 CEST
        '2026-10-25T23:00:00.000Z', // Monday 00:00 CET
      ]);
      expect(hours(WEEKEND, PARIS, utc('2026-10-21T12:00Z'))).toBe(55);
      expect(interval(WEEKEND, PARIS, utc('2026-03-25T12:00Z'))).toEqual([
        '2026-03-27T17:00:00.000Z', // Friday 18:00 CET
        '2026-03-29T22:00:00.000Z', // Monday 00:00 CEST
      ]);
      expect(hours(WEEKEND, PARIS, utc('2026-03-25T12:00Z'))).toBe(53);
    });

    it('lasts 55 and 53 hours on the New York weekends the clocks change', () => {
      expect(interval(WEEKEND, NEW_YORK, utc('2026-10-28T12:00Z'))).toEqual([
        '2026-10-30T22:00:00.000Z', // Friday 18:00 EDT
        '2026-11-02T05:00:00.000Z', // Monday 00:00 EST
      ]);
      expect(hours(WEEKEND, NEW_YORK, utc('2026-03-04T12:00Z'))).toBe(53);
    });

    it('always lasts 54 hours where clocks never change (property)', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(KOLKATA, TOKYO, 'UTC', 'Etc/GMT+5'),
          fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }),
          (zone, at) => {
            const next = nextLiveInterval(WEEKEND, zone, new Date(at))!;
            expect(next.end!.getTime() - next.start.getTime()).toBeLessThanOrEqual(54 * HOUR);
            if (next.start.getTime() > at) expect(next.end!.getTime() - next.start.getTime()).toBe(54 * HOUR);
          },
        ),
        { numRuns: 50 },
      );
    });

    it('starts a window at a skipped time when the clock jumps past it', () => {
      const night = weekly(win('SUNDAY 02:30', 'SUNDAY 03:59'));
      expect(interval(night, PARIS, utc('2026-03-28T12:00Z'))).toEqual([
        '2026-03-29T01:00:00.000Z', // 03:00 CEST
        '2026-03-29T02:00:00.000Z', // 04:00 CEST
      ]);
      expect(interval(night, NEW_YORK, utc('2026-03-07T12:00Z'))).toEqual([
        '2026-03-08T07:00:00.000Z', // 03:00 EDT
        '2026-03-08T08:00:00.000Z', // 04:00 EDT
      ]);
    });

    it('skips a week whose window the clocks jump over entirely', () => {
      const skipped = weekly(win('SUNDAY 02:00', 'SUNDAY 02:30'));
      expect(interval(skipped, PARIS, utc('2026-03-28T12:00Z'))).toEqual([
        '2026-04-05T00:00:00.000Z',
        '2026-04-05T00:31:00.000Z',
      ]);
    });

    it('runs on through windows the skipped hour makes adjacent', () => {
      const aroundTheJump = weekly(win('SUNDAY 01:00', 'SUNDAY 01:59'), win('SUNDAY 03:00', 'SUNDAY 03:59'));
      expect(interval(aroundTheJump, PARIS, utc('2026-03-28T12:00Z'))).toEqual([
        '2026-03-29T00:00:00.000Z',
        '2026-03-29T02:00:00.000Z',
      ]);
    });

    it('starts a window at a repeated time at its first occurrence, and again at the second', () => {
      const early = weekly(win('SUNDAY 02:00', 'SUNDAY 02:29'));
      expect(interval(early, PARIS, utc('2026-10-24T12:00Z'))).toEqual([
        '2026-10-25T00:00:00.000Z',
        '2026-10-25T00:30:00.000Z',
      ]);
      expect(interval(early, PARIS, utc('2026-10-25T00:30Z'))).toEqual([
        '2026-10-25T01:00:00.000Z',
        '2026-10-25T01:30:00.000Z',
      ]);
      const repeated = weekly(win('SUNDAY 01:15', 'SUNDAY 01:44'));
      expect(interval(repeated, NEW_YORK, utc('2026-10-31T12:00Z'))).toEqual([
        '2026-11-01T05:15:00.000Z', // EDT
        '2026-11-01T05:45:00.000Z',
      ]);
      expect(interval(repeated, NEW_YORK, utc('2026-11-01T05:45Z'))).toEqual([
        '2026-11-01T06:15:00.000Z', // EST
        '2026-11-01T06:45:00.000Z',
      ]);
    });

    it('finds a wrap-around window over the week end in one piece', () => {
      const night = weekly(win('SUNDAY 22:00', 'MONDAY 02:00'));
      expect(interval(night, PARIS, local('2026-11-22 12:00', PARIS))).toEqual([
        local('2026-11-22 22:00', PARIS).toISOString(),
        local('2026-11-23 02:01', PARIS).toISOString(),
      ]);
    });

    it('joins windows that touch into one interval', () => {
      const split = weekly(win('SUNDAY 00:00', 'SUNDAY 23:59'), win('FRIDAY 18:00', 'SATURDAY 23:59'));
      expect(interval(split, PARIS, utc('2026-10-21T12:00Z'))).toEqual(
        interval(WEEKEND, PARIS, utc('2026-10-21T12:00Z')),
      );
    });

    it('is open-ended when the windows cover the whole week or there are none', () => {
      const from = utc('2026-11-18T12:00Z');
      const wholeWeek = weekly(win('MONDAY 00:00', 'SUNDAY 23:59'));
      expect(interval(wholeWeek, PARIS, from)).toEqual([from.toISOString(), null]);
      expect(interval(weekly(win('WEDNESDAY 10:00', 'WEDNESDAY 09:59')), PARIS, from)).toEqual([
        from.toISOString(),
        null,
      ]);
      expect(interval(ALWAYS, PARIS, from)).toEqual([from.toISOString(), null]);
    });

    it('clips to startsAt and endsAt, and is null once the schedule is over', () => {
      const startsAt = local('2026-12-05 09:00', PARIS); // a Saturday
      const endsAt = local('2026-12-20 12:00', PARIS); // a Sunday
      const bounded: Schedule = { startsAt, endsAt, weekly: [] };
      expect(interval(bounded, PARIS, utc('2026-11-01T00:00Z'))).toEqual([iso(startsAt), iso(endsAt)]);
      expect(interval(bounded, PARIS, utc('2026-12-10T00:00Z'))).toEqual(['2026-12-10T00:00:00.000Z', iso(endsAt)]);
      expect(interval(bounded, PARIS, endsAt)).toBeNull();
      expect(interval({ startsAt, endsAt: null, weekly: [] }, PARIS, utc('2026-11-01T00:00Z'))).toEqual([
        iso(startsAt),
        null,
      ]);

      const boundedWeekend: Schedule = { ...WEEKEND, startsAt, endsAt };
      expect(interval(boundedWeekend, PARIS, utc('2026-11-01T00:00Z'))).toEqual([
        iso(startsAt),
        iso(local('2026-12-07 00:00', PARIS)),
      ]);
      expect(interval(boundedWeekend, PARIS, utc('2026-12-15T00:00Z'))).toEqual([
        iso(local('2026-12-18 18:00', PARIS)),
        iso(endsAt),
      ]);
      expect(interval({ ...boundedWeekend, endsAt: local('2026-12-11 18:00', PARIS) }, PARIS, startsAt)).toEqual([
        iso(startsAt),
        iso(local('2026-12-07 00:00', PARIS)),
      ]);
      expect(interval(boundedWeekend, PARIS, local('2026-12-19 12:00', PARIS))).toEqual([
        iso(local('2026-12-19 12:00', PARIS)),
        iso(endsAt),
      ]);
      // Past the last weekend before endsAt.
      expect(
        interval({ ...boundedWeekend, endsAt: local('2026-12-18 18:00', PARIS) }, PARIS, utc('2026-12-15T00:00Z')),
      ).toBe(null);
    });

    it('works with half-hour offsets', () => {
      const office = weekly(win('MONDAY 09:00', 'MONDAY 17:30'));
      expect(interval(office, KOLKATA, utc('2026-11-22T00:00Z'))).toEqual([
        '2026-11-23T03:30:00.000Z',
        '2026-11-23T12:01:00.000Z',
      ]);
      expect(isLive(office, KOLKATA, utc('2026-11-23T03:29:59.999Z'))).toBe(false);
      expect(isLive(office, KOLKATA, utc('2026-11-23T12:00:59.999Z'))).toBe(true);
    });

    describe('agrees with isLive (property)', () => {
      const zones = fc.constantFrom(PARIS, NEW_YORK, KOLKATA, TOKYO, LORD_HOWE);
      const day = fc.constantFrom(...Object.values(Weekday));
      // Early-morning times are common so that windows meet the clock changes.
      const time = fc
        .tuple(
          fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 23 })),
          fc.integer({ min: 0, max: 59 }),
        )
        .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
      const window = fc.record({ startDay: day, startTime: time, endDay: day, endTime: time });
      const aroundChanges = [
        '2026-03-29T01:00Z',
        '2026-10-25T01:00Z',
        '2026-03-08T07:00Z',
        '2026-11-01T06:00Z',
        '2026-10-03T15:30Z',
        '2026-04-04T15:00Z',
      ].map((text) => Date.parse(text));
      const from = fc.oneof(
        fc
          .tuple(fc.constantFrom(...aroundChanges), fc.integer({ min: -8 * DAY, max: 2 * DAY }))
          .map(([at, by]) => at + by),
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }),
      );
      const bound = fc.option(fc.integer({ min: -3 * DAY, max: 10 * DAY }), { nil: null, freq: 3 });
      const scheduleFrom = fc
        .tuple(fc.array(window, { minLength: 1, maxLength: 4 }), from, bound, bound)
        .map(([windows, at, startsBy, endsBy]) => {
          const startsAt = startsBy === null ? null : new Date(at + startsBy);
          const endsAt = endsBy === null ? null : new Date(Math.max(at + endsBy, (startsAt?.getTime() ?? 0) + MINUTE));
          return { schedule: { startsAt, endsAt, weekly: windows } satisfies Schedule, at: new Date(at) };
        });

      it('is live across the interval it returns, and not before it nor just after (property)', () => {
        fc.assert(
          fc.property(
            zones,
            scheduleFrom,
            fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 20 }),
            (zone, { schedule, at }, fractions) => {
              const next = nextLiveInterval(schedule, zone, at);
              const live = (time: number): boolean => isLive(schedule, zone, new Date(time));
              const from = at.getTime();
              if (!next) {
                const horizon = Math.min(schedule.endsAt?.getTime() ?? Infinity, from + 14 * DAY);
                if (horizon > from) {
                  for (const f of [0, ...fractions]) expect(live(between(from, horizon, f))).toBe(false);
                }
                return;
              }
              const start = next.start.getTime();
              const end = next.end?.getTime() ?? from + 30 * DAY;
              expect(start).toBeGreaterThanOrEqual(from);
              expect(end).toBeGreaterThan(start);
              expect(live(start)).toBe(true);
              expect(live(end - 1)).toBe(true);
              if (next.end) expect(live(end)).toBe(false);
              if (start > from) expect(live(start - 1)).toBe(false);
              for (const f of fractions) {
                expect(live(between(start, end, f))).toBe(true);
                if (start > from) expect(live(between(from, start, f))).toBe(false);
              }
              // Every hour, and every minute around the clock changes, where an interval could wrongly run
              // through a repeated hour or stop at a skipped one.
              const checks: number[] = [];
              for (let t = start; t < Math.min(end, start + 8 * DAY); t += HOUR) checks.push(t);
              for (const change of aroundChanges) {
                for (
                  let t = Math.max(start, change - 70 * MINUTE);
                  t < Math.min(end, change + 70 * MINUTE);
                  t += MINUTE
                ) {
                  checks.push(t);
                }
              }
              for (const t of checks) expect(live(t)).toBe(true);
            },
          ),
          { numRuns: 150 },
        );
      });
    });
  });

  describe('describeSchedule', () => {
    it('describes weekly windows in the zone', () => {
      expect(describeSchedule(WEEKEND, PARIS)).toBe('Fridays 18:00 to Sundays 23:59 (Europe/Paris)');
      expect(
        describeSchedule(
          weekly(win('MONDAY 09:00', 'MONDAY 17:00'), win('TUESDAY 22:00', 'TUESDAY 02:00'), WEEKEND.weekly[0]!),
          KOLKATA,
        ),
      ).toBe(
        'Mondays 09:00 to 17:00, Tuesdays 22:00 to 02:00 a week later and Fridays 18:00 to Sundays 23:59 (Asia/Kolkata)',
      );
    });

    it('describes dates in the zone, an end at midnight as the last whole day', () => {
      const december: Schedule = {
        startsAt: local('2026-12-01 00:00', PARIS),
        endsAt: local('2026-12-25 00:00', PARIS),
        weekly: [],
      };
      expect(describeSchedule(december, PARIS)).toBe('from 1 Dec 2026 until 24 Dec 2026');
      expect(describeSchedule({ ...december, endsAt: null }, PARIS)).toBe('from 1 Dec 2026');
      expect(describeSchedule({ ...december, startsAt: null }, PARIS)).toBe('until 24 Dec 2026');
      // The same instants are not midnight in New York.
      expect(describeSchedule(december, NEW_YORK)).toBe(
        'from 30 Nov 2026 18:00 until 24 Dec 2026 18:00 (America/New_York)',
      );
      expect(describeSchedule({ ...december, weekly: WEEKEND.weekly }, PARIS)).toBe(
        'Fridays 18:00 to Sundays 23:59, from 1 Dec 2026 until 24 Dec 2026 (Europe/Paris)',
      );
    });

    it('describes a schedule without limits as always, and one that ends before it starts as never', () => {
      expect(describeSchedule(ALWAYS, PARIS)).toBe('always');
      const at = utc('2026-12-01T00:00Z');
      expect(describeSchedule({ startsAt: at, endsAt: at, weekly: [] }, PARIS)).toBe('never');
    });
  });
});
