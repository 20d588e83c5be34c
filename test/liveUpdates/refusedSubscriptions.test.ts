import { setTimeout as sleep } from 'node:timers/promises';
import { createClient, type Client, type Message } from 'graphql-ws';
import WebSocket from 'ws';
import { enrollMember } from '../support/fixtures';
import { sampleValue, scrape } from '../support/prometheus';
import { startTestGraph, type TestGraph } from '../support/testGraph';

const balanceUpdated = `subscription Watch($customerId: ID!, $after: ID) {
  balanceUpdated(customerId: $customerId, after: $after) { eventId balance }
}`;

type Ending = { next: unknown } | { error: unknown } | 'complete';

/**
 * A subscription the graph refuses, seen by a plain graphql-ws client that never retries: one
 * `error` message, then nothing, and neither the gateway nor the subgraph goes on trying.
 */
describe('a subscription the graph refuses', () => {
  let graph: TestGraph;
  const clients: Client[] = [];
  let watched: { id: string };
  let intruder: string;

  beforeAll(async () => {
    graph = await startTestGraph();
    watched = await enrollMember(graph, 'Watched', 'Member');
    const other = await enrollMember(graph, 'Other', 'Member');
    intruder = (await graph.as({ role: 'member', subject: other.id })).authorization!;
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await graph?.stop();
  });

  /** The ledger's count of operations it answered with `code` (each upstream subscribe it refused). */
  const ledgerRefusals = async (code: string) =>
    (await scrape(graph.stack.subgraphs.ledger.url))
      .filter((sample) => sample.name === 'graphql_operation_errors_total' && sample.labels.code === code)
      .reduce((sum, sample) => sum + sample.value, 0);
  const gatewayUpstreamSubscriptions = async () =>
    sampleValue(await scrape(graph.url), 'gateway_upstream_subscriptions');

  /**
   * Sends `count` identical subscriptions on one connection, waits for an answer to each, then
   * long enough for several retries of a lost upstream (100 ms, doubling, up to 2 s), and returns
   * every operation message the socket received and what each subscription's sink was told.
   */
  async function subscribeAndWait(authorization: string, variables: Record<string, unknown>, count = 1) {
    const messages: Message[] = [];
    const client = createClient({
      url: graph.wsUrl,
      webSocketImpl: WebSocket,
      // Kept open through the wait, so anything sent later for the operation would arrive.
      lazy: false,
      retryAttempts: 0,
      connectionParams: { authorization },
      on: {
        message: (message) => {
          if (message.type === 'next' || message.type === 'error' || message.type === 'complete')
            messages.push(message);
        },
      },
    });
    clients.push(client);
    const endings: Ending[][] = [];
    for (let n = 0; n < count; n++) {
      const ending: Ending[] = [];
      endings.push(ending);
      client.subscribe(
        { query: balanceUpdated, variables },
        {
          next: (value) => ending.push({ next: value }),
          error: (error) => ending.push({ error }),
          complete: () => ending.push('complete'),
        },
      );
    }
    for (let i = 0; i < 1500 && messages.length < count; i++) await sleep(10);
    await sleep(3500);
    return { messages, endings };
  }

  const refusal = (code: string) => [expect.objectContaining({ extensions: expect.objectContaining({ code }) })];
  const oneErrorEach = (code: string, count: number) =>
    Array.from({ length: count }, () => ({ id: expect.any(String), type: 'error', payload: refusal(code) }));

  it("answers a member subscribing to another member's balance with one FORBIDDEN error, and stops there", async () => {
    const before = await ledgerRefusals('FORBIDDEN');
    const { messages, endings } = await subscribeAndWait(intruder, { customerId: watched.id });

    expect(messages).toEqual(oneErrorEach('FORBIDDEN', 1));
    expect(endings).toEqual([[{ error: refusal('FORBIDDEN') }]]);
    // Asked once: the gateway did not open it again, and holds nothing for it.
    expect(await ledgerRefusals('FORBIDDEN')).toBe(before + 1);
    expect(await gatewayUpstreamSubscriptions()).toBe(0);
  });

  it('gives each of two identical refused subscriptions, which may share one upstream, its one error', async () => {
    const before = await ledgerRefusals('FORBIDDEN');
    const { messages, endings } = await subscribeAndWait(intruder, { customerId: watched.id }, 2);

    expect(messages).toEqual(oneErrorEach('FORBIDDEN', 2));
    expect(new Set(messages.map((message) => (message as { id: string }).id)).size).toBe(2);
    expect(endings).toEqual([[{ error: refusal('FORBIDDEN') }], [{ error: refusal('FORBIDDEN') }]]);
    // Once when the two shared the upstream subscription, twice when the first had ended already.
    expect(await ledgerRefusals('FORBIDDEN')).toBeLessThanOrEqual(before + 2);
    expect(await gatewayUpstreamSubscriptions()).toBe(0);
  });

  it('answers a customer id no profile has with one NOT_FOUND error, and stops there', async () => {
    const before = await ledgerRefusals('NOT_FOUND');
    const nobody = '00000000-0000-4000-8000-0000000000ff';
    const { messages, endings } = await subscribeAndWait(graph.admin.authorization!, { customerId: nobody });

    expect(messages).toEqual(oneErrorEach('NOT_FOUND', 1));
    expect(endings).toEqual([[{ error: refusal('NOT_FOUND') }]]);
    expect(await ledgerRefusals('NOT_FOUND')).toBe(before + 1);
    expect(await gatewayUpstreamSubscriptions()).toBe(0);
  });

  it('answers a malformed cursor with one BAD_USER_INPUT error naming it, and stops there', async () => {
    const before = await ledgerRefusals('BAD_USER_INPUT');
    const { messages, endings } = await subscribeAndWait(graph.admin.authorization!, {
      customerId: watched.id,
      after: 'not-a-cursor',
    });

    expect(messages).toEqual(oneErrorEach('BAD_USER_INPUT', 1));
    expect(endings).toEqual([[{ error: [expect.objectContaining({ message: expect.stringContaining('after') })] }]]);
    expect(await ledgerRefusals('BAD_USER_INPUT')).toBe(before + 1);
    expect(await gatewayUpstreamSubscriptions()).toBe(0);
  });
});
