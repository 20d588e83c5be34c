import type { MessageKey } from './messages/en.js';
import type { Translate } from './translate.js';

/**
 * A member's history in words they understand: what happened to how many points, and when, without
 * the till's order ids or the ledger's terms. Pure (no DOM, no React), unit-tested in Node.
 */

/** A line of the member's history: a journal entry read with the wallet, or a live balance change. */
export interface HistoryLine {
  points: number;
  reason: string;
  at: string;
  /** The journal entry's kind and source; a live balance change has only its reason. */
  kind?: string;
  sourceType?: string;
}

const redeemed = /^Redeemed: (.+)$/;
const refunded = /^Refund: (?:Redeemed: )?(.+)$/;
// The ledger's wording of a live purchase or return names the till's order id, which means nothing to a member.
const livePurchase = /^Purchase .+ \((\w+)\)$/;
const liveReturn = /^Return .+ of purchase /;
// Paying at a till with points (issue 29): the ledger's words for a hold, its end and a return's refund.
const heldToPay = /^Held to pay (\d+(?:\.\d+)?) ([A-Z]{3}) at checkout$/;
const paymentRefunded = /: points that paid (\d+(?:\.\d+)?) ([A-Z]{3}) refunded$/;
const holdEnded: Record<string, MessageKey> = {
  'Points hold released': 'wallet.history.heldCancelled',
  'Points hold expired unused': 'wallet.history.heldExpired',
};

/** "6.00 EUR" as the ledger writes it, in the reader's money format. */
function ledgerMoney(locale: string, value: string, currency: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(Number(value));
}

const channels: Record<string, MessageKey> = {
  IN_STORE: 'wallet.channel.IN_STORE',
  ONLINE: 'wallet.channel.ONLINE',
  MOBILE_APP: 'wallet.channel.MOBILE_APP',
};

/** "2 Dec" this year, "2 Dec 2025" before, in the reader's language. */
export function recentDay(locale: string, at: string, now = new Date()): string {
  const date = new Date(at);
  const sameYear = date.getFullYear() === now.getFullYear();
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: sameYear ? undefined : 'numeric',
  }).format(date);
}

/** "Earned 25 points — purchase on 2 Dec", "Redeemed 50 points — Tea tasting sample on 2 Dec". */
export function historyWords(t: Translate, locale: string, line: HistoryLine, now = new Date()): string {
  const { kind, sourceType, reason, points } = line;
  const base = { count: Math.abs(points), day: recentDay(locale, line.at, now) };
  const held = heldToPay.exec(reason);
  if (held) return t('wallet.history.held', { ...base, amount: ledgerMoney(locale, held[1]!, held[2]!) });
  const ended = holdEnded[reason];
  if (ended) return t(ended, base);
  const refundedPayment = paymentRefunded.exec(reason);
  if (refundedPayment) {
    return t('wallet.history.paymentRefunded', {
      ...base,
      amount: ledgerMoney(locale, refundedPayment[1]!, refundedPayment[2]!),
    });
  }
  const purchase = livePurchase.exec(reason);
  if (purchase) {
    const channel = channels[purchase[1]!];
    return channel
      ? t('wallet.history.purchaseIn', { ...base, channel: t(channel) })
      : t('wallet.history.purchase', base);
  }
  if ((kind === 'REVERSE' && sourceType === 'RETURN') || liveReturn.test(reason))
    // A return of a basket paid with points may give back more than it takes.
    return t(points > 0 ? 'wallet.history.returnedRefunded' : 'wallet.history.returned', base);
  const redemption = redeemed.exec(reason);
  if (kind === 'REDEEM' || redemption)
    return t('wallet.history.redeemed', { ...base, reward: redemption?.[1] ?? reason });
  const refund = refunded.exec(reason);
  if (refund) return t('wallet.history.refunded', { ...base, reward: refund[1]! });
  if (kind === 'EXPIRE') return t('wallet.history.expired', base);
  if (kind === 'EARN' && sourceType === 'ORDER') return t('wallet.history.purchase', base);
  return t(points < 0 ? 'wallet.history.used' : 'wallet.history.earned', { ...base, reason });
}
