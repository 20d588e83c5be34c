import fc from 'fast-check';
import {
  amountPaidBy,
  cashShareOf,
  holdPlaceProblem,
  pointsPaying,
  pointsPaymentRateProblem,
  quotePointsPayment,
  refundedSoFar,
  takesToRestore,
  type PointsPaymentRate,
} from './pointsPayment.rules';

const eur: PointsPaymentRate = {
  currency: 'EUR',
  points: 100,
  perAmount: 100,
  minPoints: 200,
  maxSharePercent: 50,
  pointsStep: 50,
  tierRates: [{ tier: 'Gold', points: 100, perAmount: 125 }],
};

describe('points payment rules', () => {
  it('quotes the maximum share, capped by the balance, rounded down to the step, none under the minimum', () => {
    expect(quotePointsPayment(eur, null, 1000, 3000)).toMatchObject({ maxPoints: 1000, maxAmount: 1000 });
    expect(quotePointsPayment(eur, null, 5000, 1234)).toMatchObject({ maxPoints: 600, maxAmount: 600 });
    expect(quotePointsPayment(eur, null, 5000, 300)).toMatchObject({ maxPoints: 0, maxAmount: 0 });
    expect(quotePointsPayment(eur, null, 199, 3000).unavailableReason).toContain('fewer than 200 points');
    expect(quotePointsPayment(eur, 'Gold', 5000, 3000)).toMatchObject({
      rate: { tier: 'Gold', points: 100, perAmount: 125 },
      maxPoints: 1200,
      maxAmount: 1500,
    });
    // A tier without a rate of its own pays the currency's.
    expect(quotePointsPayment(eur, 'Silver', 5000, 3000).rate).toMatchObject({ tier: null, perAmount: 100 });
  });

  it('never lets points pay more than they are worth, nor more than the basket share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (points, perAmount, maxSharePercent, pointsStep, balance, basket) => {
          const rate = { ...eur, points, perAmount, maxSharePercent, pointsStep, minPoints: 0, tierRates: [] };
          const quote = quotePointsPayment(rate, null, balance, basket);
          expect(quote.maxPoints).toBeLessThanOrEqual(balance);
          expect(quote.maxPoints % pointsStep).toBe(0);
          expect(quote.maxAmount * 100).toBeLessThanOrEqual(basket * maxSharePercent);
          expect(amountPaidBy(pointsPaying(basket, rate, pointsStep), rate)).toBeLessThanOrEqual(basket);
        },
      ),
    );
  });

  it('refunds pro rata, cumulatively: all returns together give back exactly what was paid, never more', () => {
    expect(refundedSoFar({ points: 700, amount: 700 }, 500, 1500)).toEqual({ points: 233, amount: 233 });
    expect(refundedSoFar({ points: 700, amount: 700 }, 1000, 1500)).toEqual({ points: 466, amount: 466 });
    expect(refundedSoFar({ points: 700, amount: 700 }, 1500, 1500)).toEqual({ points: 700, amount: 700 });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 20 }),
        (paid, parts) => {
          const total = parts.reduce((sum, part) => sum + part, 0);
          let returned = 0;
          let before = 0;
          for (const part of parts) {
            returned += part;
            const now = refundedSoFar({ points: paid, amount: paid }, returned, total).points;
            expect(now).toBeGreaterThanOrEqual(before);
            expect(now).toBeLessThanOrEqual(paid);
            before = now;
          }
          expect(before).toBe(paid);
        },
      ),
    );
  });

  it('restores into the lots the hold took, after what went back already', () => {
    const takes = [
      { lotId: 1, points: 100 },
      { lotId: 2, points: 50 },
      { lotId: 3, points: 200 },
    ];
    expect(takesToRestore(takes, 0, 120)).toEqual([
      { lotId: 1, points: 100 },
      { lotId: 2, points: 20 },
    ]);
    expect(takesToRestore(takes, 120, 230)).toEqual([
      { lotId: 2, points: 30 },
      { lotId: 3, points: 200 },
    ]);
    expect(() => takesToRestore(takes, 300, 51)).toThrow(RangeError);
  });

  it('earns on the cash part only, rounded down', () => {
    expect(cashShareOf(20, 1400, 2000)).toBe(14);
    expect(cashShareOf(15, 800, 1500)).toBe(8);
    expect(cashShareOf(10, 0, 1)).toBe(0);
    expect(cashShareOf(10, 1000, 1000)).toBe(10);
  });

  it('pays in the hold’s channel, and its store when it names one (a hold from the app names none)', () => {
    const berlin = { channel: 'IN_STORE', storeId: 'berlin-1' };
    const paris = { channel: 'IN_STORE', storeId: 'paris-2' };
    const app = { channel: 'IN_STORE', storeId: null };
    expect(holdPlaceProblem(berlin, berlin)).toBeNull();
    expect(holdPlaceProblem(app, berlin)).toBeNull();
    expect(holdPlaceProblem(app, paris)).toBeNull();
    expect(holdPlaceProblem(berlin, paris)).toBe('it pays at store berlin-1; the order is at paris-2');
    expect(holdPlaceProblem(app, { channel: 'ONLINE', storeId: null })).toBe(
      'it pays IN_STORE baskets; the order is ONLINE',
    );
    expect(holdPlaceProblem({ channel: 'ONLINE', storeId: null }, { channel: 'ONLINE', storeId: null })).toBeNull();
  });

  it('refuses a rate without points, a share beyond 100% and a tier rated twice', () => {
    expect(pointsPaymentRateProblem(eur)).toBeNull();
    expect(pointsPaymentRateProblem({ ...eur, maxSharePercent: 101 })).toContain('maxSharePercent');
    expect(
      pointsPaymentRateProblem({ ...eur, tierRates: [...eur.tierRates, { tier: 'Gold', points: 1, perAmount: 1 }] }),
    ).toContain('two rates');
  });
});
