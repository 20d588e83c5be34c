import DataLoader from 'dataloader';
import type { AuthContext } from '../../runtime/auth/authorize';
import type { Database } from '../../runtime/database/database';
import type { ContextInput } from '../../runtime/server/startSubgraph';
import type { CampaignService } from './campaigns/campaign.service';
import type { EarnRateService } from './earning/earnRate.service';
import type { EarnRateRecord } from './earning/earnRate.store';
import type { QuoteService } from './quotes/quote.service';
import type { PurchaseHistory } from './segments/purchaseHistory';
import { segmentStore, type StoredStats } from './segments/segment.store';
import type { SimulationService } from './simulation/simulation.service';

export interface CampaignServices {
  db: Database;
  earnRates: EarnRateService;
  campaigns: CampaignService;
  quotes: QuoteService;
  history: PurchaseHistory;
  simulations: SimulationService;
}

export interface CampaignContext extends CampaignServices, AuthContext {
  loaders: {
    /** The whole rate table, read once per request (keyed by the constant 'all'). */
    earnRates: DataLoader<'all', EarnRateRecord[]>;
    /** Every member's figures, read once per request however many campaigns or segments ask. */
    allStats: DataLoader<'all', StoredStats[]>;
    /** Per-customer figures, one query for every customer of a request. */
    stats: DataLoader<string, StoredStats | undefined>;
  };
}

export function createCampaignContext(services: CampaignServices, { principal }: ContextInput): CampaignContext {
  return {
    ...services,
    principal,
    loaders: {
      earnRates: new DataLoader(async (keys) => {
        const all = await services.earnRates.all();
        return keys.map(() => all);
      }),
      allStats: new DataLoader(async (keys) => {
        const all = await segmentStore.allStats(services.db);
        return keys.map(() => all);
      }),
      stats: new DataLoader(async (ids) => {
        const found = await segmentStore.statsOf(services.db, ids);
        return ids.map((id) => found.get(id));
      }),
    },
  };
}
