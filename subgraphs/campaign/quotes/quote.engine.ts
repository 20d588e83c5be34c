import { DomainError } from '../../../runtime/errors/domainError';
import { formatMoney } from './money';

export enum QuoteErrorKind {
  QuoteTooLarge = 'QuoteTooLarge',
}

export class QuoteError extends DomainError<QuoteErrorKind> {}

export interface QuoteOrderLine {
  sku: string;
  category?: string | null;
  quantity: number;
  unitPrice: number;
}

export interface QuoteOrder {
  customerId: string;
  channel: string;
  storeId?: string | null;
  currency: string;
  lines: readonly QuoteOrderLine[];
  /** The member's tier: its multiplier earns a bonus on the base points. */
  tier?: { name: string; multiplierPercent: number } | null;
}

/** `points` for every `perAmount` minor units spent in `currency`. */
export interface EarnRate {
  currency: string;
  points: number;
  perAmount: number;
}

export enum QuoteLineKind {
  BASE = 'BASE',
  BONUS = 'BONUS',
}

export interface QuoteLine {
  kind: QuoteLineKind;
  points: number;
  reason: string;
  ruleId: string | null;
}

export interface Quote {
  totalPoints: number;
  lines: QuoteLine[];
}

export function baseRateId(currency: string): string {
  return `base:${currency}`;
}

export function describeRate(rate: EarnRate): string {
  return `${rate.points} ${rate.points === 1 ? 'point' : 'points'} per ${formatMoney(rate.perAmount, rate.currency)}`;
}

/**
 * What an order earns: the base rate on the order total, rounded down to whole points, and the
 * tier multiplier's bonus on those base points. No rate for
 * the order's currency earns nothing. Pure: the same order and rates always give the same quote.
 */
export function quoteOrder(order: QuoteOrder, rate: EarnRate | undefined): Quote {
  if (!rate || rate.currency !== order.currency) return { totalPoints: 0, lines: [] };
  const total = order.lines.reduce((sum, line) => sum + BigInt(line.quantity) * BigInt(line.unitPrice), 0n);
  const exact = (total * BigInt(rate.points)) / BigInt(rate.perAmount);
  if (exact > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new QuoteError(QuoteErrorKind.QuoteTooLarge, 'This order would earn more points than can be recorded');
  }
  const points = Number(exact);
  if (points === 0) return { totalPoints: 0, lines: [] };
  const lines: QuoteLine[] = [
    {
      kind: QuoteLineKind.BASE,
      points,
      reason: `Base rate: ${describeRate(rate)} on ${formatMoney(Number(total), order.currency)}`,
      ruleId: baseRateId(rate.currency),
    },
  ];
  const tier = order.tier;
  if (tier && tier.multiplierPercent > 100) {
    // The multiplier applies to the base points; whole points, rounded down.
    const bonus = Math.floor((points * (tier.multiplierPercent - 100)) / 100);
    if (bonus > 0) {
      lines.push({
        kind: QuoteLineKind.BONUS,
        points: bonus,
        reason: `${tier.name} tier: ${tier.multiplierPercent / 100}× points`,
        ruleId: `tier:${tier.name}`,
      });
    }
  }
  const totalPoints = lines.reduce((sum, line) => sum + line.points, 0);
  if (!Number.isSafeInteger(totalPoints)) {
    throw new QuoteError(QuoteErrorKind.QuoteTooLarge, 'This order would earn more points than can be recorded');
  }
  return { totalPoints, lines };
}
