import { AdjustPointsDocument, RecordPurchaseDocument, RecordReturnDocument } from '../../examples/sdk/graphql';
import { enrollMember, purchaseInput, setEarnRate, unique } from '../support/fixtures';
import { debitPointsMutation, expectConsistentLedger, ledgerAsService, refundPointsMutation } from '../support/ledger';
import { startTestGraph, type GraphQLResult, type TestGraph } from '../support/testGraph';

type Debit = { debitPoints: { points: number } };

describe('racing requests for one member', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph();
    await setEarnRate(graph, 'EUR', 1, 100);
  });
  afterAll(() => graph?.stop());

  it('lets exactly as many racing debits through as the balance covers, and never overdraws', async () => {
    const member = await enrollMember(graph);
    await graph.admin.data(RecordPurchaseDocument, {
      input: purchaseInput(member.id, { lines: [{ sku: 'TV', quantity: 1, unitPrice: 10_000 }] }),
    });
    const service = ledgerAsService(graph);
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        service<Debit>(debitPointsMutation, {
          input: { customerId: member.id, redemptionId: unique('red'), points: 30, reason: 'Racing redemption' },
        }),
      ),
    );
    const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual([...Array(7).fill('INSUFFICIENT_POINTS'), 'OK', 'OK', 'OK']);
    expect(await expectConsistentLedger(graph, member.id)).toMatchObject({ balance: 10 });
  });

  it('keeps every racing purchase, return, redemption, refund and adjustment, and balance = sum(entries) >= 0', async () => {
    const member = await enrollMember(graph);
    const service = ledgerAsService(graph);
    // Two purchases to return from and spend, recorded before the race.
    const seeded: Array<{ id: string }> = [];
    for (let i = 0; i < 2; i++) {
      const input = purchaseInput(member.id, { lines: [{ sku: 'BOOK', quantity: 10, unitPrice: 1000 }] });
      seeded.push((await graph.admin.data(RecordPurchaseDocument, { input })).recordPurchase);
    }
    const refundable = unique('red');
    await service(debitPointsMutation, {
      input: { customerId: member.id, redemptionId: refundable, points: 20, reason: 'To be cancelled' },
    });

    const retried = purchaseInput(member.id);
    const returnOnce = {
      channel: 'IN_STORE',
      storeId: 'berlin-1',
      externalReturnId: unique('ret'),
      purchaseId: seeded[0]!.id,
      lines: [{ sku: 'BOOK', quantity: 3 }],
    };
    type Outcome = { kind: string; points: number };
    const ok = (kind: string, points: number): Outcome => ({ kind, points });
    const settle = async <Data>(request: Promise<GraphQLResult<Data>>, points: (data: Data) => Outcome) => {
      const result = await request;
      return result.errors ? { kind: String(result.errors[0]!.extensions?.code), points: 0 } : points(result.data!);
    };

    const outcomes = await Promise.all([
      // Ten distinct purchases of 25 points, and one purchase retried five times.
      ...Array.from({ length: 10 }, () =>
        settle(graph.admin.request(RecordPurchaseDocument, { input: purchaseInput(member.id) }), (d) =>
          ok('purchase', d.recordPurchase.pointsEarned),
        ),
      ),
      ...Array.from({ length: 5 }, (_, i) =>
        settle(graph.admin.request(RecordPurchaseDocument, { input: retried }), (d) =>
          ok(i === 0 ? 'retried purchase' : 'retry', d.recordPurchase.pointsEarned),
        ),
      ),
      // One return retried four times, and six returns of 2 books from the other purchase (only 5 fit).
      ...Array.from({ length: 4 }, () =>
        settle(graph.admin.request(RecordReturnDocument, { input: returnOnce }), (d) =>
          ok('return once', -d.recordReturn.pointsReversed),
        ),
      ),
      ...Array.from({ length: 6 }, () =>
        settle(
          graph.admin.request(RecordReturnDocument, {
            input: {
              ...returnOnce,
              externalReturnId: unique('ret'),
              purchaseId: seeded[1]!.id,
              lines: [{ sku: 'BOOK', quantity: 2 }],
            },
          }),
          (d) => ok('return', -d.recordReturn.pointsReversed),
        ),
      ),
      // Eight redemptions of 40 points, the refund of an earlier one sent three times, two adjustments.
      ...Array.from({ length: 8 }, () =>
        settle(
          service<Debit>(debitPointsMutation, {
            input: { customerId: member.id, redemptionId: unique('red'), points: 40, reason: 'Racing redemption' },
          }),
          (d) => ok('debit', -d.debitPoints.points),
        ),
      ),
      ...Array.from({ length: 3 }, () =>
        settle(service(refundPointsMutation, { redemptionId: refundable, reason: 'Voucher cancelled' }), () =>
          ok('refund', 20),
        ),
      ),
      settle(
        graph.admin.request(AdjustPointsDocument, {
          input: { customerId: member.id, points: 15, reason: 'Goodwill after a late delivery' },
        }),
        (d) => ok('adjust', d.adjustPoints.points),
      ),
      settle(
        graph.admin.request(AdjustPointsDocument, {
          input: { customerId: member.id, points: -5, reason: 'Correction of a double goodwill' },
        }),
        (d) => ok('adjust', d.adjustPoints.points),
      ),
    ]);

    // Only a redemption may be refused (for want of points) or a return (no books left to return).
    const refusals = outcomes.filter((o) => o.kind === o.kind.toUpperCase());
    expect(refusals.every((o) => o.kind === 'INSUFFICIENT_POINTS' || o.kind === 'BAD_USER_INPUT')).toBe(true);
    expect(outcomes.filter((o) => o.kind === 'return').length).toBe(5);
    const counted = outcomes.filter((o) => o.kind !== 'retry' && o.kind !== 'refund');
    const returnedOnce = outcomes.filter((o) => o.kind === 'return once');
    // Retries answer with the first result: count the return once, and the refund once.
    const expected =
      200 -
      20 +
      20 +
      counted.filter((o) => o.kind !== 'return once').reduce((sum, o) => sum + o.points, 0) +
      returnedOnce[0]!.points;
    expect(new Set(returnedOnce.map((o) => o.points)).size).toBe(1);

    const totals = await expectConsistentLedger(graph, member.id);
    expect(totals.balance).toBe(expected);
    const { rows } = await graph.database.db.query<{ purchases: number; refunds: number }>(
      `select (select count(*)::int from ledger.orders where customer_id = $1) as purchases,
              (select count(*)::int from ledger.entries where customer_id = $1 and source_type = 'REDEMPTION' and kind = 'REVERSE') as refunds`,
      [member.id],
    );
    expect(rows[0]).toEqual({ purchases: 13, refunds: 1 });
  });
});
