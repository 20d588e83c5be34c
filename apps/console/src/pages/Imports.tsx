import { useState, type FormEvent } from 'react';
import { Button, Card, CheckboxField, Notice, Pill, SelectField, type Tone } from '../../../ui/components.js';
import { formatDateTime, formatNumber } from '../../../ui/format.js';
import { useI18n } from '../../../ui/i18n.js';
import {
  ConsoleImportJobsDocument,
  ConsoleStartImportDocument,
  type ImportJobFieldsFragment,
  type ImportJobState,
  type ImportKind,
} from '../../sdk/graphql.js';
import { ErrorNotice } from '../ErrorNotice.js';
import { useGraph, useQuery, useReloadWhile } from '../useGraph.js';
import { useSession } from '../session.js';

const kinds: readonly ImportKind[] = ['MEMBERS', 'BALANCES', 'TIERS', 'ORDERS'];
const stateTone: Record<ImportJobState, Tone> = {
  WAITING_FOR_FILE: 'neutral',
  RUNNING: 'info',
  INTERRUPTED: 'warning',
  COMPLETED: 'good',
};
const refreshMs = 1500;

/** A file's format by its name: `.csv` is CSV, anything else (`.ndjson`, `.jsonl`) NDJSON. */
export function formatOf(fileName: string): 'CSV' | 'NDJSON' {
  return /\.csv$/i.test(fileName) ? 'CSV' : 'NDJSON';
}

/** Uploads an import file with its progress (fetch reports none for a request body). */
function upload(path: string, file: File, authorization: string, onProgress: (sent: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('PUT', path);
    request.setRequestHeader('authorization', authorization);
    request.upload.onprogress = (event) => onProgress(event.loaded);
    request.onload = () =>
      request.status < 300 ? resolve() : reject(new Error(`${request.status} ${request.responseText.slice(0, 200)}`));
    request.onerror = () => reject(new Error('upload failed: the connection dropped; upload the file again to resume'));
    request.send(file);
  });
}

/** Import jobs with their progress, newest first, refreshed while one runs; a file uploaded from here. */
export function Imports() {
  const { t, locale } = useI18n();
  const jobs = useQuery(ConsoleImportJobsDocument, {});
  const list = jobs.data?.importJobs.edges.map((edge) => edge.node) ?? [];
  const running = list.some((job) => job.state === 'RUNNING' || job.state === 'WAITING_FOR_FILE');
  const { reload } = jobs;
  useReloadWhile(running, reload, refreshMs);
  return (
    <>
      <h1>{t('imports.title')}</h1>
      <NewImport onStarted={reload} />
      <Card title={t('imports.jobs')}>
        {jobs.error !== undefined && <ErrorNotice error={jobs.error} />}
        {!jobs.data ? (
          <p aria-live="polite">{t('loading')}</p>
        ) : list.length === 0 ? (
          <p>{t('imports.none')}</p>
        ) : (
          <ul className="jobs">
            {list.map((job) => (
              <JobRow key={job.id} job={job} locale={locale} />
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}

function JobRow({ job, locale }: { job: ImportJobFieldsFragment; locale: string }) {
  const { t } = useI18n();
  const total = job.total ?? undefined;
  const percent = total
    ? Math.min(100, Math.round((100 * job.processed) / total))
    : job.state === 'COMPLETED'
      ? 100
      : 0;
  const errors = job.errors.edges.map((edge) => edge.node);
  return (
    <li className="job">
      <div className="job-head">
        <strong>
          {t(`importKind.${job.kind}`)} · {job.fileName ?? job.format}
        </strong>
        <Pill tone={stateTone[job.state]}>{t(`importState.${job.state}`)}</Pill>
        {job.dryRun && <Pill tone="info">{t('imports.dryRun')}</Pill>}
      </div>
      <div
        className="progress"
        role="progressbar"
        aria-label={t('imports.progressLabel', { file: job.fileName ?? job.id })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <span style={{ width: `${percent}%` }} />
      </div>
      <p className="muted">
        {t(job.dryRun ? 'imports.countsDryRun' : 'imports.counts', {
          processed: job.processed,
          total: total === undefined ? '?' : formatNumber(locale, total),
          applied: job.applied,
          skipped: job.skipped,
          failed: job.failed,
        })}
        {' · '}
        {formatDateTime(locale, job.createdAt)}
      </p>
      {job.message && <p>{job.message}</p>}
      {errors.length > 0 && (
        <details>
          <summary>{t('imports.faults', { count: job.failed })}</summary>
          <ul>
            {errors.map((fault) => (
              <li key={`${fault.line}-${fault.field ?? ''}`}>
                {t('imports.fault', { line: fault.line, field: fault.field ?? '—', code: fault.code })}: {fault.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

function NewImport({ onStarted }: { onStarted(): void }) {
  const { t, locale } = useI18n();
  const graph = useGraph();
  const session = useSession();
  const [kind, setKind] = useState<ImportKind>('MEMBERS');
  const [file, setFile] = useState<File>();
  const [dryRun, setDryRun] = useState(true);
  const [attempted, setAttempted] = useState(false);
  const [sent, setSent] = useState<number>();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    setDone(undefined);
    if (!file) return;
    setError(undefined);
    setSent(0);
    try {
      const { startImport } = await graph.request(ConsoleStartImportDocument, {
        input: { kind, format: formatOf(file.name), dryRun, fileName: file.name },
      });
      onStarted();
      await upload(startImport.uploadPath, file, session.authorization, setSent);
      setDone(dryRun ? t('imports.checked', { file: file.name }) : t('imports.uploaded', { file: file.name }));
      onStarted();
    } catch (failure) {
      setError(failure);
    } finally {
      setSent(undefined);
    }
  };
  return (
    <Card title={t('imports.new')}>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('imports.new')}>
        <p className="muted">{t('imports.newHint')}</p>
        <div className="form-grid">
          <SelectField
            label={t('imports.kind')}
            value={kind}
            onChange={(event) => setKind(event.target.value as ImportKind)}
            options={kinds.map((value) => ({ value, label: t(`importKind.${value}`) }))}
          />
          <FileField
            label={t('imports.file')}
            hint={t('imports.fileHint')}
            error={attempted && !file ? t('imports.fileMissing') : undefined}
            onChange={setFile}
          />
        </div>
        <CheckboxField
          label={t('imports.dryRunLabel')}
          hint={t('imports.dryRunHint')}
          checked={dryRun}
          onChange={setDryRun}
        />
        <Button type="submit" busy={sent !== undefined}>
          {dryRun ? t('imports.check') : t('imports.start')}
        </Button>
        <div aria-live="polite">
          {sent !== undefined && file && (
            <p>{t('imports.sending', { sent: formatNumber(locale, sent), size: formatNumber(locale, file.size) })}</p>
          )}
          {done && <Notice tone="success">{done}</Notice>}
          {error !== undefined && <ErrorNotice error={error} />}
        </div>
      </form>
    </Card>
  );
}

function FileField({
  label,
  hint,
  error,
  onChange,
}: {
  label: string;
  hint: string;
  error?: string;
  onChange(file: File | undefined): void;
}) {
  const id = 'import-file';
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="file"
        accept=".csv,.ndjson,.jsonl,text/csv,application/x-ndjson"
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange(event.target.files?.[0])}
      />
      <p className="field-hint" id={`${id}-hint`}>
        {hint}
      </p>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
