import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { requireCustomerAccess } from '../../../runtime/auth/authorize';
import type { Role } from '../../../runtime/auth/principal';
import { checkPageSize } from '../../../runtime/pagination/cursor';
import { Reward } from '../catalog/reward.type';
import type { RewardsContext } from '../context';
import { eligibilityProblem } from '../redemptions/redemption.service';
import { toVoucher } from '../redemptions/redemption.store';
import { Voucher, VoucherStatus } from '../vouchers/voucher.type';
import { Customer, CustomerRewards } from './customerRewards.type';

/** Who may see a member's rewards besides the member: staff at the till, admins, this graph's services. */
export const rewardReaders: readonly Role[] = ['associate', 'admin', 'internal'];

@ObjectType({ description: 'A reward this member may redeem, and whether their points cover it now.' })
class RedeemableReward {
  @Field(() => Reward)
  reward!: Reward;

  @Field({ description: 'The balance covers it now.' })
  affordable!: boolean;

  @Field(() => Int, { description: 'Points still missing; 0 when affordable.' })
  pointsShort!: number;
}

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

  @FieldResolver(() => [RedeemableReward], {
    description:
      'Rewards this member may redeem now in a channel (their tier, the dates, the stock), cheapest first, with whether their balance covers each.',
  })
  async redeemable(
    @Root() rewards: CustomerRewards,
    @Arg('channel', { defaultValue: 'MOBILE_APP' }) channel: string,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Ctx() ctx: RewardsContext,
  ): Promise<RedeemableReward[]> {
    checkPageSize(first);
    const member = await ctx.loaders.memberPoints.load(rewards.customerId);
    const now = ctx.clock();
    const candidates = await ctx.rewards.activePage(null, first, {
      channel,
      tier: member.tier ?? '',
      redeemableAt: now,
    });
    return candidates
      .filter((reward) => eligibilityProblem(reward, channel, member.tier, now) === null)
      .map((reward) => ({
        reward,
        affordable: member.balance >= reward.costPoints,
        pointsShort: Math.max(0, reward.costPoints - member.balance),
      }));
  }

  @FieldResolver(() => [Voucher], { description: "The member's vouchers, newest first (at most 1,000)." })
  async vouchers(
    @Root() rewards: CustomerRewards,
    @Arg('statuses', () => [VoucherStatus], { nullable: true }) statuses: VoucherStatus[] | null,
    @Ctx() ctx: RewardsContext,
  ): Promise<Voucher[]> {
    const rows = await ctx.loaders.vouchers.load({ customerId: rewards.customerId, statuses });
    return rows.map(toVoucher);
  }
}
