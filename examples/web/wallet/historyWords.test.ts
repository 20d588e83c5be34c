import { historyWords } from './historyWords';

const now = new Date(2026, 11, 20);
const at = new Date(2026, 11, 2, 10, 5).toISOString();

describe("a wallet's history in words", () => {
  it('says what a purchase earned, without its order id', () => {
    expect(
      historyWords(
        { points: 25, reason: 'Base rate: 1 point per £1.00 on £25.00', at, kind: 'EARN', sourceType: 'ORDER' },
        now,
      ),
    ).toBe('Earned 25 points — purchase on 2 Dec');
    expect(historyWords({ points: 30, reason: 'Purchase pos-london-1-1796205835829-1 (IN_STORE)', at }, now)).toBe(
      'Earned 30 points — purchase in store on 2 Dec',
    );
  });

  it('says what was redeemed and what was taken back', () => {
    expect(
      historyWords(
        { points: -50, reason: 'Redeemed: Tea tasting sample', at, kind: 'REDEEM', sourceType: 'REDEMPTION' },
        now,
      ),
    ).toBe('Redeemed 50 points — Tea tasting sample on 2 Dec');
    expect(historyWords({ points: -1, reason: 'Redeemed: Flat white', at }, now)).toBe(
      'Redeemed 1 point — Flat white on 2 Dec',
    );
    const returned = historyWords(
      {
        points: -12,
        reason: 'Return till-7/R-7 of purchase till-7/0042: Base rate',
        at,
        kind: 'REVERSE',
        sourceType: 'RETURN',
      },
      now,
    );
    expect(returned).toBe('Taken back 12 points — items returned on 2 Dec');
  });

  it('keeps a campaign’s own words for its bonus', () => {
    expect(
      historyWords(
        { points: 100, reason: 'Welcome to our stores: 100 bonus points', at, kind: 'BONUS', sourceType: 'ORDER' },
        now,
      ),
    ).toBe('Earned 100 points — Welcome to our stores: 100 bonus points on 2 Dec');
  });
});
