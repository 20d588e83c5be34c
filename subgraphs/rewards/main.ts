import 'reflect-metadata';
import { envInteger, envRequired } from '../../runtime/config/env';
import { defaultMergeFollowIntervalMs } from '../../runtime/events/customerMerges';
import { runSubgraphMain } from '../../runtime/server/runSubgraphMain';
import { defaultSubgraphPorts } from '../registry';
import { startRewardsSubgraph } from '.';

runSubgraphMain('rewards', defaultSubgraphPorts.rewards, (options, env) =>
  startRewardsSubgraph({
    ...options,
    ledgerUrl: envRequired(env, 'LEDGER_URL'),
    profileUrl: envRequired(env, 'PROFILE_URL'),
    jobIntervalMs: envInteger(env, 'REWARDS_JOB_INTERVAL_MS', 60_000, { min: 0, max: 86_400_000 }),
    mergeFollowIntervalMs: envInteger(env, 'MERGE_FOLLOW_INTERVAL_MS', defaultMergeFollowIntervalMs, {
      min: 0,
      max: 3_600_000,
    }),
  }),
);
