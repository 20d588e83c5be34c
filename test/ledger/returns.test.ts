import { RecordPurchaseDocument, RecordReturnDocument, type RecordReturnInput } from '../../examples/sdk/graphql';
import { enrollMember, purchaseInput, setEarnRate, unique } from '../support/fixtures';
import { debitPointsMutation, expectConsistentLedger, ledgerAsService, setTierProgram } from '../support/ledger';
import { startTestGraph, type TestGraph } from '../support/testGraph';

// 2 shirts at €12.50 and 4 pairs of socks at €5.00: 45 base points (25 + 20 by amount) and a 1.5×
// tier bonus of 22 points (12 + 10), 67 in all.
const basket = [
  { sku: 'SHIRT', category: 'apparel', quantity: 2, unitPrice: 1250 },
  { sku: 'SOCKS', category: 'apparel', quantity: 4, unitPrice: 500 },
];

describe('returns through the gateway', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph();
    await setEarnRate(graph, 'EUR', 1, 100);
    await setTierProgram(graph, 12, [{ name: 'Member', qualifyingPoints: 0, multiplierPercent: 150 }]);
  });
  afterAll(() => graph?.stop());

  const buy = async (customerId: string) => {
    const input = purchaseInput(customerId, { lines: basket });
    const { recordPurchase } = await graph.admin.data(RecordPurchaseDocument, { input });
    return { input, purchase: recordPurchase };
  };

  const returnInput = (
    purchaseId: string,
    lines: RecordReturnInput['lines'],
    overrides: Partial<RecordReturnInput> = {},
  ) => ({
    channel: 'IN_STORE',
    storeId: 'berlin-1',
    externalReturnId: unique('ret'),
    purchaseId,
    lines,
    ...overrides,
  });

  it("takes back the returned units' share of base and bonus points, and all of them once everything is back", async () => {
    const member = await enrollMember(graph);
    const { purchase } = await buy(member.id);
    expect(purchase.pointsEarned).toBe(67);
    expect(purchase.earnings.map((e) => [e.kind, e.points])).toEqual([
      ['EARN', 45],
      ['BONUS', 22],
    ]);

    const first = await graph.admin.data(RecordReturnDocument, {
      input: returnInput(purchase.id, [{ sku: 'SHIRT', quantity: 1 }]),
    });
    expect(first.recordReturn).toMatchObject({
      refundAmount: 1250,
      pointsReversed: 18,
      pointsNotRecovered: 0,
      balanceAfter: 49,
      reversals: [
        { kind: 'EARN', points: 12, wasPending: false },
        { kind: 'BONUS', points: 6, wasPending: false },
      ],
    });

    const rest = await graph.admin.data(RecordReturnDocument, {
      input: returnInput(purchase.id, [
        { sku: 'SOCKS', quantity: 4 },
        { sku: 'SHIRT', quantity: 1 },
      ]),
    });
    expect(rest.recordReturn).toMatchObject({ refundAmount: 3250, pointsReversed: 49, balanceAfter: 0 });
    const totals = await expectConsistentLedger(graph, member.id);
    expect(totals).toMatchObject({ balance: 0, lifetimePoints: 0 });

    const more = await graph.admin.request(RecordReturnDocument, {
      input: returnInput(purchase.id, [{ sku: 'SOCKS', quantity: 1 }]),
    });
    expect(more.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(more.errors?.[0]?.message).toMatch(/0 of SOCKS left to return/);
  });

  it('answers a retried return with the first result and takes nothing more', async () => {
    const member = await enrollMember(graph);
    const { purchase } = await buy(member.id);
    // All four pairs: a retry that re-applied the return would find nothing left to return.
    const input = returnInput(purchase.id, [{ sku: 'SOCKS', quantity: 4 }]);
    const results = await Promise.all(
      Array.from({ length: 6 }, () => graph.admin.data(RecordReturnDocument, { input })),
    );
    expect(new Set(results.map((r) => r.recordReturn.id)).size).toBe(1);
    expect(results[0]!.recordReturn).toEqual(results[5]!.recordReturn);
    expect(results[0]!.recordReturn.pointsReversed).toBe(30);
    expect((await expectConsistentLedger(graph, member.id)).balance).toBe(37);

    const changed = await graph.admin.request(RecordReturnDocument, {
      input: { ...input, lines: [{ sku: 'SOCKS', quantity: 3 }] },
    });
    expect(changed.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await expectConsistentLedger(graph, member.id)).balance).toBe(37);
  });

  it('takes an online order back in a store, found by its channel key, by an associate of that store', async () => {
    const member = await enrollMember(graph);
    const online = purchaseInput(member.id, { channel: 'ONLINE', storeId: null, lines: basket });
    await graph.admin.data(RecordPurchaseDocument, { input: online });
    const associate = await graph.as({ role: 'associate', subject: 'clerk-9', storeId: 'hamburg-2' });
    const result = await associate.data(RecordReturnDocument, {
      input: {
        channel: 'IN_STORE',
        externalReturnId: unique('till'),
        originalOrder: { channel: 'ONLINE', externalOrderId: online.externalOrderId },
        lines: [{ sku: 'SHIRT', quantity: 2 }],
      },
    });
    expect(result.recordReturn).toMatchObject({ pointsReversed: 37, balanceAfter: 30 });
    await expectConsistentLedger(graph, member.id);
  });

  it('never takes the balance below zero: points already spent are reported as not recovered', async () => {
    const member = await enrollMember(graph);
    const { purchase } = await buy(member.id);
    const debit = await ledgerAsService(graph)(debitPointsMutation, {
      input: { customerId: member.id, redemptionId: unique('red'), points: 60, reason: 'Free coffee' },
    });
    expect(debit.errors).toBeUndefined();
    const result = await graph.admin.data(RecordReturnDocument, {
      input: returnInput(purchase.id, [
        { sku: 'SHIRT', quantity: 2 },
        { sku: 'SOCKS', quantity: 4 },
      ]),
    });
    expect(result.recordReturn).toMatchObject({ pointsReversed: 7, pointsNotRecovered: 60, balanceAfter: 0 });
    await expectConsistentLedger(graph, member.id);
  });

  it('refuses returns that name no purchase, or name it twice, and changes nothing', async () => {
    const member = await enrollMember(graph);
    const { purchase, input } = await buy(member.id);
    const unknown = await graph.admin.request(RecordReturnDocument, {
      input: returnInput('00000000-0000-4000-8000-000000000000', [{ sku: 'SHIRT', quantity: 1 }]),
    });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const both = await graph.admin.request(RecordReturnDocument, {
      input: returnInput(purchase.id, [{ sku: 'SHIRT', quantity: 1 }], {
        originalOrder: { channel: input.channel, storeId: input.storeId, externalOrderId: input.externalOrderId },
      }),
    });
    expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const wrongSku = await graph.admin.request(RecordReturnDocument, {
      input: returnInput(purchase.id, [{ sku: 'HAT', quantity: 1 }]),
    });
    expect(wrongSku.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const zero = await graph.admin.request(RecordReturnDocument, {
      input: returnInput(purchase.id, [{ sku: 'SHIRT', quantity: 0 }]),
    });
    expect(zero.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await expectConsistentLedger(graph, member.id)).toMatchObject({ balance: 67 });
  });

  it('lets an integration return only for its own channel and a member not at all', async () => {
    const member = await enrollMember(graph);
    const { purchase } = await buy(member.id);
    const shop = await graph.as({ role: 'service', subject: 'shopify', channel: 'ONLINE' });
    const other = await shop.request(RecordReturnDocument, {
      input: returnInput(purchase.id, [{ sku: 'SHIRT', quantity: 1 }]),
    });
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const self = await graph.as({ role: 'member', subject: member.id });
    const own = await self.request(RecordReturnDocument, {
      input: returnInput(purchase.id, [{ sku: 'SHIRT', quantity: 1 }]),
    });
    expect(own.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await expectConsistentLedger(graph, member.id)).toMatchObject({ balance: 67 });
  });
});
