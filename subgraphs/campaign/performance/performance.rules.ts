/** One side of a campaign's audience in a range: its members, and what they spent in it. */
export interface GroupSpend {
  members: number;
  /** Members with a purchase in the range. */
  buyers: number;
  /** Minor units, net of returns. */
  spend: number;
}

export interface PerformanceFigures {
  treatment: GroupSpend;
  holdout: GroupSpend;
  /** Points the campaign granted in the range, net of what returns took back. */
  pointsGranted: number;
  /** What one point costs the program, in minor units of the currency. */
  pointCost: number;
}

export interface PerformanceView {
  treatmentSpendPerMember: number;
  holdoutSpendPerMember: number | null;
  incrementalSpend: number | null;
  cost: number;
  roi: number | null;
}

const perMember = (group: GroupSpend): number => (group.members === 0 ? 0 : group.spend / group.members);

/**
 * Incremental spend is what the members who could get the campaign spent per head above its holdout
 * (drawn at random from the same audience), times their number: the spend the campaign caused.
 * Cost is the points it granted at `pointCost`; ROI is (incremental spend − cost) / cost. Without a
 * holdout member there is nothing to compare with, so both are null.
 */
export function campaignPerformance(figures: PerformanceFigures): PerformanceView {
  const { treatment, holdout } = figures;
  const cost = Math.round(figures.pointsGranted * figures.pointCost);
  const compared = holdout.members > 0;
  const incrementalSpend = compared
    ? Math.round((perMember(treatment) - perMember(holdout)) * treatment.members)
    : null;
  return {
    treatmentSpendPerMember: Math.round(perMember(treatment)),
    holdoutSpendPerMember: compared ? Math.round(perMember(holdout)) : null,
    incrementalSpend,
    cost,
    roi: incrementalSpend !== null && cost > 0 ? (incrementalSpend - cost) / cost : null,
  };
}
