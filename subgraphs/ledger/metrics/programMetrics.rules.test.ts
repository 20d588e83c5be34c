import { programMetrics } from './programMetrics.rules';
import type { RangeFigures } from './programMetrics.rules';

const empty: RangeFigures = {
  activeMembers: 0,
  purchases: 0,
  netSpend: 0,
  multiChannelMembers: 0,
  multiChannelNetSpend: 0,
  singleChannelNetSpend: 0,
  pointsByKind: {},
  pointsOutstanding: 0,
  byChannel: [],
  byStore: [],
  byTier: [],
  churnBase: 0,
  churnedMembers: 0,
  lifetime: { members: 0, clv: 0, multiChannelMembers: 0, multiChannelClv: 0, singleChannelClv: 0 },
  lastEventId: 0,
};

describe('program metrics from aggregate figures', () => {
  it('are zero, not NaN, for a range without activity', () => {
    const metrics = programMetrics(empty);
    expect(Object.values(metrics).filter((value) => typeof value === 'number' && !Number.isFinite(value))).toEqual([]);
    expect(metrics).toMatchObject({
      averageOrderValue: 0,
      purchaseFrequency: 0,
      multiChannelShare: 0,
      redemptionRate: 0,
    });
  });

  it('turn posted points by kind into issued, reversed, redeemed and expired, and compare channel groups', () => {
    const metrics = programMetrics({
      ...empty,
      activeMembers: 3,
      purchases: 7,
      netSpend: 70_000,
      multiChannelMembers: 1,
      multiChannelNetSpend: 40_000,
      singleChannelNetSpend: 30_000,
      pointsByKind: { EARN: 600, BONUS: 100, REVERSE: -50, REDEEM: -210, EXPIRE: -40, ADJUST: 5 },
      pointsOutstanding: 405,
      churnBase: 8,
      churnedMembers: 2,
      // Their whole history: one has bought in two channels over time (€900.00), two in one (€300.00 together).
      lifetime: { members: 3, clv: 120_000, multiChannelMembers: 1, multiChannelClv: 90_000, singleChannelClv: 30_000 },
    });
    expect(metrics).toMatchObject({
      churnRate: 0.25,
      averageOrderValue: 10_000,
      purchaseFrequency: 2.33,
      multiChannelShare: 0.3333,
      multiChannelAverageSpend: 40_000,
      singleChannelAverageSpend: 15_000,
      pointsIssued: 700,
      pointsReversed: 50,
      pointsRedeemed: 210,
      pointsExpired: 40,
      redemptionRate: 0.3,
      pointsOutstanding: 405,
      averageClv: 40_000,
      multiChannelAverageClv: 90_000,
      singleChannelAverageClv: 15_000,
    });
  });
});
