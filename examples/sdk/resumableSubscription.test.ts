import type { Client, Sink } from 'graphql-ws';
import { BalanceUpdatedDocument, TierChangedDocument } from './graphql';
import { subscribeResumably, SubscriptionEndedError, type LiveState } from './resumableSubscription';

interface Sent {
  query: string;
  variables: Record<string, unknown>;
}

/**
 * A graphql-ws client as the helper sees it: like the real one, it serialises the payload each time
 * it (re)sends a subscription, and `reconnect()` re-sends every open one, as its retries do.
 */
class ScriptedClient implements Pick<Client, 'subscribe' | 'on'> {
  readonly sent: Sent[] = [];
  private readonly open = new Map<number, { payload: unknown; sink: Sink }>();
  private readonly listeners: Record<string, Array<(...args: unknown[]) => void>> = {};
  private nextId = 0;

  subscribe: Client['subscribe'] = (payload, sink) => {
    const id = this.nextId++;
    this.open.set(id, { payload, sink: sink as Sink });
    this.send(payload);
    return () => void this.open.delete(id);
  };

  on: Client['on'] = (event, listener) => {
    const list = (this.listeners[event] ??= []);
    list.push(listener as (...args: unknown[]) => void);
    return () => list.splice(list.indexOf(listener as (...args: unknown[]) => void), 1);
  };

  get sink(): Sink {
    const last = [...this.open.values()].at(-1);
    if (!last) throw new Error('no open subscription');
    return last.sink;
  }

  get openCount(): number {
    return this.open.size;
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners[event] ?? [])]) listener(...args);
  }

  /** The socket closed and a new one was acknowledged; graphql-ws sends each subscription again. */
  reconnect(): void {
    this.emit('closed', { code: 1006, reason: '' });
    this.emit('connected');
    for (const { payload } of this.open.values()) this.send(payload);
  }

  private send(payload: unknown): void {
    this.sent.push(JSON.parse(JSON.stringify(payload)) as Sent);
  }
}

const customerId = '7d8c6a36-3b35-4c8e-9d7e-1f1bde0c3a11';
const event = (eventId: string, balance = 0) => ({
  data: {
    balanceUpdated: { eventId, balance, change: 0, pending: 0, reason: 'purchase', customer: null },
  },
});
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

function follow(client: ScriptedClient, after: string | null = '5') {
  const received: string[] = [];
  const states: LiveState[] = [];
  const errors: SubscriptionEndedError[] = [];
  const stop = subscribeResumably(
    client,
    { document: BalanceUpdatedDocument, variables: { customerId, after }, retryDelayMs: () => 0 },
    {
      next: (data) => received.push(data.balanceUpdated.eventId),
      error: (error) => errors.push(error),
      state: (state) => states.push(state),
    },
  );
  return { received, states, errors, stop };
}

describe('subscribeResumably', () => {
  it('delivers each event once, in the order of its id, comparing ids as numbers', () => {
    const client = new ScriptedClient();
    const { received } = follow(client);
    for (const id of ['9', '10', '10', '9', '5', '3', '11']) client.sink.next(event(id));
    expect(received).toEqual(['9', '10', '11']);
  });

  it('sends the document and its variables, the cursor in `after`', () => {
    const client = new ScriptedClient();
    follow(client, '5');
    expect(client.sent).toHaveLength(1);
    expect(client.sent[0]!.query).toContain('subscription BalanceUpdated');
    expect(client.sent[0]!.variables).toEqual({ customerId, after: '5' });
  });

  it("resumes graphql-ws's own retry after the last event delivered, not from the first cursor", () => {
    const client = new ScriptedClient();
    const { received, states } = follow(client, '5');
    client.sink.next(event('6'));
    client.sink.next(event('8'));
    client.reconnect();
    expect(client.sent.map((sent) => sent.variables.after)).toEqual(['5', '8']);
    // A gateway that replays from further back (or twice) still shows each event once.
    for (const id of ['6', '8', '9']) client.sink.next(event(id));
    expect(received).toEqual(['6', '8', '9']);
    expect(states).toEqual(['connecting', 'live', 'reconnecting', 'live']);
  });

  it('subscribes again itself, after the last event delivered, when the client gives up on the socket', async () => {
    const client = new ScriptedClient();
    const { received, states } = follow(client, null);
    expect(client.sent[0]!.variables).toEqual({ customerId, after: null });
    client.sink.next(event('41'));
    client.emit('closed', { code: 1006 });
    client.sink.error({ code: 1006, reason: 'gone' });
    expect(client.openCount).toBe(0);
    await tick();
    expect(client.sent.map((sent) => sent.variables.after)).toEqual([null, '41']);
    client.emit('connected');
    client.sink.next(event('41'));
    client.sink.next(event('42'));
    expect(received).toEqual(['41', '42']);
    expect(states).toEqual(['connecting', 'live', 'reconnecting', 'live']);
  });

  it.each([
    ['FORBIDDEN', 'error'],
    ['UNAUTHENTICATED', 'error'],
    ['BAD_USER_INPUT', 'next'],
    ['NOT_FOUND', 'next'],
  ] as const)('ends with the error and does not resubscribe on %s (sent as %s)', async (code, how) => {
    const client = new ScriptedClient();
    const { errors } = follow(client);
    const errorsSent = [{ message: `refused: ${code}`, extensions: { code } }];
    if (how === 'error') client.sink.error(errorsSent);
    else client.sink.next({ errors: errorsSent });
    await tick();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(SubscriptionEndedError);
    expect(errors[0]!.code).toBe(code);
    expect(errors[0]!.message).toBe(`refused: ${code} (${code})`);
    expect(client.sent).toHaveLength(1);
    expect(client.openCount).toBe(0);
  });

  it('ends when the server refuses the socket itself (4403 Forbidden)', async () => {
    const client = new ScriptedClient();
    const { errors } = follow(client);
    client.sink.error({ code: 4403, reason: 'Forbidden' });
    await tick();
    expect(errors.map((error) => error.code)).toEqual(['4403']);
    expect(client.sent).toHaveLength(1);
  });

  it.each(['SERVICE_UNAVAILABLE', 'SUBSCRIPTION_BEHIND'])(
    'resubscribes from the last event after %s',
    async (code) => {
      const client = new ScriptedClient();
      const { errors, received } = follow(client);
      client.sink.next(event('7'));
      client.sink.error([{ message: 'try again', extensions: { code } }]);
      await tick();
      expect(errors).toEqual([]);
      expect(client.sent.map((sent) => sent.variables.after)).toEqual(['5', '7']);
      client.sink.next(event('8'));
      expect(received).toEqual(['7', '8']);
    },
  );

  it('ends when an event carries no event id to resume from', () => {
    const client = new ScriptedClient();
    const { errors, received } = follow(client);
    client.sink.next({ data: { balanceUpdated: { balance: 3 } } });
    expect(received).toEqual([]);
    expect(errors[0]!.message).toMatch(/no event id/);
  });

  it('reads the cursor of any subscription, from a variable and a reader of its choosing', () => {
    const client = new ScriptedClient();
    const received: string[] = [];
    subscribeResumably(
      client,
      {
        document: TierChangedDocument,
        variables: { customerId, since: '2' } as never,
        cursorVariable: 'since',
        eventIdOf: (data) => data.tierChanged.eventId,
      },
      { next: (data) => received.push(data.tierChanged.to), error: () => undefined },
    );
    const tier = (eventId: string, to: string) => ({
      data: { tierChanged: { eventId, from: null, to, direction: 'UP', reviewAt: null } },
    });
    client.sink.next(tier('3', 'Silver'));
    client.reconnect();
    client.sink.next(tier('3', 'Silver'));
    client.sink.next(tier('4', 'Gold'));
    expect(client.sent.map((sent) => sent.variables.since)).toEqual(['2', '3']);
    expect(received).toEqual(['Silver', 'Gold']);
  });

  it('delivers nothing and stops listening once unsubscribed', () => {
    const client = new ScriptedClient();
    const { received, states, stop } = follow(client);
    const sink = client.sink;
    stop();
    sink.next(event('6'));
    client.reconnect();
    expect(received).toEqual([]);
    expect(states).toEqual(['connecting']);
    expect(client.openCount).toBe(0);
  });
});
