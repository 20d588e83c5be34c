import type { OptimisationRow } from './optimisations';
import type { ImportScenarioResult } from './scenarios/import';
import type { ScaleRow } from './scenarios/scale';

interface Row {
  scenario: string;
  requestsPerSecond: number;
  medianMs: number;
  p99Ms: number;
  cpuMsPerRequest?: number;
}

interface LiveRow {
  load: string;
  identities: string;
  subscribers: number;
  purchasesPerSecond: number;
  deliveriesPerSecond: number;
  afterCommitMedianMs: number;
  afterCommitP99Ms: number;
  missing: number;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const count = (value: number) => value.toLocaleString('en');

function table(headings: string[], rows: string[][]): string {
  return [
    `| ${headings.join(' | ')} |`,
    `| ${headings.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

/** The report's tables in Markdown, for the READMEs (`results/latest.md`). */
export function markdownReport(report: {
  settings: { ordersPerMember: number };
  results: Row[];
  scaling: ScaleRow[];
  liveUpdates: LiveRow[];
  optimisations: OptimisationRow[];
  import?: ImportScenarioResult;
}): string {
  const sections = [
    table(
      ['scenario (8 concurrent clients unless noted)', 'requests/s', 'median', 'p99', 'CPU per request'],
      report.results.map((row) => [
        row.scenario,
        count(row.requestsPerSecond),
        ms(row.medianMs),
        ms(row.p99Ms),
        row.cpuMsPerRequest === undefined ? '' : `${row.cpuMsPerRequest.toFixed(2)} ms (its process)`,
      ]),
    ),
    table(
      ['members', 'orders', 'requests/s', 'median', 'p99', 'graph CPU/query', 'PostgreSQL CPU/query', 'buffer hits'],
      report.scaling.map((row) => [
        count(row.members),
        count(row.members * report.settings.ordersPerMember),
        count(row.requestsPerSecond),
        ms(row.medianMs),
        ms(row.p99Ms),
        ms(row.graphCpuMsPerQuery),
        ms(row.postgresCpuMsPerQuery),
        `${(row.sharedBufferHitRatio * 100).toFixed(2)}%`,
      ]),
    ),
    table(
      ['subscribers', 'streams', 'load', 'deliveries/s', 'median', 'p99', 'missed'],
      report.liveUpdates.map((run) => [
        count(run.subscribers),
        run.identities === 'one each' ? 'one per subscriber' : 'shared (one identity)',
        run.load === 'paced'
          ? `${run.purchasesPerSecond} purchases/s`
          : `as fast as 8 writers (${run.purchasesPerSecond}/s)`,
        count(run.deliveriesPerSecond),
        ms(run.afterCommitMedianMs),
        ms(run.afterCommitP99Ms),
        String(run.missing),
      ]),
    ),
    table(
      ['change', 'without', 'with', 'median without', 'median with'],
      report.optimisations.map((row) => [
        row.change,
        row.without + (row.withoutPerSecond !== undefined ? ` (${row.withoutPerSecond} req/s)` : ''),
        row.with + (row.withPerSecond !== undefined ? ` (${row.withPerSecond} req/s)` : ''),
        `${row.withoutMs.toFixed(2)} ms`,
        `${row.withMs.toFixed(2)} ms`,
      ]),
    ),
  ];
  const imported = report.import;
  if (imported) {
    sections.push(
      table(
        ['kind', 'records', 'seconds', 'records/s', 'peak RSS (MiB)'],
        imported.kinds.map((row) => [
          row.kind,
          count(row.records),
          row.seconds.toFixed(1),
          count(row.perSecond),
          String(row.peakRssMiB),
        ]),
      ),
      table(
        ['kind', 'COPY FROM into', 'seconds', 'records/s', 'import / COPY'],
        imported.copy.map((row) => [
          row.kind,
          row.tables.join(', '),
          row.seconds.toFixed(2),
          count(row.perSecond),
          `${Math.round(row.importShare * 100)}%`,
        ]),
      ),
    );
  }
  return `${sections.join('\n\n')}\n`;
}
