import { randomUUID } from 'node:crypto';
import { enrollMember, purchaseInput, returnOfOrder, setEarnRate, unique } from '../support/fixtures';
import { expectConsistentLedger } from '../support/ledger';
import { startTestGraph, type GraphClient, type GraphQLResult, type TestGraph } from '../support/testGraph';
import { eventually } from '../support/eventually';

type Vars = Record<string, unknown>;
const code = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.code ?? 'OK';
const mergeMutation = `mutation($survivorId: ID!, $mergedId: ID!, $reason: String!) {
  mergeCustomers(survivorId: $survivorId, mergedId: $mergedId, reason: $reason) {
    mergedId auditEventId survivor { id mergedIds attributes consents { channel granted } identities { type value } }
  }
}`;
const purchaseMutation = `mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { id pointsEarned } }`;
const loyaltyQuery = `query($id: ID!) {
  customer(id: $id) { id name loyalty { balance lifetimePoints history(first: 20) { edges { node { kind points sourceType } } } }
    rewards { vouchers { code } } }
}`;

interface LoyaltyView {
  customer: {
    id: string;
    name: string;
    loyalty: {
      balance: number;
      lifetimePoints: number;
      history: { edges: Array<{ node: { kind: string; points: number; sourceType: string } }> };
    };
    rewards: { vouchers: Array<{ code: string }> };
  };
}

describe('merging two profiles of one person through the gateway', () => {
  let graph: TestGraph;
  let till: GraphClient;

  beforeAll(async () => {
    graph = await startTestGraph({ mergeFollowIntervalMs: 100, phoneRegion: 'DE' });
    await setEarnRate(graph, 'EUR', 1, 100);
    till = await graph.as({ role: 'associate', subject: 'ana@berlin-1', storeId: 'berlin-1' });
  });
  afterAll(() => graph?.stop());

  async function twoProfilesOfOnePerson() {
    const online = await enrollMember(graph, 'Mia', 'Online');
    const phone = `+49151${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const { enrollCustomer: inStore } = await till.data<{ enrollCustomer: { id: string } }, Vars>(
      `mutation($input: EnrollCustomerInput!) { enrollCustomer(input: $input) { id } }`,
      { input: { givenName: 'Mia', phone, channel: 'IN_STORE' } },
    );
    return { survivorId: online.id, mergedId: inStore.id, phone };
  }

  it('moves identities, attributes, consent, points and history; the old id resolves to the survivor', async () => {
    const { survivorId, mergedId, phone } = await twoProfilesOfOnePerson();
    const admin = graph.admin;
    await admin.data(
      `mutation($id: ID!) { updateProfile(customerId: $id, input: { attributes: { size: "M", store: "web" } }) { id } }`,
      {
        id: survivorId,
      },
    );
    await admin.data(
      `mutation($id: ID!) { updateProfile(customerId: $id, input: { attributes: { store: "berlin", tea: "green" } }) { id } }`,
      {
        id: mergedId,
      },
    );
    await till.data(
      `mutation($id: ID!) { setConsent(customerId: $id, input: { channel: SMS, granted: true, source: "till" }) { id } }`,
      {
        id: mergedId,
      },
    );
    await admin.data(purchaseMutation, { input: purchaseInput(survivorId, { channel: 'ONLINE', storeId: null }) });
    const storeOrder = purchaseInput(mergedId, { lines: [{ sku: 'TEA', quantity: 4, unitPrice: 1000 }] });
    await till.data(purchaseMutation, { input: storeOrder });

    const { mergeCustomers } = await admin.data<{ mergeCustomers: Vars & { survivor: Vars } }, Vars>(mergeMutation, {
      survivorId,
      mergedId,
      reason: 'Same person: enrolled online and at the till',
    });
    expect(mergeCustomers.mergedId).toBe(mergedId);
    expect(mergeCustomers.survivor).toMatchObject({
      id: survivorId,
      mergedIds: [mergedId],
      attributes: { size: 'M', store: 'web', tea: 'green' },
      consents: [{ channel: 'SMS', granted: true }],
    });
    expect(mergeCustomers.survivor.identities).toEqual(expect.arrayContaining([{ type: 'PHONE', value: phone }]));

    // Recognised at the till by the merged profile's phone, typed nationally.
    const { customerByIdentifier } = await till.data<{ customerByIdentifier: { id: string } }, Vars>(
      `query($value: String!) { customerByIdentifier(type: PHONE, value: $value) { id } }`,
      { value: `0${phone.slice(3, 6)} ${phone.slice(6)}` },
    );
    expect(customerByIdentifier.id).toBe(survivorId);

    // The ledger follows the merge: 25 + 40 points on the survivor, reachable by either id.
    const merged = await eventually(
      () => admin.data<LoyaltyView, Vars>(loyaltyQuery, { id: mergedId }),
      (view) => view.customer.loyalty.balance === 65,
      'the ledger to move the points',
    );
    expect(merged.customer.id).toBe(survivorId);
    const kinds = merged.customer.loyalty.history.edges.map((edge) => edge.node.kind);
    expect(kinds).toEqual(expect.arrayContaining(['EARN', 'TRANSFER_IN', 'TRANSFER_OUT']));
    expect(merged.customer.loyalty.lifetimePoints).toBe(65);
    const survivorTotals = await expectConsistentLedger(graph, survivorId);
    expect(survivorTotals.balance).toBe(65);
    expect((await expectConsistentLedger(graph, mergedId)).balance).toBe(0);

    // A till that still has the old id credits the survivor; a return of the old order reverses there.
    await till.data(purchaseMutation, { input: purchaseInput(mergedId) });
    await till.data(`mutation($input: RecordReturnInput!) { recordReturn(input: $input) { pointsReversed } }`, {
      input: returnOfOrder(storeOrder, [{ sku: 'TEA', quantity: 4 }]),
    });
    const after = await admin.data<LoyaltyView, Vars>(loyaltyQuery, { id: survivorId });
    expect(after.customer.loyalty.balance).toBe(65 + 25 - 40);
    expect((await expectConsistentLedger(graph, survivorId)).balance).toBe(50);
    expect((await expectConsistentLedger(graph, mergedId)).balance).toBe(0);
  });

  it('moves vouchers, and redeeming with the old id redeems as the survivor', async () => {
    const { survivorId, mergedId } = await twoProfilesOfOnePerson();
    await graph.admin.data(purchaseMutation, {
      input: purchaseInput(mergedId, { lines: [{ sku: 'GIFT', quantity: 1, unitPrice: 30_000 }] }),
    });
    const marketer = await graph.as({ role: 'marketer', subject: 'mara' });
    const { createReward } = await marketer.data<{ createReward: { id: string } }, Vars>(
      `mutation($input: CreateRewardInput!) { createReward(input: $input) { id } }`,
      {
        input: { name: unique('Coffee'), kind: 'FREE_PRODUCT', costPoints: 100, stock: 10 },
      },
    );
    const redeem = `mutation($input: RedeemRewardInput!) { redeemReward(input: $input) { voucher { code customer { id } } } }`;
    const input = (customerId: string) => ({
      redemptionId: randomUUID(),
      rewardId: createReward.id,
      customerId,
      channel: 'MOBILE_APP',
    });
    await graph.admin.data(redeem, { input: input(mergedId) });
    await graph.admin.data(mergeMutation, { survivorId, mergedId, reason: 'duplicate' });
    const view = await eventually(
      () => graph.admin.data<LoyaltyView, Vars>(loyaltyQuery, { id: survivorId }),
      (value) => value.customer.rewards.vouchers.length === 1 && value.customer.loyalty.balance === 200,
      'rewards and the ledger to follow the merge',
    );
    expect(view.customer.rewards.vouchers).toHaveLength(1);
    const { redeemReward } = await graph.admin.data<{ redeemReward: { voucher: { customer: { id: string } } } }, Vars>(
      redeem,
      { input: input(mergedId) },
    );
    expect(redeemReward.voucher.customer.id).toBe(survivorId);
    expect((await expectConsistentLedger(graph, survivorId)).balance).toBe(100);
  });

  it('is idempotent, refuses what cannot merge, and is for admins only', async () => {
    const { survivorId, mergedId } = await twoProfilesOfOnePerson();
    const vars = { survivorId, mergedId, reason: 'duplicate profile' };
    const first = await graph.admin.data<{ mergeCustomers: { auditEventId: string } }, Vars>(mergeMutation, vars);
    const retry = await graph.admin.data<{ mergeCustomers: { auditEventId: string } }, Vars>(mergeMutation, vars);
    expect(retry.mergeCustomers.auditEventId).toBe(first.mergeCustomers.auditEventId);

    const other = await enrollMember(graph);
    expect(code(await graph.admin.request(mergeMutation, { ...vars, survivorId: other.id }))).toBe('CONFLICT');
    expect(
      code(await graph.admin.request(mergeMutation, { ...vars, survivorId: other.id, mergedId: survivorId })),
    ).toBe('OK');
    expect(code(await graph.admin.request(mergeMutation, { ...vars, survivorId: mergedId, mergedId: other.id }))).toBe(
      'CONFLICT',
    );
    expect(code(await graph.admin.request(mergeMutation, { ...vars, mergedId: survivorId }))).toBe('BAD_USER_INPUT');
    expect(code(await graph.admin.request(mergeMutation, { ...vars, mergedId: randomUUID() }))).toBe('NOT_FOUND');
    expect(code(await graph.admin.request(mergeMutation, { ...vars, reason: ' ' }))).toBe('BAD_USER_INPUT');
    const app = await graph.as({ role: 'member', subject: survivorId });
    expect(code(await app.request(mergeMutation, vars))).toBe('FORBIDDEN');
    expect(code(await till.request(mergeMutation, vars))).toBe('FORBIDDEN');

    // A chain: the first merged id now resolves to the last survivor, in one hop.
    const { customer } = await graph.admin.data<{ customer: { id: string; mergedIds: string[] } }, Vars>(
      `query($id: ID!) { customer(id: $id) { id mergedIds } }`,
      { id: mergedId },
    );
    expect(customer.id).toBe(other.id);
    expect(customer.mergedIds).toEqual(expect.arrayContaining([mergedId, survivorId]));
  });
});
