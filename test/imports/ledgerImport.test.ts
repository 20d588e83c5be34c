import { InternalCredential } from '../../runtime/auth/tokens';
import { developmentAuthConfig } from '../../runtime/config/authConfig';
import type { ImportBatchResult } from '../../runtime/imports/importBatch';
import { defaultLedgerPolicy } from '../../subgraphs/ledger/program/ledgerPolicy';
import { returnOfOrder, setEarnRate, unique } from '../support/fixtures';
import {
  expectConsistentLedger,
  ledgerTotals,
  runPointsJobMutation,
  setTierProgram,
  TestClock,
} from '../support/ledger';
import { importRecords, postImportBatch } from '../support/imports';
import { startTestGraph, type TestGraph } from '../support/testGraph';

const loyaltyQuery = `query($id: ID!) { customer(id: $id) { loyalty {
  balance pending lifetimePoints tier { name } progress { qualifyingPoints tierSince reviewAt }
  expiring { points expiresAt } pendingPoints { points availableAt purchaseId }
  history(first: 50) { edges { node { kind points balanceAfter reason sourceType createdAt } } } } } }`;

interface LoyaltyView {
  customer: {
    loyalty: {
      balance: number;
      pending: number;
      lifetimePoints: number;
      tier: { name: string } | null;
      progress: { qualifyingPoints: number; tierSince: string | null; reviewAt: string | null } | null;
      expiring: Array<{ points: number; expiresAt: string }>;
      pendingPoints: Array<{ points: number; availableAt: string; purchaseId: string | null }>;
      history: { edges: Array<{ node: { kind: string; points: number; reason: string; createdAt: string } }> };
    };
  };
}

type Fields = Record<string, unknown>;

describe('importing balances, tiers and past orders into the ledger', () => {
  const clock = new TestClock(new Date('2026-03-01T10:00:00Z'));
  let graph: TestGraph;
  let batchUrl: (kind: string) => string;
  const credential = new InternalCredential('gateway', developmentAuthConfig().internalSecret);
  const members: Record<'ana' | 'ben' | 'cem' | 'dan', string> = { ana: '', ben: '', cem: '', dan: '' };

  const post = async (kind: string, records: Fields[], options: { dryRun?: boolean; jobId?: string } = {}) => {
    const response = await fetch(batchUrl(kind), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: await credential.authorization() },
      body: JSON.stringify({
        jobId: options.jobId ?? 'job-1',
        dryRun: options.dryRun ?? false,
        // Line 1 is a CSV header: records start on line 2.
        records: records.map((fields, index) => ({ line: index + 2, fields })),
      }),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as ImportBatchResult;
  };
  const loyalty = async (id: string) =>
    (await graph.admin.data<LoyaltyView, { id: string }>(loyaltyQuery, { id })).customer.loyalty;
  const metrics = (from: string, to: string) =>
    graph.admin
      .data<
        { programMetrics: { pointsIssued: number; pointsOutstanding: number; purchases: number; netSpend: number } },
        { from: string; to: string }
      >(
        `query($from: DateTimeISO!, $to: DateTimeISO!) { programMetrics(from: $from, to: $to, currency: "EUR") {
          pointsIssued pointsOutstanding purchases netSpend } }`,
        { from, to },
      )
      .then((data) => data.programMetrics);

  beforeAll(async () => {
    graph = await startTestGraph({
      clock: clock.now,
      ledgerPolicy: { ...defaultLedgerPolicy, expiry: { kind: 'AFTER_EARNING', months: 24 }, jobIntervalMs: 0 },
      historyIntervalMs: 0,
    });
    batchUrl = (kind) => new URL(`/internal/import/${kind}`, graph.stack.subgraphs.ledger.url).toString();
    await setEarnRate(graph);
    await setTierProgram(graph, 12, [
      { name: 'Member', qualifyingPoints: 0 },
      { name: 'Silver', qualifyingPoints: 500 },
      { name: 'Gold', qualifyingPoints: 2000 },
    ]);
    // The members come first, from the old engine by the profile's MEMBERS import, keyed old-<name>.
    const names = Object.keys(members) as Array<keyof typeof members>;
    const imported = await postImportBatch(graph, 'MEMBERS', {
      records: importRecords(
        names.map((name) => ({
          memberKey: `old-${name}`,
          givenName: name,
          email: `${unique(name)}@example.com`,
          enrolledAt: '2024-01-01T00:00:00Z',
        })),
      ),
    });
    expect(imported).toEqual({ applied: names.length, skipped: 0, errors: [] });
    for (const name of names) {
      const { customerByIdentifier } = await graph.admin.data<{ customerByIdentifier: { id: string } }, unknown>(
        'query($value: String!) { customerByIdentifier(type: LEGACY_MEMBER_ID, value: $value) { id } }',
        { value: `old-${name}` },
      );
      members[name] = customerByIdentifier.id;
    }
  });
  afterAll(() => graph?.stop());

  describe('BALANCES', () => {
    const anaBalance = {
      memberKey: 'old-ana',
      lots: [
        { points: 300, earnedAt: '2025-06-01T12:00:00Z' },
        { points: 200, earnedAt: '2026-01-10T12:00:00Z', expiresAt: '2026-06-30T00:00:00Z' },
        // Still held: the old engine's return window ends after the migration.
        { points: 50, earnedAt: '2026-02-27T12:00:00Z', availableAt: '2026-03-10T00:00:00Z' },
      ],
      lifetimePoints: 1200,
    };

    it('opens lots with their own dates, pending points and lifetime points, journaled as imported', async () => {
      expect(await post('BALANCES', [anaBalance])).toEqual({ applied: 1, skipped: 0, errors: [] });
      const account = await loyalty(members.ana);
      expect(account).toMatchObject({ balance: 500, pending: 50, lifetimePoints: 1200 });
      // The first lot expires by the program's policy (24 months after earning), the second as told.
      expect(account.expiring).toEqual([
        { points: 200, expiresAt: '2026-06-30T00:00:00.000Z' },
        { points: 300, expiresAt: '2027-06-01T12:00:00.000Z' },
      ]);
      expect(account.pendingPoints).toEqual([
        { points: 50, availableAt: '2026-03-10T00:00:00.000Z', purchaseId: null },
      ]);
      const imported = account.history.edges.map((edge) => edge.node).filter((n) => n.reason === 'Imported balance');
      expect(imported.map((node) => [node.kind, node.points, node.createdAt])).toEqual([
        ['EARN', 200, '2026-01-10T12:00:00.000Z'],
        ['EARN', 300, '2025-06-01T12:00:00.000Z'],
      ]);
      await expectConsistentLedger(graph, members.ana);
    });

    it('skips the same balance again and refuses a different one', async () => {
      expect(await post('BALANCES', [anaBalance])).toEqual({ applied: 0, skipped: 1, errors: [] });
      const other = await post('BALANCES', [{ ...anaBalance, lifetimePoints: 1300 }]);
      expect(other).toMatchObject({ applied: 0, skipped: 0, errors: [{ line: 2, field: null, code: 'CONFLICT' }] });
      expect(await loyalty(members.ana)).toMatchObject({ balance: 500, pending: 50, lifetimePoints: 1200 });
    });

    it('reports every fault of a bad line by field and applies the good lines only', async () => {
      const result = await post('BALANCES', [
        { memberKey: 'old-ben', lots: [{ points: 80, earnedAt: '2026-02-01T09:00:00Z' }] },
        { memberKey: 'old-cem', lots: [{ points: 0 }, { points: 10, earnedAt: 'yesterday' }], lifetimePoints: -1 },
        { memberKey: 'nobody', lots: [{ points: 10, earnedAt: '2026-02-01T09:00:00Z' }] },
        { memberKey: 'old-ben', lots: [{ points: 80, earnedAt: '2026-02-01T09:00:00Z' }] },
      ]);
      expect(result.applied).toBe(1);
      expect(result.errors.map(({ line, field, code }) => ({ line, field, code }))).toEqual([
        { line: 3, field: 'lots[0].points', code: 'BAD_USER_INPUT' },
        { line: 3, field: 'lots[0].earnedAt', code: 'BAD_USER_INPUT' },
        { line: 3, field: 'lots[1].earnedAt', code: 'BAD_USER_INPUT' },
        { line: 3, field: 'lifetimePoints', code: 'BAD_USER_INPUT' },
        { line: 4, field: 'memberKey', code: 'NOT_FOUND' },
        { line: 5, field: 'memberKey', code: 'CONFLICT' },
      ]);
      expect(await ledgerTotals(graph, members.cem)).toMatchObject({ balance: 0, entries: 0, activeLots: 0 });
      expect((await expectConsistentLedger(graph, members.ben)).balance).toBe(80);
    });

    it('writes nothing in a dry run, and says what would be applied', async () => {
      const record = { memberKey: 'old-cem', lots: JSON.stringify([{ points: 40, earnedAt: '2026-02-02T09:00:00Z' }]) };
      expect(await post('BALANCES', [record], { dryRun: true })).toEqual({ applied: 1, skipped: 0, errors: [] });
      expect(await ledgerTotals(graph, members.cem)).toMatchObject({ balance: 0, entries: 0, activeLots: 0 });
    });

    it('counts the imported points as issued and outstanding in the program metrics', async () => {
      await graph.admin.data(`mutation { refreshProgramMetrics { events } }`, {});
      // Ana's 500 spendable points and Ben's 80; Ana's 50 pending count once released.
      expect(await metrics('2025-01-01T00:00:00Z', '2026-03-02T00:00:00Z')).toMatchObject({
        pointsIssued: 580,
        pointsOutstanding: 580,
      });
      expect(await metrics('2026-01-01T00:00:00Z', '2026-03-02T00:00:00Z')).toMatchObject({ pointsIssued: 280 });
    });

    it('releases imported pending points as native ones when their hold ends', async () => {
      clock.advanceDays(10);
      await graph.admin.data(runPointsJobMutation, {});
      expect(await loyalty(members.ana)).toMatchObject({ balance: 550, pending: 0, pendingPoints: [] });
      await expectConsistentLedger(graph, members.ana);
    });
  });

  describe('TIERS', () => {
    it('sets the tier as the old engine had it, skips it when re-applied, refuses an unknown tier', async () => {
      const gold = {
        memberKey: 'old-ana',
        tier: 'Gold',
        qualifyingPoints: '2500',
        since: '2025-09-01T00:00:00Z',
        reviewAt: '2026-09-01T00:00:00Z',
      };
      const result = await post('TIERS', [gold, { memberKey: 'old-ben', tier: 'Platinum' }]);
      expect(result).toMatchObject({ applied: 1, skipped: 0, errors: [{ line: 3, field: 'tier', code: 'NOT_FOUND' }] });
      const account = await loyalty(members.ana);
      expect(account.tier).toEqual({ name: 'Gold' });
      // The old engine's figure stands for the imported balance's earnings (not counted twice).
      expect(account.progress).toEqual({
        qualifyingPoints: 2500,
        tierSince: '2025-09-01T00:00:00.000Z',
        reviewAt: '2026-09-01T00:00:00.000Z',
      });
      expect(await post('TIERS', [gold])).toEqual({ applied: 0, skipped: 1, errors: [] });
      expect((await loyalty(members.ben)).tier).toEqual({ name: 'Member' });
    });

    it('puts imported tiers in segments by tier', async () => {
      const key = unique('gold');
      await graph.admin.data(`mutation($input: SegmentInput!) { defineSegment(input: $input) { key } }`, {
        input: { key, name: 'Gold members', rule: { tiers: ['Gold'], channelsAny: [], channelsAll: [] } },
      });
      await graph.admin.data(`mutation { refreshPurchaseHistory { events } }`, {});
      const { customer } = await graph.admin.data<{ customer: { segments: Array<{ key: string }> } }, { id: string }>(
        `query($id: ID!) { customer(id: $id) { segments { key } } }`,
        { id: members.ana },
      );
      expect(customer.segments.map((segment) => segment.key)).toContain(key);
    });
  });

  describe('ORDERS', () => {
    // As a CSV file's cells arrive: every value a string, lists as JSON.
    const line = (sku: string, quantity: number, unitPrice: number) => ({
      sku,
      category: 'apparel',
      quantity,
      unitPrice,
    });
    const orders: Fields[] = [
      {
        orderKey: 'A-1',
        memberKey: 'old-dan',
        occurredAt: '2025-05-01T10:00:00Z',
        channel: 'IN_STORE',
        storeId: 'berlin-1',
        currency: 'EUR',
        lines: JSON.stringify([line('SHIRT', 2, 1250)]),
      },
      // The return comes first in the file; purchases are applied first.
      {
        orderKey: 'R-1',
        kind: 'RETURN',
        returnOf: 'A-1',
        memberKey: 'old-dan',
        occurredAt: '2025-05-03T10:00:00Z',
        lines: JSON.stringify([{ sku: 'SHIRT', quantity: 1 }]),
      },
      {
        orderKey: 'A-2',
        memberKey: 'old-dan',
        occurredAt: '2025-11-01T10:00:00Z',
        channel: 'ONLINE',
        currency: 'EUR',
        totalAmount: '4000',
        lines: JSON.stringify([line('BAG', 1, 4000)]),
      },
      {
        orderKey: 'A-3',
        memberKey: 'old-dan',
        occurredAt: '2026-02-20T10:00:00Z',
        channel: 'IN_STORE',
        storeId: 'berlin-1',
        currency: 'EUR',
        lines: JSON.stringify([line('SOCKS', 3, 500)]),
      },
    ];

    it('records purchases and returns with their times, without points', async () => {
      const before = await ledgerTotals(graph, members.dan);
      expect(await post('ORDERS', [orders[1]!, orders[0]!, orders[2]!, orders[3]!])).toEqual({
        applied: 4,
        skipped: 0,
        errors: [],
      });
      expect(await ledgerTotals(graph, members.dan)).toEqual(before);
      const { customer } = await graph.admin.data<{ customer: { metrics: Record<string, unknown> } }, { id: string }>(
        `query($id: ID!) { customer(id: $id) { metrics { purchases netSpend historicClv firstPurchaseAt lastPurchaseAt channels } } }`,
        { id: members.dan },
      );
      // €25 + €40 + €15 bought, €12.50 refunded.
      expect(customer.metrics).toEqual({
        purchases: 3,
        netSpend: 6750,
        historicClv: 6750,
        firstPurchaseAt: '2025-05-01T10:00:00.000Z',
        lastPurchaseAt: '2026-02-20T10:00:00.000Z',
        channels: ['IN_STORE', 'ONLINE'],
      });
      await graph.admin.data(`mutation { refreshProgramMetrics { events } }`, {});
      expect(await metrics('2025-05-01T00:00:00Z', '2025-05-04T00:00:00Z')).toMatchObject({
        purchases: 1,
        netSpend: 1250,
      });
    });

    it('skips orders imported before, refuses a return of an unknown order and a future time', async () => {
      const result = await post('ORDERS', [
        ...orders,
        {
          orderKey: 'R-9',
          kind: 'RETURN',
          returnOf: 'A-404',
          memberKey: 'old-dan',
          occurredAt: '2025-06-01T10:00:00Z',
        },
        { ...orders[0]!, orderKey: 'A-4', occurredAt: '2026-04-01T10:00:00Z' },
        { ...orders[0]!, orderKey: 'A-1', storeId: 'berlin-1', lines: JSON.stringify([line('SHIRT', 3, 1250)]) },
      ]);
      expect(result.applied).toBe(0);
      expect(result.skipped).toBe(4);
      expect(result.errors.map(({ line, field, code }) => ({ line, field, code }))).toEqual([
        { line: 6, field: 'returnOf', code: 'NOT_FOUND' },
        { line: 7, field: 'occurredAt', code: 'BAD_USER_INPUT' },
        { line: 8, field: 'orderKey', code: 'CONFLICT' },
      ]);
    });

    it('returns everything left of an order when a return names no lines, once', async () => {
      const batch = [
        { ...orders[2]!, orderKey: 'B-1', memberKey: 'old-ben' },
        { orderKey: 'B-R', kind: 'RETURN', returnOf: 'B-1', memberKey: 'old-ben', occurredAt: '2025-11-02T10:00:00Z' },
      ];
      expect(await post('ORDERS', batch)).toEqual({ applied: 2, skipped: 0, errors: [] });
      expect(await post('ORDERS', batch)).toEqual({ applied: 0, skipped: 2, errors: [] });
      const { rows } = await graph.database.db.query<{ refund_amount: string; lines: unknown }>(
        `select refund_amount, lines from ledger.returns where external_return_id = 'B-R'`,
      );
      expect(rows.map((row) => [Number(row.refund_amount), row.lines])).toEqual([
        [4000, [{ line: 0, sku: 'BAG', quantity: 1 }]],
      ]);
    });

    it('writes nothing in a dry run', async () => {
      const dry = { ...orders[0]!, orderKey: 'A-5' };
      expect(await post('ORDERS', [dry], { dryRun: true })).toEqual({ applied: 1, skipped: 0, errors: [] });
      const { rows } = await graph.database.db.query(`select 1 from ledger.orders where external_order_id = 'A-5'`);
      expect(rows).toHaveLength(0);
    });

    it('reaches the campaign purchase history: segments by purchases see imported orders', async () => {
      const key = unique('three-purchases');
      await graph.admin.data(`mutation($input: SegmentInput!) { defineSegment(input: $input) { key } }`, {
        input: { key, name: 'Three purchases', rule: { minPurchases: 3, tiers: [], channelsAny: [], channelsAll: [] } },
      });
      await graph.admin.data(`mutation { refreshPurchaseHistory { events } }`, {});
      const { customer } = await graph.admin.data<{ customer: { segments: Array<{ key: string }> } }, { id: string }>(
        `query($id: ID!) { customer(id: $id) { segments { key } } }`,
        { id: members.dan },
      );
      expect(customer.segments.map((segment) => segment.key)).toContain(key);
      const { rows } = await graph.database.db.query<{ purchase_count: number; spend: string }>(
        'select purchase_count, spend from campaign.customer_stats where customer_id = $1',
        [members.dan],
      );
      expect(rows[0]).toMatchObject({ purchase_count: 3 });
      expect(Number(rows[0]!.spend)).toBe(6750);
    });

    it('replays a native retry of an imported order and takes a native return of it', async () => {
      const order = { channel: 'IN_STORE', storeId: 'berlin-1', externalOrderId: 'A-3' };
      const { recordPurchase } = await graph.admin.data<
        { recordPurchase: { pointsEarned: number; occurredAt: string } },
        Fields
      >(`mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { pointsEarned occurredAt } }`, {
        input: {
          customerId: members.dan,
          ...order,
          currency: 'EUR',
          lines: [{ sku: 'SOCKS', category: 'apparel', quantity: 3, unitPrice: 500 }],
        },
      });
      expect(recordPurchase).toEqual({ pointsEarned: 0, occurredAt: '2026-02-20T10:00:00.000Z' });
      const { recordReturn } = await graph.admin.data<{ recordReturn: { refundAmount: number } }, Fields>(
        `mutation($input: RecordReturnInput!) { recordReturn(input: $input) { refundAmount } }`,
        { input: returnOfOrder(order, [{ sku: 'SOCKS', quantity: 1 }]) },
      );
      expect(recordReturn.refundAmount).toBe(500);
      await expectConsistentLedger(graph, members.dan);
    });
  });
});
