import DataLoader from 'dataloader';
import type { AuthContext } from '../../runtime/auth/authorize';
import type { ContextInput } from '../../runtime/server/startSubgraph';
import type { EarnRateService } from './earning/earnRate.service';
import type { EarnRateRecord } from './earning/earnRate.store';

export interface CampaignContext extends AuthContext {
  earnRates: EarnRateService;
  loaders: {
    /** The whole rate table, read once per request (keyed by the constant 'all'). */
    earnRates: DataLoader<'all', EarnRateRecord[]>;
  };
}

export function createCampaignContext(earnRates: EarnRateService, { principal }: ContextInput): CampaignContext {
  return {
    principal,
    earnRates,
    loaders: {
      earnRates: new DataLoader(async (keys) => {
        const all = await earnRates.all();
        return keys.map(() => all);
      }),
    },
  };
}
