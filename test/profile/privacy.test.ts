import { enrollMember, purchaseInput, setEarnRate } from '../support/fixtures';
import { expectConsistentLedger } from '../support/ledger';
import { startTestGraph, type GraphClient, type GraphQLResult, type TestGraph } from '../support/testGraph';

type Vars = Record<string, unknown>;
const code = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.code ?? 'OK';
const feedbackMutation = `mutation($input: RecordFeedbackInput!) { recordFeedback(input: $input) { score channel } }`;

describe('feedback, export and erasure through the gateway', () => {
  let graph: TestGraph;
  let till: GraphClient;

  beforeAll(async () => {
    graph = await startTestGraph();
    await setEarnRate(graph, 'EUR', 1, 100);
    till = await graph.as({ role: 'associate', subject: 'ana@berlin-1', storeId: 'berlin-1' });
  });
  afterAll(() => graph?.stop());

  it("records NPS answers on any channel and computes the program's score", async () => {
    const from = new Date(Date.now() - 1000).toISOString();
    const members = await Promise.all(Array.from({ length: 4 }, () => enrollMember(graph)));
    const scores = [10, 9, 7, 3];
    for (const [i, member] of members.entries()) {
      const app = await graph.as({ role: 'member', subject: member.id });
      await app.data(feedbackMutation, {
        input: { customerId: member.id, score: scores[i], comment: 'Thanks', channel: 'MOBILE_APP' },
      });
    }
    await till.data(feedbackMutation, { input: { customerId: members[0]!.id, score: 0, channel: 'IN_STORE' } });
    const marketer = await graph.as({ role: 'marketer', subject: 'mara' });
    const { npsScore } = await marketer.data<{ npsScore: Vars }, Vars>(
      `query($from: DateTimeISO!, $to: DateTimeISO!) { npsScore(from: $from, to: $to, channel: "MOBILE_APP") { responses promoters passives detractors score } }`,
      { from, to: new Date(Date.now() + 60_000).toISOString() },
    );
    expect(npsScore).toEqual({ responses: 4, promoters: 2, passives: 1, detractors: 1, score: 25 });
    const outOfRange = await till.request(feedbackMutation, {
      input: { customerId: members[0]!.id, score: 11, channel: 'IN_STORE' },
    });
    expect(code(outOfRange)).toBe('BAD_USER_INPUT');
  });

  it('exports what the profile holds to the member, and to no other member', async () => {
    const member = await enrollMember(graph);
    const app = await graph.as({ role: 'member', subject: member.id });
    await app.data(
      `mutation($id: ID!) { setConsent(customerId: $id, input: { channel: EMAIL, granted: true, source: "app" }) { id } }`,
      {
        id: member.id,
      },
    );
    await app.data(feedbackMutation, { input: { customerId: member.id, score: 8, channel: 'MOBILE_APP' } });
    const { exportProfile } = await app.data<{ exportProfile: Record<string, unknown[] | Vars> }, Vars>(
      `query($id: ID!) { exportProfile(customerId: $id) }`,
      { id: member.id },
    );
    expect(exportProfile.profile).toMatchObject({ id: member.id, given_name: 'Test' });
    expect(exportProfile.identities).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'EMAIL', value: member.email })]),
    );
    expect(exportProfile.consentHistory).toHaveLength(1);
    expect(exportProfile.feedback).toHaveLength(1);
    const stranger = await graph.as({ role: 'member', subject: (await enrollMember(graph)).id });
    expect(code(await stranger.request(`query($id: ID!) { exportProfile(customerId: $id) }`, { id: member.id }))).toBe(
      'FORBIDDEN',
    );
  });

  it('erases personal data for an admin, keeps the points for accounting, and records who and why', async () => {
    const member = await enrollMember(graph, 'Eve', 'Gone');
    await graph.admin.data(`mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { id } }`, {
      input: purchaseInput(member.id),
    });
    const app = await graph.as({ role: 'member', subject: member.id });
    const refused = await app.request(
      `mutation($id: ID!) { eraseCustomer(customerId: $id, reason: "please") { erasedAt } }`,
      {
        id: member.id,
      },
    );
    expect(code(refused)).toBe('FORBIDDEN');
    const { eraseCustomer } = await graph.admin.data<{ eraseCustomer: { auditEventId: string } }, Vars>(
      `mutation($id: ID!) { eraseCustomer(customerId: $id, reason: "GDPR request 2026-118") { erasedAt auditEventId } }`,
      { id: member.id },
    );
    const found = await till.data<{ customerByIdentifier: unknown }, Vars>(
      `query($v: String!) { customerByIdentifier(type: EMAIL, value: $v) { id } }`,
      { v: member.email },
    );
    expect(found.customerByIdentifier).toBeNull();
    const { customer } = await graph.admin.data<{ customer: Vars }, Vars>(
      `query($id: ID!) { customer(id: $id) { name email identities { type } loyalty { balance } } }`,
      { id: member.id },
    );
    expect(customer).toEqual({ name: 'Erased member', email: null, identities: [], loyalty: { balance: 25 } });
    await expectConsistentLedger(graph, member.id);
    const { rows } = await graph.database.db.query<{ type: string; actor: Vars; payload: Vars }>(
      'select type, actor, payload from profile.events where id = $1',
      [Number(eraseCustomer.auditEventId)],
    );
    expect(rows[0]).toMatchObject({
      type: 'CustomerErased',
      actor: { role: 'admin' },
      payload: { customerId: member.id, reason: 'GDPR request 2026-118' },
    });
    // The person may enroll again with the same email: a new profile.
    const again = await graph.admin.data<{ enrollCustomer: { id: string } }, Vars>(
      `mutation($input: EnrollCustomerInput!) { enrollCustomer(input: $input) { id } }`,
      { input: { givenName: 'Eve', email: member.email, channel: 'ONLINE' } },
    );
    expect(again.enrollCustomer.id).not.toBe(member.id);
  });
});
