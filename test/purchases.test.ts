import { RecordPurchaseDocument, type RecordPurchaseInput } from '../examples/sdk/graphql';
import { enrollMember, purchaseInput, setEarnRate, unique } from './support/fixtures';
import { startTestGraph, type TestGraph } from './support/testGraph';

interface LedgerState {
  balance: number;
  entries: number;
}

describe('recording purchases through the gateway', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph();
    await setEarnRate(graph, 'EUR', 1, 100);
  });
  afterAll(() => graph?.stop());

  const ledgerState = async (customerId: string): Promise<LedgerState> => {
    const data = await graph.admin.data<
      { customer: { loyalty: { balance: number; history: { edges: unknown[] } } } },
      unknown
    >(`query($id: ID!) { customer(id: $id) { loyalty { balance history(first: 100) { edges { cursor } } } } }`, {
      id: customerId,
    });
    return { balance: data.customer.loyalty.balance, entries: data.customer.loyalty.history.edges.length };
  };

  const record = (input: RecordPurchaseInput) => graph.admin.request(RecordPurchaseDocument, { input });

  it('credits the points a purchase earns and says why', async () => {
    const member = await enrollMember(graph);
    const { recordPurchase } = await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(member.id) });
    expect(recordPurchase).toMatchObject({
      totalAmount: 2500,
      currency: 'EUR',
      pointsEarned: 25,
      balanceAfter: 25,
      earnings: [{ kind: 'EARN', points: 25, reason: 'Base rate: 1 point per €1.00 on €25.00' }],
    });
    expect(await ledgerState(member.id)).toEqual({ balance: 25, entries: 1 });
  });

  it('credits a retried POS purchase once and answers the retry with the first result', async () => {
    const member = await enrollMember(graph);
    const input = purchaseInput(member.id);
    const first = await graph.admin.data(RecordPurchaseDocument, { input });
    const retry = await graph.admin.data(RecordPurchaseDocument, { input });
    expect(retry).toEqual(first);
    expect(await ledgerState(member.id)).toEqual({ balance: 25, entries: 1 });
  });

  it('credits racing retries of one order once', async () => {
    const member = await enrollMember(graph);
    const input = purchaseInput(member.id);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => graph.admin.data(RecordPurchaseDocument, { input })),
    );
    expect(new Set(results.map((r) => r.recordPurchase.id)).size).toBe(1);
    expect(await ledgerState(member.id)).toEqual({ balance: 25, entries: 1 });
  });

  it('keeps every concurrent purchase of one member, and the balance equals the sum of entries', async () => {
    const member = await enrollMember(graph);
    await Promise.all(
      Array.from({ length: 10 }, () => graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(member.id) })),
    );
    expect(await ledgerState(member.id)).toEqual({ balance: 250, entries: 10 });
    const { rows } = await graph.database.db.query<{ balance: number; total: number }>(
      `select a.balance, (select sum(points)::bigint from ledger.entries e where e.customer_id = a.customer_id) as total
         from ledger.accounts a where a.customer_id = $1`,
      [member.id],
    );
    expect(rows[0]!.balance).toBe(rows[0]!.total);
  });

  it('refuses the same order id with different content as a conflict, and changes nothing', async () => {
    const member = await enrollMember(graph);
    const input = purchaseInput(member.id);
    await graph.admin.data(RecordPurchaseDocument, { input });
    const changed = await record({ ...input, lines: [{ sku: 'SHIRT-M', quantity: 3, unitPrice: 1250 }] });
    expect(changed.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(changed.data).toBeNull();
    expect(await ledgerState(member.id)).toEqual({ balance: 25, entries: 1 });
  });

  it('treats the same order id on another channel as another order', async () => {
    const member = await enrollMember(graph);
    const input = purchaseInput(member.id);
    await graph.admin.data(RecordPurchaseDocument, { input });
    await graph.admin.data(RecordPurchaseDocument, { input: { ...input, channel: 'ONLINE', storeId: null } });
    expect(await ledgerState(member.id)).toEqual({ balance: 50, entries: 2 });
  });

  it('answers a purchase for an unknown customer with NOT_FOUND', async () => {
    const result = await record(purchaseInput('00000000-0000-4000-8000-000000000000'));
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('records a purchase in a currency without an earn rate with zero points', async () => {
    const member = await enrollMember(graph);
    const { recordPurchase } = await graph.admin.data(RecordPurchaseDocument, {
      input: purchaseInput(member.id, { currency: 'JPY' }),
    });
    expect(recordPurchase).toMatchObject({ pointsEarned: 0, earnings: [] });
  });

  it('refuses an order that would earn more points than can be recorded, and changes nothing', async () => {
    await setEarnRate(graph, 'CHF', 1_000_000, 1);
    const member = await enrollMember(graph);
    const result = await record(
      purchaseInput(member.id, { currency: 'CHF', lines: [{ sku: 'YACHT', quantity: 1, unitPrice: 90_000_000_000 }] }),
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await ledgerState(member.id)).toEqual({ balance: 0, entries: 0 });
  });

  const badInputs: Array<[string, (input: RecordPurchaseInput) => RecordPurchaseInput, RegExp]> = [
    ['no lines', (i) => ({ ...i, lines: [] }), /lines/],
    ['a zero quantity', (i) => ({ ...i, lines: [{ sku: 'A', quantity: 0, unitPrice: 100 }] }), /quantity/],
    ['a negative price', (i) => ({ ...i, lines: [{ sku: 'A', quantity: 1, unitPrice: -5 }] }), /unitPrice/],
    ['an unknown currency', (i) => ({ ...i, currency: 'EURO' }), /currency/],
    ['a lower-case channel', (i) => ({ ...i, channel: 'pos' }), /channel/],
    ['an empty order id', (i) => ({ ...i, externalOrderId: '' }), /externalOrderId/],
    ['a malformed customer id', (i) => ({ ...i, customerId: 'customer-1' }), /customerId/],
    ['an empty SKU', (i) => ({ ...i, lines: [{ sku: '', quantity: 1, unitPrice: 100 }] }), /sku/],
  ];

  it.each(badInputs)(
    'refuses %s with BAD_USER_INPUT naming the field, and changes nothing',
    async (_case, spoil, field) => {
      const member = await enrollMember(graph);
      const before = await ledgerState(member.id);
      const input = spoil(purchaseInput(member.id, { externalOrderId: unique('bad') }));
      const result = await record(input);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(field);
      expect(await ledgerState(member.id)).toEqual(before);
      const { rows } = await graph.database.db.query('select 1 from ledger.orders where customer_id = $1', [member.id]);
      expect(rows).toHaveLength(0);
    },
  );

  it('refuses a value GraphQL cannot coerce (a fractional quantity) with BAD_USER_INPUT', async () => {
    const member = await enrollMember(graph);
    const result = await graph.admin.request(RecordPurchaseDocument, {
      input: { ...purchaseInput(member.id), lines: [{ sku: 'A', quantity: 1.5, unitPrice: 100 }] },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await ledgerState(member.id)).toEqual({ balance: 0, entries: 0 });
  });
});
