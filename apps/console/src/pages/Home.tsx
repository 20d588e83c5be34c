import { useCallback, useEffect, useMemo, useState } from 'react';
import { BarChart, Button, Card, SelectField, Stat, Stats } from '../../../ui/components.js';
import { formatDateTime, formatMoney, formatNumber, formatPercent } from '../../../ui/format.js';
import { useI18n, type Translate } from '../../../ui/i18n.js';
import {
  ConsoleCurrenciesDocument,
  ConsoleRefreshMetricsDocument,
  ConsoleMetricsDocument,
  ConsoleWeekDocument,
  type ConsoleMetricsQuery,
} from '../../sdk/graphql.js';
import { ErrorNotice } from '../ErrorNotice.js';
import { channelLabel } from '../labels.js';
import { href } from '../route.js';
import { useGraph, useQuery } from '../useGraph.js';

const ranges = [7, 30, 90] as const;
const weeks = 12;
const dayMs = 86_400_000;

type Metrics = ConsoleMetricsQuery['programMetrics'];

/** Mondays at 00:00 UTC: the start of each of the last `count` weeks, the current one last. */
export function weekStarts(count: number, now = new Date()): Date[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const monday = today - ((now.getUTCDay() + 6) % 7) * dayMs;
  return Array.from({ length: count }, (_, i) => new Date(monday - (count - 1 - i) * 7 * dayMs));
}

/** The console's home: the program's figures over a range, in one currency, with their breakdowns and a weekly chart. */
export function Home() {
  const { t, locale } = useI18n();
  const graph = useGraph();
  const currencies = useQuery(ConsoleCurrenciesDocument, {});
  // The figures are folded from the ledger every few seconds; fold what is new first, so they are current.
  const [asOf, setAsOf] = useState<Date>();
  const [refreshing, setRefreshing] = useState(false);
  const [refreshError, setRefreshError] = useState<unknown>();
  const refresh = useCallback(async () => {
    setRefreshing(true);
    setRefreshError(undefined);
    try {
      await graph.request(ConsoleRefreshMetricsDocument, {});
    } catch (failure) {
      setRefreshError(failure);
    } finally {
      setAsOf(new Date());
      setRefreshing(false);
    }
  }, [graph]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const [days, setDays] = useState<(typeof ranges)[number]>(30);
  const [chosen, setChosen] = useState<string>();
  const programCurrency = currencies.data?.campaignProgram.currency;
  const currency = chosen ?? programCurrency;
  const choices = currencies.data
    ? [
        ...new Set([
          currencies.data.campaignProgram.currency,
          ...currencies.data.earnRates.map((rate) => rate.currency),
        ]),
      ]
    : [];
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
        <Button variant="secondary" busy={refreshing} onClick={() => void refresh()}>
          {t('home.refresh')}
        </Button>
        {asOf && <span className="muted">{t('home.asOf', { at: formatDateTime(locale, asOf.toISOString()) })}</span>}
        {choices.length > 1 && currency && (
          <div className="header-field">
            <SelectField
              label={t('home.currency')}
              value={currency}
              onChange={(event) => setChosen(event.target.value)}
              options={choices.map((code) => ({
                value: code,
                label: code === programCurrency ? t('home.programCurrency', { code }) : code,
              }))}
            />
          </div>
        )}
      </div>
      {(currencies.error ?? refreshError) !== undefined && <ErrorNotice error={currencies.error ?? refreshError} />}
      {currency && programCurrency && asOf && (
        // Read again after each refresh.
        <div key={asOf.getTime()}>
          <Figures days={days} currency={currency} programCurrency={programCurrency} />
          <WeeklyChart currency={currency} />
        </div>
      )}
    </>
  );
}

function score(t: Translate, nps: { score?: number | null; responses: number }): string {
  return nps.score == null ? t('home.npsNone') : String(nps.score);
}

function Figures({ days, currency, programCurrency }: { days: number; currency: string; programCurrency: string }) {
  const { t, locale } = useI18n();
  // The metrics count whole UTC days up to, not including, `to`'s day: today is in when `to` is tomorrow.
  const range = useMemo(() => {
    const now = new Date();
    const to = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
    return { from: new Date(to - days * dayMs).toISOString(), to: new Date(to).toISOString() };
  }, [days]);
  const metrics = useQuery(ConsoleMetricsDocument, { ...range, currency });
  if (metrics.error !== undefined) return <ErrorNotice error={metrics.error} />;
  const data = metrics.data;
  if (!data) return <p aria-live="polite">{t('loading')}</p>;
  const m = data.programMetrics;
  const money = (minor: number) => formatMoney(locale, minor, currency);
  return (
    <div aria-busy={metrics.loading}>
      <div className="grid">
        <Card title={t('home.members')}>
          <Stats>
            <Stat label={t('home.membersTotal')} value={formatNumber(locale, m.members)} />
            <Stat label={t('home.membersEnrolled')} value={formatNumber(locale, m.membersEnrolled)} />
            <Stat label={t('home.activeMembers')} value={formatNumber(locale, m.activeMembers)} />
            <Stat
              label={t('home.churnRate')}
              value={formatPercent(locale, m.churnRate)}
              hint={t('home.churnHint', { count: m.churnBase })}
            />
          </Stats>
        </Card>
        <Card title={t('home.points')}>
          <Stats>
            <Stat label={t('home.pointsIssued')} value={formatNumber(locale, m.pointsIssued)} />
            <Stat label={t('home.pointsRedeemed')} value={formatNumber(locale, m.pointsRedeemed)} />
            <Stat label={t('home.pointsExpired')} value={formatNumber(locale, m.pointsExpired)} />
            <Stat label={t('home.pointsOutstanding')} value={formatNumber(locale, m.pointsOutstanding)} />
            <Stat label={t('home.redemptionRate')} value={formatPercent(locale, m.redemptionRate)} />
          </Stats>
        </Card>
      </div>
      <Card title={t('home.sales')}>
        <Stats>
          <Stat label={t('home.purchases')} value={formatNumber(locale, m.purchases)} />
          <Stat label={t('home.netSpend')} value={money(m.netSpend)} />
          <Stat label={t('home.averageOrder')} value={money(m.averageOrderValue)} />
          <Stat
            label={t('home.purchaseFrequency')}
            value={formatNumber(locale, Math.round(m.purchaseFrequency * 10) / 10)}
          />
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
      <div className="grid">
        <Card title={t('home.omnichannel')}>
          <Stats>
            <Stat label={t('home.multiChannelShare')} value={formatPercent(locale, m.multiChannelShare)} />
            <Stat
              label={t('home.spendMulti')}
              value={money(m.multiChannelAverageSpend)}
              hint={t('home.versusSingle', { amount: money(m.singleChannelAverageSpend) })}
            />
            <Stat
              label={t('home.clvMulti')}
              value={money(m.multiChannelAverageClv)}
              hint={t('home.versusSingle', { amount: money(m.singleChannelAverageClv) })}
            />
          </Stats>
        </Card>
        <Card title={t('home.nps')}>
          <Stats>
            <Stat
              label={t('home.npsScore')}
              value={score(t, m.nps)}
              hint={t('home.npsResponses', { count: m.nps.responses })}
            />
            {m.npsByChannel.map((row) => (
              <Stat
                key={row.channel}
                label={channelLabel(t, row.channel)}
                value={score(t, row.nps)}
                hint={t('home.npsResponses', { count: row.nps.responses })}
              />
            ))}
          </Stats>
        </Card>
      </div>
      <Segments rows={m.bySegment} money={money} />
      <Campaigns data={data} currency={currency} programCurrency={programCurrency} />
    </div>
  );
}

function Segments({ rows, money }: { rows: Metrics['bySegment']; money(minor: number): string }) {
  const { t, locale } = useI18n();
  return (
    <Card title={t('home.segments')}>
      {/* Scrolls sideways on a phone: focusable so a keyboard can scroll it. */}
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t('home.segments')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('home.segment')}</th>
              <th scope="col" className="number">
                {t('home.membersTotal')}
              </th>
              <th scope="col" className="number">
                {t('home.activeMembers')}
              </th>
              <th scope="col" className="number">
                {t('home.purchases')}
              </th>
              <th scope="col" className="number">
                {t('home.netSpend')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <td>{row.name}</td>
                <td className="number">{formatNumber(locale, row.members)}</td>
                <td className="number">{formatNumber(locale, row.activeMembers)}</td>
                <td className="number">{formatNumber(locale, row.purchases)}</td>
                <td className="number">{money(row.netSpend)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

function Campaigns({
  data,
  currency,
  programCurrency,
}: {
  data: ConsoleMetricsQuery;
  currency: string;
  programCurrency: string;
}) {
  const { t, locale } = useI18n();
  const campaigns = data.campaigns.edges.map((edge) => edge.node);
  return (
    <Card title={t('home.campaigns')}>
      {currency !== programCurrency && (
        <p className="muted">{t('home.campaignsCurrency', { code: programCurrency })}</p>
      )}
      {campaigns.length === 0 ? (
        <p className="muted">{t('home.noCampaigns')}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t('home.campaigns')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('home.campaign')}</th>
                <th scope="col" className="number">
                  {t('home.reached')}
                </th>
                <th scope="col" className="number">
                  {t('home.pointsGranted')}
                </th>
                <th scope="col" className="number">
                  {t('home.incrementalSpend')}
                </th>
                <th scope="col" className="number">
                  {t('home.roi')}
                </th>
              </tr>
            </thead>
            <tbody>
              {campaigns.map((campaign) => (
                <tr key={campaign.id}>
                  <td>
                    <a href={href({ page: 'performance', id: campaign.id })}>{campaign.name}</a>
                    <div className="muted">{t(`status.${campaign.status}`)}</div>
                  </td>
                  <td className="number">{formatNumber(locale, campaign.performance.membersReached)}</td>
                  <td className="number">{formatNumber(locale, campaign.performance.pointsGranted)}</td>
                  <td className="number">
                    {campaign.holdoutPercent > 0 && campaign.performance.incrementalSpend != null
                      ? formatMoney(locale, campaign.performance.incrementalSpend, campaign.performance.currency)
                      : t('home.noHoldout')}
                  </td>
                  <td className="number">
                    {campaign.performance.roi == null ? '—' : formatPercent(locale, campaign.performance.roi)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

/** Net spend week by week (Monday to Sunday, UTC), the current week last. */
function WeeklyChart({ currency }: { currency: string }) {
  const { t, locale } = useI18n();
  const graph = useGraph();
  const [rows, setRows] = useState<Array<{ start: Date; netSpend: number; pointsIssued: number }>>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let current = true;
    const starts = weekStarts(weeks);
    setRows(undefined);
    Promise.all(
      starts.map(async (start) => {
        const to = new Date(start.getTime() + 7 * dayMs);
        const { programMetrics } = await graph.request(ConsoleWeekDocument, {
          from: start.toISOString(),
          to: to.toISOString(),
          currency,
        });
        return { start, ...programMetrics };
      }),
    ).then(
      (weekly) => current && setRows(weekly),
      (failure: unknown) => current && setError(failure),
    );
    return () => {
      current = false;
    };
  }, [graph, currency]);
  const weekLabel = (start: Date) =>
    new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(start);
  return (
    <Card title={t('home.weekly', { count: weeks })}>
      {error !== undefined && <ErrorNotice error={error} />}
      {!rows ? (
        <p aria-live="polite">{t('loading')}</p>
      ) : (
        <BarChart
          label={t('home.weekly', { count: weeks })}
          rows={rows.map((row) => ({
            key: row.start.toISOString(),
            label: t('home.weekOf', { date: weekLabel(row.start) }),
            value: row.netSpend,
            text: `${formatMoney(locale, row.netSpend, currency)} · ${t('home.pointsCount', { count: row.pointsIssued })}`,
          }))}
        />
      )}
    </Card>
  );
}
