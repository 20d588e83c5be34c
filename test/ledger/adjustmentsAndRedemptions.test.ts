import {
  AdjustPointsDocument,
  MemberPointsDocument,
  RecordPurchaseDocument,
  type AdjustPointsInput,
} from '../../examples/sdk/graphql';
import { enrollMember, purchaseInput, setEarnRate, unique } from '../support/fixtures';
import { debitPointsMutation, expectConsistentLedger, ledgerAsService, refundPointsMutation } from '../support/ledger';
import { startTestGraph, type TestGraph } from '../support/testGraph';

describe('admin adjustments and redemption debits', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph();
    await setEarnRate(graph, 'EUR', 1, 100);
  });
  afterAll(() => graph?.stop());

  it('adjusts with a reason and the admin recorded, once per idempotency key', async () => {
    const member = await enrollMember(graph);
    const input = { customerId: member.id, points: 40, reason: 'Goodwill: parcel lost', idempotencyKey: unique('adj') };
    const [first, ...retries] = await Promise.all(
      Array.from({ length: 4 }, () => graph.admin.data(AdjustPointsDocument, { input })),
    );
    expect(first!.adjustPoints).toMatchObject({ points: 40, actor: 'admin:test-admin', balanceAfter: 40 });
    for (const retry of retries) expect(retry).toEqual(first);
    const changed = await graph.admin.request(AdjustPointsDocument, { input: { ...input, points: 41 } });
    expect(changed.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const { rows } = await graph.database.db.query<{ actor: unknown }>(
      `select actor from ledger.events where aggregate_id = $1 and type = 'BalanceUpdated'`,
      [member.id],
    );
    expect(rows).toEqual([{ actor: { role: 'admin', subject: 'test-admin' } }]);
    expect(await expectConsistentLedger(graph, member.id)).toMatchObject({ balance: 40, entries: 1 });
  });

  it('refuses a debit beyond the balance, a zero adjustment and one without a reason, changing nothing', async () => {
    const member = await enrollMember(graph);
    await graph.admin.data(AdjustPointsDocument, { input: { customerId: member.id, points: 10, reason: 'Welcome' } });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ points: -11, reason: 'Too much' }, 'INSUFFICIENT_POINTS'],
      [{ points: 0, reason: 'Nothing' }, 'BAD_USER_INPUT'],
      [{ points: 5, reason: '' }, 'BAD_USER_INPUT'],
    ];
    for (const [change, code] of cases) {
      const result = await graph.admin.request(AdjustPointsDocument, {
        input: { customerId: member.id, ...change } as AdjustPointsInput,
      });
      expect(result.errors?.[0]?.extensions?.code).toBe(code);
    }
    const associate = await graph.as({ role: 'associate', subject: 'a', storeId: 'berlin-1' });
    const denied = await associate.request(AdjustPointsDocument, {
      input: { customerId: member.id, points: 5, reason: 'Favour' },
    });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await expectConsistentLedger(graph, member.id)).toMatchObject({ balance: 10, entries: 1 });
  });

  it('debits a redemption once however often it is sent, and refunds it once', async () => {
    const member = await enrollMember(graph);
    await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(member.id) });
    const service = ledgerAsService(graph);
    const redemptionId = unique('red');
    const input = { customerId: member.id, redemptionId, points: 20, reason: 'Redeemed: free coffee' };
    const debits = await Promise.all(Array.from({ length: 4 }, () => service(debitPointsMutation, { input })));
    expect(debits.map((d) => d.errors)).toEqual([undefined, undefined, undefined, undefined]);
    expect(await expectConsistentLedger(graph, member.id)).toMatchObject({ balance: 5 });

    const conflict = await service(debitPointsMutation, { input: { ...input, points: 21 } });
    expect(conflict.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const refunds = await Promise.all(
      Array.from({ length: 3 }, () => service(refundPointsMutation, { redemptionId, reason: 'Voucher cancelled' })),
    );
    expect(refunds.map((r) => r.errors)).toEqual([undefined, undefined, undefined]);
    expect(await expectConsistentLedger(graph, member.id)).toMatchObject({ balance: 25, entries: 3 });

    const unknown = await service(refundPointsMutation, { redemptionId: unique('nope'), reason: 'Voucher cancelled' });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const stranger = await service(debitPointsMutation, {
      input: { ...input, redemptionId: unique('red'), customerId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(stranger.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('pages and filters the history', async () => {
    const member = await enrollMember(graph);
    for (let i = 0; i < 3; i++) await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(member.id) });
    await graph.admin.data(AdjustPointsDocument, { input: { customerId: member.id, points: -5, reason: 'Fix' } });
    const read = (variables: Record<string, unknown>) =>
      graph.admin.data(MemberPointsDocument, { id: member.id, ...variables }).then((d) => d.customer!.loyalty!.history);

    const page1 = await read({ first: 2 });
    expect(page1.edges.map((e) => e.node.kind)).toEqual(['ADJUST', 'EARN']);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = await read({ first: 2, after: page1.pageInfo.endCursor });
    expect(page2.edges.map((e) => e.node.kind)).toEqual(['EARN', 'EARN']);
    expect(page2.pageInfo.hasNextPage).toBe(false);

    const earnOnly = await read({ first: 10, filter: { kinds: ['ADJUST'] } });
    expect(earnOnly.edges.map((e) => [e.node.kind, e.node.points, e.node.sourceType])).toEqual([
      ['ADJUST', -5, 'ACTOR'],
    ]);
    const future = await read({ first: 10, filter: { since: new Date(Date.now() + 60_000).toISOString() } });
    expect(future.edges).toEqual([]);
  });
});
