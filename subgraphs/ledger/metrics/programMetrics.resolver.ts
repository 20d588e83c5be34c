import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { userInputError } from '../../../runtime/errors/graphqlErrors';
import { isCurrencyCode } from '../../../runtime/validation/validators';
import type { LedgerContext } from '../context';
import { programMetrics } from './programMetrics.rules';
import { rangeFigures } from './programMetrics.store';
import { MetricsRefresh, ProgramMetrics } from './programMetrics.type';

const maxRangeDays = 3660;

@Resolver()
export class ProgramMetricsResolver {
  @Authorized('marketer', 'admin', 'internal')
  @Query(() => ProgramMetrics, {
    description:
      'Program metrics for the UTC days from `from` up to (not including) `to`, in one currency. Read from aggregates refreshed every METRICS_INTERVAL_MS.',
  })
  async programMetrics(
    @Arg('from') from: Date,
    @Arg('to') to: Date,
    @Arg('currency', { description: 'ISO 4217, e.g. EUR.' }) currency: string,
    @Ctx() ctx: LedgerContext,
    @Arg('churnAfterDays', () => Int, {
      nullable: true,
      description: 'The churn window: days before `from` whose buyers churnRate follows (default CHURN_AFTER_DAYS).',
    })
    churnAfterDays?: number | null,
  ): Promise<ProgramMetrics> {
    if (!(from < to) || to.getTime() - from.getTime() > maxRangeDays * 86_400_000) {
      throw userInputError(`from must be before to, at most ${maxRangeDays} days apart`, { argument: 'to' });
    }
    if (!isCurrencyCode(currency)) {
      throw userInputError('currency must be an ISO 4217 code such as EUR', { argument: 'currency' });
    }
    const window = churnAfterDays ?? ctx.core.policy.churnAfterDays;
    if (!Number.isInteger(window) || window < 1 || window > maxRangeDays) {
      throw userInputError(`churnAfterDays must be from 1 to ${maxRangeDays}`, { argument: 'churnAfterDays' });
    }
    return { from, to, currency, ...programMetrics(await rangeFigures(ctx.db, from, to, currency, window)) };
  }

  @Authorized('marketer', 'admin', 'internal')
  @Mutation(() => MetricsRefresh, {
    description: 'Folds every ledger event not yet in the metrics aggregates now (it also runs on a timer).',
  })
  refreshProgramMetrics(@Ctx() ctx: LedgerContext): Promise<MetricsRefresh> {
    return ctx.metricsJob.run();
  }
}
