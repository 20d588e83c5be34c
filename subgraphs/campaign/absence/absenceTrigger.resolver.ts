import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { CampaignContext } from '../context';
import type { AbsenceTriggerRecord } from './absenceTrigger.store';
import { AbsenceRun, AbsenceTimerCounts, AbsenceTrigger, AbsenceTriggerInput } from './absenceTrigger.type';

const managers = ['marketer', 'admin'] as const;

@Resolver(() => AbsenceTrigger)
export class AbsenceTriggerResolver {
  @Authorized(...managers)
  @Query(() => [AbsenceTrigger], {
    description: 'Absence triggers (abandoned cart, win-back), oldest first; retired ones when asked (marketers).',
  })
  async absenceTriggers(
    @Arg('includeRetired', { defaultValue: false }) includeRetired: boolean,
    @Ctx() ctx: CampaignContext,
  ): Promise<AbsenceTriggerRecord[]> {
    const all = await ctx.absenceTriggers.all();
    return includeRetired ? all : all.filter((trigger) => !trigger.retiredAt);
  }

  @Authorized(...managers)
  @Mutation(() => AbsenceTrigger, {
    description:
      'Defines an absence trigger: starts from now on count. A key in use, even by a retired trigger, is a CONFLICT.',
  })
  defineAbsenceTrigger(
    @Arg('input') input: AbsenceTriggerInput,
    @Ctx() ctx: CampaignContext,
  ): Promise<AbsenceTriggerRecord> {
    return ctx.absenceTriggers.define(input);
  }

  @Authorized(...managers)
  @Mutation(() => AbsenceTrigger, {
    description: 'Retires an absence trigger: nothing starts it any more and the waits running are cancelled.',
  })
  retireAbsenceTrigger(@Arg('key') key: string, @Ctx() ctx: CampaignContext): Promise<AbsenceTriggerRecord> {
    return ctx.absenceTriggers.retire(key);
  }

  @Authorized('admin', 'internal')
  @Mutation(() => AbsenceRun, {
    description:
      'Fires the absence timers due now and credits what fired ones give (it also runs at each due time, and on a slow poll).',
  })
  runAbsenceTriggers(@Ctx() ctx: CampaignContext): Promise<AbsenceRun> {
    return ctx.absenceScheduler.run();
  }

  @FieldResolver(() => AbsenceTimerCounts, { description: "The trigger's timers: running, fired, cancelled." })
  async timers(@Root() trigger: AbsenceTriggerRecord, @Ctx() ctx: CampaignContext): Promise<AbsenceTimerCounts> {
    return ctx.loaders.absenceTimerCounts.load(trigger.key);
  }
}
