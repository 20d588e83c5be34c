import fc from 'fast-check';
import { takeFromLots, type Lot } from '../lots/lot.rules';
import {
  checkDailyLimit,
  checkTransfer,
  receivedLots,
  transferWindowStart,
  type TransferLimits,
} from './transfer.rules';

const limits: TransferLimits = { maxPoints: 5_000, dailyMaxPoints: 10_000 };
const day = (iso: string): Date => new Date(`${iso}T00:00:00.000Z`);
const lot = (id: number, remaining: number, earnedAt: string, expiresAt: string | null): Lot => ({
  id,
  remaining,
  earnedAt: day(earnedAt),
  expiresAt: expiresAt === null ? null : day(expiresAt),
  orderId: null,
});

describe('transfer rules', () => {
  it('refuses a transfer to oneself and one over the per-transfer limit, and lets the limit itself through', () => {
    expect(checkTransfer({ fromCustomerId: 'a', toCustomerId: 'a', points: 1 }, limits)).toEqual({ kind: 'SELF' });
    expect(checkTransfer({ fromCustomerId: 'a', toCustomerId: 'b', points: 5_001 }, limits)).toEqual({
      kind: 'PER_TRANSFER_LIMIT',
      maxPoints: 5_000,
    });
    expect(checkTransfer({ fromCustomerId: 'a', toCustomerId: 'b', points: 5_000 }, limits)).toBeNull();
    expect(checkTransfer({ fromCustomerId: 'a', toCustomerId: 'b', points: 1 }, { ...limits, maxPoints: 0 })).toEqual({
      kind: 'PER_TRANSFER_LIMIT',
      maxPoints: 0,
    });
  });

  it('lets a giver move up to the daily limit in 24 hours and says how much is left', () => {
    expect(checkDailyLimit(4_000, 6_000, limits)).toBeNull();
    expect(checkDailyLimit(4_001, 6_000, limits)).toEqual({
      kind: 'DAILY_LIMIT',
      maxPoints: 10_000,
      pointsLeft: 4_000,
    });
    expect(checkDailyLimit(1, 12_000, limits)).toEqual({ kind: 'DAILY_LIMIT', maxPoints: 10_000, pointsLeft: 0 });
    expect(transferWindowStart(new Date('2026-05-02T10:00:00Z'))).toEqual(new Date('2026-05-01T10:00:00Z'));
  });

  it('never lets a day of transfers exceed the daily limit (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5_000 }), { maxLength: 30 }), (asked) => {
        let given = 0;
        for (const points of asked) if (!checkDailyLimit(points, given, limits)) given += points;
        expect(given).toBeLessThanOrEqual(limits.dailyMaxPoints);
      }),
    );
  });

  it('gives the recipient the points taken with the dates they were earned and expire', () => {
    const lots = [
      lot(1, 10, '2026-01-01', '2027-01-01'),
      lot(2, 30, '2026-03-01', '2027-03-01'),
      lot(3, 5, '2026-03-01', null),
    ];
    const { takes } = takeFromLots(lots, 45);
    expect(receivedLots(lots, takes)).toEqual([
      { points: 10, earnedAt: day('2026-01-01'), expiresAt: day('2027-01-01') },
      { points: 30, earnedAt: day('2026-03-01'), expiresAt: day('2027-03-01') },
      { points: 5, earnedAt: day('2026-03-01'), expiresAt: null },
    ]);
    // Lots of the same dates arrive as one.
    const twins = [lot(1, 10, '2026-01-01', '2027-01-01'), lot(2, 10, '2026-01-01', '2027-01-01')];
    expect(receivedLots(twins, takeFromLots(twins, 15).takes)).toEqual([
      { points: 15, earnedAt: day('2026-01-01'), expiresAt: day('2027-01-01') },
    ]);
  });

  it('moves exactly the points taken, and each point keeps its expiry (property)', () => {
    const anyLots = fc
      .array(
        fc.record({
          remaining: fc.integer({ min: 0, max: 500 }),
          earnedDay: fc.integer({ min: 0, max: 20 }),
          expiresDay: fc.option(fc.integer({ min: 0, max: 20 })),
        }),
        { maxLength: 12 },
      )
      .map((rows) =>
        rows.map((row, index): Lot => ({
          id: index + 1,
          remaining: row.remaining,
          earnedAt: new Date(Date.UTC(2026, 0, 1 + row.earnedDay)),
          expiresAt: row.expiresDay === null ? null : new Date(Date.UTC(2027, 0, 1 + row.expiresDay)),
          orderId: null,
        })),
      );
    fc.assert(
      fc.property(anyLots, fc.integer({ min: 0, max: 6_000 }), (lots, asked) => {
        const { takes } = takeFromLots(lots, asked);
        const received = receivedLots(lots, takes);
        const taken = takes.reduce((sum, take) => sum + take.points, 0);
        expect(received.reduce((sum, lot) => sum + lot.points, 0)).toBe(taken);
        const byExpiry = (items: Array<{ points: number; expiresAt: Date | null }>) => {
          const totals = new Map<number | null, number>();
          for (const item of items) {
            const key = item.expiresAt?.getTime() ?? null;
            totals.set(key, (totals.get(key) ?? 0) + item.points);
          }
          return totals;
        };
        const takenWithExpiry = takes.map((take) => ({
          points: take.points,
          expiresAt: lots.find((candidate) => candidate.id === take.lotId)!.expiresAt,
        }));
        expect(byExpiry(received)).toEqual(byExpiry(takenWithExpiry));
      }),
    );
  });
});
