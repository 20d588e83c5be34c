import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { commonSettings } from '../runtime/config/commonSettings';
import { readCommonConfig } from '../runtime/config/serviceConfig';
import { runMain } from '../runtime/server/runMain';
import { defaultGatewayPort } from '../subgraphs/registry';
import { readSupergraphSdl } from './composition/generateSchemaFiles';
import { readGatewaySettings } from './gatewayConfig';
import { gatewayOwnSettings } from './settings';
import { startGateway } from '.';

/** The gateway as its own process: `<NAME>_URL` points at each subgraph (default localhost:400N). */
runMain(async () => {
  const env = process.env;
  const common = readCommonConfig(env);
  const { settings } = gatewayOwnSettings;
  const supergraphPath = settings.supergraphPath.read(env);
  return startGateway({
    supergraphSdl: supergraphPath ? readFileSync(supergraphPath, 'utf8') : readSupergraphSdl(),
    subgraphUrls: {
      profile: settings.profileUrl.read(env),
      ledger: settings.ledgerUrl.read(env),
      rewards: settings.rewardsUrl.read(env),
      campaign: settings.campaignUrl.read(env),
      engagement: settings.engagementUrl.read(env),
    },
    auth: common.auth,
    host: common.host,
    port: commonSettings.settings.port.read(env, defaultGatewayPort),
    logger: common.logger,
    limits: common.limits,
    introspection: !common.production,
    shutdownDelayMs: common.shutdownDelayMs,
    ...readGatewaySettings(env, common.logger),
  });
}, 'gateway');
