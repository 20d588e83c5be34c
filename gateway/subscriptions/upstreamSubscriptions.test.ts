import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildSchema, GraphQLError, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { InternalCredential } from '../../runtime/auth/tokens';
import { createLogger } from '../../runtime/logging/logger';
import type { Resumable } from './resumableOperation';
import { UpstreamSubscriptions, type UpstreamListener } from './upstreamSubscriptions';

/**
 * The gateway's upstream side against a real graphql-ws server whose answers each test scripts,
 * one script per attempt: what a refusal ends, and what a lost upstream reopens.
 */
const schema = buildSchema(`
  type Query { ok: Boolean }
  type Event { eventId: ID! }
  type Subscription { events(after: ID): Event! }
`);
const query = 'subscription($after: ID) { events(after: $after) { eventId } }';
const event = (id: number): ExecutionResult => ({ data: { events: { eventId: String(id) } } });
const failure = (code: string) => ({ errors: [new GraphQLError(`refused: ${code}`, { extensions: { code } })] });

/** One attempt's answer: a result (sent, then `complete`, as graphql-js answers a refused subscribe) or a stream. */
type Script = (args: ExecutionArgs) => ExecutionResult | AsyncIterableIterator<ExecutionResult>;

async function* stream(...results: ExecutionResult[]): AsyncIterableIterator<ExecutionResult> {
  for (const result of results) yield result;
}

async function* thenWait(...results: ExecutionResult[]): AsyncIterableIterator<ExecutionResult> {
  yield* stream(...results);
  await new Promise(() => {});
}

interface Recorded {
  listener: UpstreamListener;
  received: Array<{ next: ExecutionResult } | { error: unknown } | 'complete'>;
}

function recorder(): Recorded {
  const received: Recorded['received'] = [];
  return {
    received,
    listener: {
      next: (result) => received.push({ next: result }),
      error: (error) => received.push({ error }),
      complete: () => received.push('complete'),
    },
  };
}

describe('upstream subscriptions: refused ones end, lost ones are reopened', () => {
  let server: Server;
  let upstream: UpstreamSubscriptions;
  let scripts: Script[];
  let attempts: Array<{ after: unknown; authorization: unknown }>;
  let token: string;

  beforeAll(async () => {
    server = createServer();
    useServer(
      {
        schema,
        subscribe: (args) => {
          const n = attempts.length;
          attempts.push({
            after: args.variableValues?.after,
            authorization: (args.contextValue as { authorization?: unknown }).authorization,
          });
          return (scripts[n] ?? (() => thenWait()))(args);
        },
        context: (_ctx, _id, payload) => ({ authorization: payload.extensions?.authorization }),
      },
      new WebSocketServer({ server, path: '/graphql' }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  beforeEach(() => {
    scripts = [];
    attempts = [];
    token = 'Bearer first';
    const { port } = server.address() as AddressInfo;
    upstream = new UpstreamSubscriptions(
      { events: `ws://127.0.0.1:${port}/graphql` },
      createLogger('error'),
      new InternalCredential('gateway', 'a test secret of enough length for HS256'),
      5_000,
    );
  });
  afterEach(() => upstream.close());

  const resumable: Resumable = {
    initialAfter: null,
    request: (after) => ({ query, variables: { after }, extensions: { authorization: token } }),
    eventIdOf: (data) => (data?.events as { eventId?: string } | undefined)?.eventId,
  };
  const subscribe = (listener: UpstreamListener) =>
    upstream.subscribe(
      'events',
      resumable.request(null),
      listener,
      { shareable: true, principalKey: 'member:a' },
      resumable,
    );
  const until = async (done: () => boolean) => {
    for (let i = 0; i < 500 && !done(); i++) await sleep(10);
  };

  it('ends every client sharing the stream with the refusal once, and never reopens it', async () => {
    scripts = [() => failure('FORBIDDEN')];
    const [a, b] = [recorder(), recorder()];
    subscribe(a.listener);
    subscribe(b.listener);
    await until(() => a.received.length > 0 && b.received.length > 0);
    // Past several retry delays (100 ms, doubling) of a lost upstream.
    await sleep(1000);
    for (const { received } of [a, b]) {
      expect(received).toEqual([{ error: [expect.objectContaining({ extensions: { code: 'FORBIDDEN' } })] }]);
    }
    expect(attempts).toHaveLength(1);
    expect(upstream.size).toBe(0);
  });

  it('ends a stream refused after its events with the refusal, after the events', async () => {
    scripts = [() => stream(event(1), event(2), failure('FORBIDDEN'))];
    const client = recorder();
    subscribe(client.listener);
    await until(() => client.received.length >= 3);
    await sleep(1000);
    expect(client.received).toEqual([
      { next: event(1) },
      { next: event(2) },
      { error: [expect.objectContaining({ extensions: { code: 'FORBIDDEN' } })] },
    ]);
    expect(attempts).toHaveLength(1);
    expect(upstream.size).toBe(0);
  });

  it('reopens a stream from its last event when a service it needs is away, telling the clients nothing', async () => {
    scripts = [
      () => stream(event(1), failure('SERVICE_UNAVAILABLE')),
      () => failure('SERVICE_UNAVAILABLE'),
      () => thenWait(event(2)),
    ];
    const client = recorder();
    subscribe(client.listener);
    await until(() => client.received.length >= 2);
    expect(client.received).toEqual([{ next: event(1) }, { next: event(2) }]);
    expect(attempts.map((attempt) => attempt.after)).toEqual([null, '1', '1']);
    expect(upstream.size).toBe(1);
  });

  it('reopens with a newer token of the same identity when the one it was opened with expires', async () => {
    scripts = [
      () => {
        token = 'Bearer renewed';
        return stream(event(1), failure('UNAUTHENTICATED'));
      },
      () => thenWait(event(2)),
    ];
    const client = recorder();
    subscribe(client.listener);
    await until(() => client.received.length >= 2);
    expect(client.received).toEqual([{ next: event(1) }, { next: event(2) }]);
    expect(attempts).toEqual([
      { after: null, authorization: 'Bearer first' },
      { after: '1', authorization: 'Bearer renewed' },
    ]);
  });

  it('ends the stream when its token expires and no newer one is there', async () => {
    scripts = [() => stream(event(1), failure('UNAUTHENTICATED'))];
    const client = recorder();
    subscribe(client.listener);
    await until(() => client.received.length >= 2);
    await sleep(500);
    expect(client.received).toEqual([
      { next: event(1) },
      { error: [expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })] },
    ]);
    expect(attempts).toHaveLength(1);
  });
});
