import fc from 'fast-check';
import { allocateByAmount, matchReturnedLines, pointsTakenBack, type OrderedLine } from './return.rules';

const sumOf = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0);

/** An order's earning: per line, the points it earned and the units bought (at least one). */
const anyEarning = fc
  .array(fc.record({ points: fc.integer({ min: 0, max: 100_000 }), quantity: fc.integer({ min: 1, max: 20 }) }), {
    minLength: 1,
    maxLength: 10,
  })
  .map((lines) => ({ linePoints: lines.map((l) => l.points), quantities: lines.map((l) => l.quantity) }));

describe('return rules', () => {
  describe('allocateByAmount', () => {
    it('splits points in proportion to the amounts, largest remainder first', () => {
      expect(allocateByAmount(10, [100, 100, 100])).toEqual([4, 3, 3]);
      expect(allocateByAmount(10, [1, 2, 7])).toEqual([1, 2, 7]);
      expect(allocateByAmount(7, [150, 250, 100])).toEqual([2, 4, 1]);
    });

    it('gives a line that paid nothing nothing when others paid', () => {
      expect(allocateByAmount(9, [0, 300, 0])).toEqual([0, 9, 0]);
    });

    it('splits evenly when nothing was paid, the first lines taking the remainder', () => {
      expect(allocateByAmount(7, [0, 0, 0])).toEqual([3, 2, 2]);
      expect(allocateByAmount(6, [0, 0, 0])).toEqual([2, 2, 2]);
      expect(allocateByAmount(2, [0, 0, 0, 0])).toEqual([1, 1, 0, 0]);
    });

    it('splits evenly over lines that paid nothing: shares add up and differ by at most one (property)', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 20 }), (points, count) => {
          const shares = allocateByAmount(
            points,
            Array.from({ length: count }, () => 0),
          );
          expect(sumOf(shares)).toBe(points);
          expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
          // The larger shares come first.
          expect([...shares].sort((a, b) => b - a)).toEqual(shares);
        }),
      );
    });

    it('allocates nothing over no lines', () => {
      expect(allocateByAmount(10, [])).toEqual([]);
    });

    it('gives whole shares that add up to the points, each within one of its exact share (property)', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 10_000_000 }),
          fc.array(fc.integer({ min: 0, max: 100_000_000 }), { minLength: 1, maxLength: 20 }),
          (points, amounts) => {
            const shares = allocateByAmount(points, amounts);
            expect(shares).toHaveLength(amounts.length);
            expect(sumOf(shares)).toBe(points);
            const total = sumOf(amounts);
            shares.forEach((share, index) => {
              expect(Number.isInteger(share)).toBe(true);
              expect(share).toBeGreaterThanOrEqual(0);
              const exact = total === 0 ? points / amounts.length : (points * amounts[index]!) / total;
              expect(Math.abs(share - exact)).toBeLessThan(1);
            });
          },
        ),
      );
    });

    it('gives lines with equal amounts shares at most one apart (property)', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 1_000_000 }),
          fc.integer({ min: 0, max: 10_000 }),
          fc.integer({ min: 1, max: 20 }),
          (points, amount, count) => {
            const shares = allocateByAmount(
              points,
              Array.from({ length: count }, () => amount),
            );
            expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
          },
        ),
      );
    });
  });

  describe('pointsTakenBack', () => {
    it('takes back nothing when nothing is returned', () => {
      expect(pointsTakenBack([100, 50], [2, 3], [0, 0])).toBe(0);
      expect(pointsTakenBack([100, 50], [2, 3], [])).toBe(0);
    });

    it('takes back exactly the whole earning when everything is returned', () => {
      expect(pointsTakenBack([100, 50], [3, 7], [3, 7])).toBe(150);
    });

    it("takes back each line's share of the units returned, rounded down in the member's favour", () => {
      // 100 * 1/3 = 33.3 -> 33; 50 * 2/7 = 14.28 -> 14.
      expect(pointsTakenBack([100, 50], [3, 7], [1, 2])).toBe(47);
      expect(pointsTakenBack([10], [3], [2])).toBe(6);
    });

    it('never takes back more than the line earned, even for more units than were bought', () => {
      expect(pointsTakenBack([100, 50], [3, 7], [5, 9])).toBe(150);
    });

    it('takes back the whole earning for every line returned and nothing more (property)', () => {
      fc.assert(
        fc.property(anyEarning, ({ linePoints, quantities }) => {
          expect(pointsTakenBack(linePoints, quantities, quantities)).toBe(sumOf(linePoints));
          expect(
            pointsTakenBack(
              linePoints,
              quantities,
              quantities.map(() => 0),
            ),
          ).toBe(0);
        }),
      );
    });

    it('takes back more the more is returned, never more than was earned (property)', () => {
      fc.assert(
        fc.property(
          anyEarning.chain((earning) =>
            fc.tuple(
              fc.constant(earning),
              fc.tuple(...earning.quantities.map((q) => fc.integer({ min: 0, max: q }))),
              fc.tuple(...earning.quantities.map((q) => fc.integer({ min: 0, max: q }))),
            ),
          ),
          ([{ linePoints, quantities }, a, b]) => {
            const fewer = a.map((units, index) => Math.min(units, b[index]!));
            const more = a.map((units, index) => Math.max(units, b[index]!));
            const takenFewer = pointsTakenBack(linePoints, quantities, fewer);
            const takenMore = pointsTakenBack(linePoints, quantities, more);
            expect(takenFewer).toBeGreaterThanOrEqual(0);
            expect(takenFewer).toBeLessThanOrEqual(takenMore);
            expect(takenMore).toBeLessThanOrEqual(sumOf(linePoints));
          },
        ),
      );
    });

    it('takes back, over returns made one after another, what one return of all their units would (property)', () => {
      fc.assert(
        fc.property(
          anyEarning,
          fc.array(fc.array(fc.nat({ max: 20 }), { minLength: 10, maxLength: 10 }), { maxLength: 8 }),
          ({ linePoints, quantities }, wanted) => {
            // Each return asks for some units of every line, cut to what is left to return.
            let before = quantities.map(() => 0);
            let sumOfSteps = 0;
            for (const ask of wanted) {
              const after = before.map((units, index) => units + Math.min(ask[index]!, quantities[index]! - units));
              const step =
                pointsTakenBack(linePoints, quantities, after) - pointsTakenBack(linePoints, quantities, before);
              expect(step).toBeGreaterThanOrEqual(0);
              sumOfSteps += step;
              before = after;
            }
            expect(sumOfSteps).toBe(pointsTakenBack(linePoints, quantities, before));
            expect(sumOfSteps).toBeLessThanOrEqual(sumOf(linePoints));
            // Returning what is still left takes back exactly the rest of the earning.
            const rest =
              pointsTakenBack(linePoints, quantities, quantities) - pointsTakenBack(linePoints, quantities, before);
            expect(sumOfSteps + rest).toBe(sumOf(linePoints));
          },
        ),
      );
    });
  });

  describe('matchReturnedLines', () => {
    const order: OrderedLine[] = [
      { sku: 'A', quantity: 2 },
      { sku: 'B', quantity: 1 },
      { sku: 'A', quantity: 3 },
      { sku: 'C', quantity: 4 },
    ];
    const none = [0, 0, 0, 0];

    it('maps returned units to the order lines with that SKU', () => {
      expect(matchReturnedLines(order, none, [{ sku: 'C', quantity: 3 }])).toEqual({ ok: true, units: [0, 0, 0, 3] });
      expect(
        matchReturnedLines(order, none, [
          { sku: 'B', quantity: 1 },
          { sku: 'A', quantity: 1 },
        ]),
      ).toEqual({ ok: true, units: [1, 1, 0, 0] });
    });

    it('takes units from the first line with the SKU, then spills over to the next', () => {
      expect(matchReturnedLines(order, none, [{ sku: 'A', quantity: 4 }])).toEqual({ ok: true, units: [2, 0, 2, 0] });
      expect(matchReturnedLines(order, none, [{ sku: 'A', quantity: 5 }])).toEqual({ ok: true, units: [2, 0, 3, 0] });
    });

    it('skips units already returned', () => {
      expect(matchReturnedLines(order, [1, 0, 0, 0], [{ sku: 'A', quantity: 2 }])).toEqual({
        ok: true,
        units: [1, 0, 1, 0],
      });
      expect(matchReturnedLines(order, [2, 0, 1, 0], [{ sku: 'A', quantity: 2 }])).toEqual({
        ok: true,
        units: [0, 0, 2, 0],
      });
    });

    it('counts the lines of one return against each other', () => {
      expect(
        matchReturnedLines(order, none, [
          { sku: 'A', quantity: 3 },
          { sku: 'A', quantity: 2 },
        ]),
      ).toEqual({ ok: true, units: [2, 0, 3, 0] });
    });

    it('refuses to return more units than were bought, saying how many could be', () => {
      expect(matchReturnedLines(order, none, [{ sku: 'A', quantity: 6 }])).toEqual({
        ok: false,
        sku: 'A',
        requested: 6,
        returnable: 5,
      });
    });

    it('counts one SKU named on several return lines as one request for their sum', () => {
      expect(
        matchReturnedLines(order, none, [
          { sku: 'A', quantity: 4 },
          { sku: 'A', quantity: 4 },
        ]),
      ).toEqual({ ok: false, sku: 'A', requested: 8, returnable: 5 });
    });

    it('refuses to return more units than are left after earlier returns', () => {
      expect(matchReturnedLines(order, [2, 1, 2, 0], [{ sku: 'A', quantity: 2 }])).toEqual({
        ok: false,
        sku: 'A',
        requested: 2,
        returnable: 1,
      });
      expect(matchReturnedLines(order, [0, 1, 0, 0], [{ sku: 'B', quantity: 1 }])).toEqual({
        ok: false,
        sku: 'B',
        requested: 1,
        returnable: 0,
      });
    });

    it('refuses a SKU the order does not have', () => {
      expect(matchReturnedLines(order, none, [{ sku: 'Z', quantity: 1 }])).toEqual({
        ok: false,
        sku: 'Z',
        requested: 1,
        returnable: 0,
      });
    });

    it('matches each unit at most once and only to a line of its SKU, or refuses (property)', () => {
      const skus = ['A', 'B', 'C'];
      fc.assert(
        fc.property(
          fc
            .array(fc.record({ sku: fc.constantFrom(...skus), quantity: fc.integer({ min: 1, max: 5 }) }), {
              minLength: 1,
              maxLength: 8,
            })
            .chain((lines) =>
              fc.tuple(
                fc.constant(lines),
                fc.tuple(...lines.map((line) => fc.integer({ min: 0, max: line.quantity }))),
                fc.array(fc.record({ sku: fc.constantFrom(...skus), quantity: fc.integer({ min: 1, max: 8 }) }), {
                  maxLength: 4,
                }),
              ),
            ),
          ([lines, already, returning]) => {
            const match = matchReturnedLines(lines, already, returning);
            const leftOf = (sku: string): number =>
              sumOf(lines.map((line, index) => (line.sku === sku ? line.quantity - already[index]! : 0)));
            const askedFor = (sku: string): number =>
              sumOf(returning.filter((r) => r.sku === sku).map((r) => r.quantity));
            if (match.ok) {
              lines.forEach((line, index) => {
                expect(match.units[index]).toBeGreaterThanOrEqual(0);
                expect(match.units[index]! + already[index]!).toBeLessThanOrEqual(line.quantity);
              });
              for (const sku of skus) {
                const matched = sumOf(match.units.filter((_, index) => lines[index]!.sku === sku));
                expect(matched).toBe(askedFor(sku));
              }
            } else {
              expect(askedFor(match.sku)).toBeGreaterThan(leftOf(match.sku));
              expect(match.returnable).toBeLessThan(match.requested);
            }
            expect(match.ok).toBe(skus.every((sku) => askedFor(sku) <= leftOf(sku)));
          },
        ),
      );
    });
  });
});
