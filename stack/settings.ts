import { defineSettings, portSetting, textSetting } from '../runtime/config/settings';
import { defaultGatewayPort, defaultSubgraphPorts, type SubgraphName } from '../subgraphs/registry';

const subgraphPort = (name: SubgraphName) =>
  portSetting(`${name.toUpperCase()}_PORT`, {
    default: defaultSubgraphPorts[name],
    description: `port of the ${name} subgraph under \`npm start\``,
  });

/** What `npm start` reads besides every service's own settings. */
export const stackSettings = defineSettings({
  title: '`npm start` (the whole graph in one process)',
  services: ['stack'],
  settings: {
    gatewayPort: portSetting('GATEWAY_PORT', {
      default: defaultGatewayPort,
      description: 'port of the gateway under `npm start`',
    }),
    profilePort: subgraphPort('profile'),
    ledgerPort: subgraphPort('ledger'),
    rewardsPort: subgraphPort('rewards'),
    campaignPort: subgraphPort('campaign'),
    engagementPort: subgraphPort('engagement'),
    examplesPort: portSetting('EXAMPLES_PORT', {
      default: 4100,
      description: 'port of the example server: console, till and wallet (not started in production)',
    }),
    seedDemoData: textSetting('SEED_DEMO_DATA', {
      default: 'true',
      accepts: '`true` or `false`',
      description: 'seed demo members, rewards, earn rates, tiers and campaigns on start (idempotent)',
    }),
  },
});
