import { memberCount } from './settings';

describe('BENCH_SCALE_MEMBERS levels', () => {
  it('reads a million members however the level is written', () => {
    for (const text of ['1000000', '1_000_000', '1e6', '1M', '1000k', ' 1m '])
      expect(memberCount(text)).toBe(1_000_000);
    expect(memberCount('100k')).toBe(100_000);
  });

  it('refuses what is not a whole, positive member count', () => {
    for (const text of ['', '0', '-5', '1.5', 'lots', '1,000', '10x'])
      expect(() => memberCount(text)).toThrow(/member count/);
  });
});
