import { Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { ProfileContext } from '../context';
import { NpsScore } from '../feedback/feedback.type';
import { npsOfCounts } from '../feedback/nps.rules';
import { programMembersStore } from './programMembers.store';
import { EnrolmentsByChannel, NpsByChannel, ProgramMetrics } from './programMembers.type';

const staff = ['marketer', 'admin', 'internal'] as const;

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
  members(@Root() range: ProgramMetrics, @Ctx() ctx: ProfileContext): Promise<number> {
    return programMembersStore.membersAt(ctx.db, range.to);
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
    return once(range, 'enrolments', () => programMembersStore.enrolmentsByChannel(ctx.db, range.from, range.to));
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
    return once(range, 'nps', async () =>
      (await programMembersStore.feedbackByChannel(ctx.db, range.from, range.to)).map(({ channel, counts }) => ({
        channel,
        nps: npsOfCounts(counts),
      })),
    );
  }
}
