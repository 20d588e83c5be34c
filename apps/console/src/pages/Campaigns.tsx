import { useState } from 'react';
import { Button, Card, Pill, type Tone } from '../../../ui/components.js';
import { formatDateTime, formatNumber } from '../../../ui/format.js';
import { useI18n, type Translate } from '../../../ui/i18n.js';
import { ConsoleCampaignsDocument, type CampaignStatus, type ConsoleCampaignsQuery } from '../../sdk/graphql.js';
import { ErrorNotice } from '../ErrorNotice.js';
import { href } from '../route.js';
import { useQuery } from '../useGraph.js';

const statusTone: Record<CampaignStatus, Tone> = {
  DRAFT: 'neutral',
  SCHEDULED: 'good',
  PAUSED: 'warning',
  ENDED: 'info',
};

export function statusLabel(t: Translate, status: CampaignStatus): string {
  return t(`status.${status}`);
}

export function StatusPill({ status, liveNow }: { status: CampaignStatus; liveNow: boolean }) {
  const { t } = useI18n();
  return (
    <Pill tone={liveNow ? 'good' : statusTone[status]}>{liveNow ? t('status.liveNow') : statusLabel(t, status)}</Pill>
  );
}

type CampaignRow = ConsoleCampaignsQuery['campaigns']['edges'][number]['node'];

/** Every campaign with its status and next live window, a page at a time. */
export function Campaigns() {
  const { t, locale } = useI18n();
  const [pages, setPages] = useState<Array<string | null>>([null]);
  const after = pages[pages.length - 1] ?? null;
  const campaigns = useQuery(ConsoleCampaignsDocument, { after });
  const timeZone = campaigns.data?.campaignProgram.timeZone;
  const rows: CampaignRow[] = campaigns.data?.campaigns.edges.map((edge) => edge.node) ?? [];
  const pageInfo = campaigns.data?.campaigns.pageInfo;
  return (
    <>
      <div className="page-header">
        <h1>{t('campaigns.title')}</h1>
        <a className="button button-primary" href={href({ page: 'newCampaign' })}>
          {t('campaigns.new')}
        </a>
      </div>
      {campaigns.error !== undefined && <ErrorNotice error={campaigns.error} />}
      {timeZone && <p className="muted">{t('campaigns.timeZone', { timeZone })}</p>}
      <Card>
        {!campaigns.data ? (
          <p aria-live="polite">{t('loading')}</p>
        ) : rows.length === 0 ? (
          <p>{t('campaigns.none')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('campaigns.name')}</th>
                  <th scope="col">{t('campaigns.status')}</th>
                  <th scope="col">{t('campaigns.nextLive')}</th>
                  <th scope="col" className="number">
                    {t('campaigns.spent')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((campaign) => (
                  <tr key={campaign.id}>
                    <td>
                      <a href={href({ page: 'campaign', id: campaign.id })}>{campaign.name}</a>
                      <div className="muted">{campaign.scheduleText}</div>
                    </td>
                    <td>
                      <StatusPill status={campaign.status} liveNow={campaign.liveNow} />
                    </td>
                    <td>
                      {campaign.nextLive
                        ? campaign.nextLive.end
                          ? t('campaigns.window', {
                              start: formatDateTime(locale, campaign.nextLive.start, timeZone),
                              end: formatDateTime(locale, campaign.nextLive.end, timeZone),
                            })
                          : t('campaigns.from', { start: formatDateTime(locale, campaign.nextLive.start, timeZone) })
                        : '—'}
                    </td>
                    <td className="number">
                      {formatNumber(locale, campaign.spentPoints)}
                      {campaign.budgetLeft !== null && campaign.budgetLeft !== undefined && (
                        <div className="muted">{t('campaigns.budgetLeft', { points: campaign.budgetLeft })}</div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="actions">
          {pages.length > 1 && (
            <Button variant="secondary" onClick={() => setPages(pages.slice(0, -1))}>
              {t('previous')}
            </Button>
          )}
          {pageInfo?.hasNextPage && (
            <Button variant="secondary" onClick={() => setPages([...pages, pageInfo.endCursor ?? null])}>
              {t('next')}
            </Button>
          )}
        </div>
      </Card>
    </>
  );
}
