import { useMemo, useState } from 'react';
import { BarChart, Card, Stat, Stats } from '../../../ui/components.js';
import { formatMoney, formatNumber, formatPercent } from '../../../ui/format.js';
import { useI18n } from '../../../ui/i18n.js';
import { ConsoleCampaignChoicesDocument, ConsoleMetricsDocument } from '../../sdk/graphql.js';
import { ErrorNotice } from '../ErrorNotice.js';
import { channelLabel } from '../labels.js';
import { useQuery } from '../useGraph.js';

const ranges = [7, 30, 90] as const;

/** The console's home: the program's figures over a range, with spend by channel. */
export function Home() {
  const { t } = useI18n();
  const program = useQuery(ConsoleCampaignChoicesDocument, {});
  const [days, setDays] = useState<(typeof ranges)[number]>(30);
  return (
    <>
      <div className="page-header">
        <h1>{t('home.title')}</h1>
        <div className="toggles" role="group" aria-label={t('home.range')}>
          {ranges.map((range) => (
            <button
              key={range}
              type="button"
              className="toggle"
              aria-pressed={days === range}
              onClick={() => setDays(range)}
            >
              {t('home.lastDays', { count: range })}
            </button>
          ))}
        </div>
      </div>
      {program.error !== undefined && <ErrorNotice error={program.error} />}
      {program.data && <Metrics days={days} currency={program.data.campaignProgram.currency} />}
    </>
  );
}

function Metrics({ days, currency }: { days: number; currency: string }) {
  const { t, locale } = useI18n();
  const range = useMemo(() => {
    const to = new Date();
    return { from: new Date(to.getTime() - days * 86_400_000).toISOString(), to: to.toISOString() };
  }, [days]);
  const metrics = useQuery(ConsoleMetricsDocument, { ...range, currency });
  if (metrics.error !== undefined) return <ErrorNotice error={metrics.error} />;
  const m = metrics.data?.programMetrics;
  if (!m) return <p aria-live="polite">{t('loading')}</p>;
  const money = (minor: number) => formatMoney(locale, minor, currency);
  return (
    <div aria-busy={metrics.loading}>
      <Card title={t('home.members')}>
        <Stats>
          <Stat label={t('home.membersTotal')} value={formatNumber(locale, m.members)} />
          <Stat label={t('home.membersEnrolled')} value={formatNumber(locale, m.membersEnrolled)} />
          <Stat label={t('home.activeMembers')} value={formatNumber(locale, m.activeMembers)} />
        </Stats>
      </Card>
      <Card title={t('home.sales')}>
        <Stats>
          <Stat label={t('home.purchases')} value={formatNumber(locale, m.purchases)} />
          <Stat label={t('home.netSpend')} value={money(m.netSpend)} />
          <Stat label={t('home.averageOrder')} value={money(m.averageOrderValue)} />
        </Stats>
        <h3>{t('home.byChannel')}</h3>
        {m.byChannel.length === 0 ? (
          <p className="muted">{t('home.noSales')}</p>
        ) : (
          <BarChart
            label={t('home.byChannel')}
            rows={m.byChannel.map((row) => ({
              key: row.key,
              label: channelLabel(t, row.key),
              value: row.netSpend,
              text: `${money(row.netSpend)} · ${t('home.purchasesCount', { count: row.purchases })}`,
            }))}
          />
        )}
      </Card>
      <Card title={t('home.points')}>
        <Stats>
          <Stat label={t('home.pointsIssued')} value={formatNumber(locale, m.pointsIssued)} />
          <Stat label={t('home.pointsRedeemed')} value={formatNumber(locale, m.pointsRedeemed)} />
          <Stat label={t('home.pointsOutstanding')} value={formatNumber(locale, m.pointsOutstanding)} />
          <Stat label={t('home.redemptionRate')} value={formatPercent(locale, m.redemptionRate)} />
        </Stats>
      </Card>
    </div>
  );
}
