import type { InternalCredential } from '../../../runtime/auth/tokens';
import type { Database, Queryable } from '../../../runtime/database/database';
import { typesOf } from '../../../runtime/events/eventContract';
import { appendEvent, type NewEvent } from '../../../runtime/events/outbox';
import { OutboxFollower, type FollowReport } from '../../../runtime/events/outboxFollower';
import { followedOutbox, followerWakeUps } from '../../../runtime/events/followerTransport';
import type { EventTransport } from '../../../runtime/events/natsEvents';
import { UpstreamOutbox, type UpstreamEvent } from '../../../runtime/events/upstreamOutbox';
import { PeriodicJob } from '../../../runtime/jobs/periodicJob';
import type { Logger } from '../../../runtime/logging/logger';
import { rewardsEvents } from '../../rewards/contract/events';
import { rewardsEventsField } from '../../rewards/contract/internalApi';
import { engagementEvents } from '../contract/events';
import { MessageResponseError, MessageResponseErrorKind } from './messageResponse.errors';
import { impliedResponses, memberResponses, responseProblem, type MessageResponseKind } from './messageResponse.rules';
import { messageResponseStore, type MessageResponseRow, type RespondedMessageRow } from './messageResponse.store';

/** The rewards events redemptions are recorded from: which voucher a grant issued, and each voucher's use. */
export const voucherResponseEvents = [rewardsEvents.RewardIssued, rewardsEvents.VoucherConsumed];
const voucherResponseTypes = typesOf(voucherResponseEvents);

/** The follower's cursor in `engagement.consumer_cursors`. */
export const voucherResponseCursor = 'responses:rewards';

export interface ResponseRequest {
  messageId: string;
  response: MessageResponseKind;
  /** Null: now. */
  occurredAt: Date | null;
}

/** Who reports a response: a member only for their own messages. */
export interface ResponseReporter {
  role: string;
  subject: string;
}

async function recordOne(
  tx: Queryable,
  message: RespondedMessageRow,
  response: MessageResponseKind,
  occurredAt: Date,
  actor: NewEvent['actor'],
): Promise<MessageResponseRow | null> {
  const recorded = await messageResponseStore.insert(tx, message, response, occurredAt, actor);
  if (recorded) {
    await appendEvent(
      tx,
      'engagement',
      engagementEvents.MessageResponded.event(
        message.customer_id,
        {
          messageId: message.id,
          customerId: message.customer_id,
          kind: message.kind,
          campaignKey: message.campaign_key,
          response,
          occurredAt: occurredAt.toISOString(),
        },
        actor,
      ),
    );
  }
  return recorded;
}

/**
 * Which messages members responded to (issue 26): opens and clicks reported by the provider's
 * webhook or the app, once per message and response (the first wins, a retry changes nothing), and
 * redemptions of the voucher a message carried, followed from rewards' `VoucherConsumed` with
 * their own cursor. Each recorded response appends `MessageResponded` in its transaction.
 */
export class MessageResponseService {
  readonly job: PeriodicJob<FollowReport>;
  private readonly follower: OutboxFollower;

  constructor(
    private readonly db: Database,
    rewardsUrl: () => string,
    credential: InternalCredential,
    private readonly clock: () => Date,
    logger: Logger,
    /** With `nats`, rewards' events are read from its stream (durable consumer `engagement-responses:rewards`). */
    eventTransport?: EventTransport,
  ) {
    this.follower = new OutboxFollower({
      db,
      schema: 'engagement',
      source: voucherResponseCursor,
      upstream: followedOutbox(
        eventTransport,
        'rewards',
        `engagement-${voucherResponseCursor}`,
        () => new UpstreamOutbox(rewardsUrl, rewardsEventsField, credential, 'rewards service'),
      ),
      types: voucherResponseTypes,
      apply: (event, tx) => this.applyVoucherEvent(event, tx),
    });
    this.job = new PeriodicJob(
      'message responses',
      () => this.follower.run(),
      logger,
      followerWakeUps(eventTransport, db, { rewards: voucherResponseTypes }),
    );
  }

  /**
   * Records a response (and what it implies: a click is an open), once; answers the recorded one,
   * which for a retry is the first. Throws NOT_FOUND for an unknown message, FORBIDDEN for a
   * member's report of another's message or of a redemption, BAD_USER_INPUT for a bad time.
   */
  async record(request: ResponseRequest, reporter: ResponseReporter): Promise<MessageResponseRow> {
    const actor = { role: reporter.role, subject: reporter.subject };
    const occurredAt = request.occurredAt ?? this.clock();
    return this.db.transaction(async (tx) => {
      const message = await messageResponseStore.lockMessage(tx, request.messageId);
      if (!message)
        throw new MessageResponseError(MessageResponseErrorKind.UnknownMessage, 'No message has this id', {
          argument: 'messageId',
        });
      if (reporter.role === 'member') {
        if (message.owner_id !== reporter.subject)
          throw new MessageResponseError(
            MessageResponseErrorKind.MessageResponseForbidden,
            'A member may record responses to their own messages only',
          );
        if (!memberResponses.includes(request.response))
          throw new MessageResponseError(
            MessageResponseErrorKind.MessageResponseForbidden,
            `A member may record ${memberResponses.join(' and ')}; redemptions are recorded when the voucher is used`,
          );
      }
      const problem = responseProblem({ status: message.status, sentAt: message.sent_at }, occurredAt, this.clock());
      if (problem)
        throw new MessageResponseError(MessageResponseErrorKind.InvalidMessageResponse, problem.message, {
          argument: problem.field,
        });
      for (const response of impliedResponses(request.response))
        await recordOne(tx, message, response, occurredAt, actor);
      return (await messageResponseStore.find(tx, message.id, request.response))!;
    });
  }

  /** Reads rewards' new voucher events now (the job's own run, joined if one is under way). */
  run(): Promise<FollowReport> {
    return this.job.run();
  }

  private async applyVoucherEvent(event: UpstreamEvent, tx: Queryable): Promise<void> {
    if (rewardsEvents.RewardIssued.is(event)) {
      const issued = rewardsEvents.RewardIssued.decode(event);
      if (issued.grantKey)
        await messageResponseStore.recordGrant(tx, issued.grantKey, issued.voucherId, issued.rewardId);
    } else if (rewardsEvents.VoucherConsumed.is(event)) {
      const used = rewardsEvents.VoucherConsumed.decode(event);
      const occurredAt = new Date(used.occurredAt ?? event.createdAt);
      for (const message of await messageResponseStore.carrying(tx, used.voucherId)) {
        // A voucher used before its message went out was not a response to it.
        if (message.status !== 'SENT' || message.sent_at === null || message.sent_at > occurredAt) continue;
        await recordOne(tx, message, 'REDEEMED', occurredAt, null);
      }
    }
  }
}
