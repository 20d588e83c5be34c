import type { RecordPurchaseInput } from '../../examples/sdk/graphql';
import type { GraphClient, TestGraph } from '../support/testGraph';

export { everyoneAudience } from '../../stack/campaignAudiences';

export const campaignFields = `id name status version spentPoints budgetLeft liveNow scheduleText nextLive { start end }`;

export const createCampaignMutation = `mutation Create($input: CampaignInput!) { createCampaign(input: $input) { ${campaignFields} } }`;
export const scheduleCampaignMutation = `mutation Schedule($id: ID!) { scheduleCampaign(id: $id) { ${campaignFields} } }`;
export const pauseCampaignMutation = `mutation Pause($id: ID!) { pauseCampaign(id: $id) { ${campaignFields} } }`;
export const endCampaignMutation = `mutation End($id: ID!) { endCampaign(id: $id) { ${campaignFields} } }`;
export const campaignQuery = `query One($id: ID!) { campaign(id: $id) { ${campaignFields} } }`;

export interface CampaignView {
  id: string;
  name: string;
  status: string;
  version: number;
  spentPoints: number;
  budgetLeft: number | null;
  liveNow: boolean;
  scheduleText: string;
  nextLive: { start: string; end: string | null } | null;
}

export interface PurchaseView {
  pointsEarned: number;
  earnings: Array<{ kind: string; points: number; reason: string; ruleId: string | null }>;
}

/** Drafts and schedules a campaign as a marketer; returns it live. */
export async function launchCampaign(marketer: GraphClient, input: Record<string, unknown>): Promise<CampaignView> {
  const { createCampaign } = await marketer.data<{ createCampaign: CampaignView }, Record<string, unknown>>(
    createCampaignMutation,
    { input },
  );
  const { scheduleCampaign } = await marketer.data<{ scheduleCampaign: CampaignView }, Record<string, unknown>>(
    scheduleCampaignMutation,
    {
      id: createCampaign.id,
    },
  );
  return scheduleCampaign;
}

export async function record(graph: TestGraph, input: RecordPurchaseInput): Promise<PurchaseView> {
  const { recordPurchase } = await graph.admin.data<{ recordPurchase: PurchaseView }, Record<string, unknown>>(
    `mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { pointsEarned earnings { kind points reason ruleId } } }`,
    { input },
  );
  return recordPurchase;
}

/** Points a purchase got from one campaign. */
export function fromCampaign(purchase: PurchaseView, campaignId: string): number {
  return purchase.earnings
    .filter((earning) => earning.ruleId === `campaign:${campaignId}`)
    .reduce((sum, earning) => sum + earning.points, 0);
}

export const refreshHistoryMutation = `mutation { refreshPurchaseHistory { events lastEventId } }`;
