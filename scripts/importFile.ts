import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { graphqlRequest } from '../runtime/http/graphqlRequest';
import type { ImportKind } from '../runtime/imports/importBatch';

/** An import job as the CLI follows it. */
export interface ImportJobView {
  id: string;
  kind: ImportKind;
  format: 'NDJSON' | 'CSV';
  state: 'WAITING_FOR_FILE' | 'RUNNING' | 'INTERRUPTED' | 'COMPLETED';
  dryRun: boolean;
  total: number | null;
  processed: number;
  applied: number;
  skipped: number;
  failed: number;
  throughLine: number;
  message: string | null;
  uploadPath: string;
}

const jobFields = 'id kind format state dryRun total processed applied skipped failed throughLine message uploadPath';

export interface ImportFileOptions {
  /** The gateway's `/graphql` URL; the upload goes to its `/import/<job id>`. */
  gatewayUrl: string;
  /** An admin's `Bearer` header. */
  authorization: string;
  kind: ImportKind;
  file: string;
  format: 'ndjson' | 'csv';
  dryRun?: boolean;
  /** Go on with this job (after an interruption) instead of starting one. */
  resumeJobId?: string;
  /** Largest part of the file per request. Default 16 MiB. */
  partBytes?: number;
  /** Called as parts go in and while one uploads (every `progressIntervalMs`). */
  onProgress?: (job: ImportJobView, bytesSent: number, bytesTotal: number) => void;
  progressIntervalMs?: number;
}

/** Tries of one part before the import stops (resumable with `resumeJobId`). */
const partTries = 4;

/** The gateway's error, as `CODE: message`. */
export class ImportRefused extends Error {
  /** The job the refused upload was for (to resume it). */
  jobId: string | null = null;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

async function refusal(response: Response): Promise<ImportRefused> {
  const text = await response.text();
  try {
    const first = (JSON.parse(text) as { errors?: Array<{ message: string; extensions?: { code?: string } }> })
      .errors?.[0];
    if (first) return new ImportRefused(response.status, first.extensions?.code ?? 'ERROR', first.message);
  } catch {
    // not JSON: the status says it
  }
  return new ImportRefused(response.status, 'ERROR', `HTTP ${response.status}`);
}

/**
 * One part of the file: whole records only (a CSV record may hold quoted newlines), the file's
 * line number of its first line, and the bytes.
 */
interface Part {
  firstLine: number;
  lastLine: number;
  bytes: Buffer;
}

/**
 * Cuts a file into parts of about `partBytes` at record ends, reading it once; only one part is in
 * memory. CSV parts after the first start with the header row again.
 */
async function* partsOf(file: string, csv: boolean, partBytes: number): AsyncGenerator<Part> {
  let pieces: Buffer[] = [];
  let size = 0;
  let line = 1;
  let partFirstLine = 1;
  let quoted = false;
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let index = 0; index < chunk.length; index++) {
      const byte = chunk[index]!;
      if (csv && byte === 0x22) quoted = !quoted;
      else if (byte === 0x0a) {
        line += 1;
        if (quoted || size + index + 1 - start < partBytes) continue;
        pieces.push(chunk.subarray(start, index + 1));
        yield { firstLine: partFirstLine, lastLine: line - 1, bytes: Buffer.concat(pieces) };
        pieces = [];
        size = 0;
        start = index + 1;
        partFirstLine = line;
      }
    }
    pieces.push(chunk.subarray(start));
    size += chunk.length - start;
  }
  if (size > 0 || partFirstLine === 1) yield { firstLine: partFirstLine, lastLine: line, bytes: Buffer.concat(pieces) };
}

/** Counts a file's records by its line ends (CSV: outside quotes, less the header): the job's announced total. */
async function countRecords(file: string, csv: boolean): Promise<number> {
  let records = 0;
  let quoted = false;
  let last = 0x0a;
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    if (!csv) {
      for (let index = chunk.indexOf(0x0a); index !== -1; index = chunk.indexOf(0x0a, index + 1)) records++;
    } else {
      for (const byte of chunk) {
        if (byte === 0x22) quoted = !quoted;
        else if (byte === 0x0a && !quoted) records++;
      }
    }
    if (chunk.length > 0) last = chunk[chunk.length - 1]!;
  }
  if (last !== 0x0a) records++;
  return csv ? Math.max(0, records - 1) : records;
}

/**
 * Imports a file through the documented path: `startImport`, then the file in parts to
 * `PUT /import/<job id>`, each resumable: a part cut off is sent again and the gateway skips the
 * lines that went in. Returns the job as it ended (COMPLETED, or INTERRUPTED when the gateway kept
 * refusing; go on later with `resumeJobId`).
 */
export async function importFile(options: ImportFileOptions): Promise<ImportJobView> {
  const csv = options.format === 'csv';
  const headers = { authorization: options.authorization };
  const call = <T>(query: string, variables: Record<string, unknown>) =>
    graphqlRequest<T>(options.gatewayUrl, query, variables, { headers, timeoutMs: 30_000, service: 'gateway' });
  const readJob = async (id: string) => {
    const { importJob } = await call<{ importJob: ImportJobView | null }>(
      `query ImportJob($id: ID!) { importJob(id: $id) { ${jobFields} } }`,
      { id },
    );
    if (!importJob) throw new ImportRefused(404, 'NOT_FOUND', `No import job ${id}`);
    return importJob;
  };
  const bytesTotal = (await stat(options.file)).size;
  let job: ImportJobView;
  if (options.resumeJobId) {
    job = await readJob(options.resumeJobId);
  } else {
    const total = await countRecords(options.file, csv);
    ({ startImport: job } = await call<{ startImport: ImportJobView }>(
      `mutation StartImport($input: StartImportInput!) { startImport(input: $input) { ${jobFields} } }`,
      {
        input: {
          kind: options.kind,
          format: csv ? 'CSV' : 'NDJSON',
          dryRun: options.dryRun ?? false,
          fileName: options.file.split('/').pop(),
          total,
        },
      },
    ));
  }
  if (job.state === 'COMPLETED') return job;
  options.onProgress?.(job, 0, bytesTotal);
  const uploadUrl = new URL(job.uploadPath, options.gatewayUrl);
  let header: Buffer | null = null;
  let bytesSent = 0;
  const timer = setInterval(() => {
    readJob(job.id)
      .then((latest) => options.onProgress?.(latest, bytesSent, bytesTotal))
      .catch(() => undefined);
  }, options.progressIntervalMs ?? 1000);
  try {
    const parts = partsOf(options.file, csv, options.partBytes ?? 16 * 1024 * 1024);
    let first = true;
    for await (const part of parts) {
      if (csv && first) {
        const end = part.bytes.indexOf(0x0a);
        header = part.bytes.subarray(0, end + 1);
      }
      const lastPart = part.bytes.length + bytesSent >= bytesTotal;
      if (part.lastLine > job.throughLine || lastPart) {
        const body = csv && !first && header ? Buffer.concat([header, part.bytes]) : part.bytes;
        const line = csv && !first ? part.firstLine - 1 : part.firstLine;
        job = await sendPart(uploadUrl, headers, body, line, lastPart, () => readJob(job.id));
      }
      first = false;
      bytesSent += part.bytes.length;
      options.onProgress?.(job, bytesSent, bytesTotal);
    }
  } catch (error) {
    if (error instanceof ImportRefused) error.jobId = job.id;
    throw error;
  } finally {
    clearInterval(timer);
  }
  return readJob(job.id);
}

/** The first lines a job refused, in file order. */
export async function firstRefusedLines(
  gatewayUrl: string,
  authorization: string,
  jobId: string,
  first: number,
): Promise<Array<{ line: number; field: string | null; code: string; message: string }>> {
  const { importJob } = await graphqlRequest<{
    importJob: {
      errors: { edges: Array<{ node: { line: number; field: string | null; code: string; message: string } }> };
    };
  }>(
    gatewayUrl,
    'query ImportErrors($id: ID!, $first: Int!) { importJob(id: $id) { errors(first: $first) { edges { node { line field code message } } } } }',
    { id: jobId, first },
    { headers: { authorization }, service: 'gateway' },
  );
  return importJob.errors.edges.map((edge) => edge.node);
}

async function sendPart(
  url: URL,
  headers: Record<string, string>,
  body: Buffer,
  line: number,
  last: boolean,
  readJob: () => Promise<ImportJobView>,
): Promise<ImportJobView> {
  const target = new URL(url);
  target.searchParams.set('line', String(line));
  target.searchParams.set('last', String(last));
  for (let attempt = 1; ; attempt++) {
    let failure: ImportRefused;
    try {
      const response = await fetch(target, {
        method: 'PUT',
        headers: { ...headers, 'content-type': 'application/octet-stream' },
        body,
      });
      if (response.ok) {
        await response.arrayBuffer();
        return readJob();
      }
      failure = await refusal(response);
      // Refused for what it is (not signed in, no such job, completed, taken over): trying again changes nothing.
      if (failure.status !== 503) throw failure;
    } catch (error) {
      if (error instanceof ImportRefused && error.status !== 503) throw error;
      failure = error instanceof ImportRefused ? error : new ImportRefused(503, 'SERVICE_UNAVAILABLE', String(error));
    }
    if (attempt >= partTries) throw failure;
    await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
  }
}
