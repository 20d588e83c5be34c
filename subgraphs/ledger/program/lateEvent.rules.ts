import { maxClockSkewMs } from '../../../runtime/validation/occurredAt';
import type { CampaignNote } from '../../campaign/contract/internalApi';

/** What a campaign's cap, budget or schedule did to a late event (see `LateEventEffects`). */
export interface LateCampaignEffectRecord {
  kind: CampaignNote['kind'];
  campaignId: string;
  campaignName: string;
  capPeriod: string;
  periodStart: string | null;
  wouldHaveGiven: number;
  gave: number;
}

/**
 * What the lateness of a purchase, return or activity did, as the ledger stores it with the event
 * (JSON, times as ISO strings) so that a retry answers the same.
 */
export interface LateEffectsRecord {
  judgedAsOf: string;
  recordedAt: string;
  tier: string | null;
  campaigns: LateCampaignEffectRecord[];
}

/** Whether an event that happened at `occurredAt` and is recorded at `now` is late: by more than the clock skew. */
export const isLate = (occurredAt: Date, now: Date): boolean => now.getTime() - occurredAt.getTime() > maxClockSkewMs;

/**
 * The effects of a late event, or null when it is on time: the time it was judged as of, the tier it
 * was judged with (the member's at recording: no past tier is re-evaluated, and its qualifying
 * points count from recording), and the campaigns the quote noted.
 */
export function lateEffectsOf(
  occurredAt: Date,
  now: Date,
  tier: string | null,
  notes: readonly CampaignNote[] = [],
): LateEffectsRecord | null {
  if (!isLate(occurredAt, now)) return null;
  return {
    judgedAsOf: occurredAt.toISOString(),
    recordedAt: now.toISOString(),
    tier,
    campaigns: notes.map((note) => ({
      kind: note.kind,
      campaignId: note.campaignId,
      campaignName: note.campaignName,
      capPeriod: note.capPeriod,
      periodStart: note.periodStart,
      wouldHaveGiven: note.wouldGive,
      gave: note.gave,
    })),
  };
}
