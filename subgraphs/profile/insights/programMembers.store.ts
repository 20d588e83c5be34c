import type { Queryable } from '../../../runtime/database/database';
import type { NpsSummary } from '../feedback/nps.rules';

type NpsCounts = Pick<NpsSummary, 'responses' | 'promoters' | 'detractors'>;

// A profile counts from its enrolment until it is merged into another or erased.
const memberAt = (at: string) =>
  `enrolled_at < ${at} and (merged_at is null or merged_at >= ${at}) and (erased_at is null or erased_at >= ${at})`;

/** The program's member counts and feedback over a range, for `ProgramMetrics`. */
export const programMembersStore = {
  async membersAt(db: Queryable, at: Date): Promise<number> {
    const { rows } = await db.query<{ members: string | number }>(
      `select count(*) as members from profile.customers where ${memberAt('$1')}`,
      [at],
    );
    return Number(rows[0]!.members);
  },

  /** Members who enrolled in [from, to) and still count at `to`, by enrolment channel. */
  async enrolmentsByChannel(db: Queryable, from: Date, to: Date): Promise<Array<{ channel: string; members: number }>> {
    const { rows } = await db.query<{ channel: string; members: string | number }>(
      `select enrollment_channel as channel, count(*) as members from profile.customers
       where enrolled_at >= $1 and ${memberAt('$2')} group by enrollment_channel order by enrollment_channel`,
      [from, to],
    );
    return rows.map((row) => ({ channel: row.channel, members: Number(row.members) }));
  },

  /** Answers given in [from, to), counted by channel. */
  async feedbackByChannel(db: Queryable, from: Date, to: Date): Promise<Array<{ channel: string; counts: NpsCounts }>> {
    const { rows } = await db.query<{
      channel: string;
      responses: string | number;
      promoters: string | number;
      detractors: string | number;
    }>(
      `select channel, count(*) as responses, count(*) filter (where score >= 9) as promoters,
              count(*) filter (where score <= 6) as detractors
       from profile.feedback where created_at >= $1 and created_at < $2 group by channel order by channel`,
      [from, to],
    );
    return rows.map((row) => ({
      channel: row.channel,
      counts: {
        responses: Number(row.responses),
        promoters: Number(row.promoters),
        detractors: Number(row.detractors),
      },
    }));
  },
};
