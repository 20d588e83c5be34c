export interface NpsSummary {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** Percent promoters minus percent detractors, -100 to 100, rounded; null without responses. */
  score: number | null;
}

/** Net Promoter Score: 9-10 promote, 7-8 are passive, 0-6 detract. */
export function npsOf(scores: readonly number[]): NpsSummary {
  return npsOfCounts({
    responses: scores.length,
    promoters: scores.filter((score) => score >= 9).length,
    detractors: scores.filter((score) => score <= 6).length,
  });
}

/** The same from counts already made (by SQL, say). */
export function npsOfCounts({
  responses,
  promoters,
  detractors,
}: Pick<NpsSummary, 'responses' | 'promoters' | 'detractors'>): NpsSummary {
  return {
    responses,
    promoters,
    passives: responses - promoters - detractors,
    detractors,
    score: responses === 0 ? null : Math.round(((promoters - detractors) * 100) / responses),
  };
}
