import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { BalanceUpdatedDocument, RecordPurchaseDocument } from '../../examples/sdk/graphql';
import { subscribeResumably, type LiveState } from '../../examples/sdk/resumableSubscription';
import { startGateway } from '../../gateway';
import { readSupergraphSdl } from '../../gateway/composition/generateSchemaFiles';
import { developmentAuthConfig } from '../../runtime/config/authConfig';
import { createLogger } from '../../runtime/logging/logger';
import type { RunningServer } from '../../runtime/server/startGraphQLServer';
import { eventually } from '../support/eventually';
import { enrollMember, purchaseInput, setEarnRate } from '../support/fixtures';
import { startTestGraph, type GraphClient, type TestGraph } from '../support/testGraph';

/** What happened on the client, in order: subscriptions it sent (with their cursor) and events it handed on. */
type Step = { sent: unknown } | { delivered: string };

/** The `ws` socket, noting each subscription it sends, so the test can read cursors and cut the line. */
function recordingWebSocket(steps: Step[], sockets: WebSocket[]) {
  return class RecordingWebSocket extends WebSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      sockets.push(this);
    }
    override send(data: unknown, ...rest: unknown[]): void {
      const message = JSON.parse(String(data)) as { type: string; payload?: { variables?: { after?: unknown } } };
      if (message.type === 'subscribe') steps.push({ sent: message.payload?.variables?.after ?? null });
      (super.send as (...args: unknown[]) => void)(data, ...rest);
    }
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a client that resubscribes with subscribeResumably', () => {
  let graph: TestGraph;
  let secondAdmin: GraphClient;
  const leftovers: Array<() => Promise<unknown> | unknown> = [];

  beforeAll(async () => {
    graph = await startTestGraph();
    await setEarnRate(graph, 'EUR', 1, 100);
    const second = await graph.startInstance();
    secondAdmin = await second.as({ role: 'admin', subject: 'second-admin' });
  });
  afterAll(async () => {
    for (const cleanup of leftovers.splice(0).reverse()) await cleanup();
    await graph?.stop();
  });

  function memberClient(authorization: string, steps: Step[], sockets: WebSocket[]): Client {
    const client = createClient({
      url: graph.wsUrl,
      webSocketImpl: recordingWebSocket(steps, sockets),
      connectionParams: { authorization },
      retryAttempts: Infinity,
      retryWait: async () => void (await sleep(200)),
    });
    // A client whose last connection attempt was called off rejects its dispose: nothing to close.
    leftovers.push(() => Promise.resolve(client.dispose()).catch(() => undefined));
    return client;
  }

  const purchase = (through: GraphClient, customerId: string) =>
    through.data(RecordPurchaseDocument, { input: purchaseInput(customerId) });

  it('sees every event once, in order, across a cut socket and a gateway restart', async () => {
    const member = await enrollMember(graph, 'Rea', 'Connect');
    const { customer } = await graph.admin.data<{ customer: { loyalty: { lastEventId: string | null } } }, unknown>(
      'query($id: ID!) { customer(id: $id) { loyalty { lastEventId } } }',
      { id: member.id },
    );
    const screenLoadedAt = customer.loyalty.lastEventId ?? '0';
    let purchases = 0;
    const buy = async (through = graph.admin) => {
      await purchase(through, member.id);
      purchases++;
    };
    // Committed after the screen's read and before it subscribed: replayed from the cursor.
    await buy();
    await buy();

    const steps: Step[] = [];
    const sockets: WebSocket[] = [];
    const balances: number[] = [];
    const states: LiveState[] = [];
    const errors: unknown[] = [];
    const authorization = (await graph.as({ role: 'member', subject: member.id })).authorization!;
    const stop = subscribeResumably(
      memberClient(authorization, steps, sockets),
      {
        document: BalanceUpdatedDocument,
        variables: { customerId: member.id, after: screenLoadedAt },
        retryDelayMs: () => 200,
      },
      {
        next: ({ balanceUpdated }) => {
          steps.push({ delivered: balanceUpdated.eventId });
          balances.push(balanceUpdated.balance);
        },
        error: (error) => errors.push(error),
        state: (state) => states.push(state),
      },
    );
    leftovers.push(stop);
    const delivered = () => steps.flatMap((step) => ('delivered' in step ? [step.delivered] : []));
    const received = (count: number) =>
      eventually(
        async () => delivered().length,
        (n) => n >= count,
        `${count} events`,
      );
    await received(2);

    // (a) The socket dies mid-stream, with purchases on either side of the cut.
    await buy();
    await received(3);
    sockets.at(-1)!.terminate();
    await buy();
    await buy();
    await received(5);
    expect(sockets.length).toBe(2);

    // (b) The gateway stops and starts again on its port; purchases meanwhile go through another.
    const gateway = graph.stack.gateway;
    await gateway.stop();
    await buy(secondAdmin);
    await buy(secondAdmin);
    const restarted: RunningServer = await startGateway({
      supergraphSdl: readSupergraphSdl(),
      subgraphUrls: Object.fromEntries(Object.entries(graph.stack.subgraphs).map(([name, s]) => [name, s.url])),
      auth: developmentAuthConfig(),
      host: '127.0.0.1',
      port: gateway.port,
      logger: createLogger('error'),
    });
    leftovers.push(() => restarted.stop());
    // Through the restarted gateway, on the same address.
    await buy();
    await received(8);
    await buy();
    await received(9);
    // Nothing more comes: no event is handed on twice, even late.
    await sleep(1000);

    const ids = delivered();
    expect(ids).toHaveLength(purchases);
    expect(new Set(ids).size).toBe(purchases);
    expect(ids.map(BigInt)).toEqual([...ids.map(BigInt)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(balances).toEqual(Array.from({ length: purchases }, (_, n) => 25 * (n + 1)));
    expect(errors).toEqual([]);
    expect(states[0]).toBe('connecting');
    expect(states.filter((state) => state === 'reconnecting').length).toBeGreaterThanOrEqual(2);
    expect(states.at(-1)).toBe('live');

    // Every (re)subscription asked for what came after the last event delivered before it.
    let last: string | null = screenLoadedAt;
    const resumedFrom: unknown[] = [];
    for (const step of steps) {
      if ('delivered' in step) last = step.delivered;
      else {
        expect(step.sent).toBe(last);
        resumedFrom.push(step.sent);
      }
    }
    expect(resumedFrom.length).toBeGreaterThanOrEqual(3);
  });

  it('(the old way) a plain graphql-ws retry replays from the cursor the screen loaded with', async () => {
    const viewer = await enrollMember(graph, 'Old', 'Way');
    const authorization = (await graph.as({ role: 'member', subject: viewer.id })).authorization!;
    const sockets: WebSocket[] = [];
    const client = memberClient(authorization, [], sockets);
    await purchase(graph.admin, viewer.id);
    const ids: string[] = [];
    const dispose = client.subscribe<{ balanceUpdated: { eventId: string } }>(
      { query: print(BalanceUpdatedDocument), variables: { customerId: viewer.id, after: '0' } },
      { next: ({ data }) => void ids.push(data!.balanceUpdated.eventId), error: () => undefined, complete: () => {} },
    );
    leftovers.push(dispose);
    await eventually(
      async () => ids.length,
      (n) => n >= 1,
      'the first event',
    );
    sockets.at(-1)!.terminate();
    await eventually(
      async () => ids.length,
      (n) => n >= 2,
      'the replay',
    );
    expect(ids[1]).toBe(ids[0]);
  });
});
