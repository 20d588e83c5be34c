/** A status level reached with enough qualifying points in the rolling window. */
export interface TierDefinition {
  name: string;
  /** Qualifying points needed; the first tier needs 0, each next tier more. */
  qualifyingPoints: number;
  /** Earning multiplier in percent the campaign engine applies (100 = no extra points). */
  multiplierPercent: number;
}

export interface TierProgram {
  /** Qualifying points count over this many months back from now. */
  windowMonths: number;
  /** Lowest first. */
  tiers: readonly TierDefinition[];
}

/** Why a tier program is not acceptable, or `undefined` when it is. */
export function tierProgramProblem(program: TierProgram): string | undefined {
  if (program.tiers.length === 0) return 'a tier program needs at least one tier';
  if (program.tiers[0]!.qualifyingPoints !== 0) return 'the first tier must need 0 qualifying points';
  const names = new Set<string>();
  for (const [index, tier] of program.tiers.entries()) {
    if (names.has(tier.name)) return `the tier name "${tier.name}" is used twice`;
    names.add(tier.name);
    const previous = program.tiers[index - 1];
    if (previous && tier.qualifyingPoints <= previous.qualifyingPoints) {
      return `"${tier.name}" must need more qualifying points than "${previous.name}"`;
    }
  }
  return undefined;
}

/** The position of the highest tier `qualifyingPoints` reach (0 is the first tier). */
export function tierRankFor(program: TierProgram, qualifyingPoints: number): number {
  let rank = 0;
  program.tiers.forEach((tier, index) => {
    if (qualifyingPoints >= tier.qualifyingPoints) rank = index;
  });
  return rank;
}

/** The rank of a stored tier name; an unknown or absent name is the first tier. */
export function rankOf(program: TierProgram, name: string | null): number {
  const index = name === null ? -1 : program.tiers.findIndex((tier) => tier.name === name);
  return Math.max(index, 0);
}

/**
 * The tier a member holds with this stored tier name, as the graph shows it and as their purchases
 * earn with it (its multiplier); null when no tier program is defined.
 */
export function currentTier(program: TierProgram | null, name: string | null): TierDefinition | null {
  return program ? program.tiers[rankOf(program, name)]! : null;
}

export type TierDecision =
  { change: 'NONE' } | { change: 'UP' | 'DOWN'; from: number; to: number } | { change: 'RENEW' };

/**
 * What happens to a member's tier. Upgrades happen at once, whenever the qualifying points reach a
 * higher tier. A lower tier takes effect only at the review date: then the member keeps what the
 * window's points still reach (RENEW when that is the current tier, DOWN otherwise).
 */
export function decideTier(
  program: TierProgram,
  current: string | null,
  qualifyingPoints: number,
  atReview: boolean,
): TierDecision {
  const from = rankOf(program, current);
  const reached = tierRankFor(program, qualifyingPoints);
  if (reached > from) return { change: 'UP', from, to: reached };
  if (!atReview) return { change: 'NONE' };
  if (reached < from) return { change: 'DOWN', from, to: reached };
  return { change: 'RENEW' };
}
