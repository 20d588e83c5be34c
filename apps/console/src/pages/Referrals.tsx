import { useState } from 'react';
import { Button, Card, Notice, Pill, TextField } from '../../../ui/components.js';
import { formatDateTime } from '../../../ui/format.js';
import { useI18n } from '../../../ui/i18n.js';
import {
  ConsoleHeldReferralsDocument,
  ConsoleReviewReferralDocument,
  type ConsoleHeldReferralsQuery,
  type ReferralDecision,
} from '../../sdk/graphql.js';
import { ErrorNotice } from '../ErrorNotice.js';
import { channelLabel } from '../labels.js';
import { href } from '../route.js';
import { useSession } from '../session.js';
import { useGraph, useQuery } from '../useGraph.js';

type Referral = ConsoleHeldReferralsQuery['referrals']['edges'][number]['node'];
type Person = Referral['referrer'];

/**
 * The referrals a fraud signal held, oldest first, a page at a time: why each was held, who referred
 * whom and when, and a marketer's Approve (it is then taken, and paid) or Reject (nothing is paid).
 */
export function Referrals() {
  const { t } = useI18n();
  const { role } = useSession();
  // Names and contacts are member data: admins see them, marketers the members' ids.
  const people = role === 'admin';
  const [pages, setPages] = useState<Array<string | null>>([null]);
  const after = pages[pages.length - 1] ?? null;
  const loaded = useQuery(ConsoleHeldReferralsDocument, { after, people });
  const [done, setDone] = useState<string>();
  const rows = loaded.data?.referrals.edges.map((edge) => edge.node) ?? [];
  const pageInfo = loaded.data?.referrals.pageInfo;
  return (
    <>
      <h1>{t('referrals.title')}</h1>
      <p className="muted">{t('referrals.intro')}</p>
      {loaded.error !== undefined && <ErrorNotice error={loaded.error} />}
      <div aria-live="polite">{done && <Notice tone="success">{done}</Notice>}</div>
      <Card title={t('referrals.held')}>
        {!loaded.data ? (
          <p aria-live="polite">{t('loading')}</p>
        ) : rows.length === 0 ? (
          <p className="muted">{t('referrals.none')}</p>
        ) : (
          <ul className="jobs">
            {rows.map((referral) => (
              <HeldReferral
                key={referral.id}
                referral={referral}
                people={people}
                onReviewed={(message) => {
                  setDone(message);
                  loaded.reload();
                }}
              />
            ))}
          </ul>
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

function personWords(person: Person): string {
  return [person.name, person.email].filter(Boolean).join(' · ') || person.id;
}

function HeldReferral({
  referral,
  people,
  onReviewed,
}: {
  referral: Referral;
  people: boolean;
  onReviewed(message: string): void;
}) {
  const { t, locale } = useI18n();
  const graph = useGraph();
  const [note, setNote] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState<ReferralDecision>();
  const [error, setError] = useState<unknown>();
  const friend = personWords(referral.friend);
  const person = (who: Person) =>
    people ? <a href={href({ page: 'member', id: who.id })}>{personWords(who)}</a> : <code>{who.id}</code>;
  const noteProblem = attempted && !note.trim() ? t('referrals.noteProblem') : undefined;
  const review = async (decision: ReferralDecision) => {
    // A rejection says why (the referrer may ask); an approval may.
    if (decision === 'REJECT' && !note.trim()) {
      setAttempted(true);
      return;
    }
    setBusy(decision);
    setError(undefined);
    try {
      await graph.request(ConsoleReviewReferralDocument, {
        input: { id: referral.id, decision, note: note.trim() || null },
      });
      onReviewed(t(decision === 'APPROVE' ? 'referrals.approved' : 'referrals.rejected', { friend }));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <li className="job">
      <p>
        {referral.signals.map((signal) => (
          <span key={signal}>
            <Pill tone="warning">{t(`referralSignal.${signal}`)}</Pill>{' '}
          </span>
        ))}
        <span className="muted">
          {formatDateTime(locale, referral.createdAt)} · {channelLabel(t, referral.channel)} ·{' '}
          <code>{referral.code}</code>
        </span>
      </p>
      <dl className="details">
        <dt>{t('referrals.referrer')}</dt>
        <dd>{person(referral.referrer)}</dd>
        <dt>{t('referrals.friend')}</dt>
        <dd>{person(referral.friend)}</dd>
        <dt>{t('referrals.why')}</dt>
        <dd>{referral.signals.map((signal) => t(`referralSignal.reason.${signal}`)).join(' ')}</dd>
      </dl>
      <TextField
        label={t('referrals.noteLabel', { friend })}
        visibleLabel={t('referrals.note')}
        hint={t('referrals.noteHint')}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        error={noteProblem}
      />
      <div className="actions">
        <Button
          busy={busy === 'APPROVE'}
          onClick={() => void review('APPROVE')}
          aria-label={t('referrals.approveLabel', { friend })}
        >
          {t('referrals.approve')}
        </Button>
        <Button
          variant="danger"
          busy={busy === 'REJECT'}
          onClick={() => void review('REJECT')}
          aria-label={t('referrals.rejectLabel', { friend })}
        >
          {t('referrals.reject')}
        </Button>
      </div>
      {error !== undefined && <ErrorNotice error={error} />}
    </li>
  );
}
