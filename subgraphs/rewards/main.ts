import 'reflect-metadata';
import { runSubgraphMain } from '../../runtime/server/runSubgraphMain';
import { defaultSubgraphPorts } from '../registry';
import { startRewardsSubgraph } from '.';

runSubgraphMain('rewards', defaultSubgraphPorts.rewards, (options) => startRewardsSubgraph(options));
