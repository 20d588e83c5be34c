import 'reflect-metadata';
import path from 'node:path';
import { InternalCredential } from '../../runtime/auth/tokens';
import { projectRoot } from '../../runtime/config/projectRoot';
import { startSubgraph, type RunningSubgraph, type SubgraphOptions } from '../../runtime/server/startSubgraph';
import { createLedgerContext } from './context';
import { PurchaseService } from './purchases/purchase.service';
import { buildLedgerSchema } from './schema';
import { CampaignQuotes } from './upstream/campaignQuotes';
import { ProfileDirectory } from './upstream/profileDirectory';

export const ledgerMigrationsDir = path.join(projectRoot(), 'subgraphs/ledger/migrations');

export interface LedgerOptions extends SubgraphOptions {
  /** The profile subgraph's `/graphql` URL, asked whether a customer exists. */
  profileUrl: string;
  /** The campaign subgraph's `/graphql` URL, asked for points quotes. */
  campaignUrl: string;
}

/** Starts the ledger subgraph: accounts, the journal, purchases and balance updates. */
export async function startLedgerSubgraph(options: LedgerOptions): Promise<RunningSubgraph> {
  const credential = new InternalCredential('ledger', options.auth.internalSecret);
  const purchases = new PurchaseService(
    options.db,
    new CampaignQuotes(options.campaignUrl, credential),
    new ProfileDirectory(options.profileUrl, credential),
  );
  return startSubgraph(
    {
      name: 'ledger',
      migrationsDir: ledgerMigrationsDir,
      schema: await buildLedgerSchema(),
      createContext: (input) => createLedgerContext({ db: options.db, purchases }, input),
    },
    options,
  );
}
