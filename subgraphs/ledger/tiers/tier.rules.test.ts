import fc from 'fast-check';
import {
  decideTier,
  rankOf,
  tierProgramProblem,
  tierRankFor,
  type TierDefinition,
  type TierProgram,
} from './tier.rules';

const tier = (name: string, qualifyingPoints: number, multiplierPercent = 100): TierDefinition => ({
  name,
  qualifyingPoints,
  multiplierPercent,
});

const program: TierProgram = {
  windowMonths: 12,
  tiers: [tier('Bronze', 0), tier('Silver', 1_000, 125), tier('Gold', 5_000, 150)],
};

/** Valid programs: first tier at 0, then strictly increasing thresholds, distinct names. */
const anyProgram = fc.array(fc.integer({ min: 1, max: 10_000 }), { maxLength: 6 }).map((steps): TierProgram => {
  let threshold = 0;
  const thresholds = [0, ...steps.map((step) => (threshold += step))];
  return { windowMonths: 12, tiers: thresholds.map((points, index) => tier(`T${index}`, points)) };
});

describe('tier rules', () => {
  describe('tierProgramProblem', () => {
    it('accepts a program starting at 0 with increasing thresholds and distinct names', () => {
      expect(tierProgramProblem(program)).toBeUndefined();
      expect(tierProgramProblem({ windowMonths: 6, tiers: [tier('Member', 0)] })).toBeUndefined();
    });

    it('refuses a program without tiers', () => {
      expect(tierProgramProblem({ windowMonths: 12, tiers: [] })).toBe('a tier program needs at least one tier');
    });

    it('refuses a program whose first tier needs qualifying points', () => {
      expect(tierProgramProblem({ windowMonths: 12, tiers: [tier('Silver', 1), tier('Gold', 5)] })).toBe(
        'the first tier must need 0 qualifying points',
      );
    });

    it('refuses a tier name used twice', () => {
      expect(
        tierProgramProblem({ windowMonths: 12, tiers: [tier('Bronze', 0), tier('Gold', 10), tier('Bronze', 20)] }),
      ).toBe('the tier name "Bronze" is used twice');
    });

    it('refuses a tier that does not need more points than the one before', () => {
      expect(tierProgramProblem({ windowMonths: 12, tiers: [tier('Bronze', 0), tier('Silver', 0)] })).toBe(
        '"Silver" must need more qualifying points than "Bronze"',
      );
      expect(
        tierProgramProblem({ windowMonths: 12, tiers: [tier('Bronze', 0), tier('Silver', 500), tier('Gold', 400)] }),
      ).toBe('"Gold" must need more qualifying points than "Silver"');
    });

    it('accepts every valid program and refuses it once two thresholds are swapped (property)', () => {
      fc.assert(
        fc.property(
          anyProgram.filter((p) => p.tiers.length >= 3),
          fc.nat(),
          (valid, seed) => {
            expect(tierProgramProblem(valid)).toBeUndefined();
            // Swap two neighbouring thresholds after the first tier: the program is no longer increasing.
            const index = 1 + (seed % (valid.tiers.length - 2));
            const tiers = [...valid.tiers];
            const a = tiers[index]!;
            const b = tiers[index + 1]!;
            tiers[index] = { ...a, qualifyingPoints: b.qualifyingPoints };
            tiers[index + 1] = { ...b, qualifyingPoints: a.qualifyingPoints };
            expect(tierProgramProblem({ ...valid, tiers })).toMatch(/must need more qualifying points/);
          },
        ),
      );
    });
  });

  describe('tierRankFor', () => {
    it('gives the highest tier the points reach', () => {
      expect(tierRankFor(program, 0)).toBe(0);
      expect(tierRankFor(program, 999)).toBe(0);
      expect(tierRankFor(program, 1_000)).toBe(1);
      expect(tierRankFor(program, 4_999)).toBe(1);
      expect(tierRankFor(program, 5_000)).toBe(2);
      expect(tierRankFor(program, 1_000_000)).toBe(2);
    });

    it('gives the first tier for negative points', () => {
      expect(tierRankFor(program, -50)).toBe(0);
    });

    it('gives a tier whose threshold the points reach and the next tier does not (property)', () => {
      fc.assert(
        fc.property(anyProgram, fc.integer({ min: 0, max: 100_000 }), (p, points) => {
          const rank = tierRankFor(p, points);
          expect(points).toBeGreaterThanOrEqual(p.tiers[rank]!.qualifyingPoints);
          const next = p.tiers[rank + 1];
          if (next) expect(points).toBeLessThan(next.qualifyingPoints);
        }),
      );
    });

    it('never gives a lower tier for more points (property)', () => {
      fc.assert(
        fc.property(anyProgram, fc.nat({ max: 100_000 }), fc.nat({ max: 100_000 }), (p, a, b) => {
          expect(tierRankFor(p, Math.min(a, b))).toBeLessThanOrEqual(tierRankFor(p, Math.max(a, b)));
        }),
      );
    });
  });

  describe('rankOf', () => {
    it('gives the position of a stored tier name', () => {
      expect(rankOf(program, 'Bronze')).toBe(0);
      expect(rankOf(program, 'Silver')).toBe(1);
      expect(rankOf(program, 'Gold')).toBe(2);
    });

    it('treats an unknown or absent name as the first tier', () => {
      expect(rankOf(program, 'Platinum')).toBe(0);
      expect(rankOf(program, 'gold')).toBe(0);
      expect(rankOf(program, null)).toBe(0);
    });
  });

  describe('decideTier', () => {
    it('upgrades at once when the points reach a higher tier, at review or not', () => {
      expect(decideTier(program, 'Bronze', 1_200, false)).toEqual({ change: 'UP', from: 0, to: 1 });
      expect(decideTier(program, 'Bronze', 6_000, false)).toEqual({ change: 'UP', from: 0, to: 2 });
      expect(decideTier(program, 'Silver', 5_000, true)).toEqual({ change: 'UP', from: 1, to: 2 });
    });

    it('upgrades a member without a tier, or with an unknown one, from the first tier', () => {
      expect(decideTier(program, null, 1_000, false)).toEqual({ change: 'UP', from: 0, to: 1 });
      expect(decideTier(program, 'Retired', 5_000, false)).toEqual({ change: 'UP', from: 0, to: 2 });
    });

    it('changes nothing before the review when the points reach only a lower tier', () => {
      expect(decideTier(program, 'Gold', 10, false)).toEqual({ change: 'NONE' });
      expect(decideTier(program, 'Gold', 1_500, false)).toEqual({ change: 'NONE' });
    });

    it('changes nothing before the review when the points reach the current tier', () => {
      expect(decideTier(program, 'Silver', 1_500, false)).toEqual({ change: 'NONE' });
      expect(decideTier(program, null, 0, false)).toEqual({ change: 'NONE' });
    });

    it('downgrades at the review to the tier the points still reach', () => {
      expect(decideTier(program, 'Gold', 1_500, true)).toEqual({ change: 'DOWN', from: 2, to: 1 });
      expect(decideTier(program, 'Gold', 0, true)).toEqual({ change: 'DOWN', from: 2, to: 0 });
    });

    it('renews at the review when the points reach the current tier', () => {
      expect(decideTier(program, 'Silver', 1_000, true)).toEqual({ change: 'RENEW' });
      expect(decideTier(program, 'Gold', 9_999, true)).toEqual({ change: 'RENEW' });
      expect(decideTier(program, 'Bronze', 0, true)).toEqual({ change: 'RENEW' });
    });

    it('leaves the member in the tier the points reach at review, and never lower before it (property)', () => {
      fc.assert(
        fc.property(
          anyProgram,
          fc.nat({ max: 10 }),
          fc.nat({ max: 100_000 }),
          fc.boolean(),
          (p, currentIndex, points, atReview) => {
            const current = p.tiers[currentIndex]?.name ?? null;
            const from = rankOf(p, current);
            const reached = tierRankFor(p, points);
            const decision = decideTier(p, current, points, atReview);
            const after =
              decision.change === 'UP' || decision.change === 'DOWN'
                ? decision.to
                : decision.change === 'RENEW' || decision.change === 'NONE'
                  ? from
                  : -1;
            if (decision.change === 'UP' || decision.change === 'DOWN') expect(decision.from).toBe(from);
            if (atReview) {
              expect(after).toBe(reached);
              expect(decision.change).not.toBe('NONE');
            } else {
              expect(after).toBe(Math.max(from, reached));
              expect(['UP', 'NONE']).toContain(decision.change);
            }
          },
        ),
      );
    });
  });
});
