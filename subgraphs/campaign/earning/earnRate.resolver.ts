import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { actorOf } from '../../../runtime/auth/principal';
import type { CampaignContext } from '../context';
import { describeRate } from '../quotes/quote.engine';
import type { EarnRateRecord } from './earnRate.store';
import { EarnRate, SetEarnRateInput } from './earnRate.type';

const toEarnRate = (record: EarnRateRecord): EarnRate => ({ ...record, description: describeRate(record) });

@Resolver(() => EarnRate)
export class EarnRateResolver {
  @Query(() => [EarnRate], { description: 'The base earn rate of every currency the program earns in.' })
  async earnRates(@Ctx() ctx: CampaignContext): Promise<EarnRate[]> {
    return (await ctx.loaders.earnRates.load('all')).map(toEarnRate);
  }

  @Authorized('marketer', 'admin')
  @Mutation(() => EarnRate, { description: 'Sets the base earn rate of a currency, for every channel (marketers).' })
  async setEarnRate(@Arg('input') input: SetEarnRateInput, @Ctx() ctx: CampaignContext): Promise<EarnRate> {
    return toEarnRate(await ctx.earnRates.set(input, actorOf(ctx.principal)));
  }
}
