import { historyWords, type HistoryLine } from './historyWords';
import { translate, type Language } from './translate';

const now = new Date(2026, 11, 20);
const at = new Date(2026, 11, 2, 10, 5).toISOString();
const words = (line: HistoryLine, language: Language = 'en') =>
  historyWords((key, values) => translate(language, key, values), language === 'en' ? 'en-GB' : 'fr-FR', line, now);

describe("a member's history in words", () => {
  it('says what a purchase earned, without its order id', () => {
    expect(
      words({ points: 25, reason: 'Base rate: 1 point per £1.00 on £25.00', at, kind: 'EARN', sourceType: 'ORDER' }),
    ).toBe('Earned 25 points — purchase on 2 Dec');
    expect(words({ points: 30, reason: 'Purchase pos-london-1-1796205835829-1 (IN_STORE)', at })).toBe(
      'Earned 30 points — purchase in store on 2 Dec',
    );
    expect(words({ points: 1, reason: 'Purchase web-77 (MARKETPLACE)', at })).toBe(
      'Earned 1 point — purchase on 2 Dec',
    );
  });

  it('says what was redeemed and what was taken back', () => {
    expect(
      words({ points: -50, reason: 'Redeemed: Tea tasting sample', at, kind: 'REDEEM', sourceType: 'REDEMPTION' }),
    ).toBe('Redeemed 50 points — Tea tasting sample on 2 Dec');
    expect(words({ points: -1, reason: 'Redeemed: Flat white', at })).toBe('Redeemed 1 point — Flat white on 2 Dec');
    expect(
      words({
        points: -12,
        reason: 'Return till-7/R-7 of purchase till-7/0042: Base rate',
        at,
        kind: 'REVERSE',
        sourceType: 'RETURN',
      }),
    ).toBe('Taken back 12 points — items returned on 2 Dec');
    expect(words({ points: 29, reason: 'Refund: Redeemed: Flat white', at })).toBe(
      'Given back 29 points — Flat white (refunded) on 2 Dec',
    );
    expect(words({ points: -40, reason: 'Points expired', at, kind: 'EXPIRE' })).toBe(
      'Expired 40 points — not used in time on 2 Dec',
    );
  });

  it('says what paying at a till with points used and gave back, in the reader’s money', () => {
    const hold = { at, sourceType: 'POINTS_HOLD' };
    expect(words({ ...hold, points: -600, reason: 'Held to pay 6.00 EUR at checkout', kind: 'REDEEM' })).toBe(
      'Used 600 points — paying €6.00 at the till on 2 Dec',
    );
    expect(words({ ...hold, points: -600, reason: 'Held to pay 6.00 EUR at checkout' }, 'fr')).toBe(
      '600 points utilisés — pour payer 6,00\u00a0€ en caisse le 2 déc.',
    );
    expect(words({ ...hold, points: 600, reason: 'Points hold released', kind: 'REVERSE' })).toBe(
      'Given back 600 points — payment with points cancelled on 2 Dec',
    );
    expect(words({ ...hold, points: 1, reason: 'Points hold expired unused', kind: 'REVERSE' })).toBe(
      'Given back 1 point — payment with points not used in time on 2 Dec',
    );
    expect(
      words({
        ...hold,
        points: 233,
        reason: 'Return till-7/R-7 of purchase till-7/0042: points that paid 2.33 EUR refunded',
        kind: 'REVERSE',
      }),
    ).toBe('Given back 233 points — they paid €2.33 of items returned on 2 Dec');
    // Live, a return that refunded more points than it took back says so.
    expect(words({ points: 231, reason: 'Return till-7/R-7 of purchase till-7/0042', at })).toBe(
      'Given back 231 points — items returned on 2 Dec',
    );
  });

  it('keeps a campaign’s own words for its bonus, and says the year of an older day', () => {
    expect(
      words({ points: 100, reason: 'Welcome to our stores: 100 bonus points', at, kind: 'BONUS', sourceType: 'ORDER' }),
    ).toBe('Earned 100 points — Welcome to our stores: 100 bonus points on 2 Dec');
    expect(words({ points: -5, reason: 'Goodwill correction', at: new Date(2025, 5, 1).toISOString() })).toBe(
      'Used 5 points — Goodwill correction on 1 Jun 2025',
    );
  });

  it('speaks French with its plural rules', () => {
    expect(words({ points: 30, reason: 'Purchase pos-1 (IN_STORE)', at }, 'fr')).toBe(
      '30 points gagnés — achat en magasin le 2 déc.',
    );
    expect(words({ points: -1, reason: 'Redeemed: Flat white', at }, 'fr')).toBe(
      '1 point échangé — Flat white le 2 déc.',
    );
  });
});
