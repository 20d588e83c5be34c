import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { actorOf } from '../../../runtime/auth/principal';
import { userInputError } from '../../../runtime/errors/graphqlErrors';
import { CampaignProgram } from '../campaigns/campaign.type';
import type { CampaignContext } from '../context';
import { isValidTimeZone } from '../schedules/schedule.rules';

@Resolver()
export class ProgramResolver {
  @Authorized()
  @Query(() => CampaignProgram, { description: "The program's time zone and currency, as campaigns read them." })
  campaignProgram(@Ctx() ctx: CampaignContext): Promise<CampaignProgram> {
    return ctx.quotes.program();
  }

  @Authorized('marketer', 'admin')
  @Mutation(() => CampaignProgram, {
    description:
      "Sets the program's IANA time zone (schedules, weekly windows and cap periods follow it) and currency.",
  })
  async setCampaignProgram(
    @Arg('input') input: CampaignProgram,
    @Ctx() ctx: CampaignContext,
  ): Promise<CampaignProgram> {
    if (!isValidTimeZone(input.timeZone)) {
      throw userInputError(`${input.timeZone} is not an IANA time zone (e.g. Europe/Paris)`, { argument: 'timeZone' });
    }
    const settings = { timeZone: input.timeZone, currency: input.currency };
    await ctx.quotes.setProgram(settings, actorOf(ctx.principal!));
    return settings;
  }
}
