import { isCurrencyCode } from '../validation/validators';

/** A range entity as the gateway hands it to a subgraph (ProgramMetrics's key): dates as strings. */
export interface RangeReference {
  from: string;
  to: string;
  currency: string;
}

/** The longest range a subgraph computes figures for, as the ledger's programMetrics allows. */
export const maxRangeDays = 3660;

/**
 * `__resolveReference` for an entity keyed by a range of time and a currency, which the subgraphs
 * that extend it compute from the range alone. A representation the ledger would not have answered
 * (dates that do not parse, `from` not before `to`, a range too long, no ISO currency) resolves to
 * null rather than reaching SQL.
 */
export function resolveRangeReference(reference: RangeReference): { from: Date; to: Date; currency: string } | null {
  const from = new Date(reference.from);
  const to = new Date(reference.to);
  const days = (to.getTime() - from.getTime()) / 86_400_000;
  if (!(days > 0) || days > maxRangeDays || !isCurrencyCode(reference.currency)) return null;
  return { from, to, currency: reference.currency };
}
