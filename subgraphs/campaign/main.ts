import 'reflect-metadata';
import { envInteger, envRequired } from '../../runtime/config/env';
import { runSubgraphMain } from '../../runtime/server/runSubgraphMain';
import { defaultSubgraphPorts } from '../registry';
import { readProgramSettings } from './program/programSettings';
import { defaultHistoryIntervalMs } from './segments/purchaseHistory';
import { startCampaignSubgraph } from '.';

runSubgraphMain('campaign', defaultSubgraphPorts.campaign, (options, env) =>
  startCampaignSubgraph({
    ...options,
    profileUrl: envRequired(env, 'PROFILE_URL'),
    ledgerUrl: envRequired(env, 'LEDGER_URL'),
    program: readProgramSettings(env),
    historyIntervalMs: readHistoryInterval(env),
  }),
);

function readHistoryInterval(env: NodeJS.ProcessEnv): number {
  return envInteger(env, 'PURCHASE_HISTORY_INTERVAL_MS', defaultHistoryIntervalMs, { min: 0, max: 3_600_000 });
}
