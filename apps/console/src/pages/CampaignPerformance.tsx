import { Card, Stat, Stats } from '../../../ui/components.js';
import { formatMoney, formatNumber } from '../../../ui/format.js';
import { useI18n } from '../../../ui/i18n.js';
import { ConsolePerformanceDocument } from '../../sdk/graphql.js';
import { ErrorNotice } from '../ErrorNotice.js';
import { href } from '../route.js';
import { useQuery } from '../useGraph.js';

/** What a campaign granted and the spend it caused, against its random holdout. */
export function CampaignPerformance({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const loaded = useQuery(ConsolePerformanceDocument, { id });
  if (loaded.error !== undefined) return <ErrorNotice error={loaded.error} />;
  const campaign = loaded.data?.campaign;
  if (!campaign) return <p aria-live="polite">{t('loading')}</p>;
  const p = campaign.performance;
  const money = (minor: number | null | undefined) =>
    minor === null || minor === undefined ? '—' : formatMoney(locale, minor, p.currency);
  return (
    <>
      <h1>{t('performance.title', { name: campaign.name })}</h1>
      <p>
        <a href={href({ page: 'campaign', id })}>{t('performance.back')}</a>
      </p>
      <Card title={t('performance.granted')}>
        <Stats>
          <Stat label={t('performance.points')} value={formatNumber(locale, p.pointsGranted)} />
          <Stat label={t('performance.grants')} value={formatNumber(locale, p.grants)} />
          <Stat label={t('performance.membersReached')} value={formatNumber(locale, p.membersReached)} />
          <Stat label={t('performance.cost')} value={money(p.cost)} />
        </Stats>
      </Card>
      <Card title={t('performance.againstHoldout', { percent: p.holdoutPercent })}>
        {p.holdoutPercent === 0 ? (
          <p className="muted">{t('performance.noHoldout')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col" />
                  <th scope="col" className="number">
                    {t('performance.treatment')}
                  </th>
                  <th scope="col" className="number">
                    {t('performance.holdout')}
                  </th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{t('performance.members')}</th>
                  <td className="number">{formatNumber(locale, p.treatmentMembers)}</td>
                  <td className="number">{formatNumber(locale, p.holdoutMembers)}</td>
                </tr>
                <tr>
                  <th scope="row">{t('performance.buyers')}</th>
                  <td className="number">{formatNumber(locale, p.treatmentBuyers)}</td>
                  <td className="number">{formatNumber(locale, p.holdoutBuyers)}</td>
                </tr>
                <tr>
                  <th scope="row">{t('performance.spendPerMember')}</th>
                  <td className="number">{money(p.treatmentSpendPerMember)}</td>
                  <td className="number">{money(p.holdoutSpendPerMember)}</td>
                </tr>
              </tbody>
            </table>
          </div>
        )}
        <Stats>
          <Stat label={t('performance.incrementalSpend')} value={money(p.incrementalSpend)} />
          <Stat
            label={t('performance.roi')}
            value={p.roi === null || p.roi === undefined ? '—' : formatNumber(locale, p.roi, 2)}
          />
        </Stats>
      </Card>
    </>
  );
}
