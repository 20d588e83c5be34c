import { defineSettings, integerSetting, textSetting, urlSetting } from '../runtime/config/settings';
import { defaultSubgraphUrl, type SubgraphName } from '../subgraphs/registry';
import { defaultRateLimits } from './limits/rateLimitPlugin';

const subgraphUrl = (name: SubgraphName) =>
  urlSetting(`${name.toUpperCase()}_URL`, {
    default: defaultSubgraphUrl(name),
    description: `where the gateway run alone finds the ${name} subgraph`,
  });

/** The gateway's own settings, the same whether it runs alone or in `npm start` (except the URLs). */
export const gatewayOwnSettings = defineSettings({
  title: 'Gateway',
  services: ['gateway', 'stack'],
  settings: {
    rateLimitPerToken: integerSetting('RATE_LIMIT_MUTATIONS_PER_TOKEN', {
      default: defaultRateLimits.mutationsPerToken,
      min: 1,
      max: 1_000_000,
      description: 'mutations per token per window (each mutation field counts)',
    }),
    rateLimitPerIp: integerSetting('RATE_LIMIT_MUTATIONS_PER_IP', {
      default: defaultRateLimits.mutationsPerIp,
      min: 1,
      max: 1_000_000,
      description: 'mutations per client address per window',
    }),
    rateLimitWindowSeconds: integerSetting('RATE_LIMIT_WINDOW_SECONDS', {
      default: defaultRateLimits.windowMs / 1000,
      min: 1,
      max: 3600,
      description: 'the rate limit window',
    }),
    redisUrl: urlSetting('REDIS_URL', {
      description:
        'a Redis server that shares rate limits between gateway instances; unset, each counts in memory (if Redis does not answer, the check is skipped)',
    }),
    importBatchRecords: integerSetting('IMPORT_BATCH_RECORDS', {
      default: 2000,
      min: 1,
      max: 20_000,
      description: 'records of an uploaded import file applied per transaction by the subgraph that owns them',
    }),
    importBatchesInFlight: integerSetting('IMPORT_BATCHES_IN_FLIGHT', {
      default: 2,
      min: 1,
      max: 8,
      description:
        'batches of an import file applied at once (a batch of orders holding a return waits for the batches before it)',
    }),
    bodyLimit: textSetting('BODY_LIMIT', {
      default: '1mb',
      accepts: 'a size such as `1mb` or `500kb`',
      description: 'the largest request body (`PAYLOAD_TOO_LARGE` over it)',
    }),
    maxSubscriptionsPerConnection: integerSetting('MAX_SUBSCRIPTIONS_PER_CONNECTION', {
      default: 20,
      min: 1,
      max: 1000,
      description: 'operations at once on one client WebSocket connection',
    }),
    subscriptionResumeWindowMs: integerSetting('SUBSCRIPTION_RESUME_WINDOW_MS', {
      default: 30_000,
      min: 0,
      max: 600_000,
      description:
        'how long the gateway keeps reopening a subscription whose subgraph went away before it ends the client stream with `SERVICE_UNAVAILABLE`',
    }),
    trustProxy: textSetting('TRUST_PROXY', {
      default: 'false',
      accepts: '`true` or `false`',
      description:
        '`true` behind a proxy that appends `X-Forwarded-For` (the rate limit then counts the client address)',
    }),
    subgraphClient: textSetting('SUBGRAPH_CLIENT', {
      default: 'keepalive',
      accepts: '`keepalive`, `apollo` or `node`',
      description:
        "how the gateway sends subgraph requests: node:http over kept-alive connections; `apollo` (@apollo/gateway's make-fetch-happen) and `node` (Node's fetch) stay for the benchmark's comparison",
    }),
    supergraphPath: textSetting('SUPERGRAPH_PATH', {
      defaultText: 'the committed `schema/supergraph.graphql`',
      description: 'a supergraph SDL file for the gateway run alone',
    }),
    profileUrl: subgraphUrl('profile'),
    ledgerUrl: subgraphUrl('ledger'),
    rewardsUrl: subgraphUrl('rewards'),
    campaignUrl: subgraphUrl('campaign'),
    engagementUrl: subgraphUrl('engagement'),
  },
});
