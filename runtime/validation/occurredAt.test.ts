import { maxClockSkewMs, occurredAtOf, type LatenessBound } from './occurredAt';

const now = new Date('2026-06-01T12:00:00Z');
const bound: LatenessBound = { maxLatenessDays: 7, setting: 'SOME_MAX_LATENESS_DAYS', clockOf: 'the service' };
class Refused extends Error {}
const refuse = (message: string) => new Refused(message);

describe('occurredAtOf (the shared lateness rule)', () => {
  it('is now when absent, and the given time within the lateness and the clock skew', () => {
    expect(occurredAtOf(undefined, now, bound, refuse)).toBe(now);
    const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
    expect(occurredAtOf(weekAgo, now, bound, refuse)).toBe(weekAgo);
    const fast = new Date(now.getTime() + maxClockSkewMs);
    expect(occurredAtOf(fast, now, bound, refuse)).toBe(fast);
  });

  it("refuses with the caller's error, naming its setting and its clock", () => {
    expect(() => occurredAtOf(new Date(now.getTime() - 7 * 86_400_000 - 1), now, bound, refuse)).toThrow(
      /more than 7 days ago \(SOME_MAX_LATENESS_DAYS\)/,
    );
    expect(() => occurredAtOf(new Date(now.getTime() + maxClockSkewMs + 1), now, bound, refuse)).toThrow(
      /in the future \(the service's clock says/,
    );
    expect(() => occurredAtOf(new Date(NaN), now, bound, refuse)).toThrow(Refused);
  });
});
