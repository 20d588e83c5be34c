import { currencySymbol, formatDay, formatMoney, formatPoints, formatRecentDay, parseMoney, storeName } from './format';

describe('the example pages’ formatting', () => {
  it('says points with their plural', () => {
    expect(formatPoints(1)).toBe('1 point');
    expect(formatPoints(0)).toBe('0 points');
    expect(formatPoints(2)).toBe('2 points');
    expect(formatPoints(1250)).toBe('1,250 points');
    expect(formatPoints(-1)).toBe('-1 point');
  });

  it('says money in its currency from minor units', () => {
    expect(formatMoney(2500, 'GBP')).toBe('£25.00');
    expect(formatMoney(1234567, 'EUR')).toBe('€12,345.67');
    expect(formatMoney(500, 'JPY')).toBe('JP¥500');
    expect(currencySymbol('GBP')).toBe('£');
  });

  it('reads a typed price in minor units of the currency, and refuses what is not one', () => {
    expect(parseMoney('25', 'GBP')).toBe(2500);
    expect(parseMoney('2.5', 'GBP')).toBe(250);
    expect(parseMoney(' 2,50 ', 'EUR')).toBe(250);
    expect(parseMoney('500', 'JPY')).toBe(500);
    for (const bad of ['', 'abc', '-1', '2.505', '1e3']) expect(parseMoney(bad, 'GBP')).toBeNull();
    expect(parseMoney('5.5', 'JPY')).toBeNull();
  });

  it('says dates in words', () => {
    const at = new Date(2026, 11, 2, 10, 5);
    expect(formatDay(at)).toBe('2 Dec 2026');
    expect(formatRecentDay(at, new Date(2026, 11, 31))).toBe('2 Dec');
    expect(formatRecentDay(at, new Date(2027, 0, 1))).toBe('2 Dec 2026');
  });

  it('names a store from its id', () => {
    expect(storeName('london-1')).toBe('London 1');
    expect(storeName('manchester_city-2')).toBe('Manchester City 2');
  });
});
