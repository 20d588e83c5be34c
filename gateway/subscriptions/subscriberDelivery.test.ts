import { GraphQLError, type ExecutionResult } from 'graphql';
import type { GatewayContext } from '../gatewayContext';
import { openSubscriber, upstreamFailure } from './subscriberDelivery';

/** One client's side of a stream: what it reads, and how its stream ends. */
const context = (expiresAt?: number): GatewayContext => ({
  principal: { role: 'member', subject: 'a', expiresAt },
  authorization: 'Bearer a',
  ip: '127.0.0.1',
});
const event = (n: number): ExecutionResult => ({ data: { balanceUpdated: { balance: n } } });
const settle = () => new Promise((resolve) => setImmediate(resolve));
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

describe('delivering a stream to one client', () => {
  it('hands the client its events in the order they were delivered', async () => {
    const subscriber = openSubscriber(context(inAnHour()), { maxPendingEvents: 10 });
    for (const n of [1, 2, 3]) subscriber.deliver(event(n));
    for (const n of [1, 2, 3]) expect((await subscriber.results.next()).value).toEqual(event(n));
    await subscriber.results.return!();
  });

  it('cuts off a client with maxPendingEvents unread, after what it already has, with SUBSCRIPTION_BEHIND', async () => {
    const subscriber = openSubscriber(context(), { maxPendingEvents: 2 });
    for (const n of [1, 2, 3, 4]) subscriber.deliver(event(n));
    expect((await subscriber.results.next()).value).toEqual(event(1));
    expect((await subscriber.results.next()).value).toEqual(event(2));
    await expect(subscriber.results.next()).rejects.toMatchObject({ extensions: { code: 'SUBSCRIPTION_BEHIND' } });
    expect((await subscriber.results.next()).done).toBe(true);
  });

  it('keeps a client that reads as fast as events come, however many', async () => {
    const subscriber = openSubscriber(context(), { maxPendingEvents: 2 });
    for (let n = 1; n <= 50; n++) {
      subscriber.deliver(event(n));
      expect((await subscriber.results.next()).value).toEqual(event(n));
    }
    expect(subscriber.results.closed).toBe(false);
  });

  it('ends the client with the subgraph’s refusal, as a GraphQL error with its code', async () => {
    const subscriber = openSubscriber(context(), { maxPendingEvents: 10 });
    subscriber.deliver(event(1));
    subscriber.endWith('ledger', [{ message: 'Not your balance', extensions: { code: 'FORBIDDEN' } }]);
    expect((await subscriber.results.next()).value).toEqual(event(1));
    const error: unknown = await subscriber.results.next().catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error).toMatchObject({ message: 'Not your balance', extensions: { code: 'FORBIDDEN' } });
  });

  it('tells the client to resume when the connection to the subgraph was lost', () => {
    for (const lost of [{ code: 1006, reason: '' }, new Error('connect ECONNREFUSED'), []]) {
      expect(upstreamFailure('ledger', lost)).toMatchObject({
        message: expect.stringContaining('subscribe again from the last event received'),
        extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'ledger' },
      });
    }
    const given = new GraphQLError('as it was');
    expect(upstreamFailure('ledger', given)).toBe(given);
  });

  it('ends the stream when the client’s token expires, with UNAUTHENTICATED', async () => {
    const subscriber = openSubscriber(context(Math.floor(Date.now() / 1000) - 1), { maxPendingEvents: 10 });
    await expect(subscriber.results.next()).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('stays open while the token is valid, and tells the stream once when the client leaves', async () => {
    const subscriber = openSubscriber(context(inAnHour()), { maxPendingEvents: 10 });
    const leaves = jest.fn();
    subscriber.onLeave = leaves;
    await settle();
    expect(subscriber.results.closed).toBe(false);
    await subscriber.results.return!();
    subscriber.results.end();
    expect(leaves).toHaveBeenCalledTimes(1);
  });
});
