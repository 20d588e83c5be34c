import { stampCard, walletAmount, walletHistoryWords, type WalletKindOf, type WalletLine } from './walletWords';
import { translate, type Language } from './translate';

const now = new Date(2026, 11, 20);
const createdAt = new Date(2026, 11, 2, 10, 5).toISOString();
const coffee: WalletKindOf = { kind: 'STAMPS', name: 'Coffee card', stampsPerCard: 3, cardRewardPoints: 100 };
const credit: WalletKindOf = { kind: 'STORE_CREDIT', name: 'Store credit', currency: 'GBP' };
const t = (language: Language) => (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) =>
  translate(language, key, values);
const words = (type: WalletKindOf, line: Omit<WalletLine, 'createdAt'>, language: Language = 'en', viewer = 'me') =>
  walletHistoryWords(t(language), language === 'en' ? 'en-GB' : 'fr-FR', type, { ...line, createdAt }, viewer, now);

describe("a wallet's amounts and history in words", () => {
  it('says stamps as stamps and money in the wallet currency', () => {
    expect(walletAmount(t('en'), 'en-GB', coffee, 1)).toBe('1 stamp');
    expect(walletAmount(t('en'), 'en-GB', coffee, 2)).toBe('2 stamps');
    expect(walletAmount(t('en'), 'en-GB', credit, 1250)).toBe('£12.50');
  });

  it('draws the current card: filled slots and how many more fill it', () => {
    expect(stampCard(coffee, 2)).toEqual({ slots: 3, filled: 2, toGo: 1 });
    expect(stampCard(coffee, 0)).toEqual({ slots: 3, filled: 0, toGo: 3 });
  });

  it('says what a purchase earned, whose it was, and what a card paid, without order ids', () => {
    expect(words(coffee, { kind: 'EARN', amount: 1, reason: 'Purchase pos-77' })).toBe(
      'Earned 1 stamp — purchase on 2 Dec',
    );
    expect(words(coffee, { kind: 'EARN', amount: 1, reason: 'Purchase pos-78', earnedBy: 'them' })).toBe(
      'Earned 1 stamp — a household member’s purchase on 2 Dec',
    );
    expect(words(coffee, { kind: 'CARD_COMPLETED', amount: -3, reason: 'Coffee card: card completed' })).toBe(
      'Card full: 3 stamps became 100 points on 2 Dec',
    );
    expect(words(coffee, { kind: 'CARD_COMPLETED', amount: -6, reason: 'Coffee card: 2 cards completed' })).toBe(
      'Card full: 6 stamps became 200 points on 2 Dec',
    );
  });

  it('says what was spent at the till and given by hand, in English and French', () => {
    expect(words(credit, { kind: 'SPEND', amount: -500, reason: 'Till sale 20261202-1005-AB12' })).toBe(
      'Spent £5.00 — paying at the till on 2 Dec',
    );
    expect(words(credit, { kind: 'ADJUST', amount: 2000, reason: 'Goodwill' })).toBe(
      'Added £20.00 — Goodwill on 2 Dec',
    );
    expect(words(credit, { kind: 'SPEND', amount: -500, reason: 'Till sale 20261202-1005-AB12' }, 'fr')).toMatch(
      /^Dépensé : 5,00\s£GB — paiement en caisse le 2 déc\.$/,
    );
  });
});
