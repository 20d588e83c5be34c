import { MemberOverviewDocument, RecordPurchaseDocument, type MemberOverviewQuery } from '../../examples/sdk/graphql';
import { startRewardsSubgraph, type RunningRewards } from '../../subgraphs/rewards';
import { eventually } from '../support/eventually';
import { enrollMember, purchaseInput, setEarnRate } from '../support/fixtures';
import { startTestGraph, subgraphOptions, type GraphQLResult, type TestGraph } from '../support/testGraph';

describe('a subgraph killed under traffic, then back', () => {
  let graph: TestGraph;
  let restarted: RunningRewards | undefined;
  beforeAll(async () => {
    graph = await startTestGraph();
    await setEarnRate(graph);
  });
  afterAll(async () => {
    await restarted?.stop();
    await graph?.stop();
  });

  it('answers every request: partial data with SERVICE_UNAVAILABLE while it is down, whole again once it is back', async () => {
    const member = await enrollMember(graph, 'Tia', 'Traffic');
    await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(member.id) });
    const results: Array<{ phase: string; result: GraphQLResult<MemberOverviewQuery> }> = [];
    let phase = 'before';
    let running = true;
    const worker = async () => {
      while (running) {
        const started = phase;
        const result = await graph.admin.request(MemberOverviewDocument, { email: member.email });
        // A request that spans a change of phase (sent while down, answered once back) belongs to neither.
        results.push({ phase: phase === started ? started : 'between', result });
      }
    };
    const workers = Array.from({ length: 4 }, worker);
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    await pause(300);

    const rewards = graph.stack.subgraphs.rewards;
    const port = Number(new URL(rewards.url).port);
    // Killed, not drained: the connections it holds are cut, requests in flight included.
    rewards.httpServer.closeAllConnections();
    await rewards.stop();
    phase = 'down';
    await pause(500);
    // Purchases do not need the rewards subgraph: they go on.
    const during = await graph.admin.request(RecordPurchaseDocument, { input: purchaseInput(member.id) });
    expect(during.errors).toBeUndefined();
    // The gateway's readiness names the subgraph that is down. Each probe waits 1 s at most, which a
    // busy machine's ledger (the workers' traffic on one embedded database) can overrun once.
    const health = await eventually(
      async () =>
        (await (await fetch(new URL('/health/ready', graph.url))).json()) as { subgraphs: Record<string, string> },
      ({ subgraphs }) => subgraphs.rewards === 'unreachable' && subgraphs.ledger === 'ok',
      'the gateway to report rewards down and the ledger up',
    );
    expect(health.subgraphs).toMatchObject({ rewards: 'unreachable', ledger: 'ok' });

    restarted = await startRewardsSubgraph({
      ...subgraphOptions(graph, port),
      profileUrl: graph.stack.subgraphs.profile.url,
      ledgerUrl: graph.stack.subgraphs.ledger.url,
    });
    phase = 'restarted';
    await eventually(
      () => graph.admin.request(MemberOverviewDocument, { email: member.email }),
      (result) => result.errors === undefined,
      'whole answers again',
    );
    phase = 'back';
    await pause(300);
    running = false;
    await Promise.all(workers);

    // Every request was answered with the member, whatever the rewards subgraph was doing.
    for (const { result } of results) expect(result.data?.customerByIdentifier?.loyalty?.balance).toBeGreaterThan(0);
    const degraded = results.filter(({ result }) => result.errors !== undefined);
    expect(results.filter(({ phase: at }) => at === 'down').length).toBeGreaterThan(0);
    for (const { result } of results.filter(({ phase: at }) => at === 'down')) {
      expect(result.errors).toBeDefined();
      expect(result.data?.customerByIdentifier?.rewards).toBeNull();
    }
    for (const { result } of degraded) {
      expect(result.errors!.map((error) => error.extensions?.code)).toEqual(
        result.errors!.map(() => 'SERVICE_UNAVAILABLE'),
      );
      expect(result.errors![0]!.message).toMatch(/rewards service did not answer/);
    }
    const back = results.filter(({ phase: at }) => at === 'back');
    expect(back.length).toBeGreaterThan(0);
    for (const { result } of back) expect(result.errors).toBeUndefined();
  });
});
