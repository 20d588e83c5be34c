import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { signClientAuthorization } from '../runtime/auth/tokens';
import { developmentAuthConfig } from '../runtime/config/authConfig';
import { projectRoot } from '../runtime/config/projectRoot';
import { graphqlRequest } from '../runtime/http/graphqlRequest';
import { createLogger } from '../runtime/logging/logger';
import { startStack } from '../stack/startStack';
import { NotificationChannel } from '../subgraphs/engagement/notifications/notification.rules';
import { SmtpEmailProvider } from '../subgraphs/engagement/notifications/notificationProviders';
import { openBenchDatabase } from './benchDatabase';
import { percentile } from './percentile';

/**
 * `npm run bench:engagement`: what messages and outbound webhooks cost the purchase path, and how
 * soon they arrive. The same purchases run twice on fresh graphs, with the profile's notification
 * and webhook jobs off and then on (every member consents to email; one endpoint takes every
 * PurchaseRecorded), side by side.
 */
const members = Number(process.env.BENCH_MEMBERS ?? 200);
const durationMs = Number(process.env.BENCH_DURATION_MS ?? 10_000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const intervalMs = Number(process.env.BENCH_ENGAGEMENT_INTERVAL_MS ?? 250);

interface Run {
  engagement: 'off' | 'on';
  purchases: number;
  purchasesPerSecond: number;
  medianMs: number;
  p99Ms: number;
  /** Purchase answered → email received at the SMTP server (k-th answer against k-th mail). */
  emailMedianMs?: number;
  emailP99Ms?: number;
  /** Purchase answered → its webhook received (matched by purchase id). */
  webhookMedianMs?: number;
  webhookP99Ms?: number;
  /** After the last purchase answered, until every email and webhook had arrived. */
  drainMs?: number;
}

async function measure(engagement: 'off' | 'on'): Promise<Run> {
  const database = await openBenchDatabase('loyalty_bench_engagement');
  const mails: number[] = [];
  const hooks = new Map<string, number>();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, done) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        mails.push(performance.now());
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const { data } = JSON.parse(body) as { data: { purchaseId: string } };
      hooks.set(data.purchaseId, performance.now());
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const on = engagement === 'on';
  const stack = await startStack({
    db: database.db,
    logger: createLogger('error'),
    gateway: { rateLimits: { mutationsPerToken: 1e9, mutationsPerIp: 1e9, windowMs: 60_000 } },
    notifications: {
      intervalMs: on ? intervalMs : 0,
      providers: {
        [NotificationChannel.EMAIL]: new SmtpEmailProvider(
          `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
          'bench@loyalty.test',
        ),
      },
    },
    webhooks: { followIntervalMs: on ? intervalMs : 0, dispatchIntervalMs: on ? intervalMs : 0 },
  });
  const authorization = await signClientAuthorization({ role: 'admin', subject: 'bench' }, developmentAuthConfig());
  const call = <Data>(query: string, variables: Record<string, unknown> = {}) =>
    graphqlRequest<Data>(stack.gateway.url, query, variables, { headers: { authorization }, timeoutMs: 30_000 });
  try {
    await call(`mutation { setEarnRate(input: { currency: "EUR", points: 1, perAmount: 100 }) { currency } }`);
    if (on)
      await call(
        `mutation($url: String!) { registerWebhookEndpoint(input: { url: $url, eventTypes: ["PurchaseRecorded"] }) { secret } }`,
        { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks` },
      );
    const ids: string[] = [];
    for (let n = 0; n < members; n++) {
      const { enrollCustomer } = await call<{ enrollCustomer: { id: string } }>(
        `mutation($email: String!) { enrollCustomer(input: { givenName: "Bench", email: $email, channel: "ONLINE" }) { id } }`,
        { email: `bench-${n}@loyalty.test` },
      );
      await call(
        `mutation($id: ID!) { setConsent(customerId: $id, input: { channel: EMAIL, granted: true, source: "bench" }) { id } }`,
        { id: enrollCustomer.id },
      );
      ids.push(enrollCustomer.id);
    }
    const answered: Array<{ id: string; at: number; ms: number }> = [];
    const ends = performance.now() + durationMs;
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < ends) {
          const customerId = ids[next++ % ids.length]!;
          const began = performance.now();
          const { recordPurchase } = await call<{ recordPurchase: { id: string } }>(
            `mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { id } }`,
            {
              input: {
                customerId,
                channel: 'IN_STORE',
                storeId: 'berlin-1',
                externalOrderId: `bench-${engagement}-${next}-${began}`,
                currency: 'EUR',
                lines: [{ sku: 'A', quantity: 1, unitPrice: 2500 }],
              },
            },
          );
          const at = performance.now();
          answered.push({ id: recordPurchase.id, at, ms: at - began });
        }
      }),
    );
    const latencies = answered.map((a) => a.ms).sort((a, b) => a - b);
    const run: Run = {
      engagement,
      purchases: answered.length,
      purchasesPerSecond: Math.round((answered.length / durationMs) * 1000),
      medianMs: Number(percentile(latencies, 50).toFixed(1)),
      p99Ms: Number(percentile(latencies, 99).toFixed(1)),
    };
    if (on) {
      // `answered` is in answer order: each entry is pushed as its answer arrives.
      const lastAnswer = answered.at(-1)!.at;
      const deadline = performance.now() + 120_000;
      while ((mails.length < answered.length || hooks.size < answered.length) && performance.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      const lastEmail = (mails.at(-1) ?? lastAnswer) - lastAnswer;
      const lastWebhook = Math.max(lastAnswer, ...hooks.values()) - lastAnswer;
      run.drainMs = Math.round(Math.max(lastEmail, lastWebhook));
      // Only what arrived counts (a missing one is reported below, not read as a latency).
      const ascending = (values: number[]) => values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
      const email = ascending(answered.map((a, k) => (mails[k] ?? Number.NaN) - a.at));
      const webhook = ascending(answered.map((a) => (hooks.get(a.id) ?? Number.NaN) - a.at));
      Object.assign(run, {
        emailMedianMs: Math.round(percentile(email, 50)),
        emailP99Ms: Math.round(percentile(email, 99)),
        webhookMedianMs: Math.round(percentile(webhook, 50)),
        webhookP99Ms: Math.round(percentile(webhook, 99)),
      });
      const { rows: retried } = await database.db.query<{ attempts: number; last_error: string | null }>(
        `select attempts, last_error from engagement.notifications where attempts > 1 or status <> 'SENT'`,
      );
      console.error(
        `last email ${Math.round(lastEmail)} ms, last webhook ${Math.round(lastWebhook)} ms after the last purchase; emails ${mails.length}, webhooks ${hooks.size}, purchases ${answered.length}`,
      );
      if (retried.length > 0) console.error(`${retried.length} emails needed another attempt:`, retried.slice(0, 3));
      if (mails.length < answered.length || hooks.size < answered.length)
        console.error(`only ${mails.length} emails and ${hooks.size} webhooks of ${answered.length} arrived`);
    }
    return run;
  } finally {
    await stack.stop();
    await database.dispose();
    smtp.close();
    receiver.close();
  }
}

async function main(): Promise<void> {
  const label = process.env.DATABASE_URL ? 'PostgreSQL server' : 'PGlite (in memory)';
  console.log(
    `Engagement on ${label}: ${members} members, ${concurrency} clients recording purchases for ${durationMs / 1000} s; jobs every ${intervalMs} ms when on.`,
  );
  const runs = [await measure('off'), await measure('on')];
  console.table(runs);
  const directory = path.join(projectRoot(), 'bench/results');
  mkdirSync(directory, { recursive: true });
  writeFileSync(
    path.join(directory, 'engagement.json'),
    `${JSON.stringify({ measuredAt: new Date().toISOString(), database: label, members, concurrency, durationMs, intervalMs, runs }, null, 2)}\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
