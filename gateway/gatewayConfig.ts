import type { Logger } from '../runtime/logging/logger';
import { MemoryRateLimitStore, RedisRateLimitStore } from '../runtime/rateLimit/rateLimitStore';
import type { GatewayOptions } from './index';
import { gatewayOwnSettings } from './settings';
import { subgraphFetchers, type SubgraphFetcher } from './subgraphDataSource';

type Env = Record<string, string | undefined>;

export type GatewaySettings = Pick<
  GatewayOptions,
  | 'rateLimits'
  | 'rateLimitStore'
  | 'bodyLimit'
  | 'importBatchRecords'
  | 'importBatchesInFlight'
  | 'trustProxy'
  | 'maxSubscriptionsPerConnection'
  | 'subscriptionResumeWindowMs'
  | 'subgraphFetcher'
>;

/**
 * The gateway's own settings, the same whether it runs alone or in `npm start`:
 * `RATE_LIMIT_MUTATIONS_PER_TOKEN`, `RATE_LIMIT_MUTATIONS_PER_IP`, `RATE_LIMIT_WINDOW_SECONDS`,
 * `REDIS_URL` (rate limits shared between instances), `BODY_LIMIT` (e.g. 1mb), `IMPORT_BATCH_RECORDS`, `IMPORT_BATCHES_IN_FLIGHT`,
 * `MAX_SUBSCRIPTIONS_PER_CONNECTION`, `SUBSCRIPTION_RESUME_WINDOW_MS` and `TRUST_PROXY` (true behind a proxy that appends
 * X-Forwarded-For), `SUBGRAPH_CLIENT` (how subgraph requests are sent).
 */
export function readGatewaySettings(env: Env, logger: Logger): GatewaySettings {
  const { settings } = gatewayOwnSettings;
  const redisUrl = settings.redisUrl.read(env);
  return {
    rateLimitStore: redisUrl ? new RedisRateLimitStore(redisUrl, logger) : new MemoryRateLimitStore(),
    maxSubscriptionsPerConnection: settings.maxSubscriptionsPerConnection.read(env),
    subscriptionResumeWindowMs: settings.subscriptionResumeWindowMs.read(env),
    rateLimits: {
      mutationsPerToken: settings.rateLimitPerToken.read(env),
      mutationsPerIp: settings.rateLimitPerIp.read(env),
      windowMs: settings.rateLimitWindowSeconds.read(env) * 1000,
    },
    bodyLimit: settings.bodyLimit.read(env),
    importBatchRecords: settings.importBatchRecords.read(env),
    importBatchesInFlight: settings.importBatchesInFlight.read(env),
    trustProxy: settings.trustProxy.read(env) === 'true',
    subgraphFetcher: readSubgraphFetcher(settings.subgraphClient.read(env)),
  };
}

function readSubgraphFetcher(value: string): SubgraphFetcher {
  if ((subgraphFetchers as readonly string[]).includes(value)) return value as SubgraphFetcher;
  throw new Error(`SUBGRAPH_CLIENT must be one of ${subgraphFetchers.join(', ')}, not ${value}`);
}
