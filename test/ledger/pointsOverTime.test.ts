import {
  MemberPointsDocument,
  RecordPurchaseDocument,
  RecordReturnDocument,
  TierChangedDocument,
} from '../../examples/sdk/graphql';
import { developmentAuthConfig } from '../../runtime/config/authConfig';
import { createLogger } from '../../runtime/logging/logger';
import { startLedgerSubgraph } from '../../subgraphs/ledger';
import { defaultLedgerPolicy, type LedgerPolicy } from '../../subgraphs/ledger/program/ledgerPolicy';
import { enrollMember, purchaseInput, setEarnRate, unique } from '../support/fixtures';
import {
  debitPointsMutation,
  expectConsistentLedger,
  ledgerAsService,
  runPointsJobMutation,
  setTierProgram,
  TestClock,
} from '../support/ledger';
import { startTestGraph, type TestGraph } from '../support/testGraph';

const policy = (overrides: Partial<LedgerPolicy>): LedgerPolicy => ({
  ...defaultLedgerPolicy,
  expiry: { kind: 'NEVER' },
  jobIntervalMs: 0,
  ...overrides,
});

async function graphAt(clock: TestClock, ledgerPolicy: LedgerPolicy): Promise<TestGraph> {
  const graph = await startTestGraph({ clock: clock.now, ledgerPolicy });
  await setEarnRate(graph, 'EUR', 1, 100);
  return graph;
}

const points = async (graph: TestGraph, customerId: string) =>
  (await graph.admin.data(MemberPointsDocument, { id: customerId, first: 20 })).customer!.loyalty!;

const runJob = (graph: TestGraph) =>
  graph.admin.data<{ runPointsJob: { accounts: number } }, never>(runPointsJobMutation);

describe('pending points through the gateway', () => {
  const clock = new TestClock(new Date('2026-03-02T10:00:00Z'));
  let graph: TestGraph;
  beforeAll(async () => (graph = await graphAt(clock, policy({ pendingDays: 14 }))));
  afterAll(() => graph?.stop());

  it('holds purchase points for the return window, cancels them on a return inside it, then releases the rest once', async () => {
    const member = await enrollMember(graph);
    const { recordPurchase } = await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(member.id) });
    expect(recordPurchase).toMatchObject({ pointsEarned: 25, balanceAfter: 0 });
    expect(new Date(recordPurchase.pendingUntil as string).toISOString()).toBe('2026-03-16T10:00:00.000Z');
    expect(await points(graph, member.id)).toMatchObject({
      balance: 0,
      pending: 25,
      pendingPoints: [{ points: 25, availableAt: '2026-03-16T10:00:00.000Z' }],
    });

    const debit = await ledgerAsService(graph)(debitPointsMutation, {
      input: { customerId: member.id, redemptionId: unique('red'), points: 1, reason: 'Too early' },
    });
    expect(debit.errors?.[0]?.extensions?.code).toBe('INSUFFICIENT_POINTS');

    clock.advanceDays(3);
    const { recordReturn } = await graph.admin.data(RecordReturnDocument, {
      input: {
        channel: 'IN_STORE',
        storeId: 'berlin-1',
        externalReturnId: unique('ret'),
        purchaseId: recordPurchase.id,
        lines: [{ sku: 'SHIRT-M', quantity: 1 }],
      },
    });
    expect(recordReturn).toMatchObject({ pendingPointsCancelled: 12, pointsReversed: 0, balanceAfter: 0 });
    expect(recordReturn.reversals).toEqual([expect.objectContaining({ points: 12, wasPending: true })]);
    expect(await expectConsistentLedger(graph, member.id)).toMatchObject({ balance: 0, pending: 13 });

    clock.advanceDays(10);
    await runJob(graph);
    expect(await expectConsistentLedger(graph, member.id)).toMatchObject({ balance: 0, pending: 13 });

    clock.advanceDays(2);
    await runJob(graph);
    await runJob(graph);
    const after = await points(graph, member.id);
    expect(after).toMatchObject({ balance: 13, pending: 0, pendingPoints: [], lifetimePoints: 13 });
    expect(after.history.edges.map((e) => [e.node.kind, e.node.points])).toEqual([['EARN', 13]]);
    await expectConsistentLedger(graph, member.id);
  });

  it('releases each hold once when two ledger instances run the job at the same moment', async () => {
    const members = await Promise.all(Array.from({ length: 5 }, () => enrollMember(graph)));
    for (const member of members) {
      await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(member.id) });
    }
    const second = await startLedgerSubgraph({
      db: graph.database.db,
      auth: developmentAuthConfig(),
      logger: createLogger('error'),
      profileUrl: graph.stack.subgraphs.profile.url,
      campaignUrl: graph.stack.subgraphs.campaign.url,
      policy: policy({ pendingDays: 14 }),
      clock: clock.now,
    });
    try {
      clock.advanceDays(15);
      await Promise.all([graph.stack.subgraphs.ledger.pointsJob.run(), second.pointsJob.run(), runJob(graph)]);
    } finally {
      await second.stop();
    }
    for (const member of members) {
      expect(await expectConsistentLedger(graph, member.id)).toMatchObject({ balance: 25, pending: 0, entries: 1 });
    }
  });
});

describe('expiry through the gateway', () => {
  const clock = new TestClock(new Date('2026-01-10T12:00:00Z'));
  let graph: TestGraph;
  beforeAll(async () => (graph = await graphAt(clock, policy({ expiry: { kind: 'AFTER_EARNING', months: 12 } }))));
  afterAll(() => graph?.stop());

  it('spends the oldest points first, shows what expires when, and expires each lot at its date', async () => {
    const member = await enrollMember(graph);
    await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(member.id) });
    clock.advanceMonths(6);
    await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(member.id) });
    expect((await points(graph, member.id)).expiring).toEqual([
      { points: 25, expiresAt: '2027-01-10T12:00:00.000Z' },
      { points: 25, expiresAt: '2027-07-10T12:00:00.000Z' },
    ]);

    const debit = await ledgerAsService(graph)(debitPointsMutation, {
      input: { customerId: member.id, redemptionId: unique('red'), points: 10, reason: 'Free coffee' },
    });
    expect(debit.errors).toBeUndefined();
    expect((await points(graph, member.id)).expiring).toEqual([
      { points: 15, expiresAt: '2027-01-10T12:00:00.000Z' },
      { points: 25, expiresAt: '2027-07-10T12:00:00.000Z' },
    ]);

    clock.advanceMonths(6);
    clock.advanceDays(1);
    await runJob(graph);
    await runJob(graph);
    const afterFirst = await points(graph, member.id);
    expect(afterFirst.balance).toBe(25);
    expect(afterFirst.history.edges[0]!.node).toMatchObject({
      kind: 'EXPIRE',
      points: -15,
      reason: 'Points earned on 2026-01-10 expired',
      sourceType: 'EXPIRY',
    });
    expect(afterFirst.expiring).toEqual([{ points: 25, expiresAt: '2027-07-10T12:00:00.000Z' }]);

    clock.advanceMonths(6);
    await runJob(graph);
    expect(await expectConsistentLedger(graph, member.id)).toMatchObject({ balance: 0 });
  });

  it('expires what is due before a debit, so expired points are never spent', async () => {
    const member = await enrollMember(graph);
    await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(member.id) });
    clock.advanceMonths(13);
    // No job ran since the points expired: the debit itself settles the account first.
    const debit = await ledgerAsService(graph)(debitPointsMutation, {
      input: { customerId: member.id, redemptionId: unique('red'), points: 5, reason: 'Late' },
    });
    expect(debit.errors?.[0]?.extensions?.code).toBe('INSUFFICIENT_POINTS');
    // The refused debit rolled back with its settlement; the job expires the points for good.
    await runJob(graph);
    expect(await expectConsistentLedger(graph, member.id)).toMatchObject({ balance: 0 });
  });
});

describe('expiry after inactivity', () => {
  const clock = new TestClock(new Date('2026-01-10T12:00:00Z'));
  let graph: TestGraph;
  beforeAll(async () => (graph = await graphAt(clock, policy({ expiry: { kind: 'AFTER_INACTIVITY', months: 6 } }))));
  afterAll(() => graph?.stop());

  it('keeps points while the member is active and expires all of them after six quiet months', async () => {
    const member = await enrollMember(graph);
    await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(member.id) });
    clock.advanceMonths(5);
    await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(member.id) });
    clock.advanceMonths(5);
    await runJob(graph);
    expect(await points(graph, member.id)).toMatchObject({
      balance: 50,
      expiring: [{ points: 50, expiresAt: '2026-12-10T12:00:00.000Z' }],
    });
    clock.advanceMonths(1);
    await runJob(graph);
    expect(await expectConsistentLedger(graph, member.id)).toMatchObject({ balance: 0 });
  });
});

describe('tiers through the gateway', () => {
  const clock = new TestClock(new Date('2026-02-01T09:00:00Z'));
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await graphAt(clock, policy({}));
    await setTierProgram(graph, 12, [
      { name: 'Member', qualifyingPoints: 0 },
      { name: 'Silver', qualifyingPoints: 100, multiplierPercent: 125 },
      { name: 'Gold', qualifyingPoints: 300, multiplierPercent: 150 },
    ]);
  });
  afterAll(() => graph?.stop());

  it('moves up at once, earns the tier bonus, keeps the tier through returns, and moves down only at review', async () => {
    const member = await enrollMember(graph);
    const self = await graph.as({ role: 'member', subject: member.id });
    const changes = await self.subscribe(TierChangedDocument, { customerId: member.id, after: '0' });

    const big = purchaseInput(member.id, { lines: [{ sku: 'COAT', quantity: 1, unitPrice: 10_000 }] });
    const first = await graph.admin.data(RecordPurchaseDocument, { input: big });
    expect(first.recordPurchase.pointsEarned).toBe(100);
    const up = await changes.next();
    expect(up.data?.tierChanged).toMatchObject({
      from: 'Member',
      to: 'Silver',
      direction: 'UP',
      reviewAt: '2027-02-01T09:00:00.000Z',
    });

    const second = await graph.admin.data(RecordPurchaseDocument, {
      input: purchaseInput(member.id, { lines: [{ sku: 'HAT', quantity: 1, unitPrice: 4000 }] }),
    });
    expect(second.recordPurchase.earnings.map((e) => [e.kind, e.points, e.reason])).toEqual([
      ['EARN', 40, 'Base rate: 1 point per €1.00 on €40.00'],
      ['BONUS', 10, 'Silver tier: 1.25× points'],
    ]);
    expect(await points(graph, member.id)).toMatchObject({
      tier: { name: 'Silver' },
      nextTier: { name: 'Gold', qualifyingPoints: 300 },
      progress: { qualifyingPoints: 150, pointsToNextTier: 150, reviewAt: '2027-02-01T09:00:00.000Z' },
    });

    await graph.admin.data(RecordReturnDocument, {
      input: {
        channel: 'IN_STORE',
        storeId: 'berlin-1',
        externalReturnId: unique('ret'),
        purchaseId: first.recordPurchase.id,
        lines: [{ sku: 'COAT', quantity: 1 }],
      },
    });
    await runJob(graph);
    expect(await points(graph, member.id)).toMatchObject({
      tier: { name: 'Silver' },
      progress: { qualifyingPoints: 50 },
    });

    clock.advanceMonths(12);
    clock.advanceDays(1);
    await runJob(graph);
    const down = await changes.next();
    expect(down.data?.tierChanged).toMatchObject({ from: 'Silver', to: 'Member', direction: 'DOWN', reviewAt: null });
    expect(await points(graph, member.id)).toMatchObject({
      tier: { name: 'Member' },
      progress: { qualifyingPoints: 0 },
    });
  });

  it('refuses a tier program whose first tier needs points, or whose tiers do not climb', async () => {
    for (const tiers of [
      [{ name: 'Silver', qualifyingPoints: 10 }],
      [
        { name: 'Member', qualifyingPoints: 0 },
        { name: 'Gold', qualifyingPoints: 0 },
      ],
    ]) {
      const result = await graph.admin.request(
        `mutation($input: TierProgramInput!) { setTierProgram(input: $input) { windowMonths } }`,
        { input: { windowMonths: 12, tiers } },
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const marketer = await graph.as({ role: 'marketer', subject: 'm-1' });
    const member = await graph.as({ role: 'member', subject: '7d0f1a9e-0000-4000-8000-000000000001' });
    const denied = await member.request(
      `mutation($input: TierProgramInput!) { setTierProgram(input: $input) { windowMonths } }`,
      { input: { windowMonths: 12, tiers: [{ name: 'Member', qualifyingPoints: 0 }] } },
    );
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const program = await marketer.data<{ tierProgram: { tiers: Array<{ name: string }> } }, never>(
      `{ tierProgram { windowMonths tiers { name } } }`,
    );
    expect(program.tierProgram.tiers.map((t) => t.name)).toEqual(['Member', 'Silver', 'Gold']);
  });
});
