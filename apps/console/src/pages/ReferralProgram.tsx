import { useEffect, useState, type FormEvent } from 'react';
import { Button, Card, Notice, SelectField, TextField } from '../../../ui/components.js';
import { useI18n } from '../../../ui/i18n.js';
import { ConsoleReferralProgramDocument, ConsoleSetReferralProgramDocument } from '../../sdk/graphql.js';
import { ErrorNotice } from '../ErrorNotice.js';
import { href } from '../route.js';
import { useGraph, useQuery } from '../useGraph.js';

interface ReferralProgramForm {
  linkBase: string;
  capPerReferrer: string;
  capPeriod: string;
  signalWindowDays: string;
  newMemberHours: string;
}

/** The program's referral rules, beside its earning and tiers: the link, the cap, the fraud-signal windows. */
export function ReferralProgram() {
  const { t } = useI18n();
  const graph = useGraph();
  const loaded = useQuery(ConsoleReferralProgramDocument, {});
  const [form, setForm] = useState<ReferralProgramForm>();
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  const program = loaded.data?.referralProgram;
  useEffect(() => {
    if (!program) return;
    setForm({
      linkBase: program.linkBase,
      capPerReferrer: String(program.capPerReferrer),
      capPeriod: program.capPeriod,
      signalWindowDays: String(program.signalWindowDays),
      newMemberHours: String(program.newMemberHours),
    });
  }, [program]);
  const whole = (text: string) => /^\d+$/.test(text.trim()) && Number(text) >= 1;
  const problems = form && {
    linkBase: /^https?:\/\/\S+$/.test(form.linkBase.trim()) ? undefined : t('referralProgram.linkProblem'),
    capPerReferrer: whole(form.capPerReferrer) ? undefined : t('walletProblem.atLeastOne'),
    signalWindowDays: whole(form.signalWindowDays) ? undefined : t('walletProblem.atLeastOne'),
    newMemberHours: whole(form.newMemberHours) ? undefined : t('walletProblem.atLeastOne'),
  };
  const set = (field: keyof ReferralProgramForm, value: string) =>
    setForm((previous) => previous && { ...previous, [field]: value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form || !problems) return;
    setAttempted(true);
    setDone(undefined);
    if (Object.values(problems).some(Boolean)) return;
    setBusy(true);
    setError(undefined);
    try {
      await graph.request(ConsoleSetReferralProgramDocument, {
        input: {
          linkBase: form.linkBase.trim(),
          capPerReferrer: Number(form.capPerReferrer),
          capPeriod: form.capPeriod,
          signalWindowDays: Number(form.signalWindowDays),
          newMemberHours: Number(form.newMemberHours),
        },
      });
      setDone(t('referralProgram.saved'));
      setAttempted(false);
      loaded.reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const field = (name: Exclude<keyof ReferralProgramForm, 'capPeriod'>, hint?: string) =>
    form && (
      <TextField
        label={t(`referralProgram.${name}`)}
        hint={hint}
        inputMode={name === 'linkBase' ? 'url' : 'numeric'}
        value={form[name]}
        onChange={(event) => set(name, event.target.value)}
        error={attempted ? problems?.[name] : undefined}
      />
    );
  return (
    <Card title={t('referralProgram.title')}>
      {loaded.error !== undefined && <ErrorNotice error={loaded.error} />}
      {!form ? (
        <p aria-live="polite">{t('loading')}</p>
      ) : (
        <form onSubmit={(event) => void submit(event)} aria-label={t('referralProgram.title')} noValidate>
          <p className="muted">
            {t('referralProgram.intro')} <a href={href({ page: 'referrals' })}>{t('referralProgram.queue')}</a>
          </p>
          <div className="form-grid">
            {field('linkBase', t('referralProgram.linkBaseHint'))}
            {field('capPerReferrer')}
            <SelectField
              label={t('referralProgram.capPeriod')}
              value={form.capPeriod}
              onChange={(event) => set('capPeriod', event.target.value)}
              options={(['DAY', 'WEEK', 'MONTH'] as const).map((value) => ({
                value,
                label: t(`referralProgram.period.${value}`),
              }))}
            />
            {field('signalWindowDays', t('referralProgram.signalWindowDaysHint'))}
            {field('newMemberHours', t('referralProgram.newMemberHoursHint'))}
          </div>
          <Button type="submit" busy={busy}>
            {t('referralProgram.save')}
          </Button>
          <div aria-live="polite">
            {done && <Notice tone="success">{done}</Notice>}
            {error !== undefined && <ErrorNotice error={error} />}
          </div>
        </form>
      )}
    </Card>
  );
}
