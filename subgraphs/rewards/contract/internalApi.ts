import { defineOperation } from '../../../runtime/http/operation';

/*
 * The rewards subgraph's internal API: the operations other subgraphs call on it (role `internal`),
 * declared here once, with the types of their variables and results. Callers send them with
 * `callOperation`; subgraphs/internalApi.test.ts validates each against the rewards schema.
 */

/** The outbox events query field other subgraphs read the rewards' events from. */
export const rewardsEventsField = 'rewardsEvents';

/** A reward as engagement's notifications name it: its name and cost. */
export interface RewardSummary {
  id: string;
  name: string;
  costPoints: number;
}

/** Active rewards, cheapest first, a page of 100 at a time. */
export const rewardCatalogPage = defineOperation<
  { after: string | null },
  {
    rewardCatalog: {
      edges: Array<{ node: RewardSummary }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  }
>(/* GraphQL */ `
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
`);

/** One reward, active or not. */
export const rewardById = defineOperation<{ id: string }, { reward: RewardSummary | null }>(/* GraphQL */ `
  query NotificationReward($id: ID!) {
    reward(id: $id) {
      id
      name
      costPoints
    }
  }
`);

/** `GrantRewardInput`: a reward issued without points, once per `grantKey` (a campaign's absence trigger). */
export interface GrantRewardInput {
  grantKey: string;
  customerId: string;
  rewardId: string;
}

export const grantReward = defineOperation<
  { input: GrantRewardInput },
  { grantReward: { id: string; status: string } }
>(/* GraphQL */ `
  mutation CampaignGrantReward($input: GrantRewardInput!) {
    grantReward(input: $input) {
      id
      status
    }
  }
`);
