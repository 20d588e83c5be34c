import DataLoader from 'dataloader';
import type { AuthContext } from '../../runtime/auth/authorize';
import type { ContextInput } from '../../runtime/server/startSubgraph';
import type { RewardService } from './catalog/reward.service';
import type { Reward } from './catalog/reward.type';

export interface RewardsContext extends AuthContext {
  rewards: RewardService;
  loaders: {
    rewardById: DataLoader<string, Reward | null>;
    /** The first N active rewards, read once per request however many customers ask. */
    activeRewards: DataLoader<number, Reward[]>;
  };
}

export function createRewardsContext(rewards: RewardService, { principal }: ContextInput): RewardsContext {
  return {
    principal,
    rewards,
    loaders: {
      rewardById: rewards.createLoader(),
      activeRewards: new DataLoader(async (limits) => {
        const largest = await rewards.activePage(null, Math.max(...limits));
        return limits.map((limit) => largest.slice(0, limit));
      }),
    },
  };
}
