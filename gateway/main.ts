import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { envPort, envString, envUrl } from '../runtime/config/env';
import { readCommonConfig } from '../runtime/config/serviceConfig';
import { runMain } from '../runtime/server/runMain';
import { defaultGatewayPort, defaultSubgraphUrl, subgraphNames } from '../subgraphs/registry';
import { readSupergraphSdl } from './composition/generateSchemaFiles';
import { readGatewaySettings } from './gatewayConfig';
import { startGateway } from '.';

/** The gateway as its own process: `<NAME>_URL` points at each subgraph (default localhost:400N). */
runMain(async () => {
  const env = process.env;
  const common = readCommonConfig(env);
  const supergraphPath = envString(env, 'SUPERGRAPH_PATH');
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
    shutdownDelayMs: common.shutdownDelayMs,
    ...readGatewaySettings(env, common.logger),
  });
}, 'gateway');
