import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RecordPurchaseDocument } from '../../examples/sdk/graphql';
import { verifyWebhookSignature } from '../../subgraphs/engagement/webhooks/webhookSignature';
import { eventually } from '../support/eventually';
import { enrollMember, purchaseInput, setEarnRate } from '../support/fixtures';
import { startTestGraph, type GraphQLResult, type TestGraph } from '../support/testGraph';

type Vars = Record<string, unknown>;

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** What the receiver answered. */
  status: number;
}

interface WebhookBody {
  id: string;
  source: string;
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

interface DeliveryView {
  id: string;
  eventId: number;
  eventType: string;
  customerId: string | null;
  replay: number;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

/** An integration's HTTP endpoint: answers each path from a list of statuses, then with its default. */
async function startReceiver() {
  const received: Received[] = [];
  const plans = new Map<string, { next: number[]; otherwise: number }>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      const plan = plans.get(path);
      const status = plan?.next.shift() ?? plan?.otherwise ?? 200;
      received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), status });
      response.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'receiver says no');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    received,
    url: (path: string) => `${base}${path}`,
    answer(path: string, next: number[], otherwise = 200) {
      plans.set(path, { next: [...next], otherwise });
    },
    at: (path: string) => received.filter((request) => request.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A receiver's own check, with node:crypto only: t within 5 minutes, one v1 = HMAC-SHA256(secret, "t.body"). */
function signedWith(secret: string, request: Received): boolean {
  const pairs = String(request.headers['loyalty-signature'])
    .split(',')
    .map((pair) => pair.split('=') as [string, string]);
  const t = pairs.find(([key]) => key === 't')?.[1];
  if (!t || Math.abs(Date.now() / 1000 - Number(t)) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${request.body}`).digest();
  return pairs.some(([key, value]) => key === 'v1' && timingSafeEqual(Buffer.from(value, 'hex'), expected));
}

const endpointFields = 'id url eventTypes enabled secretHint';
const registerMutation = `mutation($input: RegisterWebhookEndpointInput!) {
  registerWebhookEndpoint(input: $input) { secret endpoint { ${endpointFields} } } }`;
const deliveriesQuery = `query($endpointId: ID, $status: WebhookDeliveryStatus) {
  webhookDeliveries(endpointId: $endpointId, status: $status, first: 50) { edges { node {
    id eventId eventType customerId replay status attempts lastStatusCode lastError deliveredAt createdAt } } } }`;
const code = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.code ?? 'OK';

describe('outbound webhooks', () => {
  let graph: TestGraph;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    receiver = await startReceiver();
    graph = await startTestGraph({
      webhooks: { followIntervalMs: 100, dispatchIntervalMs: 100, backoffBaseMs: 50, maxAttempts: 6, timeoutMs: 2000 },
    });
    await setEarnRate(graph);
  });
  afterAll(async () => {
    await graph?.stop();
    await receiver?.close();
  });

  const register = async (path: string, eventTypes: string[]) => {
    const { registerWebhookEndpoint } = await graph.admin.data<
      { registerWebhookEndpoint: { secret: string; endpoint: { id: string; secretHint: string } } },
      Vars
    >(registerMutation, { input: { url: receiver.url(path), eventTypes, description: `test ${path}` } });
    return registerWebhookEndpoint;
  };
  const deliveries = async (endpointId: string, status?: string) =>
    (
      await graph.admin.data<{ webhookDeliveries: { edges: Array<{ node: DeliveryView }> } }, Vars>(deliveriesQuery, {
        endpointId,
        status,
      })
    ).webhookDeliveries.edges.map((edge) => edge.node);
  const disable = (id: string) =>
    graph.admin.data(`mutation($id: ID!) { disableWebhookEndpoint(id: $id) { enabled } }`, { id });
  const purchase = async (customerId: string) =>
    (await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(customerId) })).recordPurchase;
  const bodyOf = (request: Received) => JSON.parse(request.body) as WebhookBody;

  let flaky: { id: string; secret: string };
  let firstPurchaseEventId: number;

  it('delivers a purchase on the third try, after two failures, signed', async () => {
    receiver.answer('/flaky', [500, 500]);
    const { endpoint, secret } = await register('/flaky', ['PurchaseRecorded']);
    flaky = { id: endpoint.id, secret };
    expect(secret).toMatch(/^whsec_[\w-]{43}$/);
    expect(endpoint.secretHint).toBe(`whsec_…${secret.slice(-4)}`);
    const member = await enrollMember(graph);
    await purchase(member.id);

    const requests = await eventually(
      async () => receiver.at('/flaky'),
      (got) => got.length >= 3,
      'three attempts at the flaky endpoint',
    );
    expect(requests.map((request) => request.status)).toEqual([500, 500, 200]);
    expect(requests.map((request) => request.headers['loyalty-delivery-attempt'])).toEqual(['1', '2', '3']);
    const third = requests[2]!;
    expect(new Set(requests.map((request) => request.headers['loyalty-webhook-id'])).size).toBe(1);
    expect(third.headers['content-type']).toBe('application/json');
    expect(third.headers['loyalty-event-type']).toBe('PurchaseRecorded');
    expect(signedWith(secret, third)).toBe(true);
    expect(signedWith('whsec_someone-else', third)).toBe(false);
    expect(
      verifyWebhookSignature(secret, String(third.headers['loyalty-signature']), third.body, new Date()),
    ).toMatchObject({
      valid: true,
    });
    const body = bodyOf(third);
    expect(body).toMatchObject({ source: 'ledger', type: 'PurchaseRecorded', data: { customerId: member.id } });
    expect(body.id).toMatch(/^ledger:\d+$/);
    firstPurchaseEventId = Number(body.id.split(':')[1]);

    // The enrolment and the balance change were not subscribed to: only the purchase is in the log.
    const [delivery, ...others] = await eventually(
      () => deliveries(flaky.id),
      (log) => log[0]?.status === 'DELIVERED',
      'the delivery to be recorded',
    );
    expect(others).toEqual([]);
    expect(delivery).toMatchObject({
      id: third.headers['loyalty-webhook-id'],
      eventId: firstPurchaseEventId,
      eventType: 'PurchaseRecorded',
      customerId: member.id,
      replay: 0,
      status: 'DELIVERED',
      attempts: 3,
      lastStatusCode: 200,
      lastError: null,
    });
    expect(delivery!.deliveredAt).not.toBeNull();
    expect(receiver.received.every((request) => bodyOf(request).type === 'PurchaseRecorded')).toBe(true);
  });

  it('sends a customer’s events in order: the second waits until the first got through', async () => {
    await disable(flaky.id);
    receiver.answer('/ordered', [], 500);
    const { endpoint } = await register('/ordered', ['PurchaseRecorded']);
    const member = await enrollMember(graph);
    await purchase(member.id);
    await purchase(member.id);

    // Both are queued and the first keeps failing: it is retried, the second is not sent meanwhile.
    const queued = await eventually(
      () => deliveries(endpoint.id),
      (log) => log.length === 2 && log[1]!.attempts >= 1,
      'both purchases queued, the first tried',
    );
    await eventually(
      () => deliveries(endpoint.id),
      (log) => log[1]!.attempts > queued[1]!.attempts,
      'the first purchase retried while the second waits',
    );
    receiver.answer('/ordered', [], 200);
    const [later, earlier] = await eventually(
      () => deliveries(endpoint.id),
      (log) => log.every((delivery) => delivery.status === 'DELIVERED'),
      'both purchases delivered',
    );
    expect(earlier!.eventId).toBeLessThan(later!.eventId);
    const requests = receiver
      .at('/ordered')
      .map((request) => [Number(bodyOf(request).id.split(':')[1]), request.status]);
    const tries = requests.length - 1;
    expect(requests).toEqual([
      ...Array.from({ length: tries - 1 }, () => [earlier!.eventId, 500]),
      [earlier!.eventId, 200],
      [later!.eventId, 200],
    ]);
    expect(later!.attempts).toBe(1);
    await disable(endpoint.id);
  });

  it('lists an endpoint that always fails as a dead letter, which an admin can send again', async () => {
    receiver.answer('/down', [], 503);
    const { endpoint } = await register('/down', ['CustomerEnrolled']);
    const member = await enrollMember(graph);

    const [dead] = await eventually(
      () => deliveries(endpoint.id, 'DEAD'),
      (log) => log.length === 1,
      'a dead letter',
    );
    expect(dead).toMatchObject({
      eventType: 'CustomerEnrolled',
      customerId: member.id,
      attempts: 6,
      lastStatusCode: 503,
    });
    expect(dead!.lastError).toBe('HTTP 503: receiver says no');
    expect(receiver.at('/down')).toHaveLength(6);

    receiver.answer('/down', [], 200);
    const retry = `mutation($id: ID!) { retryWebhookDelivery(id: $id) { status attempts requestedBy } }`;
    expect(
      (await graph.admin.data<{ retryWebhookDelivery: unknown }, Vars>(retry, { id: dead!.id })).retryWebhookDelivery,
    ).toEqual({
      status: 'PENDING',
      attempts: 0,
      requestedBy: 'admin:test-admin',
    });
    await eventually(
      () => deliveries(endpoint.id, 'DELIVERED'),
      (log) => log.length === 1,
      'the retried delivery',
    );
    const requests = receiver.at('/down');
    expect(requests).toHaveLength(7);
    expect(requests[6]!.headers['loyalty-delivery-attempt']).toBe('1');
    expect(await deliveries(endpoint.id, 'DEAD')).toEqual([]);
    // Only a dead letter is retried.
    expect(code(await graph.admin.request(retry, { id: dead!.id }))).toBe('CONFLICT');
    expect(code(await graph.admin.request(retry, { id: '999999' }))).toBe('NOT_FOUND');
    await disable(endpoint.id);
  });

  it('replays a past event as a new delivery, signed with the new and the rotated-out secret', async () => {
    const { enableWebhookEndpoint } = await graph.admin.data<{ enableWebhookEndpoint: { enabled: boolean } }, Vars>(
      `mutation($id: ID!) { enableWebhookEndpoint(id: $id) { enabled } }`,
      { id: flaky.id },
    );
    expect(enableWebhookEndpoint.enabled).toBe(true);
    const { rotateWebhookSecret } = await graph.admin.data<
      { rotateWebhookSecret: { secret: string; endpoint: { secretHint: string; previousSecretExpiresAt: string } } },
      Vars
    >(
      `mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret endpoint { secretHint previousSecretExpiresAt } } }`,
      { id: flaky.id },
    );
    expect(rotateWebhookSecret.secret).not.toBe(flaky.secret);
    expect(rotateWebhookSecret.endpoint.previousSecretExpiresAt).not.toBeNull();
    const before = receiver.at('/flaky').length;

    const replay = `mutation($endpointId: ID!, $source: String!, $after: Int!, $first: Int) {
      replayWebhookEvents(endpointId: $endpointId, source: $source, afterEventId: $after, first: $first) {
        replay enqueued lastEventId hasMore } }`;
    const { replayWebhookEvents } = await graph.admin.data<{ replayWebhookEvents: Record<string, unknown> }, Vars>(
      replay,
      { endpointId: flaky.id, source: 'ledger', after: firstPurchaseEventId - 1, first: 1 },
    );
    expect(replayWebhookEvents).toEqual({
      replay: expect.any(Number),
      enqueued: 1,
      lastEventId: firstPurchaseEventId,
      hasMore: true,
    });

    const [again] = await eventually(
      async () => receiver.at('/flaky').slice(before),
      (got) => got.length === 1,
      'the replayed event',
    );
    expect(bodyOf(again!).id).toBe(`ledger:${firstPurchaseEventId}`);
    expect(signedWith(rotateWebhookSecret.secret, again!)).toBe(true);
    expect(signedWith(flaky.secret, again!)).toBe(true);
    const copies = (await deliveries(flaky.id)).filter((delivery) => delivery.eventId === firstPurchaseEventId);
    expect(copies.map((delivery) => delivery.replay).sort()).toEqual([0, replayWebhookEvents.replay]);
    expect(new Set(copies.map((delivery) => delivery.id)).size).toBe(2);

    expect(code(await graph.admin.request(replay, { endpointId: flaky.id, source: 'billing', after: 0 }))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('lets only admins manage webhooks, and refuses bad endpoints clearly', async () => {
    const marketer = await graph.as({ role: 'marketer', subject: 'mara' });
    const input = { url: receiver.url('/x'), eventTypes: ['*'] };
    expect(code(await marketer.request(registerMutation, { input }))).toBe('FORBIDDEN');
    expect(code(await marketer.request(`{ webhookEndpoints { id } }`))).toBe('FORBIDDEN');
    expect(code(await graph.anonymous.request(deliveriesQuery, {}))).toBe('UNAUTHENTICATED');

    const refusal = async (input: Vars) => {
      const result = await graph.admin.request(registerMutation, { input });
      return { code: code(result), argument: result.errors?.[0]?.extensions?.argument };
    };
    for (const url of ['ftp://example.com/hook', 'https://user:pw@example.com/hook', 'not a url']) {
      expect(await refusal({ url, eventTypes: ['PurchaseRecorded'] })).toEqual({
        code: 'BAD_USER_INPUT',
        argument: 'input.url',
      });
    }
    expect(await refusal({ url: receiver.url('/x'), eventTypes: ['PurchaseMade'] })).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'input.eventTypes',
    });
    expect(await refusal({ url: receiver.url('/x'), eventTypes: [] })).toMatchObject({ code: 'BAD_USER_INPUT' });
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(code(await graph.admin.request(`mutation { disableWebhookEndpoint(id: "${unknown}") { id } }`))).toBe(
      'NOT_FOUND',
    );
    const { webhookEndpoints } = await graph.admin.data<{ webhookEndpoints: Array<{ url: string }> }, Vars>(
      `{ webhookEndpoints { ${endpointFields} } }`,
    );
    expect(webhookEndpoints.map((endpoint) => endpoint.url)).not.toContain(receiver.url('/x'));
  });
});
