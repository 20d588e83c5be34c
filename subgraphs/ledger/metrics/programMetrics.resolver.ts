import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { userInputError } from '../../../runtime/errors/graphqlErrors';
import { maxRangeDays } from '../../../runtime/schema/resolveRangeReference';
import { isCurrencyCode } from '../../../runtime/validation/validators';
import type { LedgerContext } from '../context';
import { programMetrics } from './programMetrics.rules';
import { rangeFigures } from './programMetrics.store';
import { MetricsRefresh, ProgramMetrics } from './programMetrics.type';
import { readReplica } from '../../../runtime/database/readReplica';

/** Aggregates are per UTC day: a range counts whole days, from the day of `from` to the day before `to`'s. */
const startOfUtcDay = (at: Date): Date => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));

@Resolver()
export class ProgramMetricsResolver {
  @Authorized('marketer', 'admin', 'internal')
  @Query(() => ProgramMetrics, {
    description:
      'Program metrics for the UTC days from `from` up to (not including) `to`, in one currency. Read from aggregates folded about a second after each purchase or return (at the latest every METRICS_INTERVAL_MS).',
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
    const [firstDay, endDay] = [startOfUtcDay(from), startOfUtcDay(to)];
    if (!(firstDay < endDay) || endDay.getTime() - firstDay.getTime() > maxRangeDays * 86_400_000) {
      throw userInputError(
        `to must fall on a later UTC day than from, at most ${maxRangeDays} days after (whole UTC days are counted)`,
        { argument: 'to' },
      );
    }
    if (!isCurrencyCode(currency)) {
      throw userInputError('currency must be an ISO 4217 code such as EUR', { argument: 'currency' });
    }
    const window = churnAfterDays ?? ctx.core.policy.churnAfterDays;
    if (!Number.isInteger(window) || window < 1 || window > maxRangeDays) {
      throw userInputError(`churnAfterDays must be from 1 to ${maxRangeDays}`, { argument: 'churnAfterDays' });
    }
    // Aggregates of whole days across members: the read replica's, when there is one.
    const figures = programMetrics(await rangeFigures(readReplica(ctx.db), firstDay, endDay, currency, window));
    // The days counted, as the other subgraphs receive them, so every part of the answer covers the same range.
    return { from: firstDay, to: endDay, currency, ...figures };
  }

  @Authorized('marketer', 'admin', 'internal')
  @Mutation(() => MetricsRefresh, {
    description: 'Folds every ledger event not yet in the metrics aggregates now (it also runs on a timer).',
  })
  refreshProgramMetrics(@Ctx() ctx: LedgerContext): Promise<MetricsRefresh> {
    return ctx.metricsJob.run();
  }
}
