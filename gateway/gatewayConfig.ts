import { envInteger, envString, envUrl } from '../runtime/config/env';
import type { Logger } from '../runtime/logging/logger';
import { MemoryRateLimitStore, RedisRateLimitStore } from '../runtime/rateLimit/rateLimitStore';
import type { GatewayOptions } from './index';
import { defaultRateLimits } from './limits/rateLimitPlugin';

type Env = Record<string, string | undefined>;

export type GatewaySettings = Pick<
  GatewayOptions,
  | 'rateLimits'
  | 'rateLimitStore'
  | 'bodyLimit'
  | 'trustProxy'
  | 'maxSubscriptionsPerConnection'
  | 'subscriptionResumeWindowMs'
>;

/**
 * The gateway's own settings, the same whether it runs alone or in `npm start`:
 * `RATE_LIMIT_MUTATIONS_PER_TOKEN`, `RATE_LIMIT_MUTATIONS_PER_IP`, `RATE_LIMIT_WINDOW_SECONDS`,
 * `REDIS_URL` (rate limits shared between instances), `BODY_LIMIT` (e.g. 1mb),
 * `MAX_SUBSCRIPTIONS_PER_CONNECTION`, `SUBSCRIPTION_RESUME_WINDOW_MS` and `TRUST_PROXY` (true behind a proxy that appends
 * X-Forwarded-For).
 */
export function readGatewaySettings(env: Env, logger: Logger): GatewaySettings {
  const bodyLimit = envString(env, 'BODY_LIMIT', '1mb')!;
  const redisUrl = envUrl(env, 'REDIS_URL');
  return {
    rateLimitStore: redisUrl ? new RedisRateLimitStore(redisUrl, logger) : new MemoryRateLimitStore(),
    maxSubscriptionsPerConnection: envInteger(env, 'MAX_SUBSCRIPTIONS_PER_CONNECTION', 20, { min: 1, max: 1000 }),
    subscriptionResumeWindowMs: envInteger(env, 'SUBSCRIPTION_RESUME_WINDOW_MS', 30_000, { min: 0, max: 600_000 }),
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
