import type { CampaignAudienceInput } from '../examples/sdk/graphql';

/** A campaign audience with no condition: every member, every channel. Spread it and add one condition. */
export const everyoneAudience: CampaignAudienceInput = {
  channels: [],
  tiers: [],
  segments: [],
  firstPurchase: false,
  firstPurchaseInChannel: false,
  skus: [],
  categories: [],
};
