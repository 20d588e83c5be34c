import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildCampaignSchema } from './campaign/schema';
import { buildEngagementSchema } from './engagement/schema';
import { buildLedgerSchema } from './ledger/schema';
import { buildProfileSchema } from './profile/schema';
import { buildRewardsSchema } from './rewards/schema';

export const subgraphNames = ['profile', 'ledger', 'rewards', 'campaign', 'engagement'] as const;
export type SubgraphName = (typeof subgraphNames)[number];

/** Each subgraph's schema builder, for composition and tooling that needs no running service. */
export const subgraphSchemaBuilders: Record<SubgraphName, () => Promise<GraphQLSchema>> = {
  profile: buildProfileSchema,
  ledger: buildLedgerSchema,
  rewards: buildRewardsSchema,
  campaign: buildCampaignSchema,
  engagement: buildEngagementSchema,
};

/** Where each subgraph listens by default (and the URLs written into the committed supergraph). */
export const defaultSubgraphPorts: Record<SubgraphName, number> = {
  profile: 4001,
  ledger: 4002,
  rewards: 4003,
  campaign: 4004,
  engagement: 4005,
};

export const defaultGatewayPort = 4000;

export function defaultSubgraphUrl(name: SubgraphName): string {
  return `http://localhost:${defaultSubgraphPorts[name]}/graphql`;
}
