import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Reward } from '../catalog/reward.type';
import { userInputError } from '../../../runtime/errors/graphqlErrors';
import { birthdaySettingsStore } from '../redemptions/birthdaySettings.store';
import { isUuid } from '../../../runtime/validation/validators';
import { RewardsError, RewardsErrorKind } from '../errors';
import { requireChannelAccess, requireCustomerAccess, requirePrincipal } from '../../../runtime/auth/authorize';
import { actorOf } from '../../../runtime/auth/principal';
import type { RewardsContext } from '../context';
import {
  ConsumeVoucherInput,
  GrantRewardInput,
  RedeemRewardInput,
  Redemption,
  Voucher,
  VoucherCheck,
} from './voucher.type';

@ObjectType({ description: 'What one run of the rewards job did.' })
class RewardsJobRun {
  @Field(() => Int)
  redemptionsCompleted!: number;

  @Field(() => Int)
  vouchersExpired!: number;

  @Field(() => Int)
  refundsRetried!: number;

  @Field(() => Int)
  birthdayRewardsGranted!: number;
}

@Resolver()
export class VoucherResolver {
  @Authorized('member', 'associate', 'service', 'admin')
  @Mutation(() => Redemption, {
    description:
      'Redeems a reward: checks eligibility, stock and balance, debits the points and issues a voucher. A member for themself (in the app), an associate at their till, a storefront at checkout. Idempotent on redemptionId: a retry finishes what a failure left and never takes twice.',
  })
  redeemReward(@Arg('input') input: RedeemRewardInput, @Ctx() ctx: RewardsContext): Promise<Redemption> {
    const caller = requirePrincipal(ctx.principal);
    const storeId = input.storeId ?? (caller.role === 'associate' ? (caller.storeId ?? null) : null);
    if (caller.role === 'member') requireCustomerAccess(caller, input.customerId, []);
    else requireChannelAccess(caller, input.channel, storeId);
    return ctx.redemptions.redeem({ ...input, storeId }, actorOf(caller));
  }

  @Authorized('associate', 'service', 'admin')
  @Query(() => VoucherCheck, {
    description: 'What a voucher code is worth, for whom, and whether it can be used in this channel now.',
  })
  validateVoucher(
    @Arg('code') code: string,
    @Arg('channel') channel: string,
    @Ctx() ctx: RewardsContext,
  ): Promise<VoucherCheck> {
    return ctx.vouchers.validate(code, channel);
  }

  @Authorized('associate', 'service', 'admin')
  @Mutation(() => Voucher, {
    description:
      'Uses a voucher on an order, once: an associate at their till, a storefront at checkout. Sending it again for the same order answers the same; another order gets CONFLICT (reason VoucherConsumed), as does an expired (VoucherExpired) or cancelled one. An offline till sends occurredAt: the voucher is judged as of then.',
  })
  consumeVoucher(@Arg('input') input: ConsumeVoucherInput, @Ctx() ctx: RewardsContext): Promise<Voucher> {
    const caller = requirePrincipal(ctx.principal);
    const storeId = input.storeId ?? (caller.role === 'associate' ? (caller.storeId ?? null) : null);
    requireChannelAccess(caller, input.channel, storeId);
    return ctx.vouchers.consume({ ...input, storeId }, actorOf(caller));
  }

  @Authorized('member', 'associate', 'admin')
  @Mutation(() => Voucher, { description: 'Cancels an unused voucher and refunds its points: the member or staff.' })
  async cancelVoucher(@Arg('code') code: string, @Ctx() ctx: RewardsContext): Promise<Voucher> {
    const caller = requirePrincipal(ctx.principal);
    return ctx.vouchers.cancel(code, actorOf(caller), caller.role === 'member' ? caller.subject : null);
  }

  @Authorized('marketer', 'admin', 'internal')
  @Mutation(() => Redemption, {
    description: 'Issues a reward without points (a campaign reward, a birthday reward), once per grantKey.',
  })
  grantReward(@Arg('input') input: GrantRewardInput, @Ctx() ctx: RewardsContext): Promise<Redemption> {
    return ctx.redemptions.grant(input.grantKey, input.customerId, input.rewardId, actorOf(ctx.principal!));
  }

  @Authorized('marketer', 'admin')
  @Mutation(() => Reward, {
    nullable: true,
    description:
      'Sets the reward every member gets on their birthday, once a year, as a voucher without points (null: none).',
  })
  async setBirthdayReward(
    @Arg('rewardId', () => ID, { nullable: true }) given: string | null | undefined,
    @Ctx() ctx: RewardsContext,
  ): Promise<Reward | null> {
    const rewardId = given ?? null;
    if (rewardId !== null && !isUuid(rewardId))
      throw userInputError('rewardId must be a reward id', { argument: 'rewardId' });
    const reward = rewardId === null ? null : await ctx.loaders.rewardById.load(rewardId);
    if (rewardId !== null && !reward)
      throw new RewardsError(RewardsErrorKind.UnknownReward, `No reward has the id ${rewardId}`);
    await ctx.rewards.setBirthdayReward(rewardId, actorOf(ctx.principal));
    return reward;
  }

  @Authorized()
  @Query(() => Reward, { nullable: true, description: 'The reward every member gets on their birthday, if any.' })
  async birthdayReward(@Ctx() ctx: RewardsContext): Promise<Reward | null> {
    const id = await birthdaySettingsStore.rewardId(ctx.db);
    return id ? ctx.loaders.rewardById.load(id) : null;
  }

  @Authorized('admin', 'internal')
  @Mutation(() => RewardsJobRun, {
    description:
      "Runs the rewards job now (it also runs on a timer): completes abandoned redemptions, expires vouchers, retries refunds, grants today's birthday rewards.",
  })
  runRewardsJob(@Ctx() ctx: RewardsContext): Promise<RewardsJobRun> {
    return ctx.rewardsJob.run();
  }
}

@Resolver(() => Voucher)
export class VoucherFieldsResolver {
  @FieldResolver(() => Reward)
  async reward(@Root() voucher: Voucher, @Ctx() ctx: RewardsContext): Promise<Reward> {
    return (await ctx.loaders.rewardById.load(voucher.reward.id))!;
  }
}

@Resolver(() => Redemption)
export class RedemptionFieldsResolver {
  @FieldResolver(() => Reward)
  async reward(@Root() redemption: Redemption, @Ctx() ctx: RewardsContext): Promise<Reward> {
    return (await ctx.loaders.rewardById.load(redemption.reward.id))!;
  }
}
