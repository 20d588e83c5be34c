export interface BackoffPolicy {
  /** The wait after the first failed attempt; each further failure doubles it. */
  baseMs: number;
  /** The longest wait. Default an hour. */
  maxMs?: number;
}

export const maxBackoffMs = 3_600_000;

/**
 * How long to wait after the `failedAttempts`-th failed attempt: `baseMs`, doubling each time, at
 * most `maxMs`, plus up to 10% jitter (`random` in [0, 1)) so attempts that failed together do not
 * all retry in the same instant (webhook endpoints, notification providers).
 */
export function retryDelayMs(failedAttempts: number, policy: BackoffPolicy, random = 0): number {
  const maxMs = policy.maxMs ?? maxBackoffMs;
  const exponent = Math.min(Math.max(failedAttempts, 1) - 1, 40);
  const delay = Math.min(policy.baseMs * 2 ** exponent, maxMs);
  return Math.min(Math.round(delay * (1 + 0.1 * random)), maxMs);
}
