/** A member's orders in one currency, as the ledger stores them. */
export interface OrderTotals {
  currency: string;
  orders: number;
  /** Minor units. */
  gross: number;
  /** Minor units refunded by returns of these orders. */
  refunded: number;
  firstAt: Date;
  lastAt: Date;
  channels: readonly string[];
}

export enum ChurnRisk {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
}

export interface CustomerMetricsView {
  purchases: number;
  /** The currency of most of the member's orders; the money figures are in it. */
  currency: string | null;
  netSpend: number;
  averageOrderValue: number;
  historicClv: number;
  predictedNext12Months: number;
  predictedClv: number;
  /** Purchases per 30 days since the first one (counted over at least 30 days). */
  purchaseFrequency: number;
  firstPurchaseAt: Date | null;
  lastPurchaseAt: Date | null;
  daysSinceLastPurchase: number | null;
  channels: string[];
  churnRisk: ChurnRisk | null;
}

const dayMs = 86_400_000;

/** How likely a member is still buying, by churn risk: the weight of their next 12 months. */
export const retentionByRisk: Record<ChurnRisk, number> = {
  [ChurnRisk.LOW]: 1,
  [ChurnRisk.MEDIUM]: 0.5,
  [ChurnRisk.HIGH]: 0,
};

/**
 * A member's value and habits from their orders at `now`. A member is at HIGH risk of churn (has
 * churned, by the program's definition) after `churnAfterDays` without a purchase, at MEDIUM risk
 * after half of it. The predicted value adds to what they spent what they would spend in the
 * next 12 months at their own pace (average order value × purchases a year), weighted by how
 * likely they are still buying (1, ½ or 0 by churn risk).
 */
export function customerMetrics(rows: readonly OrderTotals[], now: Date, churnAfterDays: number): CustomerMetricsView {
  if (rows.length === 0) {
    return {
      purchases: 0,
      currency: null,
      netSpend: 0,
      averageOrderValue: 0,
      historicClv: 0,
      predictedNext12Months: 0,
      predictedClv: 0,
      purchaseFrequency: 0,
      firstPurchaseAt: null,
      lastPurchaseAt: null,
      daysSinceLastPurchase: null,
      channels: [],
      churnRisk: null,
    };
  }
  const main = [...rows].sort((a, b) => b.orders - a.orders || b.gross - a.gross)[0]!;
  const purchases = rows.reduce((sum, row) => sum + row.orders, 0);
  const firstAt = new Date(Math.min(...rows.map((row) => row.firstAt.getTime())));
  const lastAt = new Date(Math.max(...rows.map((row) => row.lastAt.getTime())));
  const netSpend = main.gross - main.refunded;
  const averageOrderValue = Math.round(netSpend / main.orders);
  const activeDays = Math.max(30, (now.getTime() - firstAt.getTime()) / dayMs);
  const perDay = purchases / activeDays;
  const daysSinceLastPurchase = Math.max(0, Math.floor((now.getTime() - lastAt.getTime()) / dayMs));
  const churnRisk =
    daysSinceLastPurchase >= churnAfterDays
      ? ChurnRisk.HIGH
      : daysSinceLastPurchase >= churnAfterDays / 2
        ? ChurnRisk.MEDIUM
        : ChurnRisk.LOW;
  const predictedNext12Months = Math.round(averageOrderValue * perDay * 365 * retentionByRisk[churnRisk]);
  return {
    purchases,
    currency: main.currency,
    netSpend,
    averageOrderValue,
    historicClv: netSpend,
    predictedNext12Months,
    predictedClv: netSpend + predictedNext12Months,
    purchaseFrequency: Math.round(perDay * 30 * 100) / 100,
    firstPurchaseAt: firstAt,
    lastPurchaseAt: lastAt,
    daysSinceLastPurchase,
    channels: [...new Set(rows.flatMap((row) => row.channels))].sort(),
    churnRisk,
  };
}
