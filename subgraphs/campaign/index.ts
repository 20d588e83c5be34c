import 'reflect-metadata';
import path from 'node:path';
import { projectRoot } from '../../runtime/config/projectRoot';
import { startSubgraph, type RunningSubgraph, type SubgraphOptions } from '../../runtime/server/startSubgraph';
import { createCampaignContext } from './context';
import { EarnRateService } from './earning/earnRate.service';
import { buildCampaignSchema } from './schema';

export const campaignMigrationsDir = path.join(projectRoot(), 'subgraphs/campaign/migrations');

/** Starts the campaign subgraph: earn rates, points quotes and offers. */
export async function startCampaignSubgraph(options: SubgraphOptions): Promise<RunningSubgraph> {
  const earnRates = new EarnRateService(options.db);
  return startSubgraph(
    {
      name: 'campaign',
      migrationsDir: campaignMigrationsDir,
      schema: await buildCampaignSchema(),
      createContext: (input) => createCampaignContext(earnRates, input),
    },
    options,
  );
}
