import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { envInteger, envPort, envString, envUrl } from '../runtime/config/env';
import { readCommonConfig } from '../runtime/config/serviceConfig';
import { MemoryRateLimitStore, RedisRateLimitStore } from '../runtime/rateLimit/rateLimitStore';
import { runMain } from '../runtime/server/runMain';
import { defaultGatewayPort, defaultSubgraphUrl, subgraphNames } from '../subgraphs/registry';
import { readSupergraphSdl } from './composition/generateSchemaFiles';
import { readGatewayLimits } from './gatewayConfig';
import { startGateway } from '.';

/** The gateway as its own process: `<NAME>_URL` points at each subgraph (default localhost:400N). */
runMain(async () => {
  const env = process.env;
  const common = readCommonConfig(env);
  const supergraphPath = envString(env, 'SUPERGRAPH_PATH');
  const redisUrl = envUrl(env, 'REDIS_URL');
  return startGateway({
    supergraphSdl: supergraphPath ? readFileSync(supergraphPath, 'utf8') : readSupergraphSdl(),
    subgraphUrls: Object.fromEntries(
      subgraphNames.map((name) => [name, envUrl(env, `${name.toUpperCase()}_URL`, defaultSubgraphUrl(name))!]),
    ),
    auth: common.auth,
    host: common.host,
    port: envPort(env, 'PORT', defaultGatewayPort),
    logger: common.logger,
    limits: common.limits,
    introspection: !common.production,
    rateLimitStore: redisUrl ? new RedisRateLimitStore(redisUrl, common.logger) : new MemoryRateLimitStore(),
    ...readGatewayLimits(env),
    maxSubscriptionsPerConnection: envInteger(env, 'MAX_SUBSCRIPTIONS_PER_CONNECTION', 20, { min: 1, max: 1000 }),
  });
});
