import { Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { ProfileContext } from '../context';
import { NpsScore } from '../feedback/feedback.type';
import { npsOfCounts } from '../feedback/nps.rules';
import { EnrolmentsByChannel, NpsByChannel, ProgramMetrics } from './programMembers.type';

const staff = ['marketer', 'admin', 'internal'] as const;

// A profile counts from its enrolment until it is merged into another or erased.
const memberAt = (at: string) =>
  `enrolled_at < ${at} and (merged_at is null or merged_at >= ${at}) and (erased_at is null or erased_at >= ${at})`;

interface NpsCounts {
  channel: string;
  responses: string | number;
  promoters: string | number;
  detractors: string | number;
}

const toNps = (row: NpsCounts): NpsScore =>
  npsOfCounts({
    responses: Number(row.responses),
    promoters: Number(row.promoters),
    detractors: Number(row.detractors),
  });

/**
 * Reads for one range (the entity the gateway resolved, one object per request): a total and its
 * breakdown (`nps` and `npsByChannel`, say) share one query.
 */
const reads = new WeakMap<ProgramMetrics, Map<string, Promise<unknown>>>();
function once<T>(range: ProgramMetrics, key: string, read: () => Promise<T>): Promise<T> {
  let ofRange = reads.get(range);
  if (!ofRange) reads.set(range, (ofRange = new Map()));
  let pending = ofRange.get(key) as Promise<T> | undefined;
  if (!pending) ofRange.set(key, (pending = read()));
  return pending;
}

@Resolver(() => ProgramMetrics)
export class ProgramMembersResolver {
  @Authorized(...staff)
  @FieldResolver(() => Int, { description: 'Members at the end of the range: enrolled, not merged away, not erased.' })
  async members(@Root() range: ProgramMetrics, @Ctx() ctx: ProfileContext): Promise<number> {
    const { rows } = await ctx.db.query<{ members: string | number }>(
      `select count(*) as members from profile.customers where ${memberAt('$1')}`,
      [range.to],
    );
    return Number(rows[0]!.members);
  }

  @Authorized(...staff)
  @FieldResolver(() => Int, {
    description:
      'Members who enrolled in the range (a profile later merged into another counts once, as the survivor).',
  })
  async membersEnrolled(@Root() range: ProgramMetrics, @Ctx() ctx: ProfileContext): Promise<number> {
    const byChannel = await this.enrolmentsByChannel(range, ctx);
    return byChannel.reduce((sum, channel) => sum + channel.members, 0);
  }

  @Authorized(...staff)
  @FieldResolver(() => [EnrolmentsByChannel], { description: 'membersEnrolled by the channel they enrolled through.' })
  enrolmentsByChannel(@Root() range: ProgramMetrics, @Ctx() ctx: ProfileContext): Promise<EnrolmentsByChannel[]> {
    return once(range, 'enrolments', async () => {
      const { rows } = await ctx.db.query<{ channel: string; members: string | number }>(
        `select enrollment_channel as channel, count(*) as members from profile.customers
         where enrolled_at >= $1 and ${memberAt('$2')} group by enrollment_channel order by enrollment_channel`,
        [range.from, range.to],
      );
      return rows.map((row) => ({ channel: row.channel, members: Number(row.members) }));
    });
  }

  @Authorized(...staff)
  @FieldResolver(() => NpsScore, { description: 'NPS from the answers given in the range.' })
  async nps(@Root() range: ProgramMetrics, @Ctx() ctx: ProfileContext): Promise<NpsScore> {
    const channels = await this.npsByChannel(range, ctx);
    const total = { responses: 0, promoters: 0, detractors: 0 };
    for (const { nps } of channels) {
      total.responses += nps.responses;
      total.promoters += nps.promoters;
      total.detractors += nps.detractors;
    }
    return npsOfCounts(total);
  }

  @Authorized(...staff)
  @FieldResolver(() => [NpsByChannel], { description: 'NPS per channel the answers were given in.' })
  npsByChannel(@Root() range: ProgramMetrics, @Ctx() ctx: ProfileContext): Promise<NpsByChannel[]> {
    return once(range, 'nps', async () => {
      const { rows } = await ctx.db.query<NpsCounts>(
        `select channel, count(*) as responses, count(*) filter (where score >= 9) as promoters,
                count(*) filter (where score <= 6) as detractors
         from profile.feedback where created_at >= $1 and created_at < $2 group by channel order by channel`,
        [range.from, range.to],
      );
      return rows.map((row) => ({ channel: row.channel, nps: toNps(row) }));
    });
  }
}
