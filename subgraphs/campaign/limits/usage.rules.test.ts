import fc from 'fast-check';
import { CapPeriod, type CampaignLimits } from '../campaigns/campaign.rules';
import { localParts, Weekday, zonedInstant } from '../schedules/schedule.rules';
import { periodStart, usageOf, type Grant } from './usage.rules';

const PARIS = 'Europe/Paris';
const NEW_YORK = 'America/New_York';
const KOLKATA = 'Asia/Kolkata';
const SANTIAGO = 'America/Santiago'; // springs forward at midnight: 2026-09-06 00:00 never happens

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const utc = (iso: string): Date => new Date(iso);
/** The instant of a wall-clock time, `'2026-10-25 23:30'`. */
const local = (text: string, timeZone = PARIS): Date => {
  const [year, month, day, hour, minute] = text.split(/[- :]/).map(Number) as [number, number, number, number, number];
  return zonedInstant({ year, month, day, hour, minute }, timeZone);
};
const plus = (date: Date, ms: number): Date => new Date(date.getTime() + ms);
const startOf = (period: CapPeriod, at: Date, timeZone = PARIS): string | null =>
  periodStart(period, at, timeZone)?.toISOString() ?? null;

const limits = (changes: Partial<CampaignLimits> = {}): CampaignLimits => ({
  perCustomerPoints: null,
  perCustomerGrants: null,
  capPeriod: CapPeriod.CAMPAIGN,
  budgetPoints: null,
  ...changes,
});
const grant = (campaignId: string, points: number, grantedAt: Date): Grant => ({ campaignId, points, grantedAt });

describe('usage rules', () => {
  describe('periodStart', () => {
    it('has no start for a cap over the whole campaign', () => {
      expect(periodStart(CapPeriod.CAMPAIGN, utc('2026-11-21T12:00Z'), PARIS)).toBeNull();
    });

    it.each<[string, CapPeriod, string, string]>([
      // An ordinary Saturday, 21 Nov 2026 (CET, UTC+1).
      ['an ordinary day', CapPeriod.DAY, '2026-11-21T12:00:00Z', '2026-11-20T23:00:00.000Z'],
      ['an ordinary week', CapPeriod.WEEK, '2026-11-21T12:00:00Z', '2026-11-15T23:00:00.000Z'],
      ['an ordinary month', CapPeriod.MONTH, '2026-11-21T12:00:00Z', '2026-10-31T23:00:00.000Z'],
      // Spring forward, Sunday 29 Mar 2026: the day starts in CET and ends in CEST.
      ['the spring-forward day, before the jump', CapPeriod.DAY, '2026-03-29T00:30:00Z', '2026-03-28T23:00:00.000Z'],
      ['the spring-forward day, after the jump', CapPeriod.DAY, '2026-03-29T10:00:00Z', '2026-03-28T23:00:00.000Z'],
      ['the spring-forward day, its last minute', CapPeriod.DAY, '2026-03-29T21:59:00Z', '2026-03-28T23:00:00.000Z'],
      ['the day after spring forward, at midnight', CapPeriod.DAY, '2026-03-29T22:00:00Z', '2026-03-29T22:00:00.000Z'],
      ['the spring-forward week, on its Sunday', CapPeriod.WEEK, '2026-03-29T10:00:00Z', '2026-03-22T23:00:00.000Z'],
      ['the week after spring forward', CapPeriod.WEEK, '2026-03-29T22:00:00Z', '2026-03-29T22:00:00.000Z'],
      ['the spring-forward month', CapPeriod.MONTH, '2026-03-31T10:00:00Z', '2026-02-28T23:00:00.000Z'],
      // Fall back, Sunday 25 Oct 2026: the day starts in CEST and ends in CET, 25 hours later.
      ['the fall-back day, first 02:30', CapPeriod.DAY, '2026-10-25T00:30:00Z', '2026-10-24T22:00:00.000Z'],
      ['the fall-back day, second 02:30', CapPeriod.DAY, '2026-10-25T01:30:00Z', '2026-10-24T22:00:00.000Z'],
      ['the fall-back day, 23:30', CapPeriod.DAY, '2026-10-25T22:30:00Z', '2026-10-24T22:00:00.000Z'],
      ['the day after fall back, at midnight', CapPeriod.DAY, '2026-10-25T23:00:00Z', '2026-10-25T23:00:00.000Z'],
      ['the fall-back week, on its Sunday', CapPeriod.WEEK, '2026-10-25T22:30:00Z', '2026-10-18T22:00:00.000Z'],
      ['the week after fall back', CapPeriod.WEEK, '2026-10-25T23:00:00Z', '2026-10-25T23:00:00.000Z'],
      ['the fall-back month', CapPeriod.MONTH, '2026-10-25T22:30:00Z', '2026-09-30T22:00:00.000Z'],
      // Weeks and months that straddle a month, a year, and the UTC date.
      ['a week begun last month', CapPeriod.WEEK, '2026-11-01T12:00:00Z', '2026-10-25T23:00:00.000Z'],
      ['a week begun last year', CapPeriod.WEEK, '2027-01-01T12:00:00Z', '2026-12-27T23:00:00.000Z'],
      [
        'a Paris month begun while UTC is still in the last',
        CapPeriod.MONTH,
        '2026-10-31T23:30:00Z',
        '2026-10-31T23:00:00.000Z',
      ],
      ['a month in a leap year', CapPeriod.MONTH, '2028-02-29T12:00:00Z', '2028-01-31T23:00:00.000Z'],
    ])('starts %s (%s at %s) in Paris at %s', (_, period, at, expected) => {
      expect(startOf(period, utc(at))).toBe(expected);
    });

    it('starts weeks on Monday: Monday 00:00 begins one, a millisecond before is the week before', () => {
      const monday = local('2026-11-23 00:00');
      expect(localParts(monday, PARIS).weekday).toBe(Weekday.MONDAY);
      expect(startOf(CapPeriod.WEEK, monday)).toBe(monday.toISOString());
      expect(startOf(CapPeriod.WEEK, plus(monday, 7 * DAY - 1))).toBe(monday.toISOString());
      expect(startOf(CapPeriod.WEEK, plus(monday, -1))).toBe(local('2026-11-16 00:00').toISOString());
    });

    it('counts the day in the program time zone, not in UTC', () => {
      // Saturday 21 Nov 23:30 UTC is Sunday 00:30 in Paris, Sunday 05:00 in Kolkata, Saturday 18:30 in New York.
      const at = utc('2026-11-21T23:30:00Z');
      expect(startOf(CapPeriod.DAY, at, PARIS)).toBe('2026-11-21T23:00:00.000Z');
      expect(startOf(CapPeriod.DAY, at, KOLKATA)).toBe('2026-11-21T18:30:00.000Z');
      expect(startOf(CapPeriod.DAY, at, NEW_YORK)).toBe('2026-11-21T05:00:00.000Z');
      expect(startOf(CapPeriod.DAY, at, 'UTC')).toBe('2026-11-21T00:00:00.000Z');
      // The Paris week starts on that Sunday's Monday, the New York week on the Monday before the Saturday.
      expect(startOf(CapPeriod.WEEK, at, PARIS)).toBe('2026-11-15T23:00:00.000Z');
      expect(startOf(CapPeriod.WEEK, at, NEW_YORK)).toBe('2026-11-16T05:00:00.000Z');
    });

    it('starts a day whose midnight the clocks skip when the clocks jump', () => {
      // Santiago goes from 23:59:59 -04 on 5 Sep 2026 to 01:00 -03 on 6 Sep.
      expect(startOf(CapPeriod.DAY, utc('2026-09-06T15:00:00Z'), SANTIAGO)).toBe('2026-09-06T04:00:00.000Z');
      expect(startOf(CapPeriod.DAY, utc('2026-09-06T03:59:59Z'), SANTIAGO)).toBe('2026-09-05T04:00:00.000Z');
    });

    const zones = fc.constantFrom(PARIS, NEW_YORK, KOLKATA, 'UTC');
    /** Instants in 2026 to 2027, half of them within a day of a Paris or New York clock change. */
    const transitions = ['2026-03-29T01:00Z', '2026-10-25T01:00Z', '2026-03-08T07:00Z', '2026-11-01T06:00Z'].map(
      (text) => Date.parse(text),
    );
    const anyInstant = fc
      .oneof(
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2028, 0, 1) }),
        fc.tuple(fc.constantFrom(...transitions), fc.integer({ min: -DAY, max: DAY })).map(([at, by]) => at + by),
      )
      .map((at) => new Date(at));

    it('starts at local midnight at or before the instant, on the same local day, week or month (property)', () => {
      fc.assert(
        fc.property(
          zones,
          anyInstant,
          fc.constantFrom(CapPeriod.DAY, CapPeriod.WEEK, CapPeriod.MONTH),
          (zone, at, period) => {
            const start = periodStart(period, at, zone)!;
            const parts = localParts(start, zone);
            const now = localParts(at, zone);
            expect(start.getTime()).toBeLessThanOrEqual(at.getTime());
            expect(parts).toMatchObject({ hour: 0, minute: 0 });
            // A millisecond earlier is the previous period.
            expect(periodStart(period, plus(start, -1), zone)!.getTime()).toBeLessThan(start.getTime());
            // The start is the start of its own period.
            expect(periodStart(period, start, zone)!.getTime()).toBe(start.getTime());
            const longest = { [CapPeriod.DAY]: DAY, [CapPeriod.WEEK]: 7 * DAY, [CapPeriod.MONTH]: 31 * DAY }[period];
            expect(at.getTime() - start.getTime()).toBeLessThan(longest + HOUR);
            if (period === CapPeriod.DAY)
              expect(parts).toMatchObject({ year: now.year, month: now.month, day: now.day });
            if (period === CapPeriod.WEEK) expect(parts.weekday).toBe(Weekday.MONDAY);
            if (period === CapPeriod.MONTH) expect(parts).toMatchObject({ year: now.year, month: now.month, day: 1 });
          },
        ),
      );
    });
  });

  describe('usageOf', () => {
    const at = utc('2026-11-21T12:00:00Z'); // Saturday 13:00 in Paris
    const grants: Grant[] = [
      grant('c1', 10, utc('2026-10-01T10:00:00Z')), // last month
      grant('c1', 20, utc('2026-11-02T10:00:00Z')), // this month, an earlier week
      grant('c1', 40, utc('2026-11-16T09:00:00Z')), // this week (Monday)
      grant('c1', 80, utc('2026-11-21T08:00:00Z')), // today
      grant('c2', 1000, utc('2026-11-21T09:00:00Z')), // another campaign
    ];

    it.each<[CapPeriod, number, number]>([
      [CapPeriod.CAMPAIGN, 150, 4],
      [CapPeriod.MONTH, 140, 3],
      [CapPeriod.WEEK, 120, 2],
      [CapPeriod.DAY, 80, 1],
    ])('counts the grants of the %s period: %i points in %i grants', (capPeriod, periodPoints, periodGrants) => {
      expect(usageOf({ id: 'c1', limits: limits({ capPeriod }) }, 0, grants, at, PARIS)).toEqual({
        periodPoints,
        periodGrants,
        grantsEver: 4,
        budgetLeft: null,
      });
    });

    it('counts a grant made at the very start of the period, not one a millisecond before', () => {
      const dayStart = utc('2026-11-20T23:00:00Z'); // Saturday 00:00 in Paris
      const edge = [grant('c1', 5, dayStart), grant('c1', 7, plus(dayStart, -1))];
      expect(usageOf({ id: 'c1', limits: limits({ capPeriod: CapPeriod.DAY }) }, 0, edge, at, PARIS)).toEqual({
        periodPoints: 5,
        periodGrants: 1,
        grantsEver: 2,
        budgetLeft: null,
      });
    });

    it('counts the DST day in Paris from local midnight: 25 hours on 25 Oct 2026', () => {
      const sundayNight = utc('2026-10-25T22:30:00Z'); // Sunday 23:30 CET
      const edge = [
        grant('c1', 1, utc('2026-10-24T21:59:59.999Z')), // Saturday 23:59:59.999 CEST
        grant('c1', 2, utc('2026-10-24T22:00:00Z')), // Sunday 00:00 CEST
        grant('c1', 4, utc('2026-10-25T01:30:00Z')), // Sunday, the second 02:30
      ];
      const usage = usageOf({ id: 'c1', limits: limits({ capPeriod: CapPeriod.DAY }) }, 0, edge, sundayNight, PARIS);
      expect(usage).toMatchObject({ periodPoints: 6, periodGrants: 2, grantsEver: 3 });
    });

    it('reports the budget left, never below zero, and null without a budget', () => {
      const rule = (budgetPoints: number | null) => ({ id: 'c1', limits: limits({ budgetPoints }) });
      expect(usageOf(rule(1000), 250, [], at, PARIS).budgetLeft).toBe(750);
      expect(usageOf(rule(1000), 1000, [], at, PARIS).budgetLeft).toBe(0);
      expect(usageOf(rule(1000), 1200, [], at, PARIS).budgetLeft).toBe(0);
      expect(usageOf(rule(null), 1200, [], at, PARIS).budgetLeft).toBeNull();
    });

    it('counts nothing for a customer with no grants of this campaign', () => {
      expect(usageOf({ id: 'c3', limits: limits({ capPeriod: CapPeriod.DAY }) }, 0, grants, at, PARIS)).toEqual({
        periodPoints: 0,
        periodGrants: 0,
        grantsEver: 0,
        budgetLeft: null,
      });
    });

    it('never counts more in a period than ever, nor another campaign (property)', () => {
      const anyGrant = fc.record({
        campaignId: fc.constantFrom('c1', 'c2'),
        points: fc.integer({ min: 1, max: 1000 }),
        grantedAt: fc.integer({ min: Date.UTC(2026, 0, 1), max: at.getTime() }).map((ms) => new Date(ms)),
      });
      fc.assert(
        fc.property(
          fc.array(anyGrant, { maxLength: 30 }),
          fc.constantFrom(CapPeriod.CAMPAIGN, CapPeriod.DAY, CapPeriod.WEEK, CapPeriod.MONTH),
          fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: null }),
          fc.integer({ min: 0, max: 20_000 }),
          (all, capPeriod, budgetPoints, spent) => {
            const usage = usageOf({ id: 'c1', limits: limits({ capPeriod, budgetPoints }) }, spent, all, at, PARIS);
            const mine = all.filter((g) => g.campaignId === 'c1');
            const since = periodStart(capPeriod, at, PARIS);
            const inPeriod = mine.filter((g) => !since || g.grantedAt.getTime() >= since.getTime());
            expect(usage.grantsEver).toBe(mine.length);
            expect(usage.periodGrants).toBe(inPeriod.length);
            expect(usage.periodPoints).toBe(inPeriod.reduce((sum, g) => sum + g.points, 0));
            expect(usage.periodGrants).toBeLessThanOrEqual(usage.grantsEver);
            expect(usage.budgetLeft).toBe(budgetPoints === null ? null : Math.max(0, budgetPoints - spent));
          },
        ),
      );
    });
  });
});
