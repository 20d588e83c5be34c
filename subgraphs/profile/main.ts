import 'reflect-metadata';
import { runSubgraphMain } from '../../runtime/server/runSubgraphMain';
import { defaultSubgraphPorts } from '../registry';
import { readCustomEventPolicy, readPhoneRegion } from './profileSettings';
import { profileSettings } from './settings';
import { startProfileSubgraph } from '.';

runSubgraphMain('profile', defaultSubgraphPorts.profile, (options, env) =>
  startProfileSubgraph({
    ...options,
    phoneRegion: readPhoneRegion(env),
    exportBatchSize: profileSettings.settings.exportBatchSize.read(env),
    customEvents: readCustomEventPolicy(env),
    timelineUpstreams: {
      ledger: profileSettings.settings.ledgerUrl.read(env),
      rewards: profileSettings.settings.rewardsUrl.read(env),
      engagement: profileSettings.settings.engagementUrl.read(env),
    },
    timelineIntervalMs: profileSettings.settings.timelineIntervalMs.read(env),
  }),
);
