import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../../runtime/database/database';
import type { NewEvent } from '../../../runtime/events/outbox';
import type { Logger } from '../../../runtime/logging/logger';
import { ledgerEvents } from '../contract/events';
import { LedgerError, LedgerErrorKind } from '../errors';
import { EntryKind, SourceType, type EntryDraft } from '../journal/journal.rules';
import type { LedgerCore } from '../ledgerCore';
import { purchaseStore } from '../purchases/purchase.store';
import type { PointsEarning } from '../purchases/purchase.type';
import type { CampaignQuotes, PointsQuote } from '../upstream/campaignQuotes';
import type { AccountBook } from '../accounts/accountBook';
import { accountStore } from '../accounts/account.store';
import { activityStore, type ActivityRow } from './activity.store';
import { ActivityKind, ActivityStatus, type Activity } from './activity.type';
import { occurredAtOf } from '../program/occurredAt';
import { lateEffectsOf, type LateEffectsRecord } from '../program/lateEvent.rules';
import { toLateEffects } from '../program/lateEvent.type';

export interface ActivityRequest {
  customerId: string;
  kind: ActivityKind;
  externalId: string;
  channel: string;
  referredCustomerId?: string | null;
  /** When the member did it; absent: now. Not part of the idempotency check. */
  occurredAt?: Date | null;
}

const toActivity = (row: ActivityRow): Activity => ({
  id: row.id,
  customer: { id: row.customer_id },
  kind: row.kind,
  externalId: row.external_id,
  channel: row.channel,
  referredCustomerId: row.referred_customer_id,
  status: row.status,
  pointsEarned: Number(row.points_earned),
  earnings: row.earnings,
  recordedAt: row.recorded_at,
  late: toLateEffects(row.late),
});

const claimKey = (customerId: string, kind: ActivityKind, externalId: string): string =>
  `activity:${customerId}:${kind}:${externalId}`;

/** Announces the points an activity earned, with the campaign each line came from (campaign performance reads it). */
function publishCredited(
  book: AccountBook,
  activity: { id: string; customerId: string; kind: ActivityKind; channel: string },
  lines: readonly PointsEarning[],
  actor: NewEvent['actor'],
  occurredAt: Date = book.now,
): void {
  book.publish(
    ledgerEvents.ActivityCredited.event(
      activity.customerId,
      {
        activityId: activity.id,
        customerId: activity.customerId,
        kind: activity.kind,
        channel: activity.channel,
        points: lines.reduce((sum, line) => sum + line.points, 0),
        earnings: lines.map(({ kind, points, ruleId }) => ({ kind, points, ruleId })),
        occurredAt: occurredAt.toISOString(),
      },
      actor,
    ),
  );
}

/**
 * Points for activities (sign-up, review, social share, birthday) as running campaigns reward them,
 * and referrals, which pay the referrer once the friend's first purchase leaves its pending window
 * unreturned. Idempotent on (member, kind, external id).
 */
export class ActivityService {
  constructor(
    private readonly core: LedgerCore,
    private readonly quotes: CampaignQuotes,
    private readonly logger: Logger,
  ) {}

  async record(request: ActivityRequest, actor: NewEvent['actor']): Promise<Activity> {
    const referred = request.referredCustomerId ?? null;
    if ((request.kind === ActivityKind.REFERRAL) !== (referred !== null)) {
      throw new LedgerError(
        LedgerErrorKind.InvalidInput,
        'referredCustomerId is required for a REFERRAL and only there',
        {
          argument: 'referredCustomerId',
        },
      );
    }
    const existing = await this.find(this.core.db, request);
    if (existing) return this.replay(existing, request);
    const occurredAt = occurredAtOf(request.occurredAt, this.core.clock(), this.core.policy.maxLatenessDays);
    // A merged member's id posts to the account it was merged into.
    request = {
      ...request,
      customerId: await this.core.requireCustomer(request.customerId, 'the activity'),
      occurredAt: request.occurredAt ? occurredAt : null,
    };
    if (referred !== null) return this.refer(request, referred);

    const tier = await accountStore.tierOf(this.core.db, request.customerId);
    const quote = await this.core.upstream(
      () =>
        this.quotes.claimActivity({
          key: claimKey(request.customerId, request.kind, request.externalId),
          customerId: request.customerId,
          kind: request.kind,
          channel: request.channel,
          tier,
          // Campaigns judge the activity as of when it happened.
          at: request.occurredAt ?? this.core.clock(),
        }),
      'the activity',
    );
    const id = randomUUID();
    return this.core.withAccount(
      request.customerId,
      async (book, tx) => {
        const raced = await this.find(tx, request);
        if (raced) return this.replay(raced, request);
        const earnings = this.earningsOf(id, request.kind, quote);
        const at = request.occurredAt && request.occurredAt < book.now ? request.occurredAt : book.now;
        await book.credit(earnings.drafts, { orderId: null, pendingUntil: null, earnedAt: at });
        book.markActivity();
        book.noteChange(`Activity: ${request.kind}`, id, actor);
        publishCredited(
          book,
          { id, customerId: request.customerId, kind: request.kind, channel: request.channel },
          earnings.lines,
          actor,
          at,
        );
        return toActivity(
          await this.insert(
            tx,
            request,
            id,
            ActivityStatus.CREDITED,
            earnings.lines,
            book.balance,
            at,
            lateEffectsOf(at, book.now, tier, quote.campaignNotes),
          ),
        );
      },
      async (constraint) => {
        if (constraint !== 'activities_idempotency_key') return undefined;
        const winner = await this.find(this.core.db, request);
        return winner && this.replay(winner, request);
      },
    );
  }

  /**
   * Settles the referral of a friend, once: pays the referrer when the friend's first purchase has
   * left its pending window without a return, cancels it when that purchase was returned, and
   * leaves it waiting otherwise. The referrer's account lock and the referral's status make a
   * second call find nothing to do.
   */
  async completeReferral(friendId: string): Promise<void> {
    const referral = await activityStore.awaitingReferralOf(this.core.db, friendId);
    if (!referral) return;
    const first = await activityStore.firstPurchaseOf(this.core.db, friendId);
    if (!first) return;
    if (first.returned) {
      await this.core.db.transaction(async (tx) => {
        const current = await activityStore.lock(tx, referral.id);
        if (current?.status === ActivityStatus.AWAITING_PURCHASE) {
          await activityStore.markCancelled(tx, referral.id, this.core.clock());
        }
      });
      return;
    }
    if (first.pendingUntil && first.pendingUntil > this.core.clock()) return;
    const tier = await accountStore.tierOf(this.core.db, referral.customer_id);
    const quote = await this.core.upstream(
      () =>
        this.quotes.claimActivity({
          key: claimKey(referral.customer_id, ActivityKind.REFERRAL, referral.external_id),
          customerId: referral.customer_id,
          kind: ActivityKind.REFERRAL,
          channel: referral.channel,
          tier,
          at: this.core.clock(),
        }),
      'the referral',
    );
    await this.core.withAccount(referral.customer_id, async (book, tx) => {
      const current = await activityStore.lock(tx, referral.id);
      if (current?.status !== ActivityStatus.AWAITING_PURCHASE) return;
      // A return recorded since the check above cancels instead (returns lock the friend's account, not this one).
      const settled = await activityStore.firstPurchaseOf(tx, friendId);
      if (settled?.returned) {
        await activityStore.markCancelled(tx, referral.id, book.now);
        return;
      }
      const earnings = this.earningsOf(referral.id, ActivityKind.REFERRAL, quote);
      await book.credit(earnings.drafts, { orderId: null, pendingUntil: null });
      await activityStore.markCredited(tx, referral.id, {
        points: quote.totalPoints,
        earnings: earnings.lines,
        balanceAfter: book.balance,
        at: book.now,
      });
      book.noteChange('Referral: your friend made a first purchase', referral.id, null);
      publishCredited(
        book,
        { id: referral.id, customerId: referral.customer_id, kind: ActivityKind.REFERRAL, channel: referral.channel },
        earnings.lines,
        null,
      );
    });
  }

  /**
   * Settles referrals whose friend's first purchase has left its pending window or was returned
   * (the points job), and those whose payment did not happen (a crash, a campaign service outage).
   */
  async completeDueReferrals(): Promise<number> {
    const friends = await activityStore.referralsDue(this.core.db, this.core.clock());
    let settled = 0;
    for (const friendId of friends) {
      try {
        await this.completeReferral(friendId);
        settled++;
      } catch (error) {
        this.logger.warn('a referral could not be paid yet', { error: String(error) });
      }
    }
    return settled;
  }

  private async refer(request: ActivityRequest, friendId: string): Promise<Activity> {
    if (friendId === request.customerId) {
      throw new LedgerError(LedgerErrorKind.InvalidInput, 'A member cannot refer themself', {
        argument: 'referredCustomerId',
      });
    }
    friendId = await this.core.requireCustomer(friendId, 'the referral');
    const history = await purchaseStore.historyOf(this.core.db, friendId);
    if (history.purchasesBefore > 0) {
      throw new LedgerError(
        LedgerErrorKind.InvalidInput,
        'The friend has already bought: a referral is for new customers',
        {
          argument: 'referredCustomerId',
        },
      );
    }
    const id = randomUUID();
    try {
      return await this.core.db.transaction(async (tx) => {
        await accountStore.open(tx, request.customerId);
        return toActivity(
          await this.insert(
            tx,
            request,
            id,
            ActivityStatus.AWAITING_PURCHASE,
            [],
            null,
            request.occurredAt ?? this.core.clock(),
            // A referral is judged when the friend buys, not as of its own time: nothing late to tell.
            null,
          ),
        );
      });
    } catch (error) {
      const raced = await this.find(this.core.db, request);
      if (raced) return this.replay(raced, request);
      if ((error as { constraint?: string }).constraint === 'activities_referred_once') {
        throw new LedgerError(LedgerErrorKind.OrderConflict, 'This friend was already referred by a member');
      }
      throw error;
    }
  }

  private earningsOf(
    activityId: string,
    kind: ActivityKind,
    quote: PointsQuote,
  ): { drafts: EntryDraft[]; lines: PointsEarning[] } {
    const lines = quote.lines.map((line) => {
      if (!Number.isSafeInteger(line.points) || line.points <= 0) {
        throw new LedgerError(LedgerErrorKind.UpstreamRejected, 'The campaign service quoted a line without points');
      }
      return { kind: EntryKind.BONUS, points: line.points, reason: line.reason, ruleId: line.ruleId };
    });
    const drafts = lines.map((line) => ({
      ...line,
      sourceType: SourceType.ACTIVITY,
      sourceId: activityId,
      reason: `${kind}: ${line.reason}`,
    }));
    return { drafts, lines };
  }

  private async insert(
    tx: Queryable,
    request: ActivityRequest,
    id: string,
    status: ActivityStatus,
    earnings: PointsEarning[],
    balanceAfter: number | null,
    at: Date,
    late: LateEffectsRecord | null,
  ): Promise<ActivityRow> {
    return activityStore.insert(tx, {
      id,
      customerId: request.customerId,
      kind: request.kind,
      externalId: request.externalId,
      channel: request.channel,
      referredCustomerId: request.referredCustomerId ?? null,
      status,
      earnings,
      balanceAfter,
      at,
      late,
    });
  }

  private find(db: Queryable, request: ActivityRequest): Promise<ActivityRow | undefined> {
    return activityStore.findByKey(db, request.customerId, request.kind, request.externalId);
  }

  private replay(existing: ActivityRow, request: ActivityRequest): Activity {
    if (
      existing.channel !== request.channel ||
      existing.referred_customer_id !== (request.referredCustomerId ?? null)
    ) {
      throw new LedgerError(
        LedgerErrorKind.OrderConflict,
        `Activity ${request.kind} ${request.externalId} was already recorded with different content`,
      );
    }
    return toActivity(existing);
  }
}
