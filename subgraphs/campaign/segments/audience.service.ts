import type { Database } from '../../../runtime/database/database';
import { CampaignError, CampaignErrorKind } from '../errors';
import { audienceStore, type AudienceRecord } from './audience.store';

/** How many ids one call may add or remove (a CDP sends larger lists in several calls). */
export const audienceBatchSize = 1000;

export interface AudienceChange {
  audience: string;
  /** Ids asked for, each counted once. */
  asked: number;
  /** Added, or removed: members that were not, or were, in the audience. */
  changed: number;
  /** Already in (adding) or not in (removing): what a retry finds. */
  unchanged: number;
}

/** Static audiences: lists of members by id, that a segment condition `inAudience` reads. */
export class AudienceService {
  constructor(private readonly db: Database) {}

  define(audience: { key: string; name: string; description: string | null }): Promise<AudienceRecord> {
    return this.db.transaction((tx) => audienceStore.save(tx, audience));
  }

  /** Removes an audience and its members; segments naming it then match nobody by it. */
  async remove(key: string): Promise<void> {
    const removed = await this.db.transaction((tx) => audienceStore.remove(tx, key));
    if (!removed) throw new CampaignError(CampaignErrorKind.UnknownAudience, `No audience has the key ${key}`);
  }

  /** Adds (or removes) members by id in one transaction; a retry changes nothing and says so. */
  async change(key: string, customerIds: readonly string[], how: 'add' | 'remove'): Promise<AudienceChange> {
    const asked = new Set(customerIds.map((id) => id.toLowerCase())).size;
    const changed = await this.db.transaction(async (tx) => {
      if (!(await audienceStore.lock(tx, key)))
        throw new CampaignError(CampaignErrorKind.UnknownAudience, `No audience has the key ${key}`);
      return how === 'add'
        ? audienceStore.add(tx, key, customerIds)
        : audienceStore.removeMembers(tx, key, customerIds);
    });
    return { audience: key, asked, changed, unchanged: asked - changed };
  }
}
