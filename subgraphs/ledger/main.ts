import 'reflect-metadata';
import { envInteger, envRequired } from '../../runtime/config/env';
import { defaultMergeFollowIntervalMs } from '../../runtime/events/customerMerges';
import { runSubgraphMain } from '../../runtime/server/runSubgraphMain';
import { defaultSubgraphPorts } from '../registry';
import { readLedgerPolicy } from './program/ledgerPolicy';
import { startLedgerSubgraph } from '.';

runSubgraphMain('ledger', defaultSubgraphPorts.ledger, (options, env) =>
  startLedgerSubgraph({
    ...options,
    profileUrl: envRequired(env, 'PROFILE_URL'),
    campaignUrl: envRequired(env, 'CAMPAIGN_URL'),
    policy: readLedgerPolicy(env),
    mergeFollowIntervalMs: envInteger(env, 'MERGE_FOLLOW_INTERVAL_MS', defaultMergeFollowIntervalMs, {
      min: 0,
      max: 3_600_000,
    }),
  }),
);
