import { campaignPerformance } from './performance.rules';

describe('campaignPerformance', () => {
  it('takes the spend per member above the holdout, times the treated members, against the cost', () => {
    // 90 treated members spent €45.00 each, 10 held out €30.00: €15.00 × 90 caused; 5,000 points at 2 cents.
    expect(
      campaignPerformance({
        treatment: { members: 90, buyers: 60, spend: 405_000 },
        holdout: { members: 10, buyers: 5, spend: 30_000 },
        pointsGranted: 5_000,
        pointCost: 2,
      }),
    ).toEqual({
      treatmentSpendPerMember: 4500,
      holdoutSpendPerMember: 3000,
      incrementalSpend: 135_000,
      cost: 10_000,
      roi: 12.5,
    });
  });

  it('says a campaign that cost more than it caused lost money', () => {
    const view = campaignPerformance({
      treatment: { members: 10, buyers: 2, spend: 10_000 },
      holdout: { members: 10, buyers: 3, spend: 12_000 },
      pointsGranted: 1_000,
      pointCost: 1,
    });
    expect(view).toMatchObject({ incrementalSpend: -2_000, cost: 1_000, roi: -3 });
  });

  it('leaves incremental spend and ROI empty without a holdout member or a cost', () => {
    const noHoldout = campaignPerformance({
      treatment: { members: 4, buyers: 4, spend: 4_000 },
      holdout: { members: 0, buyers: 0, spend: 0 },
      pointsGranted: 400,
      pointCost: 1,
    });
    expect(noHoldout).toEqual({
      treatmentSpendPerMember: 1000,
      holdoutSpendPerMember: null,
      incrementalSpend: null,
      cost: 400,
      roi: null,
    });
    const free = campaignPerformance({
      treatment: { members: 4, buyers: 4, spend: 4_000 },
      holdout: { members: 4, buyers: 1, spend: 1_000 },
      pointsGranted: 400,
      pointCost: 0,
    });
    expect(free).toMatchObject({ incrementalSpend: 3_000, cost: 0, roi: null });
  });
});
