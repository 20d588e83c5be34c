import { useState, type FormEvent } from 'react';
import { Button, Card, Notice, Pill, SelectField, TextAreaField, TextField } from '../../../ui/components.js';
import { formatDateTime } from '../../../ui/format.js';
import { useI18n } from '../../../ui/i18n.js';
import {
  ConsoleNotificationTemplatesDocument,
  ConsoleSetNotificationTemplateDocument,
  type ConsoleNotificationTemplatesQuery,
  type NotificationChannel,
  type NotificationKind,
} from '../../sdk/graphql.js';
import { ErrorNotice } from '../ErrorNotice.js';
import { useGraph, useQuery } from '../useGraph.js';

type Template = ConsoleNotificationTemplatesQuery['notificationTemplates'][number];
const kinds: readonly NotificationKind[] = [
  'POINTS_EARNED',
  'REWARD_AFFORDABLE',
  'VOUCHER_ISSUED',
  'TIER_CHANGED',
  'POINTS_EXPIRING',
  'BIRTHDAY',
  'ABSENCE_OFFER',
];
const channels: readonly NotificationChannel[] = ['EMAIL', 'SMS', 'PUSH'];

/** The texts of the program's messages, per kind, channel and language: the built-in ones and the marketers' own. */
export function Messages() {
  const { t } = useI18n();
  const loaded = useQuery(ConsoleNotificationTemplatesDocument, {});
  const [kind, setKind] = useState<NotificationKind>('POINTS_EARNED');
  const [channel, setChannel] = useState<NotificationChannel>('EMAIL');
  const [language, setLanguage] = useState('');
  const templates = (loaded.data?.notificationTemplates ?? []).filter(
    (template) => template.kind === kind && template.channel === channel,
  );
  const placeholders = loaded.data?.notificationTemplates.find((template) => template.kind === kind)?.placeholders;
  const newLanguage = language.trim().toLowerCase();
  const languageProblem = !newLanguage || /^[a-z]{2}$/.test(newLanguage) ? undefined : t('messages.languageProblem');
  const taken = templates.some((template) => template.language === newLanguage);
  return (
    <>
      <h1>{t('messages.title')}</h1>
      {loaded.error !== undefined && <ErrorNotice error={loaded.error} />}
      <Card>
        <p className="muted">{t('messages.hint')}</p>
        <div className="form-grid">
          <SelectField
            label={t('messages.kind')}
            value={kind}
            onChange={(event) => setKind(event.target.value as NotificationKind)}
            options={kinds.map((value) => ({ value, label: t(`messageKind.${value}`) }))}
          />
          <SelectField
            label={t('messages.channel')}
            value={channel}
            onChange={(event) => setChannel(event.target.value as NotificationChannel)}
            options={channels.map((value) => ({ value, label: t(`messageChannel.${value}`) }))}
          />
        </div>
        {placeholders && (
          <p className="muted">
            {t('messages.placeholders')} {placeholders.map((name) => `{{${name}}}`).join(' ')}
          </p>
        )}
      </Card>
      {!loaded.data ? (
        <p aria-live="polite">{t('loading')}</p>
      ) : (
        templates.map((template) => (
          <TemplateEditor
            key={`${template.kind}-${template.channel}-${template.language}-${template.updatedAt ?? ''}`}
            template={template}
            onSaved={loaded.reload}
          />
        ))
      )}
      {loaded.data && (
        <Card title={t('messages.addLanguage')}>
          <TextField
            label={t('messages.language')}
            hint={t('messages.languageHint')}
            value={language}
            onChange={(event) => setLanguage(event.target.value)}
            error={languageProblem ?? (taken ? t('messages.languageTaken') : undefined)}
          />
          {newLanguage && !languageProblem && !taken && (
            <TemplateEditor
              key={`new-${kind}-${channel}-${newLanguage}`}
              template={{
                kind,
                channel,
                language: newLanguage,
                subject: channel === 'EMAIL' ? '' : null,
                body: '',
                placeholders: placeholders ?? [],
                custom: false,
                updatedAt: null,
              }}
              isNew
              onSaved={() => {
                setLanguage('');
                loaded.reload();
              }}
            />
          )}
        </Card>
      )}
    </>
  );
}

function TemplateEditor({
  template,
  isNew = false,
  onSaved,
}: {
  template: Template;
  isNew?: boolean;
  onSaved(): void;
}) {
  const { t, locale } = useI18n();
  const graph = useGraph();
  const [subject, setSubject] = useState(template.subject ?? '');
  const [body, setBody] = useState(template.body);
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  const email = template.channel === 'EMAIL';
  const unknown = [...`${subject} ${body}`.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)]
    .map((match) => match[1]!)
    .filter((name) => !template.placeholders.includes(name));
  const problems = {
    subject: email && !subject.trim() ? t('problem.required') : undefined,
    body: !body.trim()
      ? t('problem.required')
      : unknown.length > 0
        ? t('messages.unknownPlaceholder', { names: unknown.join(', ') })
        : undefined,
  };
  const title = t('messages.templateTitle', {
    kind: t(`messageKind.${template.kind}`),
    channel: t(`messageChannel.${template.channel}`),
    language: template.language,
  });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    setDone(undefined);
    if (problems.subject || problems.body) return;
    setBusy(true);
    setError(undefined);
    try {
      await graph.request(ConsoleSetNotificationTemplateDocument, {
        input: {
          kind: template.kind,
          channel: template.channel,
          language: template.language,
          subject: email ? subject.trim() : undefined,
          body,
        },
      });
      setDone(t('messages.saved', { language: template.language }));
      onSaved();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const form = (
    <form onSubmit={(event) => void submit(event)} aria-label={title} noValidate>
      {!isNew && (
        <p>
          {template.custom ? (
            <Pill tone="info">
              {t('messages.custom', { at: template.updatedAt ? formatDateTime(locale, template.updatedAt) : '—' })}
            </Pill>
          ) : (
            <Pill>{t('messages.builtIn')}</Pill>
          )}
        </p>
      )}
      {email && (
        <TextField
          label={t('messages.subject')}
          value={subject}
          onChange={(event) => setSubject(event.target.value)}
          error={attempted ? problems.subject : undefined}
        />
      )}
      <TextAreaField
        label={t('messages.body')}
        rows={8}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        error={attempted || unknown.length > 0 ? problems.body : undefined}
      />
      <Button type="submit" busy={busy}>
        {t('messages.save')}
      </Button>
      <div aria-live="polite">
        {done && <Notice tone="success">{done}</Notice>}
        {error !== undefined && <ErrorNotice error={error} />}
      </div>
    </form>
  );
  return isNew ? form : <Card title={title}>{form}</Card>;
}
