import { parse, type ExecutionResult } from 'graphql';
import { createLogger } from '../../runtime/logging/logger';
import { readSupergraphSdl } from '../composition/generateSchemaFiles';
import type { GatewayContext } from '../gatewayContext';
import type { HydrateEvent } from './eventHydration';
import { FederatedSchema } from './federatedSchema';
import type { Resumable } from './resumableOperation';
import { openEventStream, type UpstreamSubscriber } from './sharedEventStream';
import { openSubscriber, type Subscriber } from './subscriberDelivery';
import { isPlan, planSubscription, type SubscriptionPlan } from './subscriptionPlan';
import type { UpstreamListener, UpstreamRequest } from './upstreamSubscriptions';

/**
 * One stream shared by the clients asking the same thing, between an in-memory upstream (which
 * records what was opened and hands the test its listener) and a hydration the test controls.
 */
const schema = new FederatedSchema(readSupergraphSdl());
const customerId = '00000000-0000-4000-8000-000000000001';
const now = () => Math.floor(Date.now() / 1000);
const client = (token: string, expiresAt?: number): GatewayContext => ({
  principal: { role: 'member', subject: customerId, expiresAt },
  authorization: token,
  ip: '127.0.0.1',
});
const event = (n: number): ExecutionResult => ({
  data: { balanceUpdated: { balance: n, gatewayEventId: String(n) } },
});
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};

interface Opened {
  serviceName: string;
  request: UpstreamRequest;
  listener: UpstreamListener;
  sharing: { shareable: boolean; principalKey: string };
  resume: Resumable | undefined;
  closed: boolean;
}

function plan(
  variables: Record<string, unknown> = { id: customerId },
  context = client('Bearer first'),
): SubscriptionPlan {
  const source = 'subscription($id: ID!, $after: ID) { balanceUpdated(customerId: $id, after: $after) { balance } }';
  const planned = planSubscription(schema, { document: parse(source), variables, context });
  if (!isPlan(planned)) throw new Error('not planned');
  return planned;
}

function setUp(options: { hydrate?: HydrateEvent; maxPendingEvents?: number; plan?: SubscriptionPlan } = {}) {
  const opened: Opened[] = [];
  const upstream: UpstreamSubscriber = {
    subscribe(serviceName, request, listener, sharing, resume) {
      const entry: Opened = { serviceName, request, listener, sharing, resume, closed: false };
      opened.push(entry);
      return () => (entry.closed = true);
    },
  };
  const hydrated: Array<{ event: ExecutionResult; token: unknown }> = [];
  const hydrate: HydrateEvent =
    options.hydrate ??
    ((event, context) => {
      hydrated.push({ event, token: context.authorization });
      return Promise.resolve(event);
    });
  let closes = 0;
  const stream = openEventStream(
    { schema, upstream, logger: createLogger('silent'), maxPendingEvents: options.maxPendingEvents ?? 100 },
    options.plan ?? plan(),
    hydrate,
    () => closes++,
  );
  const join = (context = client('Bearer first')): Subscriber => {
    const subscriber = openSubscriber(context, { maxPendingEvents: 100 });
    stream.join(subscriber);
    return subscriber;
  };
  return { opened, hydrated, join, closes: () => closes, upstream: () => opened[0]! };
}

const read = async (subscriber: Subscriber, count: number) => {
  const values: unknown[] = [];
  for (let i = 0; i < count; i++) values.push((await subscriber.results.next()).value);
  return values;
};

describe('a stream shared by the clients asking the same thing', () => {
  it('opens one upstream subscription on the owning subgraph, shareable under the identity of who asked', () => {
    const { opened, join } = setUp();
    join();
    join();
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({
      serviceName: 'ledger',
      request: { variables: { id: customerId }, extensions: { authorization: 'Bearer first' } },
      sharing: { shareable: true, principalKey: `member|${customerId}||` },
    });
    expect(opened[0]!.resume).toBeDefined();
  });

  it('opens a stream replaying from a cursor as one of its own, from that cursor', () => {
    const { opened } = setUp({ plan: plan({ id: customerId, after: '7' }) });
    expect(opened[0]!.sharing.shareable).toBe(false);
    expect(opened[0]!.resume?.initialAfter).toBe('7');
  });

  it('sends every event to every client, resolved once', async () => {
    const { join, hydrated, upstream } = setUp();
    const clients = [join(), join()];
    for (const n of [1, 2]) upstream().listener.next(event(n));
    await settle();
    for (const subscriber of clients) expect(await read(subscriber, 2)).toEqual([event(1), event(2)]);
    expect(hydrated).toHaveLength(2);
  });

  it('keeps the order the events happened in, even when a later one resolves first', async () => {
    const release: Array<() => void> = [];
    const { join, upstream } = setUp({
      hydrate: (event) => new Promise((resolve) => release.push(() => resolve(event))),
    });
    const subscriber = join();
    for (const n of [1, 2, 3]) upstream().listener.next(event(n));
    await settle();
    // Each event is resolved after the one before it: only the first has started.
    expect(release).toHaveLength(1);
    release[0]!();
    await settle();
    release[1]!();
    await settle();
    release[2]!();
    expect(await read(subscriber, 3)).toEqual([event(1), event(2), event(3)]);
  });

  it('closes the upstream subscription when its last client leaves, not before', async () => {
    const { join, upstream, closes } = setUp();
    const [first, second] = [join(), join()];
    await first.results.return!();
    expect(upstream().closed).toBe(false);
    expect(closes()).toBe(0);
    await second.results.return!();
    expect(upstream().closed).toBe(true);
    expect(closes()).toBe(1);
  });

  it('resolves events, and reopens upstream, with the token of the client whose token lasts longest', async () => {
    const { join, hydrated, upstream } = setUp();
    const shortLived = join(client('Bearer short', now() + 60));
    join(client('Bearer long', now() + 3600));
    upstream().listener.next(event(1));
    await settle();
    expect(hydrated.map(({ token }) => token)).toEqual(['Bearer long']);
    expect(upstream().resume!.request('1')).toMatchObject({
      variables: { gatewayResumeAfter: '1' },
      extensions: { authorization: 'Bearer long' },
    });
    await shortLived.results.return!();
    expect(upstream().resume!.request('1').extensions).toEqual({ authorization: 'Bearer long' });
  });

  it('sends an event that could not be resolved as an error, and goes on with the next', async () => {
    let calls = 0;
    const { join, upstream } = setUp({
      hydrate: (event) => (++calls === 1 ? Promise.reject(new Error('boom')) : Promise.resolve(event)),
    });
    const subscriber = join();
    upstream().listener.next(event(1));
    upstream().listener.next(event(2));
    await settle();
    const [failed, next] = (await read(subscriber, 2)) as ExecutionResult[];
    expect(failed!.errors?.[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(next).toEqual(event(2));
  });

  it('ends every client with the upstream’s refusal after the events before it, and closes', async () => {
    const { join, upstream, closes } = setUp();
    const clients = [join(), join()];
    upstream().listener.next(event(1));
    upstream().listener.error([{ message: 'Not your balance', extensions: { code: 'FORBIDDEN' } }]);
    await settle();
    for (const subscriber of clients) {
      expect(await read(subscriber, 1)).toEqual([event(1)]);
      await expect(subscriber.results.next()).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    }
    expect(upstream().closed).toBe(true);
    expect(closes()).toBe(1);
  });

  it('completes every client when the upstream completes', async () => {
    const { join, upstream } = setUp();
    const subscriber = join();
    upstream().listener.next(event(1));
    upstream().listener.complete();
    await settle();
    expect(await read(subscriber, 1)).toEqual([event(1)]);
    expect((await subscriber.results.next()).done).toBe(true);
  });

  it('cuts every client off with SUBSCRIPTION_BEHIND when events pile up faster than they resolve', async () => {
    const { join, upstream } = setUp({ hydrate: () => new Promise(() => {}), maxPendingEvents: 3 });
    const clients = [join(), join()];
    for (let n = 1; n <= 4; n++) upstream().listener.next(event(n));
    for (const subscriber of clients)
      await expect(subscriber.results.next()).rejects.toMatchObject({ extensions: { code: 'SUBSCRIPTION_BEHIND' } });
    expect(upstream().closed).toBe(true);
  });
});
