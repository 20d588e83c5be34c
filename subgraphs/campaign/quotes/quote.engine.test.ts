import fc from 'fast-check';
import { formatMoney } from './money';
import { QuoteError, quoteOrder, QuoteLineKind, type EarnRate, type QuoteOrder } from './quote.engine';

const eur: EarnRate = { currency: 'EUR', points: 1, perAmount: 100 };
const order = (lines: QuoteOrder['lines'], currency = 'EUR'): QuoteOrder => ({
  customerId: 'c',
  channel: 'ONLINE',
  currency,
  lines,
});

describe('quote engine', () => {
  it('earns the base rate on the order total, rounded down', () => {
    const quote = quoteOrder(order([{ sku: 'A', quantity: 3, unitPrice: 1099 }]), eur);
    expect(quote.totalPoints).toBe(32);
    expect(quote.lines).toEqual([
      { kind: QuoteLineKind.BASE, points: 32, reason: 'Base rate: 1 point per €1.00 on €32.97', ruleId: 'base:EUR' },
    ]);
  });

  it('earns nothing without a rate for the currency', () => {
    expect(quoteOrder(order([{ sku: 'A', quantity: 1, unitPrice: 5000 }], 'USD'), eur)).toEqual({
      totalPoints: 0,
      lines: [],
    });
    expect(quoteOrder(order([{ sku: 'A', quantity: 1, unitPrice: 5000 }]), undefined).totalPoints).toBe(0);
  });

  it('refuses an order that would earn more points than a safe integer holds', () => {
    const huge = order([{ sku: 'A', quantity: 10_000, unitPrice: 900_000_000_000 }]);
    expect(() => quoteOrder(huge, { currency: 'EUR', points: 1_000_000, perAmount: 1 })).toThrow(QuoteError);
  });

  it('formats zero-decimal currencies', () => {
    expect(formatMoney(500, 'JPY')).toBe('¥500');
  });

  it('never earns more than the rate allows, nor less than one point short (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ quantity: fc.integer({ min: 1, max: 100 }), unitPrice: fc.integer({ min: 0, max: 1_000_000 }) }),
          {
            minLength: 1,
            maxLength: 20,
          },
        ),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 10_000 }),
        (lines, points, perAmount) => {
          const total = lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0);
          const quote = quoteOrder(order(lines.map((l) => ({ sku: 'S', ...l }))), {
            currency: 'EUR',
            points,
            perAmount,
          });
          const exact = (total * points) / perAmount;
          expect(quote.totalPoints).toBeLessThanOrEqual(exact);
          expect(quote.totalPoints).toBeGreaterThan(exact - 1);
          expect(quote.lines.reduce((sum, l) => sum + l.points, 0)).toBe(quote.totalPoints);
        },
      ),
    );
  });
});
