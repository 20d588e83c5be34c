import { useState, type FormEvent } from 'react';
import { Button, Card, Notice, Pill, Stat, Stats, TextField, type Tone } from '../../../ui/components.js';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../../../ui/format.js';
import { useI18n, type Translate } from '../../../ui/i18n.js';
import { ConsoleAdjustPointsDocument, ConsoleMemberDocument, type ConsoleMemberQuery } from '../../sdk/graphql.js';
import { ErrorNotice } from '../ErrorNotice.js';
import { MemberPrivacy } from './MemberPrivacy.js';
import { MemberWallets } from './MemberWallets.js';
import { channelLabel } from '../labels.js';
import { href } from '../route.js';
import { useGraph, useQuery } from '../useGraph.js';

type Customer = NonNullable<ConsoleMemberQuery['customer']>;
type Entry = Customer['timeline']['edges'][number]['node'];
type Voucher = NonNullable<Customer['rewards']>['vouchers'][number];

/** A member's 360° page: profile, consent, identities, balance and tier, timeline; adjust points, merge, GDPR. */
export function Member({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const loaded = useQuery(ConsoleMemberDocument, { id });
  if (loaded.error !== undefined) return <ErrorNotice error={loaded.error} />;
  if (!loaded.data) return <p aria-live="polite">{t('loading')}</p>;
  const customer = loaded.data.customer;
  if (!customer) return <Notice tone="info">{t('member.gone')}</Notice>;
  const loyalty = customer.loyalty;
  return (
    <>
      <div className="page-header">
        <h1>{customer.name}</h1>
        {loyalty?.tier && <Pill tone="info">{loyalty.tier.name}</Pill>}
      </div>
      <p>
        <a href={href({ page: 'members' })}>{t('member.back')}</a>
      </p>
      <div className="grid">
        <Card title={t('member.points')}>
          <Stats>
            <Stat label={t('member.balance')} value={formatNumber(locale, loyalty?.balance ?? 0)} />
            <Stat label={t('member.pending')} value={formatNumber(locale, loyalty?.pending ?? 0)} />
            <Stat label={t('member.lifetime')} value={formatNumber(locale, loyalty?.lifetimePoints ?? 0)} />
          </Stats>
          {loyalty?.nextTier && loyalty.progress?.pointsToNextTier != null && (
            <p>{t('member.toNextTier', { points: loyalty.progress.pointsToNextTier, tier: loyalty.nextTier.name })}</p>
          )}
          <AdjustPoints customerId={customer.id} onAdjusted={loaded.reload} />
        </Card>
        <Card title={t('member.profile')}>
          <dl className="details">
            <dt>{t('member.email')}</dt>
            <dd>{customer.email ?? '—'}</dd>
            <dt>{t('member.phone')}</dt>
            <dd>{customer.phone ?? '—'}</dd>
            <dt>{t('member.enrolled')}</dt>
            <dd>
              {formatDate(locale, customer.enrolledAt)} · {channelLabel(t, customer.enrollmentChannel)}
            </dd>
            <dt>{t('member.identities')}</dt>
            <dd>
              {customer.identities
                .map((identity) => `${t(`identifier.${identity.type}`)}: ${identity.value}`)
                .join(' · ') || '—'}
            </dd>
            <dt>{t('member.consent')}</dt>
            <dd>
              {customer.consents.length === 0
                ? '—'
                : customer.consents
                    .map(
                      (consent) =>
                        `${consent.channel} ${consent.granted ? t('member.granted') : t('member.refused')} (${consent.source}, ${formatDate(locale, consent.changedAt)})`,
                    )
                    .join(' · ')}
            </dd>
            <dt>{t('member.segments')}</dt>
            <dd>{customer.segments?.map((segment) => segment.name).join(', ') || '—'}</dd>
          </dl>
        </Card>
      </div>
      <MemberWallets customerId={customer.id} />
      <Vouchers vouchers={customer.rewards?.vouchers ?? []} />
      <Card title={t('member.timeline')}>
        {customer.timeline.edges.length === 0 ? (
          <p className="muted">{t('member.noTimeline')}</p>
        ) : (
          <ol className="timeline">
            {customer.timeline.edges.map(({ node }) => (
              <li key={node.id}>
                <span className="muted">{formatDateTime(locale, node.occurredAt)}</span> —{' '}
                {timelineWords(t, locale, node)}
              </li>
            ))}
          </ol>
        )}
      </Card>
      <MemberPrivacy customerId={customer.id} name={customer.name} onChanged={loaded.reload} />
    </>
  );
}

const voucherTone: Record<Voucher['status'], Tone> = {
  ISSUED: 'good',
  CONSUMED: 'neutral',
  CANCELLED: 'warning',
  EXPIRED: 'neutral',
};

/** The member's vouchers, newest first: what each is for, its code, and whether it can still be used. */
function Vouchers({ vouchers }: { vouchers: readonly Voucher[] }) {
  const { t, locale } = useI18n();
  return (
    <Card title={t('member.vouchers')}>
      {vouchers.length === 0 ? (
        <p className="muted">{t('member.noVouchers')}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t('member.vouchers')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('member.voucherReward')}</th>
                <th scope="col">{t('member.voucherCode')}</th>
                <th scope="col">{t('member.voucherStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {vouchers.map((voucher) => (
                <tr key={voucher.id}>
                  <td>{voucher.reward.name}</td>
                  <td>
                    <code>{voucher.code}</code>
                  </td>
                  <td>
                    <Pill tone={voucherTone[voucher.status]}>{t(`voucherStatus.${voucher.status}`)}</Pill>
                    <div className="muted">
                      {voucher.status === 'CONSUMED' && voucher.consumedAt
                        ? t('member.voucherUsed', {
                            at: formatDateTime(locale, voucher.consumedAt),
                            channel: voucher.consumedChannel ? channelLabel(t, voucher.consumedChannel) : '—',
                          })
                        : t('member.voucherExpires', { at: formatDate(locale, voucher.expiresAt) })}
                    </div>
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

function timelineWords(t: Translate, locale: string, entry: Entry): string {
  const where = entry.channel ? ` · ${channelLabel(t, entry.channel)}` : '';
  switch (entry.__typename) {
    case 'PurchaseEntry':
      return (
        t('timeline.purchase', {
          amount: formatMoney(locale, entry.totalAmount, entry.currency),
          points: entry.pointsEarned,
        }) + where
      );
    case 'ReturnEntry':
      return t('timeline.return', {
        amount: entry.refundCurrency
          ? formatMoney(locale, entry.refundAmount, entry.refundCurrency)
          : String(entry.refundAmount),
        points: entry.pointsReversed,
      });
    case 'RedemptionEntry':
      return t('timeline.redemption', { reward: entry.reward.name, points: entry.pointsSpent });
    case 'MessageEntry':
      return t('timeline.message', { kind: entry.messageKind });
    case 'CustomerEvent':
      return t('timeline.event', { type: entry.type }) + where;
  }
}

function AdjustPoints({ customerId, onAdjusted }: { customerId: string; onAdjusted(): void }) {
  const { t } = useI18n();
  const graph = useGraph();
  const [points, setPoints] = useState('');
  const [reason, setReason] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  // One key per intended adjustment: a retry after a lost answer is the same adjustment.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const amount = Number(points);
  const pointsProblem = !Number.isInteger(amount) || amount === 0 ? t('member.adjustPointsProblem') : undefined;
  const reasonProblem = reason.trim() ? undefined : t('problem.required');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    setDone(undefined);
    if (pointsProblem || reasonProblem) return;
    setBusy(true);
    setError(undefined);
    try {
      const { adjustPoints } = await graph.request(ConsoleAdjustPointsDocument, {
        input: { customerId, points: amount, reason: reason.trim(), idempotencyKey },
      });
      setDone(t('member.adjusted', { points: adjustPoints.points, balance: adjustPoints.balanceAfter }));
      setPoints('');
      setReason('');
      setAttempted(false);
      setIdempotencyKey(crypto.randomUUID());
      onAdjusted();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-label={t('member.adjust')} noValidate>
      <h3>{t('member.adjust')}</h3>
      <div className="form-grid">
        <TextField
          label={t('member.adjustPoints')}
          hint={t('member.adjustPointsHint')}
          inputMode="numeric"
          value={points}
          onChange={(event) => setPoints(event.target.value)}
          error={attempted ? pointsProblem : undefined}
        />
        <TextField
          label={t('member.adjustReason')}
          hint={t('member.adjustReasonHint')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={attempted ? reasonProblem : undefined}
        />
      </div>
      <Button type="submit" busy={busy}>
        {t('member.adjustSubmit')}
      </Button>
      <div aria-live="polite">
        {done && <Notice tone="success">{done}</Notice>}
        {error !== undefined && <ErrorNotice error={error} />}
      </div>
    </form>
  );
}
