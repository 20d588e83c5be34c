import { randomUUID } from 'node:crypto';
import type { Database } from '../../../runtime/database/database';
import { appendEvent, type NewEvent } from '../../../runtime/events/outbox';
import { profileEvents } from '../contract/events';
import { CustomerError, CustomerErrorKind } from '../customers/customer.errors';
import { feedbackStore, type FeedbackRow } from './feedback.store';

/** Members' NPS answers: each recorded with its `FeedbackRecorded` event. */
export class FeedbackService {
  constructor(private readonly db: Database) {}

  async record(
    input: { customerId: string; score: number; comment?: string | null; channel: string },
    actor: NewEvent['actor'],
  ): Promise<FeedbackRow> {
    return this.db.transaction(async (tx) => {
      if (!(await feedbackStore.isLiveCustomer(tx, input.customerId)))
        throw new CustomerError(CustomerErrorKind.UnknownCustomer, `No customer has the id ${input.customerId}`);
      const row = await feedbackStore.insert(tx, {
        id: randomUUID(),
        customerId: input.customerId,
        score: input.score,
        comment: input.comment?.trim() || null,
        channel: input.channel,
      });
      await appendEvent(
        tx,
        'profile',
        profileEvents.FeedbackRecorded.event(
          input.customerId,
          { customerId: input.customerId, score: input.score, channel: input.channel },
          actor,
        ),
      );
      return row;
    });
  }

  ofCustomer(customerId: string, first: number): Promise<FeedbackRow[]> {
    return feedbackStore.ofCustomer(this.db, customerId, first);
  }

  scoresBetween(from: Date, to: Date, channel: string | null): Promise<number[]> {
    return feedbackStore.scoresBetween(this.db, from, to, channel);
  }
}
