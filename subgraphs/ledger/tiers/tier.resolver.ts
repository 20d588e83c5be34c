import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { userInputError } from '../../../runtime/errors/graphqlErrors';
import type { LedgerContext } from '../context';
import { tierProgramProblem } from './tier.rules';
import { tierStore } from './tier.store';
import { TierProgramInput, TierProgramView } from './tier.type';

@Resolver(() => TierProgramView)
export class TierProgramResolver {
  @Authorized()
  @Query(() => TierProgramView, { nullable: true, description: 'The tier program; null when none is defined.' })
  async tierProgram(@Ctx() ctx: LedgerContext): Promise<TierProgramView | null> {
    const program = await ctx.tierProgram();
    return program && { windowMonths: program.windowMonths, tiers: [...program.tiers] };
  }

  @Authorized('marketer', 'admin')
  @Mutation(() => TierProgramView, {
    description:
      'Defines the tiers. Members move up at their next qualifying posting and are reviewed for a lower tier at their review date.',
  })
  async setTierProgram(@Arg('input') input: TierProgramInput, @Ctx() ctx: LedgerContext): Promise<TierProgramView> {
    const program = { windowMonths: input.windowMonths, tiers: input.tiers.map((tier) => ({ ...tier })) };
    const problem = tierProgramProblem(program);
    if (problem) throw userInputError(`Invalid tier program: ${problem}`, { argument: 'input' });
    await tierStore.replace(ctx.db, program);
    return program;
  }
}
