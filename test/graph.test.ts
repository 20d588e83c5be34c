import { MemberOverviewDocument, RecordPurchaseDocument } from '../examples/sdk/graphql';
import { enrollMember, purchaseInput, setEarnRate } from './support/fixtures';
import { startTestGraph, type TestGraph } from './support/testGraph';

describe('the federated customer graph', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph();
    await setEarnRate(graph);
    await graph.admin.data(
      `mutation { createReward(input: { name: "Free coffee", kind: FREE_PRODUCT, costPoints: 150 }) { id } }`,
    );
  });
  afterAll(() => graph?.stop());

  it('answers one query with fields from all four subgraphs', async () => {
    const member = await enrollMember(graph, 'Ada', 'Lovelace');
    await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(member.id) });

    const { customerByIdentifier } = await graph.admin.data(MemberOverviewDocument, {
      email: member.email.toUpperCase(),
    });

    expect(customerByIdentifier).toMatchObject({
      id: member.id,
      name: 'Ada Lovelace', // profile
      loyalty: { balance: 25, lifetimePoints: 25 }, // ledger
      rewards: { available: [{ name: 'Free coffee', costPoints: 150 }] }, // rewards
      offers: [{ title: 'Earn 1 point per €1.00' }], // campaign
    });
    expect(customerByIdentifier?.loyalty?.history.edges.map((edge) => edge.node)).toEqual([
      expect.objectContaining({
        kind: 'EARN',
        points: 25,
        balanceAfter: 25,
        reason: 'Base rate: 1 point per €1.00 on €25.00',
      }),
    ]);
  });

  it('pages through history with cursors, newest first', async () => {
    const member = await enrollMember(graph);
    for (const price of [100, 200, 300]) {
      await graph.admin.data(RecordPurchaseDocument, {
        input: purchaseInput(member.id, { lines: [{ sku: 'A', quantity: 1, unitPrice: price }] }),
      });
    }
    const page = (after?: string) =>
      graph.admin.data<
        {
          customer: {
            loyalty: {
              history: { edges: { node: { points: number } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
            };
          };
        },
        unknown
      >(
        `query($id: ID!, $after: String) { customer(id: $id) { loyalty { history(first: 2, after: $after) {
           edges { node { points } } pageInfo { hasNextPage endCursor } } } } }`,
        { id: member.id, after },
      );
    const first = (await page()).customer.loyalty.history;
    expect(first.edges.map((e) => e.node.points)).toEqual([3, 2]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await page(first.pageInfo.endCursor)).customer.loyalty.history;
    expect(second.edges.map((e) => e.node.points)).toEqual([1]);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses a cursor it did not issue', async () => {
    const member = await enrollMember(graph);
    const result = await graph.admin.request(
      `query($id: ID!) { customer(id: $id) { loyalty { history(after: "garbage!") { edges { cursor } } } } }`,
      {
        id: member.id,
      },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('resolves a batch of customer references with one database query per subgraph, not one per customer', async () => {
    const members = await Promise.all([enrollMember(graph), enrollMember(graph), enrollMember(graph)]);
    const representations = members.map((m) => ({ __typename: 'Customer', id: m.id }));
    const entities = async (subgraph: 'profile' | 'ledger' | 'rewards', selection: string) => {
      // What the gateway sends a subgraph for a list of customers: one _entities request.
      const response = await fetch(graph.stack.subgraphs[subgraph].url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: graph.admin.authorization! },
        body: JSON.stringify({
          query: `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Customer { ${selection} } } }`,
          variables: { representations },
        }),
      });
      return ((await response.json()) as { data: { _entities: unknown[] } }).data._entities;
    };

    const statements: string[] = [];
    const original = graph.database.db.query.bind(graph.database.db);
    graph.database.db.query = ((sql: string, params?: readonly unknown[]) => {
      statements.push(sql);
      return original(sql, params);
    }) as typeof graph.database.db.query;
    try {
      expect(await entities('profile', 'name')).toHaveLength(3);
      expect(await entities('ledger', 'loyalty { balance history(first: 5) { edges { cursor } } }')).toEqual(
        members.map(() => ({ loyalty: { balance: 0, history: { edges: [] } } })),
      );
      expect(await entities('rewards', 'rewards { available { name } }')).toHaveLength(3);
    } finally {
      graph.database.db.query = original;
    }
    const count = (table: string) => statements.filter((sql) => sql.includes(table)).length;
    expect(count('from profile.customers')).toBe(1);
    // The ledger: the accounts (a merged id resolving to its survivor's) and the history pages.
    expect(count('from ledger.accounts asked')).toBe(1);
    expect(count('from ledger.entries')).toBe(1);
    expect(count('from rewards.rewards')).toBe(1);
  });

  it('reports the gateway and every subgraph healthy', async () => {
    const response = await fetch(new URL('/health', graph.url));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      subgraphs: { profile: 'ok', ledger: 'ok', rewards: 'ok', campaign: 'ok' },
    });
  });
});
