import { LedgerError } from '../errors';
import { maxClockSkewMs, occurredAtOf } from './occurredAt';

const now = new Date('2026-06-01T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

describe('occurredAtOf', () => {
  it('is now when absent, and the given time within the lateness and the clock skew', () => {
    expect(occurredAtOf(undefined, now, 30)).toBe(now);
    expect(occurredAtOf(null, now, 30)).toBe(now);
    expect(occurredAtOf(daysAgo(30), now, 30)).toEqual(daysAgo(30));
    expect(occurredAtOf(new Date(now.getTime() + maxClockSkewMs), now, 30).getTime()).toBe(
      now.getTime() + maxClockSkewMs,
    );
  });

  it('refuses older than the lateness, later than the skew, or not a time, naming occurredAt', () => {
    for (const given of [
      new Date(daysAgo(30).getTime() - 1),
      new Date(now.getTime() + maxClockSkewMs + 1),
      new Date(NaN),
    ]) {
      expect(() => occurredAtOf(given, now, 30)).toThrow(LedgerError);
      try {
        occurredAtOf(given, now, 30);
      } catch (error) {
        expect((error as LedgerError).details).toEqual({ argument: 'occurredAt' });
      }
    }
    expect(() => occurredAtOf(daysAgo(0.001), now, 0)).toThrow(/more than 0 days ago/);
  });
});
