import fc from 'fast-check';
import { npsOf } from './nps.rules';

describe('net promoter score', () => {
  it('counts 9-10 as promoters, 7-8 as passives and 0-6 as detractors', () => {
    expect(npsOf([10, 9, 8, 7, 6, 0])).toEqual({ responses: 6, promoters: 2, passives: 2, detractors: 2, score: 0 });
    expect(npsOf([10, 10, 10, 3])).toMatchObject({ score: 50 });
    expect(npsOf([])).toMatchObject({ responses: 0, score: null });
  });

  it('stays between -100 and 100 and adds up (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 200 }), (scores) => {
        const nps = npsOf(scores);
        expect(nps.promoters + nps.passives + nps.detractors).toBe(scores.length);
        expect(nps.score).toBeGreaterThanOrEqual(-100);
        expect(nps.score).toBeLessThanOrEqual(100);
      }),
    );
  });
});
