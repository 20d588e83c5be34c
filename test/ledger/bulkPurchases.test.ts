import { randomUUID } from 'node:crypto';
import {
  RecordPurchaseDocument,
  RecordPurchasesDocument,
  RecordReturnsDocument,
  type RecordPurchaseInput,
} from '../../examples/sdk/graphql';
import { enrollMember, purchaseInput, returnOfOrder, setEarnRate, unique } from '../support/fixtures';
import { expectConsistentLedger } from '../support/ledger';
import { startTestGraph, type TestGraph } from '../support/testGraph';

// purchaseInput: 2 × €12.50 at 1 point per €1 = 25 points.
const points = 25;

describe('recordPurchases and recordReturns through the gateway', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph();
    await setEarnRate(graph, 'EUR', 1, 100);
  });
  afterAll(() => graph?.stop());

  const balanceOf = async (customerId: string) => (await expectConsistentLedger(graph, customerId)).balance;

  it('answers each item in input order: good ones credited, bad ones coded, none stopping the others', async () => {
    const [alice, bob] = [await enrollMember(graph), await enrollMember(graph)];
    const taken = purchaseInput(alice.id);
    await graph.admin.data(RecordPurchaseDocument, { input: taken });
    const inputs: RecordPurchaseInput[] = [
      purchaseInput(alice.id),
      purchaseInput(randomUUID()), // nobody's id
      purchaseInput(bob.id, { lines: [{ sku: 'X', quantity: 0, unitPrice: 100 }] }), // a line of no units
      purchaseInput(bob.id),
      { ...taken, lines: [{ sku: 'OTHER', quantity: 1, unitPrice: 100 }] }, // the order key with other content
      purchaseInput(alice.id, { customerId: 'not-a-uuid' }),
      purchaseInput(alice.id),
    ];
    const { recordPurchases } = await graph.admin.data(RecordPurchasesDocument, { inputs });
    expect(recordPurchases.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(recordPurchases.map((r) => r.error?.code ?? 'OK')).toEqual([
      'OK',
      'NOT_FOUND',
      'BAD_USER_INPUT',
      'OK',
      'CONFLICT',
      'BAD_USER_INPUT',
      'OK',
    ]);
    expect(recordPurchases[2]!.error).toMatchObject({ field: 'lines.0.quantity' });
    expect(recordPurchases[5]!.error).toMatchObject({ field: 'customerId' });
    for (const index of [0, 3, 6]) {
      expect(recordPurchases[index]).toMatchObject({
        purchase: { externalOrderId: inputs[index]!.externalOrderId, pointsEarned: points },
        error: null,
      });
    }
    for (const index of [1, 2, 4, 5]) expect(recordPurchases[index]!.purchase).toBeNull();
    expect(await balanceOf(alice.id)).toBe(3 * points);
    expect(await balanceOf(bob.id)).toBe(points);
  });

  it('returns the first results to a retried batch and credits nothing twice, also for duplicates within one batch', async () => {
    const member = await enrollMember(graph);
    const first = purchaseInput(member.id);
    const second = purchaseInput(member.id);
    const inputs = [first, second, first, { ...second }];
    const once = await graph.admin.data(RecordPurchasesDocument, { inputs });
    expect(once.recordPurchases.every((r) => r.error === null)).toBe(true);
    expect(once.recordPurchases[2]!.purchase!.id).toBe(once.recordPurchases[0]!.purchase!.id);
    expect(once.recordPurchases[3]!.purchase!.id).toBe(once.recordPurchases[1]!.purchase!.id);
    expect(await balanceOf(member.id)).toBe(2 * points);

    const again = await graph.admin.data(RecordPurchasesDocument, { inputs });
    expect(again.recordPurchases).toEqual(once.recordPurchases);
    expect(await balanceOf(member.id)).toBe(2 * points);
  });

  it('refuses a batch over the limit whole, with BAD_USER_INPUT on the argument, and records nothing', async () => {
    const member = await enrollMember(graph);
    const inputs = Array.from({ length: 101 }, () => purchaseInput(member.id));
    const answer = await graph.admin.request(RecordPurchasesDocument, { inputs });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'inputs', maxItems: 100 });
    expect(answer.data?.recordPurchases ?? null).toBeNull();
    expect(await balanceOf(member.id)).toBe(0);
    const returns = await graph.admin.request(RecordReturnsDocument, {
      inputs: Array.from({ length: 101 }, () => returnOfOrder(inputs[0]!, [{ sku: 'SHIRT-M', quantity: 1 }])),
    });
    expect(returns.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'inputs' });
  });

  it('checks roles per item: an associate only for their store, an integration only for its channel', async () => {
    const member = await enrollMember(graph);
    const associate = await graph.as({ role: 'associate', subject: 'clerk-1', storeId: 'berlin-1' });
    const ownStore = purchaseInput(member.id);
    const noStore = purchaseInput(member.id, { storeId: null });
    const otherStore = purchaseInput(member.id, { storeId: 'paris-1' });
    const online = purchaseInput(member.id, { channel: 'ONLINE', storeId: null });
    const byAssociate = await associate.data(RecordPurchasesDocument, {
      inputs: [ownStore, otherStore, noStore, online],
    });
    expect(byAssociate.recordPurchases.map((r) => r.error?.code ?? 'OK')).toEqual([
      'OK',
      'FORBIDDEN',
      'OK',
      'FORBIDDEN',
    ]);

    const storefront = await graph.as({ role: 'service', subject: 'shop', channel: 'ONLINE' });
    const shopOrder = purchaseInput(member.id, { channel: 'ONLINE', storeId: null });
    const byService = await storefront.data(RecordPurchasesDocument, { inputs: [shopOrder, purchaseInput(member.id)] });
    expect(byService.recordPurchases.map((r) => r.error?.code ?? 'OK')).toEqual(['OK', 'FORBIDDEN']);
    expect(await balanceOf(member.id)).toBe(3 * points);

    const memberClient = await graph.as({ role: 'member', subject: member.id });
    const refused = await memberClient.request(RecordPurchasesDocument, { inputs: [purchaseInput(member.id)] });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await balanceOf(member.id)).toBe(3 * points);
  });

  it('never double-credits when two batches race on one member', async () => {
    const member = await enrollMember(graph);
    const shared = Array.from({ length: 10 }, () => purchaseInput(member.id));
    const own = (n: number) => Array.from({ length: n }, () => purchaseInput(member.id));
    const [a, b] = await Promise.all([
      graph.admin.data(RecordPurchasesDocument, { inputs: [...shared, ...own(5)] }),
      graph.admin.data(RecordPurchasesDocument, { inputs: [...own(5), ...[...shared].reverse()] }),
    ]);
    expect([...a.recordPurchases, ...b.recordPurchases].every((r) => r.error === null)).toBe(true);
    const ids = (results: typeof a.recordPurchases, from: number, to: number) =>
      results.slice(from, to).map((r) => r.purchase!.id);
    expect(ids(b.recordPurchases, 5, 15).reverse()).toEqual(ids(a.recordPurchases, 0, 10));
    expect(await balanceOf(member.id)).toBe(20 * points);
  });

  it('records returns in bulk: in input order per purchase, failures coded, a retry changing nothing', async () => {
    const member = await enrollMember(graph);
    const order = purchaseInput(member.id, { lines: [{ sku: 'SHIRT-M', quantity: 2, unitPrice: 1250 }] });
    const other = purchaseInput(member.id);
    await graph.admin.data(RecordPurchasesDocument, { inputs: [order, other] });
    expect(await balanceOf(member.id)).toBe(2 * points);
    const inputs = [
      returnOfOrder(order, [{ sku: 'SHIRT-M', quantity: 1 }]),
      returnOfOrder(order, [{ sku: 'SHIRT-M', quantity: 1 }]),
      returnOfOrder(order, [{ sku: 'SHIRT-M', quantity: 1 }]), // nothing left to return
      returnOfOrder({ ...other, externalOrderId: unique('never') }, [{ sku: 'SHIRT-M', quantity: 1 }]),
      returnOfOrder(other, [{ sku: 'SHIRT-M', quantity: 2 }]),
    ];
    const { recordReturns } = await graph.admin.data(RecordReturnsDocument, { inputs });
    expect(recordReturns.map((r) => r.error?.code ?? 'OK')).toEqual(['OK', 'OK', 'BAD_USER_INPUT', 'NOT_FOUND', 'OK']);
    expect(recordReturns.map((r) => r.return?.pointsReversed ?? null)).toEqual([12, 13, null, null, 25]);
    expect(await balanceOf(member.id)).toBe(0);

    const again = await graph.admin.data(RecordReturnsDocument, { inputs: [inputs[0]!, inputs[4]!] });
    expect(again.recordReturns.map((r) => r.return?.id)).toEqual([
      recordReturns[0]!.return!.id,
      recordReturns[4]!.return!.id,
    ]);
    expect(await balanceOf(member.id)).toBe(0);
  });
});
