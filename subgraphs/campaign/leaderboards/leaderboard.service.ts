import type { Database, Queryable } from '../../../runtime/database/database';
import { appendEvent, type NewEvent } from '../../../runtime/events/outbox';
import { campaignEvents } from '../contract/events';
import { CampaignError, CampaignErrorKind } from '../errors';
import { mergesIn, type HistoryEvent, type HistoryFollower } from '../segments/purchaseHistory';
import type { ProfileFacts } from '../upstream/profileFacts';
import { defaultDisplayName, displayNameProblem, normalizeDisplayName, type PersonName } from './leaderboard.rules';
import { leaderboardStore, type Membership } from './leaderboard.store';

type Actor = NewEvent['actor'];

/**
 * Who appears on leaderboards: only members who opted in, under a display name that names no one
 * (an alias they chose, or their given name and initial). Each choice is an event with its actor,
 * the trail of the member's consent. Follows profile merges in the purchase history's batches.
 */
export class LeaderboardService implements HistoryFollower {
  constructor(
    private readonly db: Database,
    private readonly profiles: ProfileFacts,
  ) {}

  async join(customerId: string, chosen: string | null, now: Date, actor: Actor): Promise<Membership> {
    // The profile's name derives the default and keeps the member's full name off the board.
    let person: PersonName | null;
    try {
      person = await this.profiles.nameOf(customerId);
    } catch (error) {
      throw new CampaignError(
        CampaignErrorKind.UpstreamUnavailable,
        'The profile service did not answer; try joining again',
        {},
        { cause: error },
      );
    }
    let displayName: string;
    if (chosen === null) {
      displayName = defaultDisplayName(person);
    } else {
      displayName = normalizeDisplayName(chosen);
      const problem = displayNameProblem(displayName, person);
      if (problem) throw new CampaignError(CampaignErrorKind.InvalidLeaderboard, problem, { argument: 'displayName' });
    }
    return this.db.transaction(async (tx) => {
      const membership = await leaderboardStore.join(tx, customerId, displayName, now);
      await appendEvent(
        tx,
        'campaign',
        campaignEvents.LeaderboardJoined.event(customerId, { customerId, displayName }, actor),
      );
      return membership;
    });
  }

  /** Takes a member off every leaderboard; false if they were not on them. */
  leave(customerId: string, actor: Actor): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const left = await leaderboardStore.leave(tx, customerId);
      if (left) {
        await appendEvent(tx, 'campaign', campaignEvents.LeaderboardLeft.event(customerId, { customerId }, actor));
      }
      return left;
    });
  }

  async applyBatch(tx: Queryable, events: readonly HistoryEvent[]): Promise<void> {
    for (const merge of mergesIn(events)) await leaderboardStore.mergeCustomer(tx, merge.survivorId, merge.mergedId);
  }
}
