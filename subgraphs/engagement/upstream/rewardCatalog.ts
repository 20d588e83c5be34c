import type { InternalCredential } from '../../../runtime/auth/tokens';
import { callOperation, type Operation, type OperationResult } from '../../../runtime/http/operation';
import { rewardById, rewardCatalogPage } from '../../rewards/contract/internalApi';
import type { CatalogReward } from '../notifications/notification.rules';

/** Rewards beyond this many (cheapest first) are not announced as affordable. */
const maxRewards = 500;

/** The rewards catalog as the notifications need it: names and costs, read from the rewards service. */
export class RewardCatalog {
  private cached: CatalogReward[] | undefined;
  private readonly byId = new Map<string, Promise<CatalogReward | null>>();

  constructor(
    private readonly rewardsUrl: () => string,
    private readonly credential: InternalCredential,
  ) {}

  /** Active rewards, cheapest first, read once until `forget`. */
  async active(): Promise<CatalogReward[]> {
    if (this.cached) return this.cached;
    const rewards: CatalogReward[] = [];
    let after: string | null = null;
    do {
      const page: OperationResult<typeof rewardCatalogPage> = await this.request(rewardCatalogPage, { after });
      rewards.push(...page.rewardCatalog.edges.map((edge) => edge.node));
      after = page.rewardCatalog.pageInfo.hasNextPage ? page.rewardCatalog.pageInfo.endCursor : null;
    } while (after && rewards.length < maxRewards);
    this.cached = rewards;
    return rewards;
  }

  /** The next `active` and `reward` read the rewards service again (each notifications run starts so). */
  forget(): void {
    this.cached = undefined;
    this.byId.clear();
  }

  /** One reward, active or not, read once until `forget` (many vouchers name the same reward). */
  reward(id: string): Promise<CatalogReward | null> {
    let reward = this.byId.get(id);
    if (!reward) {
      reward = this.request(rewardById, { id }).then((data) => data.reward);
      reward.catch(() => this.byId.delete(id));
      this.byId.set(id, reward);
    }
    return reward;
  }

  private async request<Variables extends object, Result>(
    operation: Operation<Variables, Result>,
    variables: Variables,
  ): Promise<Result> {
    return callOperation(this.rewardsUrl(), operation, variables, {
      headers: { authorization: await this.credential.authorization() },
      service: 'rewards service',
    });
  }
}
