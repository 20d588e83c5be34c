import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CampaignContext } from '../context';
import { allSegments } from './segment.resolver';
import { rangeStore } from './segment.store';
import { ProgramMetrics, SegmentMetrics } from './segmentMetrics.type';

@Resolver(() => ProgramMetrics)
export class SegmentMetricsResolver {
  @Authorized('marketer', 'admin', 'internal')
  @FieldResolver(() => [SegmentMetrics], {
    description:
      "Per segment (built-in and marketers'), by the members in it now: what they bought in the range, in its currency, read from this subgraph's copy of the purchases.",
  })
  async bySegment(@Root() range: ProgramMetrics, @Ctx() ctx: CampaignContext): Promise<SegmentMetrics[]> {
    const [members, segments, spend] = await Promise.all([
      ctx.loaders.segmentMembers.load('all'),
      allSegments(ctx),
      rangeStore.spendByCustomer(ctx.db, range),
    ]);
    return segments.map((segment) => {
      const figures: SegmentMetrics = {
        key: segment.key,
        name: segment.name,
        members: 0,
        activeMembers: 0,
        purchases: 0,
        netSpend: 0,
        averageOrderValue: 0,
        purchaseFrequency: 0,
      };
      for (const customerId of members.get(segment.key) ?? []) {
        figures.members++;
        const bought = spend.get(customerId);
        if (!bought) continue;
        figures.activeMembers++;
        figures.purchases += bought.purchases;
        figures.netSpend += bought.spend;
      }
      figures.averageOrderValue = figures.purchases === 0 ? 0 : Math.round(figures.netSpend / figures.purchases);
      figures.purchaseFrequency = figures.activeMembers === 0 ? 0 : figures.purchases / figures.activeMembers;
      return figures;
    });
  }
}
