import { CapPeriod, type CampaignRule } from '../campaigns/campaign.rules';
import type { RuleUsage } from '../quotes/quote.engine';
import { localParts, Weekday, zonedInstant } from '../schedules/schedule.rules';

const weekdays = [
  Weekday.MONDAY,
  Weekday.TUESDAY,
  Weekday.WEDNESDAY,
  Weekday.THURSDAY,
  Weekday.FRIDAY,
  Weekday.SATURDAY,
  Weekday.SUNDAY,
];

/** When the cap period containing `at` began, in the program's time zone (weeks start on Monday). */
export function periodStart(period: CapPeriod, at: Date, timeZone: string): Date | null {
  if (period === CapPeriod.CAMPAIGN) return null;
  const local = localParts(at, timeZone);
  if (period === CapPeriod.MONTH) return zonedInstant({ ...local, day: 1, hour: 0, minute: 0 }, timeZone);
  const back = period === CapPeriod.WEEK ? weekdays.indexOf(local.weekday) : 0;
  // Date.UTC normalises day 0 and negative days into the previous month.
  const day = new Date(Date.UTC(local.year, local.month - 1, local.day - back));
  return zonedInstant(
    { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour: 0, minute: 0 },
    timeZone,
  );
}

export interface Grant {
  campaignId: string;
  points: number;
  grantedAt: Date;
}

/** What a campaign has granted a customer, as its limits count it at `at`. */
export function usageOf(
  rule: Pick<CampaignRule, 'id' | 'limits'>,
  spentPoints: number,
  customerGrants: readonly Grant[],
  at: Date,
  timeZone: string,
): RuleUsage {
  const since = periodStart(rule.limits.capPeriod, at, timeZone);
  const mine = customerGrants.filter((grant) => grant.campaignId === rule.id);
  const inPeriod = since ? mine.filter((grant) => grant.grantedAt >= since) : mine;
  return {
    periodPoints: inPeriod.reduce((sum, grant) => sum + grant.points, 0),
    periodGrants: inPeriod.length,
    grantsEver: mine.length,
    budgetLeft: rule.limits.budgetPoints === null ? null : Math.max(0, rule.limits.budgetPoints - spentPoints),
  };
}
