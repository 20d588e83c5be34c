import { AdjustPointsDocument, RecordPurchaseDocument, RecordReturnDocument } from '../../examples/sdk/graphql';
import { defaultLedgerPolicy } from '../../subgraphs/ledger/program/ledgerPolicy';
import { eventually } from '../support/eventually';
import { enrollMember, purchaseInput, setEarnRate, unique } from '../support/fixtures';
import {
  debitPointsMutation,
  expectConsistentLedger,
  ledgerAsService,
  refundPointsMutation,
  runPointsJobMutation,
  TestClock,
} from '../support/ledger';
import { startTestGraph, type TestGraph } from '../support/testGraph';

const mergeMutation = `mutation($survivorId: ID!, $mergedId: ID!) {
  mergeCustomers(survivorId: $survivorId, mergedId: $mergedId, reason: "Same person") { mergedId }
}`;

/**
 * The lots behind a merged member's points after the merge: every lot, spent or pending, follows
 * the survivor, so a refund or a release later lands in the survivor's lots.
 */
describe('lots of a merged member', () => {
  const clock = new TestClock(new Date('2026-03-02T10:00:00Z'));
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph({
      clock: clock.now,
      mergeFollowIntervalMs: 100,
      ledgerPolicy: {
        ...defaultLedgerPolicy,
        expiry: { kind: 'AFTER_EARNING', months: 12 },
        pendingDays: 14,
        jobIntervalMs: 0,
      },
    });
    await setEarnRate(graph, 'EUR', 1, 100);
  });
  afterAll(() => graph?.stop());

  const service = () => ledgerAsService(graph);
  const runJob = async () =>
    (await graph.admin.data<{ runPointsJob: { accounts: number } }, never>(runPointsJobMutation)).runPointsJob.accounts;
  const lotsOf = async (customerId: string) =>
    (await graph.database.db.query('select id from ledger.lots where customer_id = $1', [customerId])).rows.length;

  async function merge(survivorId: string, mergedId: string): Promise<void> {
    await graph.admin.data(mergeMutation, { survivorId, mergedId });
    await eventually(
      async () =>
        (
          await graph.database.db.query<{ merged_into: string | null }>(
            'select merged_into from ledger.accounts where customer_id = $1',
            [mergedId],
          )
        ).rows[0]?.merged_into,
      (into) => into === survivorId,
      'the ledger to follow the merge',
    );
  }

  async function debit(customerId: string, points: number): Promise<string> {
    const redemptionId = unique('red');
    const result = await service()(debitPointsMutation, {
      input: { customerId, redemptionId, points, reason: 'Redeemed: free coffee' },
    });
    expect(result.errors).toBeUndefined();
    return redemptionId;
  }

  it("refunds a redemption made before the merge into the survivor's lots", async () => {
    const survivor = await enrollMember(graph);
    const merged = await enrollMember(graph);
    for (const id of [survivor.id, merged.id]) {
      await graph.admin.data(AdjustPointsDocument, { input: { customerId: id, points: 30, reason: 'Welcome' } });
    }
    // The merged member spends its whole lot: a lot with nothing left, before the merge.
    const redemptionId = await debit(merged.id, 30);
    await merge(survivor.id, merged.id);

    const refund = await service()(refundPointsMutation, { redemptionId, reason: 'Voucher cancelled' });
    expect(refund.errors).toBeUndefined();
    expect(await expectConsistentLedger(graph, survivor.id)).toMatchObject({ balance: 60 });
    expect(await expectConsistentLedger(graph, merged.id)).toMatchObject({ balance: 0 });
    expect(await lotsOf(merged.id)).toBe(0);

    // The survivor can spend all of it, and its points expire from its own lots.
    const all = await debit(survivor.id, 60);
    expect(await expectConsistentLedger(graph, survivor.id)).toMatchObject({ balance: 0 });
    expect((await service()(refundPointsMutation, { redemptionId: all, reason: 'Cancelled' })).errors).toBeUndefined();
    clock.advanceMonths(13);
    expect(await runJob()).toBeGreaterThanOrEqual(1);
    expect(await expectConsistentLedger(graph, survivor.id)).toMatchObject({ balance: 0 });
    expect(await runJob()).toBe(0);
  });

  it('releases a pending lot a return emptied before the merge, once, on the survivor', async () => {
    const survivor = await enrollMember(graph);
    const merged = await enrollMember(graph);
    await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(survivor.id) });
    const { recordPurchase } = await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(merged.id) });
    const { recordReturn } = await graph.admin.data(RecordReturnDocument, {
      input: {
        channel: 'IN_STORE',
        storeId: 'berlin-1',
        externalReturnId: unique('ret'),
        purchaseId: recordPurchase.id,
        lines: [{ sku: 'SHIRT-M', quantity: 2 }],
      },
    });
    expect(recordReturn).toMatchObject({ pendingPointsCancelled: 25 });
    await merge(survivor.id, merged.id);
    expect(await expectConsistentLedger(graph, survivor.id)).toMatchObject({ balance: 0, pending: 25 });

    clock.advanceDays(15);
    expect(await runJob()).toBeGreaterThanOrEqual(1);
    expect(await expectConsistentLedger(graph, survivor.id)).toMatchObject({ balance: 25, pending: 0 });
    expect(await lotsOf(merged.id)).toBe(0);
    // Nothing is left due: the merged id is not picked up again.
    expect(await runJob()).toBe(0);
  });
});
