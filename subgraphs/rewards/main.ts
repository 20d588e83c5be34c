import 'reflect-metadata';
import { runSubgraphMain } from '../../runtime/server/runSubgraphMain';
import { defaultSubgraphPorts } from '../registry';
import { rewardsSettings } from './settings';
import { startRewardsSubgraph } from '.';

const { settings } = rewardsSettings;

runSubgraphMain('rewards', defaultSubgraphPorts.rewards, (options, env) =>
  startRewardsSubgraph({
    ...options,
    ledgerUrl: settings.ledgerUrl.read(env),
    profileUrl: settings.profileUrl.read(env),
    jobIntervalMs: settings.jobIntervalMs.read(env),
    maxLatenessDays: settings.maxLatenessDays.read(env),
    mergeFollowIntervalMs: settings.mergeFollowIntervalMs.read(env),
  }),
);
