import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { CampaignContext } from '../context';
import { allSegments } from './segment.resolver';
import { segmentMembershipStore } from './segmentMembership.store';

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
    const members = await segmentMembershipStore.membersOf(ctx.db, [segment], ctx.quotes.clock());
    return members.get(segment.key)!;
  }
}
