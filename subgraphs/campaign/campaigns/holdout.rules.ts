import { createHash } from 'node:crypto';

/**
 * A member's bucket for one campaign, 0 to 99: the same on every call and in every process, and
 * unrelated between campaigns, so a holdout needs no stored draw and no member is always held out.
 */
export function holdoutBucket(campaignId: string, customerId: string): number {
  return createHash('sha256').update(`${campaignId}:${customerId}`).digest().readUInt32BE(0) % 100;
}

/** Whether the member is in the campaign's random holdout group (and so gets nothing from it). */
export function inHoldout(campaign: { id: string; holdoutPercent: number }, customerId: string): boolean {
  return campaign.holdoutPercent > 0 && holdoutBucket(campaign.id, customerId) < campaign.holdoutPercent;
}
