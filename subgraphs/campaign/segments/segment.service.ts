import type { Database } from '../../../runtime/database/database';
import { appendEvent, type NewEvent } from '../../../runtime/events/outbox';
import { campaignEvents } from '../contract/events';
import { CampaignError, CampaignErrorKind } from '../errors';
import type { RuleCache } from '../quotes/ruleCache';
import type { SegmentDefinition } from './segment.rules';
import { segmentStore } from './segment.store';

type Actor = NewEvent['actor'];

/** Marketer-defined segments: each change saved with its outbox event. */
export class SegmentService {
  constructor(
    private readonly db: Database,
    private readonly rules: RuleCache,
  ) {}

  /** Saves (or redefines) `segment` and records `SegmentDefined`. */
  async define(segment: SegmentDefinition, actor: Actor): Promise<void> {
    await this.db.transaction(async (tx) => {
      await segmentStore.save(tx, segment);
      await appendEvent(tx, 'campaign', campaignEvents.SegmentDefined.event(segment.key, segment, actor));
    });
    this.rules.changed();
  }

  /** Removes the marketer-defined segment `key` and records `SegmentRemoved`; unknown keys are refused. */
  async remove(key: string, actor: Actor): Promise<void> {
    const removed = await this.db.transaction(async (tx) => {
      const gone = await segmentStore.remove(tx, key);
      if (gone) {
        await appendEvent(tx, 'campaign', campaignEvents.SegmentRemoved.event(key, { key }, actor));
      }
      return gone;
    });
    if (removed) this.rules.changed();
    if (!removed)
      throw new CampaignError(CampaignErrorKind.UnknownSegment, `No marketer-defined segment has the key ${key}`);
  }
}
