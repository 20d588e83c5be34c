import { useState, type FormEvent } from 'react';
import { Button, Card, Notice, SelectField, TextField } from '../../../ui/components.js';
import { formatNumber } from '../../../ui/format.js';
import { useI18n } from '../../../ui/i18n.js';
import { ConsoleSegmentChoicesDocument } from '../../sdk/graphql.js';
import { ErrorNotice } from '../ErrorNotice.js';
import { GraphRequestError, type GraphError } from '../graph.js';
import { useQuery } from '../useGraph.js';
import { saveFile } from '../saveFile.js';
import { useSession } from '../session.js';

const datasets = ['members', 'balances', 'lots', 'journal', 'orders'] as const;
type Dataset = (typeof datasets)[number];
/** Balances and lots are as of now: the endpoint refuses a range on them. */
const ranged: ReadonlySet<Dataset> = new Set(['members', 'journal', 'orders']);

interface Progress {
  rows: number;
  bytes: number;
}

/** The export's address on this origin: `/export/<dataset>` with the chosen filters. */
export function exportPath(
  dataset: Dataset,
  options: { format: 'csv' | 'ndjson'; from?: string; to?: string; segment?: string },
): string {
  const query = new URLSearchParams({ format: options.format });
  if (ranged.has(dataset) && options.from) query.set('from', options.from);
  if (ranged.has(dataset) && options.to) query.set('to', options.to);
  if (options.segment) query.set('segment', options.segment);
  return `/export/${dataset}?${query.toString()}`;
}

/**
 * Downloads an export as it streams, counting its rows (lines; less the header in CSV), then saves it
 * as the file the endpoint names. A refusal before the first row is the endpoint's JSON error.
 */
async function download(path: string, authorization: string, csv: boolean, onProgress: (progress: Progress) => void) {
  const response = await fetch(path, { headers: { authorization } });
  if (!response.ok || !response.body) {
    let errors: GraphError[] = [{ message: `HTTP ${response.status}`, extensions: { code: 'SERVICE_UNAVAILABLE' } }];
    try {
      errors = ((await response.json()) as { errors: GraphError[] }).errors;
    } catch {
      // Not the endpoint's JSON refusal: keep the status.
    }
    throw new GraphRequestError(errors);
  }
  const parts: Uint8Array<ArrayBuffer>[] = [];
  const reader = response.body.getReader();
  let lines = 0;
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    bytes += value.byteLength;
    for (const byte of value) if (byte === 10) lines += 1;
    onProgress({ rows: Math.max(0, csv ? lines - 1 : lines), bytes });
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'export';
  saveFile(name, new Blob(parts, { type: response.headers.get('content-type') ?? undefined }));
  return { name, rows: Math.max(0, csv ? lines - 1 : lines), bytes };
}

/** Members, balances, lots, journal and orders as CSV or NDJSON files, for BI tools and finance. */
export function Exports() {
  const { t, locale } = useI18n();
  const session = useSession();
  const segments = useQuery(ConsoleSegmentChoicesDocument, {});
  const [dataset, setDataset] = useState<Dataset>('members');
  const [format, setFormat] = useState<'csv' | 'ndjson'>('csv');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [segment, setSegment] = useState('');
  const [progress, setProgress] = useState<Progress>();
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<unknown>();
  const rangeProblem = from && to && to <= from ? t('exports.rangeProblem') : undefined;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (rangeProblem) return;
    setError(undefined);
    setDone(undefined);
    setProgress({ rows: 0, bytes: 0 });
    try {
      const saved = await download(
        exportPath(dataset, { format, from, to, segment }),
        session.authorization,
        format === 'csv',
        setProgress,
      );
      setDone(
        t('exports.done', {
          file: saved.name,
          rows: formatNumber(locale, saved.rows),
          size: formatNumber(locale, Math.ceil(saved.bytes / 1024)),
        }),
      );
    } catch (failure) {
      setError(failure);
    } finally {
      setProgress(undefined);
    }
  };
  return (
    <>
      <h1>{t('exports.title')}</h1>
      <Card title={t('exports.new')}>
        <form onSubmit={(event) => void submit(event)} aria-label={t('exports.new')} noValidate>
          <p className="muted">{t('exports.hint')}</p>
          <div className="form-grid">
            <SelectField
              label={t('exports.dataset')}
              hint={t(`exports.dataset.${dataset}.hint`)}
              value={dataset}
              onChange={(event) => setDataset(event.target.value as Dataset)}
              options={datasets.map((value) => ({ value, label: t(`exports.dataset.${value}`) }))}
            />
            <SelectField
              label={t('exports.format')}
              value={format}
              onChange={(event) => setFormat(event.target.value as 'csv' | 'ndjson')}
              options={[
                { value: 'csv', label: t('exports.format.csv') },
                { value: 'ndjson', label: t('exports.format.ndjson') },
              ]}
            />
            {ranged.has(dataset) && (
              <>
                <TextField
                  label={t('exports.from')}
                  hint={t('exports.fromHint')}
                  type="date"
                  value={from}
                  onChange={(event) => setFrom(event.target.value)}
                />
                <TextField
                  label={t('exports.to')}
                  hint={t('exports.toHint')}
                  type="date"
                  value={to}
                  onChange={(event) => setTo(event.target.value)}
                  error={rangeProblem}
                />
              </>
            )}
            <SelectField
              label={t('exports.segment')}
              value={segment}
              onChange={(event) => setSegment(event.target.value)}
              options={[
                { value: '', label: t('exports.everyone') },
                ...(segments.data?.segments ?? []).map((one) => ({ value: one.key, label: one.name })),
              ]}
            />
          </div>
          <Button type="submit" busy={progress !== undefined}>
            {t('exports.download')}
          </Button>
          <div aria-live="polite">
            {progress && (
              <p>
                {t('exports.progress', {
                  rows: formatNumber(locale, progress.rows),
                  size: formatNumber(locale, Math.ceil(progress.bytes / 1024)),
                })}
              </p>
            )}
            {done && <Notice tone="success">{done}</Notice>}
            {(error ?? segments.error) !== undefined && <ErrorNotice error={error ?? segments.error} />}
          </div>
        </form>
      </Card>
    </>
  );
}
