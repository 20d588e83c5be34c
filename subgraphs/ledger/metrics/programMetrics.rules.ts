/** A day range's figures, as the store folds them from the daily aggregates. */
export interface GroupFigures {
  key: string;
  activeMembers: number;
  purchases: number;
  netSpend: number;
}

export interface RangeFigures {
  activeMembers: number;
  purchases: number;
  netSpend: number;
  multiChannelMembers: number;
  multiChannelNetSpend: number;
  singleChannelNetSpend: number;
  pointsByKind: Record<string, number>;
  pointsOutstanding: number;
  byChannel: GroupFigures[];
  byStore: GroupFigures[];
  byTier: GroupFigures[];
  /** Members who bought in the `churnAfterDays` before `from`, and those of them with no purchase in the range. */
  churnBase: number;
  churnedMembers: number;
  /** The active members' whole history up to `to`: net spend, and how many ever bought in two channels. */
  lifetime: {
    members: number;
    clv: number;
    multiChannelMembers: number;
    multiChannelClv: number;
    singleChannelClv: number;
  };
  lastEventId: number;
}

export interface GroupMetricsView extends GroupFigures {
  averageOrderValue: number;
}

export interface ProgramMetricsView {
  activeMembers: number;
  purchases: number;
  netSpend: number;
  averageOrderValue: number;
  purchaseFrequency: number;
  multiChannelMembers: number;
  multiChannelShare: number;
  multiChannelAverageSpend: number;
  singleChannelAverageSpend: number;
  pointsIssued: number;
  pointsReversed: number;
  pointsRedeemed: number;
  pointsExpired: number;
  pointsOutstanding: number;
  redemptionRate: number;
  averageClv: number;
  multiChannelAverageClv: number;
  singleChannelAverageClv: number;
  churnBase: number;
  churnedMembers: number;
  churnRate: number;
  byChannel: GroupMetricsView[];
  byStore: GroupMetricsView[];
  byTier: GroupMetricsView[];
  lastEventId: number;
}

const ratio = (part: number, whole: number, digits: number) =>
  whole === 0 ? 0 : Math.round((part / whole) * 10 ** digits) / 10 ** digits;
const perItem = (total: number, count: number) => (count === 0 ? 0 : Math.round(total / count));

/** The program's metrics from a range's aggregate figures; each definition is in the README. */
export function programMetrics(figures: RangeFigures): ProgramMetricsView {
  const points = (kind: string) => figures.pointsByKind[kind] ?? 0;
  const pointsIssued = points('EARN') + points('BONUS');
  const pointsRedeemed = -points('REDEEM');
  const singleChannelMembers = figures.activeMembers - figures.multiChannelMembers;
  const withAverage = (group: GroupFigures): GroupMetricsView => ({
    ...group,
    averageOrderValue: perItem(group.netSpend, group.purchases),
  });
  return {
    activeMembers: figures.activeMembers,
    purchases: figures.purchases,
    netSpend: figures.netSpend,
    averageOrderValue: perItem(figures.netSpend, figures.purchases),
    purchaseFrequency: ratio(figures.purchases, figures.activeMembers, 2),
    multiChannelMembers: figures.multiChannelMembers,
    multiChannelShare: ratio(figures.multiChannelMembers, figures.activeMembers, 4),
    multiChannelAverageSpend: perItem(figures.multiChannelNetSpend, figures.multiChannelMembers),
    singleChannelAverageSpend: perItem(figures.singleChannelNetSpend, singleChannelMembers),
    pointsIssued,
    pointsReversed: -points('REVERSE'),
    pointsRedeemed,
    pointsExpired: -points('EXPIRE'),
    pointsOutstanding: figures.pointsOutstanding,
    redemptionRate: ratio(pointsRedeemed, pointsIssued, 4),
    averageClv: perItem(figures.lifetime.clv, figures.lifetime.members),
    multiChannelAverageClv: perItem(figures.lifetime.multiChannelClv, figures.lifetime.multiChannelMembers),
    singleChannelAverageClv: perItem(
      figures.lifetime.singleChannelClv,
      figures.lifetime.members - figures.lifetime.multiChannelMembers,
    ),
    churnBase: figures.churnBase,
    churnedMembers: figures.churnedMembers,
    churnRate: ratio(figures.churnedMembers, figures.churnBase, 4),
    byChannel: figures.byChannel.map(withAverage),
    byStore: figures.byStore.map(withAverage),
    byTier: figures.byTier.map(withAverage),
    lastEventId: figures.lastEventId,
  };
}
