import { setTimeout as sleep } from 'node:timers/promises';
import type { ExecutionResult } from 'graphql';
import type { Sink, SubscribePayload } from 'graphql-ws';
import { InternalCredential } from '../../runtime/auth/tokens';
import { createLogger } from '../../runtime/logging/logger';
import type { Resumable } from './resumableOperation';
import { UpstreamSubscriptions, type SubgraphSocket, type UpstreamListener } from './upstreamSubscriptions';

/**
 * Which upstream subscriptions the gateway holds for its clients, with the subgraphs' sockets
 * replaced by an in-memory one that records each subscription and lets the test answer it.
 */
interface Opened {
  serviceName: string;
  payload: SubscribePayload;
  sink: Sink<ExecutionResult>;
  closed: boolean;
}

function setUp(resumeWindowMs = 5_000) {
  const opened: Opened[] = [];
  const disposed: string[] = [];
  const socket = (serviceName: string): SubgraphSocket => ({
    subscribe: ((payload: SubscribePayload, sink: Sink<ExecutionResult>) => {
      const entry: Opened = { serviceName, payload, sink, closed: false };
      opened.push(entry);
      return () => (entry.closed = true);
    }) as SubgraphSocket['subscribe'],
    dispose: () => void disposed.push(serviceName),
  });
  const upstream = new UpstreamSubscriptions(
    {},
    createLogger('silent'),
    new InternalCredential('gateway', 'a test secret of enough length for HS256'),
    resumeWindowMs,
    socket,
  );
  return { upstream, opened, disposed };
}

function recorder() {
  const received: Array<{ next: ExecutionResult } | { error: unknown } | 'complete'> = [];
  const listener: UpstreamListener = {
    next: (result) => received.push({ next: result }),
    error: (error) => received.push({ error }),
    complete: () => received.push('complete'),
  };
  return { received, listener };
}

const query = 'subscription($id: ID!, $after: ID) { events(id: $id, after: $after) { eventId } }';
const event = (id: number): ExecutionResult => ({ data: { events: { eventId: String(id) } } });
const member = (principalKey: string) => ({ shareable: true, principalKey });
const resumable: Resumable = {
  initialAfter: null,
  request: (after) => ({ query, variables: { id: 'a', after } }),
  eventIdOf: (data) => (data?.events as { eventId?: string } | undefined)?.eventId,
};
const until = async (done: () => boolean) => {
  for (let i = 0; i < 300 && !done(); i++) await sleep(10);
};

describe('upstream subscriptions shared by the gateway’s clients', () => {
  it('opens one upstream subscription for callers of one identity asking the same thing, however their variables are ordered', () => {
    const { upstream, opened } = setUp();
    const [a, b] = [recorder(), recorder()];
    upstream.subscribe('ledger', { query, variables: { id: 'a', after: null } }, a.listener, member('m'));
    upstream.subscribe('ledger', { query, variables: { after: null, id: 'a' } }, b.listener, member('m'));
    expect(opened).toHaveLength(1);
    expect(upstream.size).toBe(1);
    opened[0]!.sink.next(event(1));
    expect(a.received).toEqual([{ next: event(1) }]);
    expect(b.received).toEqual([{ next: event(1) }]);
  });

  it('keeps identities, subgraphs, variables and unshareable callers apart', () => {
    const { upstream, opened } = setUp();
    const request = { query, variables: { id: 'a' } };
    upstream.subscribe('ledger', request, recorder().listener, member('m'));
    upstream.subscribe('ledger', request, recorder().listener, member('other'));
    upstream.subscribe('rewards', request, recorder().listener, member('m'));
    upstream.subscribe('ledger', { query, variables: { id: 'b' } }, recorder().listener, member('m'));
    upstream.subscribe('ledger', request, recorder().listener, { shareable: false, principalKey: 'm' });
    upstream.subscribe('ledger', request, recorder().listener, { shareable: false, principalKey: 'm' });
    expect(opened).toHaveLength(6);
    expect(upstream.size).toBe(6);
  });

  it('closes the upstream subscription when its last caller leaves, and only then', () => {
    const { upstream, opened } = setUp();
    const request = { query, variables: { id: 'a' } };
    const leaveA = upstream.subscribe('ledger', request, recorder().listener, member('m'));
    const leaveB = upstream.subscribe('ledger', request, recorder().listener, member('m'));
    leaveA();
    leaveA();
    expect(opened[0]!.closed).toBe(false);
    leaveB();
    expect(opened[0]!.closed).toBe(true);
    expect(upstream.size).toBe(0);
    // The next caller opens a new one.
    upstream.subscribe('ledger', request, recorder().listener, member('m'));
    expect(opened).toHaveLength(2);
  });

  it('reopens a lost resumable subscription from the last event, the callers seeing no gap', async () => {
    const { upstream, opened } = setUp();
    const client = recorder();
    upstream.subscribe('ledger', resumable.request(null), client.listener, member('m'), resumable);
    opened[0]!.sink.next(event(1));
    opened[0]!.sink.next(event(2));
    opened[0]!.sink.error({ code: 1006, reason: '' });
    await until(() => opened.length === 2);
    expect(opened[1]!.payload.variables).toEqual({ id: 'a', after: '2' });
    opened[1]!.sink.next(event(3));
    expect(client.received).toEqual([{ next: event(1) }, { next: event(2) }, { next: event(3) }]);
    expect(upstream.size).toBe(1);
  });

  it('tells the callers once a lost subscription cannot be reopened within the window', () => {
    const { upstream, opened } = setUp(0);
    const client = recorder();
    upstream.subscribe('ledger', resumable.request(null), client.listener, member('m'), resumable);
    const lost = { code: 1006, reason: '' };
    opened[0]!.sink.error(lost);
    expect(client.received).toEqual([{ error: lost }]);
    expect(opened).toHaveLength(1);
    expect(upstream.size).toBe(0);
  });

  it('passes a lost or completed subscription that cannot resume straight on to its callers', () => {
    const { upstream, opened } = setUp();
    const [lost, completed] = [recorder(), recorder()];
    upstream.subscribe('ledger', { query, variables: { id: 'a' } }, lost.listener, member('m'));
    upstream.subscribe('ledger', { query, variables: { id: 'b' } }, completed.listener, member('m'));
    opened[0]!.sink.error({ code: 1006, reason: '' });
    opened[1]!.sink.complete();
    expect(lost.received).toEqual([{ error: { code: 1006, reason: '' } }]);
    expect(completed.received).toEqual(['complete']);
    expect(upstream.size).toBe(0);
  });

  it('closes every upstream subscription and socket when the gateway stops', async () => {
    const { upstream, opened, disposed } = setUp();
    upstream.subscribe('ledger', { query, variables: { id: 'a' } }, recorder().listener, member('m'));
    upstream.subscribe('rewards', { query, variables: { id: 'a' } }, recorder().listener, member('m'));
    await upstream.close();
    expect(opened.map((entry) => entry.closed)).toEqual([true, true]);
    expect(disposed.sort()).toEqual(['ledger', 'rewards']);
    expect(upstream.size).toBe(0);
  });
});
