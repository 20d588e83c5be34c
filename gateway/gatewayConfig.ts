import { envInteger, envString } from '../runtime/config/env';
import type { RateLimits } from './limits/rateLimitPlugin';
import { defaultRateLimits } from './limits/rateLimitPlugin';

type Env = Record<string, string | undefined>;

/**
 * The gateway's own settings: `RATE_LIMIT_MUTATIONS_PER_TOKEN`, `RATE_LIMIT_MUTATIONS_PER_IP`,
 * `RATE_LIMIT_WINDOW_SECONDS`, `BODY_LIMIT` (e.g. 1mb) and `TRUST_PROXY` (true behind a proxy that
 * sets X-Forwarded-For).
 */
export function readGatewayLimits(env: Env): { rateLimits: RateLimits; bodyLimit: string; trustProxy: boolean } {
  const bodyLimit = envString(env, 'BODY_LIMIT', '1mb')!;
  return {
    rateLimits: {
      mutationsPerToken: envInteger(env, 'RATE_LIMIT_MUTATIONS_PER_TOKEN', defaultRateLimits.mutationsPerToken, {
        min: 1,
        max: 1_000_000,
      }),
      mutationsPerIp: envInteger(env, 'RATE_LIMIT_MUTATIONS_PER_IP', defaultRateLimits.mutationsPerIp, {
        min: 1,
        max: 1_000_000,
      }),
      windowMs:
        envInteger(env, 'RATE_LIMIT_WINDOW_SECONDS', defaultRateLimits.windowMs / 1000, { min: 1, max: 3600 }) * 1000,
    },
    bodyLimit,
    trustProxy: envString(env, 'TRUST_PROXY', 'false') === 'true',
  };
}
