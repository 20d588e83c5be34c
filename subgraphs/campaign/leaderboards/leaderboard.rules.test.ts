import fc from 'fast-check';
import {
  defaultDisplayName,
  displayNameProblem,
  leaderboardWindow,
  LeaderboardPeriod,
  normalizeDisplayName,
} from './leaderboard.rules';

const ada = { givenName: 'Ada', familyName: 'Lovelace' };

describe('leaderboard rules', () => {
  describe('displayNameProblem', () => {
    it.each(['Ada L.', 'SpeedyShopper', "D'Arcy", 'Jean-Luc 42', 'Zoë_B', '李小龙'])('accepts %s', (name) => {
      expect(displayNameProblem(name, ada)).toBeNull();
    });

    it.each<[string, string]>([
      ['A', 'characters'],
      ['x'.repeat(25), 'characters'],
      ['ada@example.com', 'letters, digits'],
      ['+49 151 1234', 'letters, digits'],
      ['Call 01511234567', 'digits'],
      ['<script>', 'letters, digits'],
      [' Ada', 'letters, digits'],
      ['Ada Lovelace', 'full name'],
      ['lovelace ada', 'full name'],
      ['Ada.Lovelace', 'full name'],
    ])('refuses %s', (name, why) => {
      expect(displayNameProblem(name, ada)).toContain(why);
    });

    it('allows the given name alone or with another word', () => {
      expect(displayNameProblem('Ada Rocks', ada)).toBeNull();
    });
  });

  describe('defaultDisplayName', () => {
    it('is the first given name and the family initial', () => {
      expect(defaultDisplayName(ada)).toBe('Ada L.');
      expect(defaultDisplayName({ givenName: 'Mary Ann', familyName: 'évora' })).toBe('Mary É.');
      expect(defaultDisplayName({ givenName: 'Oli', familyName: null })).toBe('Oli');
      expect(defaultDisplayName({ givenName: '  ', familyName: 'Smith' })).toBe('Member');
      expect(defaultDisplayName(null)).toBe('Member');
    });

    it('is always a valid display name that is not the full name', () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 40 }), fc.option(fc.string({ maxLength: 40 })), (givenName, familyName) => {
          const person = { givenName, familyName };
          const name = defaultDisplayName(person);
          expect(displayNameProblem(name, null)).toBeNull();
          expect(normalizeDisplayName(name)).toBe(name);
        }),
      );
    });
  });

  describe('leaderboardWindow', () => {
    it('is the calendar week from Monday in the program time zone', () => {
      // Sunday 1 March 2026 23:30 UTC is Monday 00:30 in Paris.
      const window = leaderboardWindow(LeaderboardPeriod.WEEK, new Date('2026-03-01T23:30:00Z'), 'Europe/Paris');
      expect(window.from.toISOString()).toBe('2026-03-01T23:00:00.000Z');
      expect(window.to.toISOString()).toBe('2026-03-08T23:00:00.000Z');
    });

    it('is the calendar month, an hour shorter when clocks spring forward', () => {
      const window = leaderboardWindow(LeaderboardPeriod.MONTH, new Date('2026-03-15T12:00:00Z'), 'Europe/Paris');
      expect(window.from.toISOString()).toBe('2026-02-28T23:00:00.000Z');
      expect(window.to.toISOString()).toBe('2026-03-31T22:00:00.000Z');
      const utc = leaderboardWindow(LeaderboardPeriod.MONTH, new Date('2026-02-10T00:00:00Z'), 'UTC');
      expect([utc.from.toISOString(), utc.to.toISOString()]).toEqual([
        '2026-02-01T00:00:00.000Z',
        '2026-03-01T00:00:00.000Z',
      ]);
    });

    it('contains the instant asked, and the next window starts where it ends', () => {
      fc.assert(
        fc.property(
          fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }),
          fc.constantFrom(LeaderboardPeriod.WEEK, LeaderboardPeriod.MONTH),
          fc.constantFrom('Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'UTC'),
          (at, period, timeZone) => {
            const { from, to } = leaderboardWindow(period, at, timeZone);
            expect(from.getTime()).toBeLessThanOrEqual(at.getTime());
            expect(at.getTime()).toBeLessThan(to.getTime());
            expect(leaderboardWindow(period, to, timeZone).from.getTime()).toBe(to.getTime());
          },
        ),
      );
    });
  });
});
