import { connect } from 'node:net';
import { print } from 'graphql';
import { BalanceUpdatedDocument, RecordPurchaseDocument } from '../../examples/sdk/graphql';
import { shutdownCloseReason } from '../../runtime/server/startGraphQLServer';
import { startRewardsSubgraph } from '../../subgraphs/rewards';
import { enrollMember, purchaseInput, setEarnRate } from '../support/fixtures';
import { startTestGraph, subgraphOptions, type TestGraph } from '../support/testGraph';

/** Sends an HTTP request's head and half its body now, and the rest when `finish` is called. */
function requestInTwoHalves(url: string, body: string, authorization: string) {
  const { hostname, port, pathname } = new URL(url);
  const socket = connect(Number(port), hostname);
  let answer = '';
  const answered = new Promise<string>((resolve, reject) => {
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
  const half = Math.floor(body.length / 2);
  const sent = new Promise<void>((resolve) =>
    socket.once('connect', () => {
      socket.write(
        `POST ${pathname} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\n` +
          `Authorization: ${authorization}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n` +
          body.slice(0, half),
        () => resolve(),
      );
    }),
  );
  return {
    sent,
    finish: () => socket.write(body.slice(half)),
    answered,
  };
}

describe('stopping a gateway gracefully', () => {
  let graph: TestGraph;

  beforeAll(async () => {
    graph = await startTestGraph({ shutdownDelayMs: 1000 });
    await setEarnRate(graph);
  });
  afterAll(() => graph?.stop());

  it('reports not ready, finishes the request in flight, closes sockets with a reason; a client resumes on another instance and misses nothing', async () => {
    const other = await graph.startInstance();
    const otherAdmin = await other.as({ role: 'admin', subject: 'test-admin' });
    const member = await enrollMember(graph, 'Sam', 'Shutdown');
    await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(member.id) });
    const live = await graph.admin.subscribe(BalanceUpdatedDocument, { customerId: member.id, after: '0' });
    const first = await live.next();
    expect(first.data?.balanceUpdated.balance).toBe(25);
    const lastEventId = first.data!.balanceUpdated.eventId;

    const gatewayUrl = graph.url;
    const inFlight = requestInTwoHalves(
      gatewayUrl,
      JSON.stringify({ query: print(RecordPurchaseDocument), variables: { input: purchaseInput(member.id) } }),
      graph.admin.authorization!,
    );
    await inFlight.sent;
    const stopped = graph.stack.gateway.stop();

    // While it waits for load balancers to notice: not ready, but alive, and still serving.
    const ready = await fetch(new URL('/health/ready', gatewayUrl));
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'unavailable', reason: 'shutting down' });
    expect((await fetch(new URL('/health/live', gatewayUrl))).status).toBe(200);

    // The socket is closed with 1001 and a reason that says what to do.
    const closed = await live.next(5000);
    expect(closed.errors?.[0]).toMatchObject({ message: shutdownCloseReason, extensions: { closeCode: 1001 } });

    // The request that had arrived before the stop is answered in full.
    inFlight.finish();
    const answer = await inFlight.answered;
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(answer).toMatch(/"pointsEarned":25/);
    await stopped;
    await expect(fetch(new URL('/health/live', gatewayUrl))).rejects.toThrow();

    // Committed while the client had no socket: the third purchase, through the other instance.
    await otherAdmin.data(RecordPurchaseDocument, { input: purchaseInput(member.id) });
    const resumed = await otherAdmin.subscribe(BalanceUpdatedDocument, { customerId: member.id, after: lastEventId });
    const balances: number[] = [];
    for (let n = 0; n < 2; n++) balances.push((await resumed.next()).data!.balanceUpdated.balance);
    await otherAdmin.data(RecordPurchaseDocument, { input: purchaseInput(member.id) });
    balances.push((await resumed.next()).data!.balanceUpdated.balance);
    expect(balances).toEqual([50, 75, 100]);
    await expect(resumed.next(500)).rejects.toThrow(/no subscription message/);
  });

  it('drains a subgraph the same way: not ready first, then closed', async () => {
    const rewards = await startRewardsSubgraph({
      ...subgraphOptions(graph),
      profileUrl: graph.stack.subgraphs.profile.url,
      ledgerUrl: graph.stack.subgraphs.ledger.url,
      shutdownDelayMs: 1000,
    });
    expect((await fetch(new URL('/health/ready', rewards.url))).status).toBe(200);
    const stopped = rewards.stop();
    const ready = await fetch(new URL('/health/ready', rewards.url));
    expect(ready.status).toBe(503);
    await stopped;
    await expect(fetch(new URL('/health/ready', rewards.url))).rejects.toThrow();
  });
});
