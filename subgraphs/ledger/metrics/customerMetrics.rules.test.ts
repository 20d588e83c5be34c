import { ChurnRisk, customerMetrics, type OrderTotals } from './customerMetrics.rules';

const now = new Date('2026-06-30T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
const totals = (overrides: Partial<OrderTotals>): OrderTotals => ({
  currency: 'EUR',
  orders: 1,
  gross: 1000,
  refunded: 0,
  firstAt: daysAgo(10),
  lastAt: daysAgo(10),
  channels: ['ONLINE'],
  ...overrides,
});

describe("a member's metrics", () => {
  it('are empty before the first purchase', () => {
    expect(customerMetrics([], now, 90)).toEqual({
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
    });
  });

  it('count money in the currency of most orders, and habits across all of them', () => {
    const metrics = customerMetrics(
      [
        totals({
          currency: 'GBP',
          orders: 1,
          gross: 5000,
          firstAt: daysAgo(100),
          lastAt: daysAgo(100),
          channels: ['MOBILE_APP'],
        }),
        totals({
          orders: 3,
          gross: 10_000,
          refunded: 2000,
          firstAt: daysAgo(60),
          lastAt: daysAgo(10),
          channels: ['ONLINE', 'IN_STORE'],
        }),
      ],
      now,
      90,
    );
    // 4 purchases over 100 days: 0.04 a day, 1.2 per 30 days; €80.00 net over 3 EUR orders.
    expect(metrics).toEqual({
      purchases: 4,
      currency: 'EUR',
      netSpend: 8000,
      averageOrderValue: 2667,
      historicClv: 8000,
      // 2667 × 0.04 × 365 × 1 (bought 10 days ago: LOW risk)
      predictedNext12Months: 38_938,
      predictedClv: 46_938,
      purchaseFrequency: 1.2,
      firstPurchaseAt: daysAgo(100),
      lastPurchaseAt: daysAgo(10),
      daysSinceLastPurchase: 10,
      channels: ['IN_STORE', 'MOBILE_APP', 'ONLINE'],
      churnRisk: ChurnRisk.LOW,
    });
  });

  it('rate churn risk by the days since the last purchase against the churn window', () => {
    const at = (days: number) =>
      customerMetrics([totals({ orders: 2, gross: 6000, firstAt: daysAgo(120), lastAt: daysAgo(days) })], now, 90);
    expect([44, 45, 89, 90, 200].map((days) => at(days).churnRisk)).toEqual([
      ChurnRisk.LOW,
      ChurnRisk.MEDIUM,
      ChurnRisk.MEDIUM,
      ChurnRisk.HIGH,
      ChurnRisk.HIGH,
    ]);
    // 2 purchases over 120 days at €30.00: 3000 × 2/120 × 365 = 18,250 a year, halved at MEDIUM risk.
    expect(at(44).predictedNext12Months).toBe(18_250);
    expect(at(45).predictedNext12Months).toBe(9125);
    expect(at(90).predictedNext12Months).toBe(0);
    expect(at(90).predictedClv).toBe(6000);
  });

  it('count a new member’s frequency over at least 30 days', () => {
    const metrics = customerMetrics([totals({ firstAt: daysAgo(5), lastAt: daysAgo(5) })], now, 90);
    expect(metrics.purchaseFrequency).toBe(1);
    expect(metrics.daysSinceLastPurchase).toBe(5);
  });
});
