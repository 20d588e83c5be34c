import { useState, type FormEvent } from 'react';
import { Button, Card, Notice, TextField } from '../../../ui/components.js';
import { formatNumber } from '../../../ui/format.js';
import { useI18n } from '../../../ui/i18n.js';
import {
  ConsoleEraseMemberDocument,
  ConsoleExportPersonalDataDocument,
  ConsoleFindMemberDocument,
  ConsoleMemberSummaryDocument,
  ConsoleMergeMembersDocument,
  type ConsoleMemberSummaryQuery,
} from '../../sdk/graphql.js';
import { ErrorNotice } from '../ErrorNotice.js';
import { saveFile } from '../saveFile.js';
import { useGraph } from '../useGraph.js';
import { guessIdentifierType } from '../../../ui/identifier.js';

type Summary = NonNullable<ConsoleMemberSummaryQuery['customer']>;

/** The member's page's irreversible actions, each shown in full and confirmed before it is sent. */
export function MemberPrivacy({
  customerId,
  name,
  onChanged,
}: {
  customerId: string;
  name: string;
  onChanged(): void;
}) {
  const { t } = useI18n();
  return (
    <Card title={t('privacy.title')}>
      <MergeDuplicate survivorId={customerId} survivorName={name} onMerged={onChanged} />
      <PersonalData customerId={customerId} name={name} onErased={onChanged} />
    </Card>
  );
}

function MergeDuplicate({
  survivorId,
  survivorName,
  onMerged,
}: {
  survivorId: string;
  survivorName: string;
  onMerged(): void;
}) {
  const { t, locale } = useI18n();
  const graph = useGraph();
  const [identifier, setIdentifier] = useState('');
  const [reason, setReason] = useState('');
  const [duplicate, setDuplicate] = useState<Summary>();
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  const find = async (event: FormEvent) => {
    event.preventDefault();
    const value = identifier.trim();
    setDuplicate(undefined);
    setProblem(undefined);
    setError(undefined);
    setDone(undefined);
    if (!value) return setProblem(t('problem.required'));
    setBusy(true);
    try {
      const { customerByIdentifier } = await graph.request(ConsoleFindMemberDocument, {
        type: guessIdentifierType(value),
        value,
      });
      if (!customerByIdentifier) return setProblem(t('privacy.mergeNotFound', { value }));
      if (customerByIdentifier.id === survivorId) return setProblem(t('privacy.mergeSelf'));
      const { customer } = await graph.request(ConsoleMemberSummaryDocument, { id: customerByIdentifier.id });
      if (customer) setDuplicate(customer);
      else setProblem(t('privacy.mergeNotFound', { value }));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const merge = async () => {
    if (!duplicate) return;
    if (!reason.trim()) return setProblem(t('privacy.reasonMissing'));
    setBusy(true);
    setError(undefined);
    try {
      await graph.request(ConsoleMergeMembersDocument, {
        survivorId,
        mergedId: duplicate.id,
        reason: reason.trim(),
      });
      setDone(t('privacy.merged', { merged: duplicate.name, survivor: survivorName }));
      setDuplicate(undefined);
      setIdentifier('');
      setReason('');
      onMerged();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(event) => void find(event)} aria-label={t('privacy.merge')} noValidate>
      <h3>{t('privacy.merge')}</h3>
      <p className="muted">{t('privacy.mergeHint', { name: survivorName })}</p>
      <div className="form-grid">
        <TextField
          label={t('privacy.mergeIdentifier')}
          hint={t('members.identifierHint')}
          value={identifier}
          onChange={(event) => {
            setIdentifier(event.target.value);
            setDuplicate(undefined);
          }}
          error={!duplicate ? problem : undefined}
        />
        <TextField
          label={t('privacy.reason')}
          hint={t('privacy.reasonHint')}
          value={reason}
          onChange={(event) => {
            setReason(event.target.value);
            setProblem(undefined);
          }}
          error={duplicate ? problem : undefined}
        />
      </div>
      <Button type="submit" variant="secondary" busy={busy && !duplicate}>
        {t('privacy.mergeFind')}
      </Button>
      <div aria-live="polite">
        {duplicate && (
          <div className="confirm">
            <p>
              {t('privacy.mergeConfirm', {
                merged: duplicate.name,
                contact: duplicate.email ?? duplicate.phone ?? '—',
                points: formatNumber(locale, duplicate.loyalty?.balance ?? 0),
                survivor: survivorName,
              })}
            </p>
            <div className="actions">
              <Button variant="danger" busy={busy} onClick={() => void merge()}>
                {t('privacy.mergeSubmit', { merged: duplicate.name, survivor: survivorName })}
              </Button>
              <Button variant="ghost" onClick={() => setDuplicate(undefined)}>
                {t('privacy.cancel')}
              </Button>
            </div>
          </div>
        )}
        {done && <Notice tone="success">{done}</Notice>}
        {error !== undefined && <ErrorNotice error={error} />}
      </div>
    </form>
  );
}

function PersonalData({ customerId, name, onErased }: { customerId: string; name: string; onErased(): void }) {
  const { t } = useI18n();
  const graph = useGraph();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  const reasonProblem = reason.trim() ? undefined : t('privacy.reasonMissing');
  const exportData = async () => {
    setError(undefined);
    setDone(undefined);
    setBusy(true);
    try {
      const { exportProfile } = await graph.request(ConsoleExportPersonalDataDocument, { customerId });
      saveFile(
        `personal-data-${customerId}.json`,
        new Blob([JSON.stringify(exportProfile, null, 2)], { type: 'application/json' }),
      );
      setDone(t('privacy.exported', { name }));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const erase = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await graph.request(ConsoleEraseMemberDocument, { customerId, reason: reason.trim() });
      setConfirming(false);
      setDone(t('privacy.erased'));
      onErased();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      aria-label={t('privacy.personalData')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setAttempted(true);
        setDone(undefined);
        if (!reasonProblem) setConfirming(true);
      }}
    >
      <h3>{t('privacy.personalData')}</h3>
      <p className="muted">{t('privacy.personalDataHint')}</p>
      <div className="actions spaced">
        <Button variant="secondary" busy={busy && !confirming} onClick={() => void exportData()}>
          {t('privacy.export')}
        </Button>
      </div>
      <TextField
        label={t('privacy.eraseReason')}
        hint={t('privacy.reasonHint')}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={attempted ? reasonProblem : undefined}
      />
      <Button type="submit" variant="danger">
        {t('privacy.erase')}
      </Button>
      <div aria-live="polite">
        {confirming && (
          <div className="confirm">
            <p>{t('privacy.eraseConfirm', { name })}</p>
            <div className="actions">
              <Button variant="danger" busy={busy} onClick={() => void erase()}>
                {t('privacy.eraseSubmit', { name })}
              </Button>
              <Button variant="ghost" onClick={() => setConfirming(false)}>
                {t('privacy.cancel')}
              </Button>
            </div>
          </div>
        )}
        {done && <Notice tone="success">{done}</Notice>}
        {error !== undefined && <ErrorNotice error={error} />}
      </div>
    </form>
  );
}
