import { parse, type ExecutionResult } from 'graphql';
import { createLogger } from '../../runtime/logging/logger';
import { readSupergraphSdl } from '../composition/generateSchemaFiles';
import type { GatewayContext } from '../gatewayContext';
import { FederatedSchema } from './federatedSchema';
import { createFederatedSubscribe } from './federatedSubscribe';
import type { UpstreamListener, UpstreamSubscriptions } from './upstreamSubscriptions';

/**
 * The stream logic between the subgraph's events and the clients, with the upstream side replaced
 * by a recorder: which upstream subscriptions open, and what each client receives. A selection the
 * ledger alone serves needs no other subgraph, so nothing else is called.
 */
const schema = new FederatedSchema(readSupergraphSdl());
const customerId = '00000000-0000-4000-8000-000000000001';
const balance = parse(`subscription($id: ID!) { balanceUpdated(customerId: $id) { eventId balance } }`);

function setUp(maxPendingEvents = 3) {
  const opened: Array<{ listener: UpstreamListener; closed: boolean }> = [];
  const upstream = {
    subscribe(_service: string, _request: unknown, listener: UpstreamListener) {
      const entry = { listener, closed: false };
      opened.push(entry);
      return () => (entry.closed = true);
    },
  } as unknown as UpstreamSubscriptions;
  const subscribe = createFederatedSubscribe({
    schema,
    upstream,
    serviceMap: () => ({}),
    logger: createLogger('error'),
    maxPendingEvents,
  });
  const context = (subject: string): GatewayContext => ({
    principal: { role: 'member', subject },
    authorization: `Bearer ${subject}`,
    ip: '127.0.0.1',
  });
  const open = (subject = customerId, variables: Record<string, unknown> = { id: customerId }) =>
    subscribe({ document: balance, variables, context: context(subject) }) as AsyncIterableIterator<ExecutionResult>;
  const event = (n: number): ExecutionResult => ({
    data: { balanceUpdated: { eventId: String(n), balance: n * 10, gatewayEventId: String(n) } },
  });
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { opened, open, event, settle };
}

describe('federated subscription streams', () => {
  it('resolves each event once for clients of one identity sending the same operation', async () => {
    const { opened, open, event, settle } = setUp();
    const first = open();
    const second = open();
    expect(opened).toHaveLength(1);

    opened[0]!.listener.next(event(1));
    await settle();
    for (const client of [first, second])
      expect((await client.next()).value).toEqual({ data: { balanceUpdated: { eventId: '1', balance: 10 } } });

    await first.return!();
    expect(opened[0]!.closed).toBe(false);
    await second.return!();
    expect(opened[0]!.closed).toBe(true);
  });

  it('gives other identities, and a client replaying from a cursor, a stream of their own', async () => {
    const { opened, open } = setUp();
    open();
    open('00000000-0000-4000-8000-000000000002');
    open(customerId, { id: customerId, after: '5' });
    expect(opened).toHaveLength(3);
  });

  it('cuts off a client that stops reading, alone, with SUBSCRIPTION_BEHIND', async () => {
    const { opened, open, event, settle } = setUp(3);
    const slow = open();
    const reading = open();
    const received: number[] = [];
    for (let n = 1; n <= 6; n++) {
      opened[0]!.listener.next(event(n));
      await settle();
      const { value } = await reading.next();
      received.push((value as { data: { balanceUpdated: { balance: number } } }).data.balanceUpdated.balance);
    }
    expect(received).toEqual([10, 20, 30, 40, 50, 60]);
    for (let n = 0; n < 3; n++) await slow.next();
    await expect(slow.next()).rejects.toMatchObject({ extensions: { code: 'SUBSCRIPTION_BEHIND' } });
    expect(opened[0]!.closed).toBe(false);
  });

  it('ends every client of a stream with the upstream error, and closes it', async () => {
    const { opened, open, settle } = setUp();
    const clients = [open(), open()];
    opened[0]!.listener.error([{ message: 'No customer has the id', extensions: { code: 'NOT_FOUND' } }]);
    await settle();
    for (const client of clients)
      await expect(client.next()).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(opened[0]!.closed).toBe(true);
  });
});
