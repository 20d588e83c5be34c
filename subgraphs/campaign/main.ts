import 'reflect-metadata';
import { runSubgraphMain } from '../../runtime/server/runSubgraphMain';
import { defaultSubgraphPorts } from '../registry';
import { startCampaignSubgraph } from '.';

runSubgraphMain('campaign', defaultSubgraphPorts.campaign, (options) => startCampaignSubgraph(options));
