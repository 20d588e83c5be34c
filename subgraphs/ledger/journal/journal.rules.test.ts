import fc from 'fast-check';
import { EntryKind, InsufficientPointsError, postEntries, SourceType, type EntryDraft } from './journal.rules';

const draft = (kind: EntryKind, points: number): EntryDraft => ({
  kind,
  points,
  reason: 'test',
  sourceType: SourceType.ORDER,
  sourceId: 'o-1',
});

const anyDraft = fc
  .tuple(fc.constantFrom(...Object.values(EntryKind)), fc.integer({ min: -10_000, max: 10_000 }))
  .map(([kind, points]) => draft(kind, points));

describe('journal rules', () => {
  it('records the running balance on every entry', () => {
    const posting = postEntries(10, [
      draft(EntryKind.EARN, 5),
      draft(EntryKind.REDEEM, -12),
      draft(EntryKind.BONUS, 3),
    ]);
    expect(posting.entries.map((entry) => entry.balanceAfter)).toEqual([15, 3, 6]);
    expect(posting.balance).toBe(6);
    expect(posting.earned).toBe(8);
  });

  it('refuses a debit larger than the balance and says how large both were', () => {
    expect(() => postEntries(4, [draft(EntryKind.REDEEM, -5)])).toThrow(InsufficientPointsError);
    try {
      postEntries(4, [draft(EntryKind.REDEEM, -5)]);
    } catch (error) {
      expect(error).toMatchObject({ balance: 4, requested: 5 });
    }
  });

  it('keeps balance = start + sum(entries) and never goes below zero (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(anyDraft, { maxLength: 50 }), (start, drafts) => {
        let posting;
        try {
          posting = postEntries(start, drafts);
        } catch (error) {
          expect(error).toBeInstanceOf(InsufficientPointsError);
          // Some prefix of the entries really does go below zero.
          let running = start;
          expect(drafts.some((d) => (running += d.points) < 0)).toBe(true);
          return;
        }
        expect(posting.balance).toBe(start + drafts.reduce((sum, d) => sum + d.points, 0));
        for (const entry of posting.entries) expect(entry.balanceAfter).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
