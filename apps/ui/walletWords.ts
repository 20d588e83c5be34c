import { formatMoney } from './format.js';
import { recentDay } from './historyWords.js';
import type { MessageKey } from './messages/en.js';
import type { Translate } from './translate.js';

/**
 * A wallet besides points (issue 29: a stamp card, cashback, store credit) in a member's and an
 * associate's words: its amounts, its stamp card, and its history. Pure (no DOM, no React).
 */

/** What the apps read of a wallet's type (`WalletType`). */
export interface WalletKindOf {
  kind: 'STAMPS' | 'CASHBACK' | 'STORE_CREDIT';
  name: string;
  currency?: string | null;
  stampsPerCard?: number | null;
  cardRewardPoints?: number | null;
}

/** "3 stamps", or money in the wallet's currency ("£1.20"): a wallet amount as it is said. */
export function walletAmount(t: Translate, locale: string, type: WalletKindOf, amount: number): string {
  if (type.kind === 'STAMPS' || !type.currency) return t('walletKind.stamps', { count: amount });
  return formatMoney(locale, amount, type.currency);
}

/** The stamp card as it is drawn: how many slots, how many filled, how many more fill it. */
export interface StampCard {
  slots: number;
  filled: number;
  toGo: number;
}

/** The current card of a STAMPS wallet whose balance is the stamps on it (a full card completes at once). */
export function stampCard(type: WalletKindOf, balance: number): StampCard {
  const slots = Math.max(1, type.stampsPerCard ?? 1);
  const filled = Math.min(slots, Math.max(0, balance));
  return { slots, filled, toGo: slots - filled };
}

/** One line of a wallet's history (`WalletEntry`). */
export interface WalletLine {
  kind: string;
  amount: number;
  reason: string;
  createdAt: string;
  /** The household member whose purchase earned it, when not the owner. */
  earnedBy?: string | null;
}

// The ledger's own reasons, as the till and the ledger write them.
const tillSale = /^Till sale \S+$/;
const purchase = /^Purchase /;

const plain: Record<string, MessageKey> = {
  RELEASE: 'walletHistory.released',
  REVERSE: 'walletHistory.returned',
  EXPIRE: 'walletHistory.expired',
  MERGE_IN: 'walletHistory.mergedIn',
  MERGE_OUT: 'walletHistory.mergedOut',
};

/**
 * "Earned 1 stamp — purchase on 2 Dec", "Spent £5.00 — paying at the till on 2 Dec", "Card full: 3
 * stamps became 100 points on 2 Dec": without the till's order ids or the ledger's terms. `viewerId`
 * is the member reading it: what another member of their household earned says so.
 */
export function walletHistoryWords(
  t: Translate,
  locale: string,
  type: WalletKindOf,
  line: WalletLine,
  viewerId?: string,
  now = new Date(),
): string {
  const base = {
    amount: walletAmount(t, locale, type, Math.abs(line.amount)),
    day: recentDay(locale, line.createdAt, now),
    reason: line.reason,
  };
  const household = !!line.earnedBy && line.earnedBy !== viewerId;
  switch (line.kind) {
    case 'EARN':
      if (purchase.test(line.reason))
        return t(household ? 'walletHistory.householdPurchase' : 'walletHistory.purchase', base);
      return t('walletHistory.earned', base);
    case 'AWARD':
      return t('walletHistory.earned', base);
    case 'SPEND':
      return t(tillSale.test(line.reason) ? 'walletHistory.spentAtTill' : 'walletHistory.spent', base);
    case 'ADJUST':
      return t(line.amount < 0 ? 'walletHistory.adjustedDown' : 'walletHistory.adjustedUp', base);
    case 'CARD_COMPLETED': {
      // The stamps a full card (or several) took, and the points it paid into the points balance.
      const cards = Math.max(1, Math.round(Math.abs(line.amount) / Math.max(1, type.stampsPerCard ?? 1)));
      return t('walletHistory.cardCompleted', {
        ...base,
        points: t('wallet.points', { count: cards * (type.cardRewardPoints ?? 0) }),
      });
    }
  }
  const key = plain[line.kind];
  if (key) return t(key, base);
  return t(line.amount < 0 ? 'walletHistory.spent' : 'walletHistory.earned', base);
}
