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
  const promoters = scores.filter((score) => score >= 9).length;
  const detractors = scores.filter((score) => score <= 6).length;
  const responses = scores.length;
  return {
    responses,
    promoters,
    passives: responses - promoters - detractors,
    detractors,
    score: responses === 0 ? null : Math.round(((promoters - detractors) * 100) / responses),
  };
}
