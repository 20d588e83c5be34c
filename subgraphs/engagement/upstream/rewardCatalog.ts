import type { InternalCredential } from '../../../runtime/auth/tokens';
import { graphqlRequest } from '../../../runtime/http/graphqlRequest';
import type { CatalogReward } from '../notifications/notification.rules';

const catalogQuery = /* GraphQL */ `
  query NotificationCatalog($after: String) {
    rewardCatalog(first: 100, after: $after) {
      edges {
        node {
          id
          name
          costPoints
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

const rewardQuery = /* GraphQL */ `
  query NotificationReward($id: ID!) {
    reward(id: $id) {
      id
      name
      costPoints
    }
  }
`;

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
      const page: {
        rewardCatalog: {
          edges: Array<{ node: CatalogReward }>;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      } = await this.request(catalogQuery, { after });
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
      reward = this.request<{ reward: CatalogReward | null }>(rewardQuery, { id }).then((data) => data.reward);
      reward.catch(() => this.byId.delete(id));
      this.byId.set(id, reward);
    }
    return reward;
  }

  private async request<Data>(query: string, variables: Record<string, unknown>): Promise<Data> {
    return graphqlRequest<Data>(this.rewardsUrl(), query, variables, {
      headers: { authorization: await this.credential.authorization() },
      service: 'rewards service',
    });
  }
}
