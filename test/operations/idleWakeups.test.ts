import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RecordPurchaseDocument } from '../../examples/sdk/graphql';
import type { Database } from '../../runtime/database/database';
import type {
  NotificationProvider,
  OutgoingMessage,
} from '../../subgraphs/engagement/notifications/notificationProviders';
import { foldedTypes } from '../../subgraphs/ledger/metrics/programMetrics.store';
import { defaultLedgerPolicy } from '../../subgraphs/ledger/program/ledgerPolicy';
import { eventually } from '../support/eventually';
import { enrollMember, purchaseInput, setEarnRate } from '../support/fixtures';
import { startTestGraph, type TestGraph } from '../support/testGraph';

type Vars = Record<string, unknown>;

/** Every statement any subgraph sends the shared database while `during` runs. */
async function statementsDuring(db: Database, during: () => Promise<void>): Promise<string[]> {
  const statements: string[] = [];
  const { query, transaction } = db;
  db.query = ((sql: string, params?: readonly unknown[]) => {
    statements.push(sql);
    return query.call(db, sql, params);
  }) as Database['query'];
  db.transaction = ((work) => {
    statements.push('begin');
    return transaction.call(db, work);
  }) as Database['transaction'];
  try {
    await during();
  } finally {
    db.query = query;
    db.transaction = transaction;
  }
  return statements;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('an idle graph with the default settings', () => {
  let graph: TestGraph;

  beforeAll(async () => {
    // The defaults, not the test graph's fast feed poll and switched-off notifications and webhooks.
    graph = await startTestGraph({ eventPollIntervalMs: undefined, notifications: {}, webhooks: {} });
    await setEarnRate(graph);
  });
  afterAll(() => graph?.stop());

  it('sends the database nothing while nothing happens', async () => {
    // Start-up catch-up reads (each follower reads once on starting) settle first.
    let settled = false;
    for (let attempt = 0; attempt < 20 && !settled; attempt++) {
      settled = (await statementsDuring(graph.database.db, () => pause(500))).length === 0;
    }
    expect(settled).toBe(true);
    // Polling every second or two (feeds, merge followers, notifications, webhooks, purchase history)
    // would show here; NOTIFY wakes them instead, and their safety-net interval is far longer.
    expect(await statementsDuring(graph.database.db, () => pause(3000))).toEqual([]);
  });
});

/** A notification provider that keeps what it sends, and refuses the first `refusals` messages. */
class KeepingProvider implements NotificationProvider {
  readonly name = 'keeping';
  readonly sent: OutgoingMessage[] = [];
  refusals = 0;

  send(message: OutgoingMessage): Promise<{ providerMessageId: string | null }> {
    if (this.refusals > 0) {
      this.refusals -= 1;
      return Promise.reject(new Error('provider busy, try later'));
    }
    this.sent.push(message);
    return Promise.resolve({ providerMessageId: `kept-${this.sent.length}` });
  }
}

/** An integration's endpoint: answers the statuses in `plan` in turn, then 200. */
async function startReceiver(): Promise<{ url: string; statuses: number[]; plan: number[]; server: Server }> {
  const statuses: number[] = [];
  const plan: number[] = [];
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const status = plan.shift() ?? 200;
      statuses.push(status);
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, statuses, plan, server };
}

describe('followers woken by NOTIFY, with polling only an hourly safety net', () => {
  const hour = 3_600_000;
  const email = new KeepingProvider();
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let graph: TestGraph;

  beforeAll(async () => {
    receiver = await startReceiver();
    // No interval comes round within a test: whatever is applied was woken.
    graph = await startTestGraph({
      eventPollIntervalMs: hour,
      mergeFollowIntervalMs: hour,
      historyIntervalMs: hour,
      ledgerPolicy: { ...defaultLedgerPolicy, metricsIntervalMs: hour },
      notifications: { intervalMs: hour, providers: { EMAIL: email }, retryBaseMs: 200 },
      webhooks: { followIntervalMs: hour, dispatchIntervalMs: hour, backoffBaseMs: 200, timeoutMs: 2000 },
    });
    await setEarnRate(graph);
  });
  afterAll(async () => {
    await graph?.stop();
    receiver?.server.close();
  });

  const purchase = (customerId: string) =>
    graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(customerId) });
  const cursor = async (schema: string, source: string) => {
    const { rows } = await graph.database.db.query<{ last_event_id: number }>(
      `select last_event_id from ${schema}.consumer_cursors where source = $1`,
      [source],
    );
    return Number(rows[0]?.last_event_id ?? 0);
  };
  const newestEvent = async (schema: string, types: readonly string[] | null = null) => {
    const { rows } = await graph.database.db.query<{ id: number }>(
      `select max(id) as id from ${schema}.events where $1::text[] is null or type = any($1::text[])`,
      [types],
    );
    return Number(rows[0]!.id);
  };

  it('emails a purchase, and retries a refused message when it is due', async () => {
    const member = await enrollMember(graph, 'Wake', 'Up');
    await graph.admin.data(
      `mutation($id: ID!) { setConsent(customerId: $id, input: { channel: EMAIL, granted: true, source: "test" }) { id } }`,
      { id: member.id },
    );
    email.refusals = 1;
    await purchase(member.id);
    const [mail] = await eventually(
      () => Promise.resolve(email.sent.filter((message) => message.to === member.email)),
      (mails) => mails.length > 0,
      'the points email, sent on its second attempt',
    );
    expect(mail).toMatchObject({ kind: 'POINTS_EARNED', customerId: member.id });
    expect(email.refusals).toBe(0);
  });

  it('delivers a webhook, and retries a failed delivery when it is due', async () => {
    await graph.admin.data(
      `mutation($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) { secret } }`,
      { input: { url: receiver.url, eventTypes: ['PurchaseRecorded'], description: 'wake-ups' } },
    );
    receiver.plan.push(503);
    const member = await enrollMember(graph);
    await purchase(member.id);
    const statuses = await eventually(
      () => Promise.resolve([...receiver.statuses]),
      (answered) => answered.includes(200),
      'the delivery, accepted on its second attempt',
    );
    expect(statuses).toEqual([503, 200]);
  });

  it('applies a merge in the ledger and rewards, and a purchase to the campaign history and metrics', async () => {
    const survivor = await enrollMember(graph);
    const merged = await enrollMember(graph);
    await purchase(merged.id);
    const { mergeCustomers } = await graph.admin.data<{ mergeCustomers: { auditEventId: string } }, Vars>(
      `mutation($survivorId: ID!, $mergedId: ID!) {
        mergeCustomers(survivorId: $survivorId, mergedId: $mergedId, reason: "one person") { auditEventId } }`,
      { survivorId: survivor.id, mergedId: merged.id },
    );
    const mergeEvent = Number(mergeCustomers.auditEventId);
    const balance = await eventually(
      async () =>
        (
          await graph.admin.data<{ customer: { loyalty: { balance: number } } }, Vars>(
            `query($id: ID!) { customer(id: $id) { loyalty { balance } } }`,
            { id: survivor.id },
          )
        ).customer.loyalty.balance,
      (points) => points > 0,
      "the merged member's points on the survivor",
    );
    expect(balance).toBe(25);
    await eventually(
      () => cursor('rewards', 'profile'),
      (read) => read >= mergeEvent,
      'rewards to apply the merge',
    );
    const ledgerEvents = await newestEvent('ledger');
    await eventually(
      () => cursor('campaign', 'ledger'),
      (read) => read >= ledgerEvents,
      'the purchase history to read the ledger',
    );
    const folded = await newestEvent('ledger', foldedTypes);
    await eventually(
      () => cursor('ledger', 'metrics'),
      (read) => read >= folded,
      'program metrics to fold them',
    );
  });
});
