import { Arg, Authorized, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { GraphQLSafeInt } from 'graphql-scalars';
import { userInputError } from '../../../runtime/errors/graphqlErrors';
import { isUuid } from '../../../runtime/validation/validators';
import { toDefinition } from '../campaigns/campaign.service';
import { CampaignInput } from '../campaigns/campaign.type';
import type { CampaignContext } from '../context';

@ObjectType({ description: 'What a campaign would have done over past purchases.' })
class CampaignSimulation {
  @Field()
  from!: Date;

  @Field()
  to!: Date;

  @Field(() => Int, { description: 'Purchases in the range.' })
  purchasesConsidered!: number;

  @Field(() => Int, { description: 'Purchases the campaign would have rewarded.' })
  purchasesRewarded!: number;

  @Field(() => Int, { description: 'Distinct customers it would have rewarded.' })
  customersReached!: number;

  @Field(() => GraphQLSafeInt, { description: 'Points it would have granted, within its caps and budget.' })
  pointsCost!: number;

  @Field(() => Date, { nullable: true, description: 'When its budget would have run out, if it would have.' })
  budgetExhaustedAt!: Date | null;
}

@Resolver()
export class SimulationResolver {
  @Authorized('marketer', 'admin')
  @Query(() => CampaignSimulation, {
    description:
      'Runs a campaign (a saved one by id, or a draft given as input) over the purchases between from and to: its cost in points and the customers it reaches, before it goes live. Simulated alone; tiers and segments as they are now.',
  })
  async simulateCampaign(
    @Arg('from') from: Date,
    @Arg('to') to: Date,
    @Arg('id', () => ID, { nullable: true }) id: string | null,
    @Arg('input', () => CampaignInput, { nullable: true }) input: CampaignInput | null,
    @Ctx() ctx: CampaignContext,
  ): Promise<CampaignSimulation> {
    if ((id == null) === (input == null)) {
      throw userInputError('Give exactly one of id (a saved campaign) and input (a draft)', { argument: 'id' });
    }
    if (id != null && !isUuid(id)) throw userInputError('id must be a campaign id (UUID)', { argument: 'id' });
    const definition = id != null ? await ctx.campaigns.find(id) : toDefinition(input!);
    return ctx.simulations.simulate(definition, from, to, await ctx.quotes.program(), id ?? undefined);
  }
}
