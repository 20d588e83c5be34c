import 'reflect-metadata';
import path from 'node:path';
import { projectRoot } from '../../runtime/config/projectRoot';
import { startSubgraph, type RunningSubgraph, type SubgraphOptions } from '../../runtime/server/startSubgraph';
import { RewardService } from './catalog/reward.service';
import { createRewardsContext } from './context';
import { buildRewardsSchema } from './schema';

export const rewardsMigrationsDir = path.join(projectRoot(), 'subgraphs/rewards/migrations');

/** Starts the rewards subgraph: the catalog and each member's rewards. */
export async function startRewardsSubgraph(options: SubgraphOptions): Promise<RunningSubgraph> {
  const rewards = new RewardService(options.db);
  return startSubgraph(
    {
      name: 'rewards',
      migrationsDir: rewardsMigrationsDir,
      schema: await buildRewardsSchema(),
      createContext: (input) => createRewardsContext(rewards, input),
    },
    options,
  );
}
