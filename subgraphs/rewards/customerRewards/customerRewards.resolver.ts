import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { checkPageSize } from '../../../runtime/pagination/cursor';
import { Reward } from '../catalog/reward.type';
import type { RewardsContext } from '../context';
import { Customer, CustomerRewards } from './customerRewards.type';

@Resolver(() => Customer)
export class CustomerRewardsResolver {
  // Nullable so that the rest of a customer still answers while this subgraph is down.
  @FieldResolver(() => CustomerRewards, { nullable: true })
  rewards(@Root() customer: Customer): CustomerRewards {
    return { customerId: customer.id };
  }
}

@Resolver(() => CustomerRewards)
export class AvailableRewardsResolver {
  @FieldResolver(() => [Reward], { description: 'Active rewards this member can choose from, cheapest first.' })
  available(
    @Root() _rewards: CustomerRewards,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Ctx() ctx: RewardsContext,
  ): Promise<Reward[]> {
    return ctx.loaders.activeRewards.load(checkPageSize(first));
  }
}
