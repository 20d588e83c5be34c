import { enrollMember, purchaseInput, returnOfOrder, setEarnRate } from '../support/fixtures';
import { eventually } from '../support/eventually';
import { TestClock } from '../support/ledger';
import { startTestGraph, type GraphClient, type TestGraph } from '../support/testGraph';

type Vars = Record<string, unknown>;
const breakdownQuery = `query($from: DateTimeISO!, $to: DateTimeISO!) {
  programMetrics(from: $from, to: $to, currency: "EUR") {
    from to currency activeMembers
    members membersEnrolled enrolmentsByChannel { channel members }
    nps { responses promoters passives detractors score } npsByChannel { channel nps { responses score } }
    bySegment { key name members activeMembers purchases netSpend averageOrderValue purchaseFrequency } } }`;
interface Breakdown {
  programMetrics: Vars & { bySegment: Array<Vars & { key: string }> };
}

describe('program metrics by segment, with membership and NPS from the profile', () => {
  // Profiles and answers are stamped by the database's clock, so the ledger's starts at the same time.
  const clock = new TestClock(new Date());
  const range = {
    from: new Date(clock.now().getTime() - 3_600_000).toISOString(),
    to: new Date(clock.now().getTime() + 86_400_000).toISOString(),
  };
  let graph: TestGraph;
  let marketer: GraphClient;

  beforeAll(async () => {
    graph = await startTestGraph({ clock: clock.now });
    await setEarnRate(graph);
    marketer = await graph.as({ role: 'marketer', subject: 'mara' });
    const [ada, ben, cy, duplicate] = await Promise.all([
      enrollMember(graph, 'Ada'),
      enrollMember(graph, 'Ben'),
      enrollMember(graph, 'Cy'),
      enrollMember(graph, 'Cy'),
    ]);
    const purchase = `mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { id } }`;
    // Ada: €25.00 in store and €10.00 online, then returns a €12.50 shirt; Ben: €40.00 online.
    const inStore = purchaseInput(ada.id);
    await graph.admin.data(purchase, { input: inStore });
    const online = (customerId: string, unitPrice: number) =>
      purchaseInput(customerId, { channel: 'ONLINE', storeId: null, lines: [{ sku: 'WEB', quantity: 1, unitPrice }] });
    await graph.admin.data(purchase, { input: online(ada.id, 1000) });
    await graph.admin.data(purchase, { input: online(ben.id, 4000) });
    await graph.admin.data(`mutation($input: RecordReturnInput!) { recordReturn(input: $input) { id } }`, {
      input: returnOfOrder(inStore, [{ sku: 'SHIRT-M', quantity: 1 }]),
    });
    // Cy enrolled twice and bought €5.00 online as each; folded, then the second profile is merged into the first.
    await graph.admin.data(purchase, { input: online(cy.id, 500) });
    await graph.admin.data(purchase, { input: online(duplicate.id, 500) });
    await graph.admin.data(`mutation { refreshProgramMetrics { events } }`, {});
    await graph.admin.data(
      `mutation($survivorId: ID!, $mergedId: ID!) { mergeCustomers(survivorId: $survivorId, mergedId: $mergedId, reason: "duplicate") { mergedId } }`,
      { survivorId: cy.id, mergedId: duplicate.id },
    );
    await eventually(
      () =>
        graph.database.db.query('select 1 from ledger.accounts where customer_id = $1 and merged_into = $2', [
          duplicate.id,
          cy.id,
        ]),
      (result) => result.rows.length === 1,
      'the ledger to follow the merge',
    );
    const feedback = `mutation($input: RecordFeedbackInput!) { recordFeedback(input: $input) { score } }`;
    const till = await graph.as({ role: 'associate', subject: 'ana@berlin-1', storeId: 'berlin-1' });
    await till.data(feedback, { input: { customerId: ada.id, score: 10, channel: 'IN_STORE' } });
    for (const [member, score] of [
      [ben, 5],
      [cy, 8],
    ] as const) {
      const app = await graph.as({ role: 'member', subject: member.id });
      await app.data(feedback, { input: { customerId: member.id, score, channel: 'ONLINE' } });
    }
    await graph.admin.data(`mutation { refreshPurchaseHistory { events } }`, {});
    await graph.admin.data(`mutation { refreshProgramMetrics { events } }`, {});
  });
  afterAll(() => graph?.stop());

  it('breaks purchases down by the segments members are in now', async () => {
    const { programMetrics } = await marketer.data<Breakdown, Vars>(breakdownQuery, range);
    const segment = (key: string) => programMetrics.bySegment.find((one) => one.key === key);
    expect(programMetrics.bySegment.map((one) => one.key)).toEqual(
      expect.arrayContaining(['champions', 'new-customers', 'omnichannel', 'single-channel']),
    );
    // Ada bought in two channels: €25.00 + €10.00, less the €12.50 returned of the first.
    expect(segment('omnichannel')).toEqual({
      key: 'omnichannel',
      name: 'Omnichannel shoppers',
      members: 1,
      activeMembers: 1,
      purchases: 2,
      netSpend: 2250,
      averageOrderValue: 1125,
      purchaseFrequency: 2,
    });
    // Ben, and Cy with the purchases of both her profiles.
    expect(segment('single-channel')).toMatchObject({ members: 2, activeMembers: 2, purchases: 3, netSpend: 5000 });
    // Ben is the only buyer with exactly one purchase.
    expect(segment('new-customers')).toMatchObject({ members: 1, purchases: 1, netSpend: 4000 });
  });

  it('counts members, enrolments and buyers once when a duplicate profile is merged', async () => {
    const { programMetrics } = await marketer.data<Breakdown, Vars>(breakdownQuery, range);
    const day = (at: string) => `${at.slice(0, 10)}T00:00:00.000Z`;
    expect(programMetrics).toMatchObject({
      // Whole UTC days, as the ledger counts them, for every subgraph's part.
      from: day(range.from),
      to: day(range.to),
      currency: 'EUR',
      // Cy's two profiles buy as one member once merged.
      activeMembers: 3,
      members: 3,
      membersEnrolled: 3,
      enrolmentsByChannel: [{ channel: 'ONLINE', members: 3 }],
    });
    const before = await marketer.data<Breakdown, Vars>(breakdownQuery, {
      from: new Date(Date.parse(range.from) - 86_400_000).toISOString(),
      to: range.from,
    });
    expect(before.programMetrics).toMatchObject({ members: 0, membersEnrolled: 0, activeMembers: 0 });
  });

  it('scores NPS over the range, overall and per channel', async () => {
    const { programMetrics } = await marketer.data<Breakdown, Vars>(breakdownQuery, range);
    // 10 promotes, 8 is passive, 5 detracts: 1/3 − 1/3 = 0.
    expect(programMetrics.nps).toEqual({ responses: 3, promoters: 1, passives: 1, detractors: 1, score: 0 });
    expect(programMetrics.npsByChannel).toEqual([
      { channel: 'IN_STORE', nps: { responses: 1, score: 100 } },
      { channel: 'ONLINE', nps: { responses: 2, score: -50 } },
    ]);
  });

  it('refuses the breakdowns to an associate through the gateway', async () => {
    const till = await graph.as({ role: 'associate', subject: 'ana@berlin-1', storeId: 'berlin-1' });
    const result = await till.request(breakdownQuery, range);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  describe('asked of the campaign and profile subgraphs directly, as the gateway asks them', () => {
    const entities = `query($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on ProgramMetrics { __typename BREAKDOWN } } }`;
    const ask = async (
      subgraph: 'campaign' | 'profile',
      authorization: string,
      representation: Vars,
    ): Promise<{ data?: { _entities: unknown[] } | null; errors?: Array<{ extensions?: Vars }> }> => {
      const fields = subgraph === 'campaign' ? 'bySegment { key }' : 'members nps { score }';
      const response = await fetch(graph.stack.subgraphs[subgraph].url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({
          query: entities.replace('BREAKDOWN', fields),
          variables: { representations: [{ __typename: 'ProgramMetrics', ...representation }] },
        }),
      });
      return (await response.json()) as {
        data?: { _entities: unknown[] } | null;
        errors?: Array<{ extensions?: Vars }>;
      };
    };
    const day = { from: '2026-01-01T00:00:00.000Z', to: '2026-01-02T00:00:00.000Z', currency: 'EUR' };

    it.each(['campaign', 'profile'] as const)(
      'answers a marketer and refuses an associate and a member (%s)',
      async (subgraph) => {
        const allowed = await ask(subgraph, marketer.authorization!, day);
        expect(allowed.errors).toBeUndefined();
        expect(allowed.data?._entities).toHaveLength(1);
        for (const principal of [
          { role: 'associate' as const, subject: 'ana@berlin-1', storeId: 'berlin-1' },
          { role: 'member' as const, subject: '00000000-0000-4000-8000-000000000001' },
        ]) {
          const client = await graph.as(principal);
          const refused = await ask(subgraph, client.authorization!, day);
          expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        }
      },
    );

    it.each([
      ['dates that do not parse', { ...day, from: 'garbage' }],
      ['a range that ends before it starts', { ...day, from: day.to, to: day.from }],
      ['a range longer than ten years', { ...day, to: '2046-01-01T00:00:00.000Z' }],
      ['a currency that is not ISO 4217', { ...day, currency: 'euro' }],
    ])('resolves %s to nothing rather than reading SQL', async (_case, representation) => {
      for (const subgraph of ['campaign', 'profile'] as const) {
        const result = await ask(subgraph, marketer.authorization!, representation);
        expect(result.data?._entities).toEqual([null]);
        expect(result.errors).toBeUndefined();
      }
    });
  });
});
