import 'reflect-metadata';
import { createWriteStream } from 'node:fs';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { parseArgs } from 'node:util';
import { signClientAuthorization } from '../runtime/auth/tokens';
import { readAuthConfig } from '../runtime/config/authConfig';
import { toolSettings } from './settings';
import { readCommonConfig, readDatabaseConfig } from '../runtime/config/serviceConfig';
import { openDatabase } from '../runtime/database/openDatabase';
import { graphqlRequest } from '../runtime/http/graphqlRequest';
import { createLogger } from '../runtime/logging/logger';
import { isUuid } from '../runtime/validation/validators';
import { seedDemoData } from '../stack/seedDemoData';
import { planProgram, seedProgram } from '../stack/seedProgram';
import { startStack } from '../stack/startStack';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { BalanceUpdatedDocument } from '../examples/sdk/graphql';
import { subscribeResumably } from '../examples/sdk/resumableSubscription';
import { mintTokenCommand } from './mintToken';
import { firstRefusedLines, ImportRefused, importFile, type ImportJobView } from './importFile';
import type { ImportKind } from '../runtime/imports/importBatch';

const usage = `Loyalty Graph command line (npm run -s loyalty -- <command>)

  token <role> ...                     a token for scripts (see: npm run -s loyalty -- token)
  purchase <customer> <amount>         records a purchase through the running graph
      customer: an id, an email or a phone number; amount: 25.00 (major units)
      --channel IN_STORE  --store london-1  --currency GBP  --order <order id>  --sku <sku>
  watch <customer>                     prints one JSON line per balance change, live, until Ctrl-C
      customer: an id, an email or a phone number; --after <eventId> replays from there first
  export <dataset>                     streams members, balances, lots, journal or orders to stdout
      --format csv (default ndjson)  --from <ISO time>  --to <ISO time>  --segment <key>  --out <file>
      Progress (rows, rows/s) goes to stderr; see docs/guides/export.md.
  import <kind> <file>                 imports members, balances, tiers or orders from NDJSON or CSV
      --format csv|ndjson (default: by the file's extension)  --dry-run  --resume <job id>
      Progress (records, rate, ETA) goes to stderr; the job as it ended to stdout (JSON). Exit 0
      when every line went in, 1 when some were refused (listed), 3 when interrupted (resume it).
      See docs/guides/import.md.
  seed                                 generates a program into the database npm start uses
      --members 2000  --months 12  --orders 6 (per member, on average)  --seed 1
      Run it while the graph is stopped: it starts the graph itself, moving its clock through
      the months so points, tiers and campaigns see a year of history.

The gateway is GATEWAY_URL (default http://127.0.0.1:4000/graphql); tokens are signed with
AUTH_JWT_SECRET (the development secret by default).`;

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

async function adminAuthorization(auth = readAuthConfig(process.env, createLogger('error'))): Promise<string> {
  if (!auth.jwtSecret) fail('no AUTH_JWT_SECRET to sign an admin token with');
  return signClientAuthorization({ role: 'admin', subject: 'cli' }, auth, 3600);
}

async function customerIdOf(
  customer: string,
  call: <T>(query: string, variables: Record<string, unknown>) => Promise<T>,
): Promise<string> {
  if (isUuid(String(customer))) return customer;
  const type = customer.includes('@') ? 'EMAIL' : 'PHONE';
  const { customerByIdentifier } = await call<{ customerByIdentifier: { id: string } | null }>(
    'query($type: IdentifierType!, $value: String!) { customerByIdentifier(type: $type, value: $value) { id } }',
    { type, value: customer },
  );
  if (!customerByIdentifier) fail(`no member has the ${type.toLowerCase()} ${customer}`);
  return customerByIdentifier.id;
}

/** Follows a member's balance through subscribeResumably: a restarted gateway costs no event and repeats none. */
async function watchCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { after: { type: 'string' } } });
  const [customer] = positionals;
  if (!customer) fail('watch needs a customer');
  const gatewayUrl = toolSettings.settings.gatewayUrl.read(process.env);
  const authorization = await adminAuthorization();
  const customerId = await customerIdOf(customer, (query, variables) =>
    graphqlRequest(gatewayUrl, query, variables, { headers: { authorization } }),
  );
  const client = createClient({
    url: gatewayUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization },
    retryAttempts: Infinity,
  });
  await new Promise<void>((resolve) => {
    subscribeResumably(
      client,
      { document: BalanceUpdatedDocument, variables: { customerId, after: values.after ?? null } },
      {
        next: ({ balanceUpdated }) => console.log(JSON.stringify(balanceUpdated)),
        error: (error) => {
          console.error(error.message);
          process.exitCode = 1;
          resolve();
        },
        complete: resolve,
        state: (state) => console.error(state),
      },
    );
  });
  await client.dispose();
}

async function purchaseCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      channel: { type: 'string', default: 'IN_STORE' },
      store: { type: 'string' },
      currency: { type: 'string', default: 'GBP' },
      order: { type: 'string' },
      sku: { type: 'string', default: 'CLI-ITEM' },
    },
  });
  const [customer, amount] = positionals;
  if (!customer || !amount) fail('purchase needs a customer and an amount');
  const minorUnits = Math.round(Number(amount) * 100);
  if (!Number.isSafeInteger(minorUnits) || minorUnits <= 0) fail(`${amount} is not an amount`);
  const gatewayUrl = toolSettings.settings.gatewayUrl.read(process.env);
  const authorization = await adminAuthorization();
  const call = <T>(query: string, variables: Record<string, unknown>) =>
    graphqlRequest<T>(gatewayUrl, query, variables, { headers: { authorization } });

  let customerId = customer;
  if (!isUuid(String(customer))) {
    const type = customer.includes('@') ? 'EMAIL' : 'PHONE';
    const { customerByIdentifier } = await call<{ customerByIdentifier: { id: string } | null }>(
      'query($type: IdentifierType!, $value: String!) { customerByIdentifier(type: $type, value: $value) { id } }',
      { type, value: customer },
    );
    if (!customerByIdentifier) fail(`no member has the ${type.toLowerCase()} ${customer}`);
    customerId = customerByIdentifier.id;
  }
  const storeId = values.store ?? (values.channel === 'IN_STORE' ? 'london-1' : null);
  const { recordPurchase } = await call<{
    recordPurchase: { externalOrderId: string; pointsEarned: number; balanceAfter: number | null };
  }>(
    'mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { externalOrderId pointsEarned balanceAfter } }',
    {
      input: {
        customerId,
        channel: values.channel,
        storeId,
        // A given --order is the idempotency key: running the command again records nothing more.
        externalOrderId: values.order ?? `cli-${Date.now()}`,
        currency: values.currency,
        lines: [{ sku: values.sku, quantity: 1, unitPrice: minorUnits }],
      },
    },
  );
  console.log(JSON.stringify({ customerId, ...recordPurchase }));
}

/** A progress bar on stderr for phases of known size (the seed's, an import's). */
function progressBar(): (progress: { phase: string; done: number; total: number }) => void {
  const startedAt = new Map<string, number>();
  let lastPrinted = 0;
  return ({ phase, done, total }) => {
    const now = Date.now();
    if (!startedAt.has(phase)) startedAt.set(phase, now);
    const finished = done === total;
    // A terminal gets a bar redrawn in place; a log gets a line every 10 %.
    if (process.stderr.isTTY) {
      if (!finished && now - lastPrinted < 100) return;
    } else if (!finished && Math.floor((done * 10) / total) === Math.floor(((done - 1) * 10) / total)) return;
    lastPrinted = now;
    const share = done / total;
    const width = 30;
    const rate = done / Math.max(0.001, (now - startedAt.get(phase)!) / 1000);
    const eta = rate > 0 ? Math.round((total - done) / rate) : 0;
    const bar = '█'.repeat(Math.round(share * width)).padEnd(width, '░');
    const line = `${phase.padEnd(7)} ${bar} ${String(Math.floor(share * 100)).padStart(3)}%  ${done.toLocaleString('en')}/${total.toLocaleString('en')}  ${Math.round(rate)}/s  ETA ${eta}s`;
    process.stderr.write(process.stderr.isTTY ? `\r${line}${finished ? '\n' : ''}` : `${line}\n`);
  };
}

async function seedCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      members: { type: 'string', default: '2000' },
      months: { type: 'string', default: '12' },
      orders: { type: 'string', default: '6' },
      seed: { type: 'string', default: '1' },
    },
  });
  const size = {
    members: Number(values.members),
    months: Number(values.months),
    ordersPerMember: Number(values.orders),
    seed: Number(values.seed),
  };
  for (const [name, value] of Object.entries(size))
    if (!Number.isInteger(value) || value < 0) fail(`--${name} takes a whole number`);

  const logger = createLogger('warn');
  const common = readCommonConfig(process.env);
  const db = await openDatabase(readDatabaseConfig(process.env, 'loyalty', logger));
  const plan = planProgram(size, new Date());
  let now = plan.start;
  const stack = await startStack({
    db,
    logger,
    auth: common.auth,
    clock: () => new Date(now),
    // The seed is the only client: the per-token mutation limit would only slow it down.
    gateway: { rateLimits: { mutationsPerToken: 1e9, mutationsPerIp: 1e9, windowMs: 60_000 } },
  });
  try {
    const authorization = await adminAuthorization(common.auth);
    await seedDemoData(stack.gateway.url, authorization);
    console.error(
      `Seeding ${plan.members.length.toLocaleString('en')} members and ${plan.orders.length.toLocaleString('en')} orders from ${plan.start.toISOString().slice(0, 10)} on ${db.kind}...`,
    );
    const result = await seedProgram({
      gatewayUrl: stack.gateway.url,
      authorization,
      plan,
      setNow: (at) => (now = at),
      onProgress: progressBar(),
    });
    console.log(JSON.stringify(result));
  } finally {
    await stack.stop();
    await db.close();
  }
}

/** Counts the records of an export as its bytes pass (CSV: newlines outside quoted fields). */
class RecordCounter extends Transform {
  records = 0;
  private quoted = false;

  constructor(private readonly csv: boolean) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    for (const byte of chunk) {
      if (this.csv && byte === 0x22) this.quoted = !this.quoted;
      else if (byte === 0x0a && !this.quoted) this.records++;
    }
    done(null, chunk);
  }
}

/** `export <dataset>`: GET /export/<dataset> on the gateway, streamed to a file or stdout. */
async function exportCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      segment: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const [dataset] = positionals;
  if (!dataset) fail('export needs a dataset: members, balances, lots, journal or orders');
  const url = new URL(`/export/${encodeURIComponent(dataset)}`, toolSettings.settings.gatewayUrl.read(process.env));
  for (const name of ['format', 'from', 'to', 'segment'] as const) {
    const value = values[name];
    if (value !== undefined) url.searchParams.set(name, value);
  }
  const response = await fetch(url, { headers: { authorization: await adminAuthorization() } });
  if (response.status !== 200 || !response.body) {
    const text = await response.text();
    let message = `HTTP ${response.status}`;
    try {
      const first = (JSON.parse(text) as { errors?: Array<{ message: string; extensions?: { code?: string } }> })
        .errors?.[0];
      if (first) message = `${first.extensions?.code ?? 'ERROR'}: ${first.message}`;
    } catch {
      // not JSON: the status says it
    }
    console.error(`export ${dataset} refused: ${message}`);
    process.exitCode = 1;
    return;
  }
  const csv = (values.format ?? 'ndjson') === 'csv';
  const counter = new RecordCounter(csv);
  const started = Date.now();
  const report = (final: boolean) => {
    const rows = Math.max(0, counter.records - (csv ? 1 : 0));
    const seconds = Math.max(0.001, (Date.now() - started) / 1000);
    const line = `${dataset}: ${rows.toLocaleString('en')} rows  ${Math.round(rows / seconds).toLocaleString('en')} rows/s`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}${final ? '\n' : ''}`);
    else if (final) process.stderr.write(`${line} in ${seconds.toFixed(1)} s\n`);
  };
  const timer = setInterval(() => report(false), 250);
  try {
    await pipeline(
      Readable.fromWeb(response.body as WebReadableStream<Uint8Array>),
      counter,
      values.out ? createWriteStream(values.out) : process.stdout,
    );
  } finally {
    clearInterval(timer);
  }
  report(true);
}

const importKindsByWord: Record<string, ImportKind> = {
  members: 'MEMBERS',
  balances: 'BALANCES',
  tiers: 'TIERS',
  orders: 'ORDERS',
};

function formatOf(file: string, given: string | undefined): 'csv' | 'ndjson' {
  const format = given ?? (/\.csv$/i.test(file) ? 'csv' : /\.(ndjson|jsonl|json)$/i.test(file) ? 'ndjson' : undefined);
  if (format !== 'csv' && format !== 'ndjson') fail('say --format csv or --format ndjson');
  return format;
}

/** `import <kind> <file>`: startImport, then the file to the gateway in resumable parts, with progress. */
async function importCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string' }, 'dry-run': { type: 'boolean' }, resume: { type: 'string' } },
  });
  const [word, file] = positionals;
  const kind = word ? importKindsByWord[word.toLowerCase()] : undefined;
  if (!kind || !file) fail('import needs a kind (members, balances, tiers or orders) and a file');
  const bar = progressBar();
  const report = (job: ImportJobView) =>
    bar({ phase: word.toLowerCase(), done: job.processed, total: Math.max(job.total ?? 0, job.processed, 1) });
  const gatewayUrl = toolSettings.settings.gatewayUrl.read(process.env);
  const authorization = await adminAuthorization();
  let job: ImportJobView;
  try {
    job = await importFile({
      gatewayUrl,
      authorization,
      kind,
      file,
      format: formatOf(file, values.format),
      dryRun: values['dry-run'] ?? false,
      resumeJobId: values.resume,
      onProgress: (latest) => report(latest),
    });
  } catch (error) {
    console.error(`\nimport ${word} stopped: ${error instanceof Error ? error.message : String(error)}`);
    const jobId = error instanceof ImportRefused ? error.jobId : (values.resume ?? null);
    if (jobId) console.error(`Go on with: npm run -s loyalty -- import ${word} ${file} --resume ${jobId}`);
    process.exitCode = 3;
    return;
  }
  console.log(JSON.stringify(job));
  if (job.state !== 'COMPLETED') {
    console.error(`Go on with: npm run -s loyalty -- import ${word} ${file} --resume ${job.id}`);
    process.exitCode = 3;
  } else if (job.failed > 0) {
    for (const fault of await firstRefusedLines(gatewayUrl, authorization, job.id, 10)) {
      console.error(`  line ${fault.line}${fault.field ? ` ${fault.field}` : ''}: ${fault.code} ${fault.message}`);
    }
    console.error(
      `${job.failed} line(s) refused; each with its line, field and code in importJob(id: "${job.id}") { errors }`,
    );
    process.exitCode = 1;
  }
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  switch (command) {
    case 'token':
      return mintTokenCommand(args);
    case 'purchase':
      return purchaseCommand(args);
    case 'watch':
      return watchCommand(args);
    case 'seed':
      return seedCommand(args);
    case 'export':
      return exportCommand(args);
    case 'import':
      return importCommand(args);
    default:
      fail(command ? `unknown command ${command}` : 'which command?');
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
