import { CapPeriod } from '../campaigns/campaign.rules';
import { periodStart } from '../limits/usage.rules';

/** The calendar periods leaderboards rank over, in the program's time zone (weeks start on Monday). */
export enum LeaderboardPeriod {
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}

export interface PersonName {
  givenName: string;
  familyName: string | null;
}

export const displayNameLimits = { min: 2, max: 24, maxDigits: 4 } as const;

/** Letters and digits, with single spaces, dots, apostrophes, hyphens and underscores between them. */
const allowed = /^[\p{L}\p{N}](?:[\p{L}\p{N} .'_-]*[\p{L}\p{N}.])?$/u;
const wordsOf = (text: string): string[] =>
  text
    .toLocaleLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');

/** A display name as stored: trimmed, with runs of spaces made one. */
export const normalizeDisplayName = (name: string): string => name.trim().replace(/\s+/g, ' ');

/**
 * Null when a chosen display name is safe to show other members, else why not. It must not be an
 * email address (no @), a phone or card number (at most four digits) or the member's full name.
 */
export function displayNameProblem(name: string, person: PersonName | null): string | null {
  const { min, max, maxDigits } = displayNameLimits;
  if (name.length < min || name.length > max) return `displayName must be ${min} to ${max} characters`;
  if (!allowed.test(name))
    return "displayName may hold letters, digits, spaces and . ' - _ only, starting with a letter or digit";
  if ((name.match(/\p{N}/gu) ?? []).length > maxDigits) return `displayName may hold at most ${maxDigits} digits`;
  if (person?.familyName) {
    const words = new Set(wordsOf(name));
    const given = wordsOf(person.givenName);
    const family = wordsOf(person.familyName);
    if (given.length > 0 && family.length > 0 && [...given, ...family].every((word) => words.has(word)))
      return 'displayName must not be your full name: try your given name and an initial';
  }
  return null;
}

/**
 * The display name of a member who chose none: the first given name and the family name's initial
 * ("Ada L."), or "Member" when that would not be a valid display name.
 */
export function defaultDisplayName(person: PersonName | null): string {
  const given = (person?.givenName.match(/[\p{L}\p{N}'-]+/u)?.[0] ?? '').replace(/^['-]+|['-]+$/g, '');
  const initial = person?.familyName?.match(/\p{L}/u)?.[0]?.toLocaleUpperCase() ?? '';
  const first = given.slice(0, displayNameLimits.max - 3);
  const name = initial ? `${first} ${initial}.` : first;
  return first !== '' && displayNameProblem(name, null) === null ? name : 'Member';
}

/** The calendar period containing `at`: [from, to). */
export function leaderboardWindow(period: LeaderboardPeriod, at: Date, timeZone: string): { from: Date; to: Date } {
  const cap = period === LeaderboardPeriod.WEEK ? CapPeriod.WEEK : CapPeriod.MONTH;
  const from = periodStart(cap, at, timeZone)!;
  // Well inside the next period, whatever daylight saving did to this one's length.
  const probe = new Date(from.getTime() + (period === LeaderboardPeriod.WEEK ? 7.5 : 32) * 86_400_000);
  return { from, to: periodStart(cap, probe, timeZone)! };
}
