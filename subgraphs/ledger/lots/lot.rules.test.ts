import fc from 'fast-check';
import {
  addMonths,
  expiryNotices,
  inactivityExpiry,
  lotExpiry,
  parseExpiryPolicy,
  takeFromLots,
  type ExpiryPolicy,
  type Lot,
  type LotTake,
} from './lot.rules';

const day = (iso: string): Date => new Date(`${iso}T00:00:00.000Z`);

const lot = (
  id: number,
  remaining: number,
  earnedAt: string,
  expiresAt: string | null,
  orderId: string | null = null,
): Lot => ({
  id,
  remaining,
  earnedAt: day(earnedAt),
  expiresAt: expiresAt === null ? null : day(expiresAt),
  orderId,
});

const sumOf = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0);
const takenPoints = (takes: readonly LotTake[]): number => sumOf(takes.map((take) => take.points));

const start = Date.UTC(2020, 0, 1);
const anyDate = fc.integer({ min: 0, max: 1_000 }).map((days) => new Date(start + days * 86_400_000));

/** Lots with distinct ids, random remainders, earning dates, expiries (or none) and orders (or none). */
const anyLots = fc
  .array(
    fc.record({
      remaining: fc.integer({ min: 0, max: 1_000 }),
      earnedAt: anyDate,
      expiresAt: fc.option(anyDate, { nil: null }),
      orderId: fc.option(fc.constantFrom('o-1', 'o-2', 'o-3'), { nil: null }),
    }),
    { maxLength: 20 },
  )
  .map((records): Lot[] => records.map((record, index) => ({ id: index + 1, ...record })));

describe('lot rules', () => {
  describe('takeFromLots', () => {
    it('takes from the lot that expires soonest first', () => {
      const lots = [
        lot(1, 10, '2024-01-01', '2025-06-01'),
        lot(2, 10, '2024-03-01', '2025-02-01'),
        lot(3, 10, '2024-02-01', '2025-04-01'),
      ];
      expect(takeFromLots(lots, 25)).toEqual({
        takes: [
          { lotId: 2, points: 10 },
          { lotId: 3, points: 10 },
          { lotId: 1, points: 5 },
        ],
        shortfall: 0,
      });
    });

    it('takes from the oldest earned lot first among lots expiring on the same day', () => {
      const lots = [lot(1, 10, '2024-05-01', '2025-06-01'), lot(2, 10, '2024-02-01', '2025-06-01')];
      expect(takeFromLots(lots, 12).takes).toEqual([
        { lotId: 2, points: 10 },
        { lotId: 1, points: 2 },
      ]);
    });

    it('takes from the lowest id first among lots earned and expiring at the same time', () => {
      const lots = [lot(7, 10, '2024-05-01', null), lot(3, 10, '2024-05-01', null)];
      expect(takeFromLots(lots, 12).takes).toEqual([
        { lotId: 3, points: 10 },
        { lotId: 7, points: 2 },
      ]);
    });

    it('takes from lots that never expire last, oldest earned first', () => {
      const lots = [
        lot(1, 10, '2023-01-01', null),
        lot(2, 10, '2024-06-01', '2030-01-01'),
        lot(3, 10, '2022-01-01', null),
      ];
      expect(takeFromLots(lots, 30).takes.map((take) => take.lotId)).toEqual([2, 3, 1]);
    });

    it("takes from the preferred order's lots first, whatever their expiry", () => {
      const lots = [
        lot(1, 10, '2024-01-01', '2025-01-01', 'o-1'),
        lot(2, 10, '2024-02-01', null, 'o-2'),
        lot(3, 10, '2024-03-01', '2026-01-01', 'o-2'),
        lot(4, 10, '2023-01-01', '2024-12-01', null),
      ];
      expect(takeFromLots(lots, 25, 'o-2').takes).toEqual([
        { lotId: 3, points: 10 },
        { lotId: 2, points: 10 },
        { lotId: 4, points: 5 },
      ]);
    });

    it('does not prefer lots without an order when no order is preferred', () => {
      const lots = [lot(1, 10, '2024-01-01', '2025-01-01', 'o-1'), lot(2, 10, '2024-01-01', null, null)];
      expect(takeFromLots(lots, 10, null).takes).toEqual([{ lotId: 1, points: 10 }]);
    });

    it('skips empty lots and never takes more than a lot has left', () => {
      const lots = [lot(1, 0, '2024-01-01', '2025-01-01'), lot(2, 4, '2024-01-01', '2025-02-01')];
      expect(takeFromLots(lots, 3)).toEqual({ takes: [{ lotId: 2, points: 3 }], shortfall: 0 });
      expect(takeFromLots(lots, 9)).toEqual({ takes: [{ lotId: 2, points: 4 }], shortfall: 5 });
    });

    it('takes nothing for zero points', () => {
      expect(takeFromLots([lot(1, 5, '2024-01-01', null)], 0)).toEqual({ takes: [], shortfall: 0 });
    });

    it('reports everything as shortfall when there are no lots', () => {
      expect(takeFromLots([], 17)).toEqual({ takes: [], shortfall: 17 });
    });

    it('refuses negative or fractional points', () => {
      expect(() => takeFromLots([], -1)).toThrow(RangeError);
      expect(() => takeFromLots([], 1.5)).toThrow(RangeError);
    });

    it('does not reorder or change the lots it is given', () => {
      const lots = [lot(1, 10, '2024-01-01', null), lot(2, 10, '2024-01-01', '2025-01-01')];
      const copy = lots.map((l) => ({ ...l }));
      takeFromLots(lots, 15);
      expect(lots).toEqual(copy);
    });

    it('takes + shortfall = requested, each take within its lot, shortfall only when lots run out (property)', () => {
      fc.assert(
        fc.property(
          anyLots,
          fc.integer({ min: 0, max: 25_000 }),
          fc.option(fc.constantFrom('o-1', 'o-2', 'o-3'), { nil: null }),
          (lots, points, preferOrderId) => {
            const { takes, shortfall } = takeFromLots(lots, points, preferOrderId);
            const available = sumOf(lots.map((l) => l.remaining));
            expect(takenPoints(takes) + shortfall).toBe(points);
            expect(shortfall).toBe(Math.max(0, points - available));
            expect(shortfall > 0).toBe(available < points);
            const seen = new Set<number>();
            for (const take of takes) {
              expect(seen.has(take.lotId)).toBe(false);
              seen.add(take.lotId);
              const from = lots.find((l) => l.id === take.lotId)!;
              expect(take.points).toBeGreaterThan(0);
              expect(take.points).toBeLessThanOrEqual(from.remaining);
            }
            // Only the last lot taken from may be partly taken: every earlier one is emptied.
            takes.slice(0, -1).forEach((take) => {
              expect(take.points).toBe(lots.find((l) => l.id === take.lotId)!.remaining);
            });
          },
        ),
      );
    });

    it('takes from lots in spending order, preferred order first (property)', () => {
      fc.assert(
        fc.property(
          anyLots,
          fc.integer({ min: 0, max: 25_000 }),
          fc.option(fc.constantFrom('o-1', 'o-2'), { nil: null }),
          (lots, points, preferOrderId) => {
            const { takes } = takeFromLots(lots, points, preferOrderId);
            const byId = new Map(lots.map((l) => [l.id, l]));
            const key = (l: Lot): [number, number, number, number] => [
              preferOrderId !== null && l.orderId === preferOrderId ? 0 : 1,
              l.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY,
              l.earnedAt.getTime(),
              l.id,
            ];
            const before = (a: Lot, b: Lot): boolean => {
              const ka = key(a);
              const kb = key(b);
              for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]!;
              return false;
            };
            // Consecutive takes follow the order...
            for (let i = 1; i < takes.length; i++) {
              expect(before(byId.get(takes[i - 1]!.lotId)!, byId.get(takes[i]!.lotId)!)).toBe(true);
            }
            // ...and no lot that comes earlier than the last one taken from was left with points.
            const last = takes.at(-1);
            if (last) {
              const lastLot = byId.get(last.lotId)!;
              const taken = new Set(takes.map((take) => take.lotId));
              for (const l of lots) {
                if (before(l, lastLot) && l.remaining > 0) expect(taken.has(l.id)).toBe(true);
              }
            }
          },
        ),
      );
    });

    it('keeps the lots equal to the balance through any sequence of credits and debits (property)', () => {
      const step = fc.oneof(
        fc.record({
          kind: fc.constant('credit' as const),
          points: fc.integer({ min: 1, max: 500 }),
          expiresIn: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
          orderId: fc.option(fc.constantFrom('o-1', 'o-2'), { nil: null }),
        }),
        fc.record({
          kind: fc.constant('debit' as const),
          points: fc.integer({ min: 0, max: 800 }),
          preferOrderId: fc.option(fc.constantFrom('o-1', 'o-2'), { nil: null }),
        }),
      );
      fc.assert(
        fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
          const lots: Lot[] = [];
          let balance = 0;
          steps.forEach((s, index) => {
            if (s.kind === 'credit') {
              const earnedAt = new Date(start + index * 86_400_000);
              lots.push({
                id: index + 1,
                remaining: s.points,
                earnedAt,
                expiresAt: s.expiresIn === null ? null : new Date(earnedAt.getTime() + s.expiresIn * 86_400_000),
                orderId: s.orderId,
              });
              balance += s.points;
            } else {
              if (balance < s.points) return;
              const { takes, shortfall } = takeFromLots(lots, s.points, s.preferOrderId);
              expect(shortfall).toBe(0);
              for (const take of takes) lots.find((l) => l.id === take.lotId)!.remaining -= take.points;
              balance -= s.points;
            }
            expect(sumOf(lots.map((l) => l.remaining))).toBe(balance);
            for (const l of lots) expect(l.remaining).toBeGreaterThanOrEqual(0);
          });
        }),
      );
    });
  });

  describe('addMonths', () => {
    it('turns January 31st plus one month into the last day of February (UTC)', () => {
      expect(addMonths(new Date('2023-01-31T10:30:00.000Z'), 1).toISOString()).toBe('2023-02-28T10:30:00.000Z');
      expect(addMonths(new Date('2024-01-31T10:30:00.000Z'), 1).toISOString()).toBe('2024-02-29T10:30:00.000Z');
    });

    it('keeps the day and time of day twelve months later', () => {
      expect(addMonths(new Date('2024-03-31T23:59:59.999Z'), 12).toISOString()).toBe('2025-03-31T23:59:59.999Z');
      expect(addMonths(new Date('2024-02-29T00:00:00.000Z'), 12).toISOString()).toBe('2025-02-28T00:00:00.000Z');
    });

    it('goes back in time with negative months, across a year', () => {
      expect(addMonths(new Date('2024-03-31T08:00:00.000Z'), -1).toISOString()).toBe('2024-02-29T08:00:00.000Z');
      expect(addMonths(new Date('2024-01-15T08:00:00.000Z'), -2).toISOString()).toBe('2023-11-15T08:00:00.000Z');
      expect(addMonths(new Date('2024-05-31T08:00:00.000Z'), -12).toISOString()).toBe('2023-05-31T08:00:00.000Z');
    });

    it('crosses the year end going forward', () => {
      expect(addMonths(new Date('2024-11-30T00:00:00.000Z'), 3).toISOString()).toBe('2025-02-28T00:00:00.000Z');
    });

    it('changes nothing for zero months and does not change the date it is given', () => {
      const date = new Date('2024-01-31T12:00:00.000Z');
      expect(addMonths(date, 0).toISOString()).toBe('2024-01-31T12:00:00.000Z');
      addMonths(date, 1);
      expect(date.toISOString()).toBe('2024-01-31T12:00:00.000Z');
    });

    it('moves by exactly the months asked, to the same day or the last day of a shorter month (property)', () => {
      fc.assert(
        fc.property(
          fc.date({
            min: new Date('1970-01-01T00:00:00.000Z'),
            max: new Date('2200-12-31T23:59:59.999Z'),
            noInvalidDate: true,
          }),
          fc.integer({ min: -600, max: 600 }),
          (date, months) => {
            const result = addMonths(date, months);
            const monthIndex = (d: Date): number => d.getUTCFullYear() * 12 + d.getUTCMonth();
            expect(monthIndex(result)).toBe(monthIndex(date) + months);
            const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
            expect(result.getUTCDate()).toBe(Math.min(date.getUTCDate(), lastDay));
            const timeOfDay = (d: Date): number =>
              d.getTime() - Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
            expect(timeOfDay(result)).toBe(timeOfDay(date));
          },
        ),
      );
    });
  });

  describe('expiry policies', () => {
    const earnedAt = new Date('2024-01-31T09:00:00.000Z');

    it('dates a lot N months after earning under an after-earning policy', () => {
      expect(lotExpiry({ kind: 'AFTER_EARNING', months: 1 }, earnedAt)?.toISOString()).toBe('2024-02-29T09:00:00.000Z');
      expect(lotExpiry({ kind: 'AFTER_EARNING', months: 24 }, earnedAt)?.toISOString()).toBe(
        '2026-01-31T09:00:00.000Z',
      );
    });

    it('dates no lot under a never or after-inactivity policy', () => {
      expect(lotExpiry({ kind: 'NEVER' }, earnedAt)).toBeNull();
      expect(lotExpiry({ kind: 'AFTER_INACTIVITY', months: 6 }, earnedAt)).toBeNull();
    });

    it('expires the whole balance N months after the last activity under an after-inactivity policy', () => {
      expect(inactivityExpiry({ kind: 'AFTER_INACTIVITY', months: 6 }, earnedAt)?.toISOString()).toBe(
        '2024-07-31T09:00:00.000Z',
      );
    });

    it('has no inactivity expiry without activity, or under a never or after-earning policy', () => {
      expect(inactivityExpiry({ kind: 'AFTER_INACTIVITY', months: 6 }, null)).toBeNull();
      expect(inactivityExpiry({ kind: 'NEVER' }, earnedAt)).toBeNull();
      expect(inactivityExpiry({ kind: 'AFTER_EARNING', months: 6 }, earnedAt)).toBeNull();
    });
  });

  describe('parseExpiryPolicy', () => {
    it.each<[string, ExpiryPolicy]>([
      ['never', { kind: 'NEVER' }],
      ['after-earning:24', { kind: 'AFTER_EARNING', months: 24 }],
      ['after-inactivity:6', { kind: 'AFTER_INACTIVITY', months: 6 }],
      ['after-earning:1', { kind: 'AFTER_EARNING', months: 1 }],
      ['after-inactivity:240', { kind: 'AFTER_INACTIVITY', months: 240 }],
    ])('reads %j', (text, policy) => {
      expect(parseExpiryPolicy(text)).toEqual(policy);
    });

    it.each([
      'after-earning:0',
      'after-earning:x',
      'sometimes',
      'after-earning:241',
      'after-inactivity:0',
      'after-earning:',
      'after-earning:-3',
      'after-earning:1.5',
      'after-earning:1000',
      ' never',
      'NEVER',
      'after-earning:24 ',
      '',
    ])('refuses %j', (text) => {
      expect(parseExpiryPolicy(text)).toBeUndefined();
    });

    it('reads back every month count from 1 to 240 (property)', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 240 }), fc.boolean(), (months, earning) => {
          const text = `${earning ? 'after-earning' : 'after-inactivity'}:${months}`;
          expect(parseExpiryPolicy(text)).toEqual({ kind: earning ? 'AFTER_EARNING' : 'AFTER_INACTIVITY', months });
        }),
      );
    });
  });
});

describe('expiry notices', () => {
  it('announces the points of each expiry date once, soonest first, leaving out empty and undated lots', () => {
    expect(
      expiryNotices([
        lot(1, 10, '2026-01-01', '2027-02-01'),
        lot(2, 5, '2026-01-01', '2027-01-01'),
        lot(3, 7, '2026-02-01', '2027-02-01'),
        lot(4, 0, '2026-02-01', '2027-03-01'),
        lot(5, 9, '2026-02-01', null),
      ]),
    ).toEqual([
      { points: 5, expiresAt: day('2027-01-01') },
      { points: 17, expiresAt: day('2027-02-01') },
    ]);
    expect(expiryNotices([])).toEqual([]);
  });
});
