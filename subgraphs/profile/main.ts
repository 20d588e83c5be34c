import 'reflect-metadata';
import { runSubgraphMain } from '../../runtime/server/runSubgraphMain';
import { defaultSubgraphPorts } from '../registry';
import { startProfileSubgraph } from '.';

runSubgraphMain('profile', defaultSubgraphPorts.profile, (options) => startProfileSubgraph(options));
