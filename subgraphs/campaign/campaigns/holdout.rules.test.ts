import { holdoutBucket, inHoldout } from './holdout.rules';

const memberId = (n: number): string => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;
const members = Array.from({ length: 10_000 }, (_, n) => memberId(n));
const campaignA = { id: '11111111-1111-4111-8111-111111111111', holdoutPercent: 20 };
const campaignB = { id: '22222222-2222-4222-8222-222222222222', holdoutPercent: 20 };

describe('holdout', () => {
  it('puts a member in the same bucket, 0 to 99, every time', () => {
    for (const id of members.slice(0, 100)) {
      const bucket = holdoutBucket(campaignA.id, id);
      expect(bucket).toBeGreaterThanOrEqual(0);
      expect(bucket).toBeLessThan(100);
      expect(holdoutBucket(campaignA.id, id)).toBe(bucket);
    }
  });

  it('holds out about the share asked for', () => {
    const held = members.filter((id) => inHoldout(campaignA, id)).length;
    expect(held / members.length).toBeGreaterThan(0.18);
    expect(held / members.length).toBeLessThan(0.22);
  });

  it('draws each campaign apart, so nobody is always held out', () => {
    const both = members.filter((id) => inHoldout(campaignA, id) && inHoldout(campaignB, id)).length;
    // Independent draws of 20% and 20% overlap on about 4%.
    expect(both / members.length).toBeGreaterThan(0.03);
    expect(both / members.length).toBeLessThan(0.05);
  });

  it('holds nobody out of a campaign without a holdout', () => {
    expect(members.some((id) => inHoldout({ ...campaignA, holdoutPercent: 0 }, id))).toBe(false);
  });
});
