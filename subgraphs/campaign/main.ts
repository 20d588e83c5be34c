import 'reflect-metadata';
import { runSubgraphMain } from '../../runtime/server/runSubgraphMain';
import { defaultSubgraphPorts } from '../registry';
import { readProgramSettings } from './program/programSettings';
import { campaignSettings } from './settings';
import { startCampaignSubgraph } from '.';

const { settings } = campaignSettings;

runSubgraphMain('campaign', defaultSubgraphPorts.campaign, (options, env) =>
  startCampaignSubgraph({
    ...options,
    profileUrl: settings.profileUrl.read(env),
    ledgerUrl: settings.ledgerUrl.read(env),
    rewardsUrl: settings.rewardsUrl.read(env),
    engagementUrl: settings.engagementUrl.read(env),
    absencePollMs: settings.absencePollMs.read(env),
    program: readProgramSettings(env),
    historyIntervalMs: settings.historyIntervalMs.read(env),
  }),
);
