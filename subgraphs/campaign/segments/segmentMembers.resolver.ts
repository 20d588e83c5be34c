import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { CampaignContext } from '../context';
import { allSegments } from './segment.resolver';
import { matchesSegment } from './segment.rules';

@Resolver()
export class SegmentMembersResolver {
  @Authorized('internal')
  @Query(() => [ID], {
    nullable: true,
    description:
      "The ids of the members in a segment now, in id order; null for a segment that does not exist (internal: the gateway's bulk export filters by it).",
  })
  async segmentMemberIds(@Arg('key') key: string, @Ctx() ctx: CampaignContext): Promise<string[] | null> {
    const segment = (await allSegments(ctx)).find((one) => one.key === key);
    if (!segment) return null;
    const now = ctx.quotes.clock();
    const stats = await ctx.loaders.allStats.load('all');
    return stats.filter((one) => matchesSegment(segment.rule, one, now)).map((one) => one.customerId);
  }
}
