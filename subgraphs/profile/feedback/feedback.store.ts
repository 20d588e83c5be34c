import type { Queryable } from '../../../runtime/database/database';

export interface FeedbackRow {
  id: string;
  score: number;
  comment: string | null;
  channel: string;
  created_at: Date;
}

/** SQL for `profile.feedback`: members' NPS answers. */
export const feedbackStore = {
  /** True when `customerId` is a profile that was not erased. */
  async isLiveCustomer(tx: Queryable, customerId: string): Promise<boolean> {
    const { rows: found } = await tx.query<{ id: string }>(
      'select id from profile.customers where id = $1 and erased_at is null',
      [customerId],
    );
    return Boolean(found[0]);
  },

  async insert(
    tx: Queryable,
    answer: { id: string; customerId: string; score: number; comment: string | null; channel: string },
  ): Promise<FeedbackRow> {
    const { rows } = await tx.query<FeedbackRow>(
      `insert into profile.feedback (id, customer_id, score, comment, channel) values ($1, $2, $3, $4, $5) returning *`,
      [answer.id, answer.customerId, answer.score, answer.comment, answer.channel],
    );
    return rows[0]!;
  },

  /** The member's answers, newest first. */
  async ofCustomer(db: Queryable, customerId: string, first: number): Promise<FeedbackRow[]> {
    const { rows } = await db.query<FeedbackRow>(
      'select * from profile.feedback where customer_id = $1 order by created_at desc, id limit $2',
      [customerId, first],
    );
    return rows;
  },

  /** The scores given in [from, to), in one channel or all. */
  async scoresBetween(db: Queryable, from: Date, to: Date, channel: string | null): Promise<number[]> {
    const { rows } = await db.query<{ score: number }>(
      `select score from profile.feedback where created_at >= $1 and created_at < $2 and ($3::text is null or channel = $3)`,
      [from, to, channel],
    );
    return rows.map((row) => row.score);
  },
};
