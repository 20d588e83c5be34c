import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { requireCustomerAccess } from '../../../runtime/auth/authorize';
import type { Role } from '../../../runtime/auth/principal';
import { checkPageSize } from '../../../runtime/pagination/cursor';
import { Reward } from '../catalog/reward.type';
import type { RewardsContext } from '../context';
import { Customer, CustomerRewards } from './customerRewards.type';

/** Who may see a member's rewards besides the member: staff at the till, admins, this graph's services. */
const rewardReaders: readonly Role[] = ['associate', 'admin', 'internal'];

@Resolver(() => Customer)
export class CustomerRewardsResolver {
  // Nullable so that the rest of a customer still answers while this subgraph is down.
  @FieldResolver(() => CustomerRewards, { nullable: true })
  rewards(@Root() customer: Customer, @Ctx() ctx: RewardsContext): CustomerRewards {
    requireCustomerAccess(ctx.principal, customer.id, rewardReaders);
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
