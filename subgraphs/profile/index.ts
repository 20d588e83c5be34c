import 'reflect-metadata';
import path from 'node:path';
import { projectRoot } from '../../runtime/config/projectRoot';
import { startSubgraph, type RunningSubgraph, type SubgraphOptions } from '../../runtime/server/startSubgraph';
import { createProfileContext } from './context';
import { CustomerService } from './customers/customer.service';
import { buildProfileSchema } from './schema';

export const profileMigrationsDir = path.join(projectRoot(), 'subgraphs/profile/migrations');

/** Starts the profile subgraph: customers, identities, enrollment. */
export async function startProfileSubgraph(options: SubgraphOptions): Promise<RunningSubgraph> {
  const customers = new CustomerService(options.db);
  return startSubgraph(
    {
      name: 'profile',
      migrationsDir: profileMigrationsDir,
      schema: await buildProfileSchema(),
      createContext: (input) => createProfileContext(customers, input),
    },
    options,
  );
}
