/** A range entity as the gateway hands it to a subgraph (ProgramMetrics's key): dates as strings. */
export interface RangeReference {
  from: string;
  to: string;
  currency: string;
}

/**
 * `__resolveReference` for an entity keyed by a range of time and a currency, which the subgraphs
 * that extend it compute from the range alone.
 */
export function resolveRangeReference(reference: RangeReference): { from: Date; to: Date; currency: string } {
  return { from: new Date(reference.from), to: new Date(reference.to), currency: reference.currency };
}
