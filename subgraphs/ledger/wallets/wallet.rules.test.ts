import {
  completedCards,
  purchaseEarnings,
  reversedByReturns,
  walletTypeProblem,
  WalletKind,
  type WalletType,
} from './wallet.rules';

const base = {
  currency: null,
  stampsPerPurchase: null,
  minPurchaseAmount: 0,
  stampsPerCard: null,
  cardRewardPoints: null,
  cashbackBasisPoints: null,
  pendingDays: 0,
  expiryDays: null,
  maxHouseholdMembers: 0,
  active: true,
};
const card: WalletType = {
  ...base,
  code: 'CARD',
  kind: WalletKind.STAMPS,
  name: 'Card',
  stampsPerPurchase: 1,
  minPurchaseAmount: 500,
  stampsPerCard: 3,
  cardRewardPoints: 100,
};
const cashback: WalletType = {
  ...base,
  code: 'BACK',
  kind: WalletKind.CASHBACK,
  name: 'Back',
  currency: 'EUR',
  cashbackBasisPoints: 500,
};

describe('wallet rules', () => {
  it('earns on the cash part only: a stamp from the minimum, cashback rounded down in its currency', () => {
    expect(purchaseEarnings([card, cashback], { currency: 'EUR', cashAmount: 1999 })).toEqual([
      { wallet: 'CARD', amount: 1 },
      { wallet: 'BACK', amount: 99 },
    ]);
    expect(purchaseEarnings([card, cashback], { currency: 'USD', cashAmount: 499 })).toEqual([]);
    expect(purchaseEarnings([{ ...card, active: false }], { currency: 'EUR', cashAmount: 5000 })).toEqual([]);
    // All paid with points: nothing.
    expect(purchaseEarnings([{ ...card, minPurchaseAmount: 0 }], { currency: 'EUR', cashAmount: 0 })).toEqual([]);
  });

  it('takes back cashback pro rata to the value returned and a stamp once the kept cash is below the minimum', () => {
    const earning = { amount: 75, cashAmount: 1500, totalAmount: 2500 };
    expect(reversedByReturns(cashback, earning, 1250)).toBe(38);
    expect(reversedByReturns(cashback, earning, 2500)).toBe(75);
    expect(reversedByReturns(cashback, earning, 0)).toBe(0);
    expect(reversedByReturns(card, { amount: 1, cashAmount: 1500, totalAmount: 2500 }, 1250)).toBe(0);
    expect(reversedByReturns(card, { amount: 1, cashAmount: 1500, totalAmount: 2500 }, 1700)).toBe(1);
  });

  it('completes whole cards only, and refuses types that miss what their kind needs', () => {
    expect(completedCards(card, 7)).toEqual({ cards: 2, stamps: 6 });
    expect(completedCards(cashback, 700)).toEqual({ cards: 0, stamps: 0 });
    expect(walletTypeProblem(card)).toBeNull();
    expect(walletTypeProblem({ ...card, stampsPerCard: null })).toMatch(/stampsPerCard/);
    expect(walletTypeProblem({ ...cashback, currency: null })).toMatch(/currency/);
    expect(walletTypeProblem({ ...cashback, code: 'POINTS' })).toMatch(/POINTS/);
  });
});
