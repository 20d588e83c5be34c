import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { BalanceUpdatedDocument, MemberOverviewDocument, RecordPurchaseDocument } from '../../examples/sdk/graphql';
import { createLogger } from '../../runtime/logging/logger';
import { startTracing } from '../../runtime/observability/tracing';
import { enrollMember, purchaseInput, setEarnRate } from '../support/fixtures';
import { eventually } from '../support/eventually';
import { sampleValue, scrape } from '../support/prometheus';
import { startTestGraph, type TestGraph } from '../support/testGraph';
import { print } from 'graphql';

interface LogLine {
  level: string;
  msg: string;
  service?: string;
  requestId?: string;
  operation?: string;
  [field: string]: unknown;
}

describe('observing the graph: request ids in the logs, Prometheus metrics, traces', () => {
  const lines: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line.trim()) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const spans = new InMemorySpanExporter();
  const tracing = startTracing({ exporter: 'none', serviceName: 'loyalty-graph-test' }, spans);
  let graph: TestGraph;
  let member: { id: string; email: string };

  const post = (query: string, variables: unknown, headers: Record<string, string> = {}) =>
    fetch(graph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: graph.admin.authorization!, ...headers },
      body: JSON.stringify({ query, variables }),
    });

  beforeAll(async () => {
    graph = await startTestGraph({ logger: createLogger('debug', {}, sink) });
    await setEarnRate(graph);
    member = await enrollMember(graph, 'Obi', 'Served');
  });
  afterAll(async () => {
    await graph?.stop();
    await tracing.stop();
  });

  it("carries the caller's request id through the gateway to every service it reaches, into their logs", async () => {
    const requestId = `test-${randomUUID()}`;
    const response = await post(
      print(RecordPurchaseDocument),
      { input: purchaseInput(member.id) },
      { 'x-request-id': requestId },
    );
    expect(response.headers.get('x-request-id')).toBe(requestId);
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
    const mine = lines.filter((line) => line.requestId === requestId && line.msg === 'graphql request');
    // The ledger records the purchase, asking the profile subgraph who the member is and the campaign
    // subgraph for the points (service to service, not through the gateway).
    expect(new Set(mine.map((line) => line.service))).toEqual(new Set(['gateway', 'ledger', 'profile', 'campaign']));
    expect(mine.find((line) => line.service === 'gateway')).toMatchObject({
      level: 'info',
      operation: 'RecordPurchase',
      type: 'mutation',
      status: 200,
    });
  });

  it('gives a request without an id (or with a malformed one) a new one', async () => {
    for (const header of [{}, { 'x-request-id': 'not an id; drop table' }] as Array<Record<string, string>>) {
      const response = await post('{ tierProgram { name } }', {}, header);
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('counts operations, errors, subgraph fetches and live subscriptions on /metrics', async () => {
    await post(print(MemberOverviewDocument), { email: member.email });
    await post(`query Broken { customer(id: "not-a-uuid") { name } }`, {});
    const live = await graph.admin.subscribe(BalanceUpdatedDocument, { customerId: member.id, after: '0' });
    await live.next();
    const gateway = await scrape(graph.url);
    expect(
      sampleValue(gateway, 'graphql_operations_total', {
        service: 'gateway',
        operation: 'MemberOverview',
        outcome: 'ok',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sampleValue(gateway, 'graphql_operation_errors_total', { operation: 'Broken', code: 'BAD_USER_INPUT' }),
    ).toBe(1);
    expect(
      sampleValue(gateway, 'gateway_subgraph_fetch_duration_seconds_count', { subgraph: 'ledger', outcome: 'ok' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sampleValue(gateway, 'graphql_operation_duration_seconds_count', { operation: 'MemberOverview', type: 'query' }),
    ).toBeGreaterThanOrEqual(1);
    expect(sampleValue(gateway, 'graphql_live_subscriptions', { service: 'gateway' })).toBe(1);
    expect(sampleValue(gateway, 'nodejs_heap_size_total_bytes')).toBeGreaterThan(0);

    // Its live feed has read every event committed so far.
    await eventually(
      () => scrape(graph.stack.subgraphs.ledger.url),
      (samples) => sampleValue(samples, 'outbox_undelivered_events', { service: 'ledger' }) === 0,
      'the ledger feed to catch up',
    );
    const ledger = await scrape(graph.stack.subgraphs.ledger.url);
    // The gateway carries its clients' subscriptions to the ledger.
    expect(sampleValue(ledger, 'graphql_live_subscriptions', { service: 'ledger' })).toBe(1);
    if (graph.database.db.kind === 'postgres') {
      expect(sampleValue(ledger, 'db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
    } else {
      expect(sampleValue(ledger, 'db_pool_connections')).toBeUndefined();
    }
    live.close();
  });

  it("resolves each subscriber's events outside the request that opened the shared upstream connection", async () => {
    const other = await enrollMember(graph, 'Ada', 'Second');
    const first = await graph.admin.subscribe(BalanceUpdatedDocument, { customerId: member.id, after: '0' });
    const second = await graph.admin.subscribe(BalanceUpdatedDocument, { customerId: other.id, after: '0' });
    const hydrations = () =>
      lines.filter(
        (line) =>
          line.service === 'profile' &&
          line.msg === 'graphql request' &&
          String(line.operation).startsWith('BalanceUpdated'),
      );
    const before = hydrations().length;
    await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(member.id) });
    expect((await first.next()).errors).toBeUndefined();
    await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(other.id) });
    expect((await second.next()).errors).toBeUndefined();
    const calls = await eventually(
      () => Promise.resolve(hydrations().slice(before)),
      (found) => found.length >= 2,
      'the profile calls that resolved both events',
    );
    // Each call is its own request: none carries the id of the subscribe that opened the connection.
    expect(new Set(calls.map((line) => line.requestId)).size).toBe(calls.length);
    first.close();
    second.close();
  });

  it('counts and logs operations sent over the socket, and bodies refused before parsing', async () => {
    const overSocket = await graph.admin.subscribe<{ tierProgram: unknown }, Record<string, never>>(
      'query OverSocket { tierProgram { windowMonths } }',
      {},
    );
    expect((await overSocket.next()).errors).toBeUndefined();
    const refused = await fetch(graph.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        'x-request-id': 'broken-body-1',
      },
      body: '{"query": ',
    });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('x-request-id')).toBe('broken-body-1');
    const gateway = await scrape(graph.url);
    expect(sampleValue(gateway, 'graphql_operations_total', { operation: 'OverSocket', outcome: 'ok' })).toBe(1);
    expect(sampleValue(gateway, 'graphql_operation_errors_total', { operation: 'unparsed', code: 'BAD_REQUEST' })).toBe(
      1,
    );
    expect(lines.find((line) => line.operation === 'OverSocket')).toMatchObject({ transport: 'websocket' });
    expect(lines.find((line) => line.requestId === 'broken-body-1')).toMatchObject({ status: 400 });
  });

  it('traces one operation across the gateway and the subgraphs it fetched from', async () => {
    spans.reset();
    const response = await post(print(MemberOverviewDocument), { email: member.email });
    expect(response.ok).toBe(true);
    const finished = spans.getFinishedSpans();
    const root = finished.find((span) => span.name === 'query MemberOverview');
    expect(root).toBeDefined();
    const traceId = root!.spanContext().traceId;
    const inTrace = finished.filter((span) => span.spanContext().traceId === traceId);
    const byId = new Map(inTrace.map((span) => [span.spanContext().spanId, span]));
    const ancestors = (span: (typeof inTrace)[number]): string[] => {
      const parent = span.parentSpanContext?.spanId;
      const found = parent ? byId.get(parent) : undefined;
      return found ? [found.name, ...ancestors(found)] : [];
    };
    // Apollo Gateway's own spans (planning, execution) sit between the request and its fetches.
    const fetch = inTrace.find((span) => span.name === 'subgraph ledger');
    expect(ancestors(fetch!)).toContain('query MemberOverview');
    const served = inTrace.find(
      (span) =>
        span.attributes['service.name'] === 'ledger' && span.parentSpanContext?.spanId === fetch?.spanContext().spanId,
    );
    expect(served?.name).toMatch(/^query /);
    expect(new Set(inTrace.map((span) => span.attributes['service.name']).filter(Boolean))).toEqual(
      new Set(['gateway', 'profile', 'ledger', 'rewards', 'campaign']),
    );
  });
});
