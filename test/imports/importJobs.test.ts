import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { csvRecord } from '../../runtime/exports/csv';
import { importFile, type ImportJobView } from '../../scripts/importFile';
import { eventually } from '../support/eventually';
import { unique } from '../support/fixtures';
import { startTestGraph, type GraphClient, type TestGraph } from '../support/testGraph';

const jobFields =
  'id kind format state dryRun total processed applied skipped failed throughLine attempt message uploadPath';

interface Job extends ImportJobView {
  attempt: number;
}

interface Upload {
  status: number;
  body: { job?: Job; errors?: Array<{ line: number; field: string | null; code: string; message: string }> } & {
    errors?: unknown;
  };
}

let graph: TestGraph;
let folder: string;

beforeAll(async () => {
  // Small batches, so that a short file is many batches and a cut lands between them.
  graph = await startTestGraph({ gateway: { importBatchRecords: 10 } });
  folder = mkdtempSync(path.join(tmpdir(), 'loyalty-import-'));
});
afterAll(async () => {
  await graph?.stop();
  rmSync(folder, { recursive: true, force: true });
});

async function startImport(client: GraphClient, input: Record<string, unknown>): Promise<Job> {
  const { startImport: job } = await client.data<{ startImport: Job }, unknown>(
    `mutation($input: StartImportInput!) { startImport(input: $input) { ${jobFields} } }`,
    { input },
  );
  return job;
}

async function readJob(id: string): Promise<Job> {
  const { importJob } = await graph.admin.data<{ importJob: Job }, unknown>(
    `query($id: ID!) { importJob(id: $id) { ${jobFields} } }`,
    { id },
  );
  return importJob;
}

async function faults(id: string, first = 100, after: string | null = null) {
  const { importJob } = await graph.admin.data<
    {
      importJob: {
        errors: {
          edges: Array<{ node: { line: number; field: string | null; code: string; message: string } }>;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      };
    },
    unknown
  >(
    `query($id: ID!, $first: Int!, $after: String) { importJob(id: $id) { errors(first: $first, after: $after) {
       edges { node { line field code message } } pageInfo { hasNextPage endCursor } } } }`,
    { id, first, after },
  );
  return importJob.errors;
}

async function upload(
  job: { uploadPath: string },
  body: string,
  authorization: string | null | undefined = graph.admin.authorization,
  query = '',
): Promise<Upload> {
  const response = await fetch(new URL(`${job.uploadPath}${query}`, graph.url), {
    method: 'PUT',
    headers: authorization ? { authorization } : {},
    body,
  });
  return { status: response.status, body: (await response.json()) as Upload['body'] };
}

/** Members by their legacy key, as the graph finds them. */
async function memberByKey(key: string): Promise<{ id: string; givenName: string; email: string | null } | null> {
  const { customerByIdentifier } = await graph.admin.data<
    { customerByIdentifier: { id: string; givenName: string; email: string | null } | null },
    unknown
  >('query($value: String!) { customerByIdentifier(type: LEGACY_MEMBER_ID, value: $value) { id givenName email } }', {
    value: key,
  });
  return customerByIdentifier;
}

const member = (run: string, n: number) => ({
  memberKey: `${run}-${n}`,
  givenName: `Imported${n}`,
  familyName: 'Member',
  email: `${run}-${n}@example.com`,
  enrolledAt: '2021-05-01T10:00:00Z',
});

function writeFile(name: string, text: string): string {
  const file = path.join(folder, name);
  writeFileSync(file, text);
  return file;
}

const ndjson = (records: readonly unknown[]) => records.map((record) => JSON.stringify(record)).join('\n') + '\n';

describe('import jobs through the gateway', () => {
  it('takes an NDJSON file, reports every refused line with its line, field and code, and lets the rest in', async () => {
    const run = unique('imp');
    const lines = [
      ndjson([member(run, 1)]).trim(),
      '{not json',
      JSON.stringify({ ...member(run, 3), givenName: undefined }),
      JSON.stringify({ ...member(run, 4), enrolledAt: 'yesterday' }),
      ...Array.from({ length: 21 }, (_, n) => JSON.stringify(member(run, n + 5))),
    ];
    const job = await startImport(graph.admin, { kind: 'MEMBERS', format: 'NDJSON', fileName: 'members.ndjson' });
    expect(job).toMatchObject({ state: 'WAITING_FOR_FILE', processed: 0, uploadPath: `/import/${job.id}` });

    const answer = await upload(job, `${lines.join('\n')}\n`);
    expect(answer.status).toBe(200);
    expect(answer.body.job).toMatchObject({ state: 'COMPLETED' });
    const done = await readJob(job.id);
    expect(done).toMatchObject({ state: 'COMPLETED', total: 25, processed: 25, applied: 22, skipped: 0, failed: 3 });
    expect(done.throughLine).toBe(25);

    const page = await faults(job.id);
    expect(page.edges.map(({ node }) => [node.line, node.field, node.code])).toEqual([
      [2, null, 'BAD_USER_INPUT'],
      [3, 'givenName', 'BAD_USER_INPUT'],
      [4, 'enrolledAt', 'BAD_USER_INPUT'],
    ]);
    // Pages follow the file's order.
    const first = await faults(job.id, 2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await faults(job.id, 2, first.pageInfo.endCursor);
    expect(rest.edges.map(({ node }) => node.line)).toEqual([4]);

    expect(await memberByKey(`${run}-1`)).toMatchObject({ givenName: 'Imported1', email: `${run}-1@example.com` });
    expect(await memberByKey(`${run}-3`)).toBeNull();
    expect(await memberByKey(`${run}-25`)).toMatchObject({ givenName: 'Imported25' });
  });

  it('reads CSV with dotted columns like NDJSON, and a dry run validates it all and changes nothing', async () => {
    const run = unique('csv');
    const csv =
      csvRecord(['memberKey', 'givenName', 'email', 'consent.EMAIL.granted', 'consent.EMAIL.source', 'attributes']) +
      csvRecord([`${run}-1`, 'Ada, Countess', `${run}-1@example.com`, 'true', 'old-shop', '{"vip":true}']) +
      csvRecord([`${run}-2`, 'Grace', 'not an email', '', '', '']) +
      csvRecord([`${run}-3`, 'Alan', `${run}-3@example.com`, 'maybe', '', '']);

    const dry = await startImport(graph.admin, { kind: 'MEMBERS', format: 'CSV', dryRun: true });
    expect((await upload(dry, csv)).status).toBe(200);
    expect(await readJob(dry.id)).toMatchObject({
      state: 'COMPLETED',
      dryRun: true,
      processed: 3,
      applied: 1,
      failed: 2,
    });
    expect((await faults(dry.id)).edges.map(({ node }) => [node.line, node.field])).toEqual([
      [3, 'email'],
      [4, 'consent.EMAIL.granted'],
    ]);
    expect(await memberByKey(`${run}-1`)).toBeNull();

    const real = await startImport(graph.admin, { kind: 'MEMBERS', format: 'CSV' });
    expect((await upload(real, csv)).status).toBe(200);
    expect(await readJob(real.id)).toMatchObject({ state: 'COMPLETED', applied: 1, failed: 2 });
    const { customer } = await graph.admin.data<
      {
        customer: {
          name: string;
          attributes: Record<string, unknown>;
          consents: Array<{ channel: string; granted: boolean; source: string }>;
        };
      },
      unknown
    >('query($id: ID!) { customer(id: $id) { name attributes consents { channel granted source } } }', {
      id: (await memberByKey(`${run}-1`))!.id,
    });
    expect(customer).toMatchObject({ name: 'Ada, Countess', attributes: { vip: true } });
    expect(customer.consents).toEqual([
      expect.objectContaining({ channel: 'EMAIL', granted: true, source: 'old-shop' }),
    ]);
  });

  it('skips every record of a file imported again, and a completed job takes no more uploads', async () => {
    const run = unique('again');
    const file = ndjson(Array.from({ length: 12 }, (_, n) => member(run, n)));
    const first = await startImport(graph.admin, { kind: 'MEMBERS', format: 'NDJSON' });
    expect((await upload(first, file)).status).toBe(200);
    const second = await startImport(graph.admin, { kind: 'MEMBERS', format: 'NDJSON' });
    expect((await upload(second, file)).status).toBe(200);
    expect(await readJob(second.id)).toMatchObject({ state: 'COMPLETED', applied: 0, skipped: 12, failed: 0 });

    const again = await upload(first, file);
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.body)).toContain('CONFLICT');
  });

  it('resumes an upload cut off mid-file after its last batch: no record twice, none lost', async () => {
    const run = unique('cut');
    const records = Array.from({ length: 100 }, (_, n) => member(run, n + 1));
    const body = ndjson(records);
    const job = await startImport(graph.admin, { kind: 'MEMBERS', format: 'NDJSON', total: 100 });

    // Send the first 35 lines, wait until three batches have gone in, then cut the connection.
    const cut = body.split('\n').slice(0, 35).join('\n') + '\n';
    const target = new URL(job.uploadPath, graph.url);
    const req = httpRequest({
      host: target.hostname,
      port: target.port,
      path: target.pathname,
      method: 'PUT',
      headers: { authorization: graph.admin.authorization!, 'transfer-encoding': 'chunked' },
    });
    req.on('error', () => undefined);
    req.write(cut);
    await eventually(
      () => readJob(job.id),
      (one) => one.throughLine >= 30,
      'three batches in',
    );
    req.destroy();
    await eventually(
      () => readJob(job.id),
      (one) => one.state === 'INTERRUPTED',
      'the cut upload to be marked',
    );
    const interrupted = await readJob(job.id);
    expect(interrupted.processed).toBe(interrupted.throughLine);

    const file = path.join(folder, `${run}.ndjson`);
    writeFileSync(file, body);
    const finished = await importFile({
      gatewayUrl: graph.url,
      authorization: graph.admin.authorization!,
      kind: 'MEMBERS',
      file,
      format: 'ndjson',
      resumeJobId: job.id,
    });
    expect(finished).toMatchObject({ state: 'COMPLETED', total: 100, processed: 100, failed: 0 });
    expect(finished.applied + finished.skipped).toBe(100);
    expect((await readJob(job.id)).attempt).toBe(2);
    const found = await Promise.all(records.map((record) => memberByKey(record.memberKey)));
    expect(found.filter((one) => one === null)).toEqual([]);
    expect(new Set(found.map((one) => one!.id)).size).toBe(100);
  });

  it('sends a large file in parts (the CLI path), CSV parts repeating the header, with progress as it goes', async () => {
    const run = unique('parts');
    const rows = Array.from({ length: 60 }, (_, n) => member(run, n + 1));
    const file = path.join(folder, `${run}.csv`);
    writeFileSync(
      file,
      csvRecord(['memberKey', 'givenName', 'familyName', 'email', 'enrolledAt']) +
        rows
          .map((row) =>
            csvRecord([row.memberKey, `${row.givenName}\nsecond line`, row.familyName, row.email, row.enrolledAt]),
          )
          .join(''),
    );
    const seen: ImportJobView[] = [];
    const job = await importFile({
      gatewayUrl: graph.url,
      authorization: graph.admin.authorization!,
      kind: 'MEMBERS',
      file,
      format: 'csv',
      partBytes: 1000,
      onProgress: (latest) => seen.push(latest),
    });
    expect(job).toMatchObject({ state: 'COMPLETED', total: 60, processed: 60, applied: 60, failed: 0 });
    // A CSV record spanning two lines counts once, numbered by its first: the last starts on line 120.
    expect(job.throughLine).toBe(120);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.some((one) => one.state === 'RUNNING' && one.processed < 60)).toBe(true);
    expect(await memberByKey(`${run}-60`)).toMatchObject({ givenName: 'Imported60\nsecond line' });
  });

  it('applies order batches side by side, yet every return finds its purchase from an earlier batch', async () => {
    const run = unique('orders');
    const members = await startImport(graph.admin, { kind: 'MEMBERS', format: 'NDJSON' });
    expect((await upload(members, ndjson([1, 2, 3].map((n) => member(run, n))))).status).toBe(200);
    const purchase = (n: number) => ({
      orderKey: `${run}-o${n}`,
      memberKey: `${run}-${(n % 3) + 1}`,
      occurredAt: '2025-02-01T10:00:00Z',
      channel: 'ONLINE',
      currency: 'EUR',
      lines: [{ sku: 'BOOK', quantity: 2, unitPrice: 1000 }],
    });
    const giveBack = (n: number) => ({
      orderKey: `${run}-r${n}`,
      memberKey: `${run}-${(n % 3) + 1}`,
      kind: 'RETURN',
      returnOf: `${run}-o${n}`,
      occurredAt: '2025-02-03T10:00:00Z',
      lines: [{ sku: 'BOOK', quantity: 1 }],
    });
    // Batches of 10: the returns on lines 41 to 45 name purchases of the batches before theirs.
    const lines = [
      ...Array.from({ length: 40 }, (_, n) => purchase(n)),
      ...[0, 9, 10, 29, 39].map(giveBack),
      ...Array.from({ length: 15 }, (_, n) => purchase(40 + n)),
    ];
    const job = await startImport(graph.admin, { kind: 'ORDERS', format: 'NDJSON' });
    expect((await upload(job, ndjson(lines))).status).toBe(200);
    expect(await readJob(job.id)).toMatchObject({ state: 'COMPLETED', processed: 60, applied: 60, failed: 0 });
    const { customer } = await graph.admin.data<
      { customer: { metrics: { purchases: number; netSpend: number } } },
      unknown
    >('query($id: ID!) { customer(id: $id) { metrics { purchases netSpend } } }', {
      id: (await memberByKey(`${run}-1`))!.id,
    });
    // Member 1 bought orders 0, 3, ..., 54 (19 of €20) and gave back one book of orders 0, 9 and 39.
    expect(customer.metrics).toEqual({ purchases: 19, netSpend: 19 * 2000 - 3 * 1000 });
  });

  it('refuses whoever may not import, and what is not a job', async () => {
    const marketer = await graph.as({ role: 'marketer', subject: 'mia' });
    const refused = await marketer.request(`mutation { startImport(input: { kind: MEMBERS, format: NDJSON }) { id } }`);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const job = await startImport(graph.admin, { kind: 'MEMBERS', format: 'NDJSON' });
    expect((await upload(job, '{}\n', null)).status).toBe(401);
    const asMarketer = await upload(job, '{}\n', marketer.authorization);
    expect(asMarketer.status).toBe(403);
    expect(JSON.stringify(asMarketer.body)).toContain('FORBIDDEN');
    expect((await upload({ uploadPath: '/import/not-a-job' }, '{}\n')).status).toBe(404);
    expect((await upload({ uploadPath: '/import/00000000-0000-4000-8000-000000000000' }, '{}\n')).status).toBe(404);
    const badLine = await upload(job, '{}\n', graph.admin.authorization, '?line=0');
    expect(badLine.status).toBe(400);
    expect(JSON.stringify(badLine.body)).toContain('BAD_USER_INPUT');
    // Nothing was taken from the refused uploads.
    expect(await readJob(job.id)).toMatchObject({ state: 'WAITING_FOR_FILE', attempt: 0, processed: 0 });

    await expect(
      importFile({
        gatewayUrl: graph.url,
        authorization: graph.admin.authorization!,
        kind: 'MEMBERS',
        file: writeFile('empty.ndjson', ''),
        format: 'ndjson',
        resumeJobId: '00000000-0000-4000-8000-000000000000',
      }),
    ).rejects.toThrow('NOT_FOUND: No import job 00000000-0000-4000-8000-000000000000');
  });
});
