/** What a wallet holds: stamps on a card, or money (minor units of its currency). */
export enum WalletKind {
  STAMPS = 'STAMPS',
  CASHBACK = 'CASHBACK',
  STORE_CREDIT = 'STORE_CREDIT',
}

/** A wallet the program defines, besides the points balance (issue 29). */
export interface WalletType {
  code: string;
  kind: WalletKind;
  name: string;
  currency: string | null;
  stampsPerPurchase: number | null;
  minPurchaseAmount: number;
  stampsPerCard: number | null;
  cardRewardPoints: number | null;
  cashbackBasisPoints: number | null;
  pendingDays: number;
  expiryDays: number | null;
  maxHouseholdMembers: number;
  active: boolean;
}

const dayMs = 86_400_000;

/** Why a wallet type cannot be defined as asked, or null when it can. */
export function walletTypeProblem(type: WalletType): string | null {
  if (!/^[A-Z][A-Z0-9_]{1,31}$/.test(type.code)) {
    return 'code must be 2 to 32 capital letters, digits or underscores, starting with a letter';
  }
  if (type.code === 'POINTS') return 'POINTS is the points balance; name the wallet otherwise';
  if (type.kind !== WalletKind.STAMPS && type.currency === null) return 'a money wallet needs its currency';
  if (
    type.kind === WalletKind.STAMPS &&
    (!type.stampsPerPurchase || !type.stampsPerCard || type.cardRewardPoints === null)
  ) {
    return 'a stamp card needs stampsPerPurchase, stampsPerCard and cardRewardPoints';
  }
  if (type.kind === WalletKind.CASHBACK && !type.cashbackBasisPoints)
    return 'a cashback wallet needs cashbackBasisPoints';
  return null;
}

/** What one purchase earns into one wallet. */
export interface WalletEarning {
  wallet: string;
  amount: number;
}

/**
 * What a purchase earns into each wallet, on its cash part only (what points paid earns nothing):
 * a stamp card its stamps when the cash part reaches the minimum, cashback its share of the cash
 * part in the wallet's currency (rounded down). Store credit is given, not earned.
 */
export function purchaseEarnings(
  types: readonly WalletType[],
  purchase: { currency: string; cashAmount: number },
): WalletEarning[] {
  const earnings: WalletEarning[] = [];
  for (const type of types) {
    if (!type.active) continue;
    let amount = 0;
    const stampable = type.currency === null || type.currency === purchase.currency;
    if (
      type.kind === WalletKind.STAMPS &&
      stampable &&
      purchase.cashAmount > 0 &&
      purchase.cashAmount >= type.minPurchaseAmount
    ) {
      amount = type.stampsPerPurchase ?? 0;
    } else if (type.kind === WalletKind.CASHBACK && type.currency === purchase.currency) {
      amount = Math.floor((purchase.cashAmount * (type.cashbackBasisPoints ?? 0)) / 10_000);
    }
    if (amount > 0) earnings.push({ wallet: type.code, amount });
  }
  return earnings;
}

/**
 * How much of a purchase's earning into a wallet returns should have taken back once `returnedValue`
 * of its `totalAmount` has come back: cashback in proportion to the goods' value returned (what is
 * kept keeps its rounded-down share); a stamp only once what is kept of the cash part is below the
 * stamp's minimum, or everything came back.
 */
export function reversedByReturns(
  type: WalletType,
  earning: { amount: number; cashAmount: number; totalAmount: number },
  returnedValue: number,
): number {
  const { amount, cashAmount, totalAmount } = earning;
  if (totalAmount <= 0 || returnedValue >= totalAmount) return amount;
  const keptValue = totalAmount - Math.max(0, returnedValue);
  if (type.kind === WalletKind.STAMPS) {
    const keptCash = Math.floor((cashAmount * keptValue) / totalAmount);
    return keptCash > 0 && keptCash >= type.minPurchaseAmount ? 0 : amount;
  }
  return amount - Math.floor((amount * keptValue) / totalAmount);
}

/** Cards a stamp balance completes, and the stamps they take. */
export function completedCards(type: WalletType, balance: number): { cards: number; stamps: number } {
  if (type.kind !== WalletKind.STAMPS || !type.stampsPerCard) return { cards: 0, stamps: 0 };
  const cards = Math.floor(balance / type.stampsPerCard);
  return { cards, stamps: cards * type.stampsPerCard };
}

/** When an earning made at `at` becomes spendable, and when it expires. */
export function earningDates(type: WalletType, at: Date): { availableAt: Date; expiresAt: Date | null } {
  const availableAt = new Date(at.getTime() + type.pendingDays * dayMs);
  const expiresAt = type.expiryDays ? new Date(availableAt.getTime() + type.expiryDays * dayMs) : null;
  return { availableAt, expiresAt };
}
