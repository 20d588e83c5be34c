import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { print } from 'graphql';
import { bulkLoadMembers, bulkMemberIds } from '../../bench/bulkLoad';
import {
  AdjustPointsDocument,
  BulkAdjustmentDocument,
  MemberPointsDocument,
  PreviewBulkAdjustmentDocument,
  RecordPurchaseDocument,
  StartBulkAdjustmentDocument,
  type BulkAdjustmentQuery,
  type StartBulkAdjustmentInput,
} from '../../examples/sdk/graphql';
import { signClientAuthorization } from '../../runtime/auth/tokens';
import { developmentAuthConfig } from '../../runtime/config/authConfig';
import { graphqlRequest } from '../../runtime/http/graphqlRequest';
import { createLogger } from '../../runtime/logging/logger';
import { startStack, type RunningStack } from '../../stack/startStack';
import { enrollMember, purchaseInput, setEarnRate, unique } from '../support/fixtures';
import { expectConsistentLedger } from '../support/ledger';
import { createTestDatabase } from '../support/testDatabase';
import { startTestGraph, type GraphClient, type TestGraph } from '../support/testGraph';

type Job = NonNullable<BulkAdjustmentQuery['bulkAdjustment']>;

/** Polls a job until it is no longer RUNNING. */
async function finished(read: () => Promise<Job | null | undefined>): Promise<Job> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const job = await read();
    if (!job) throw new Error('the bulk adjustment is gone');
    if (job.state !== 'RUNNING') return job;
    if (Date.now() > deadline) throw new Error(`the bulk adjustment is still running: ${JSON.stringify(job)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const adjustmentsOf = async (graph: TestGraph, customerId: string) =>
  (
    await graph.database.db.query<{ points: string; reason: string; idempotency_key: string; actor: unknown }>(
      'select points, reason, idempotency_key, actor from ledger.adjustments where customer_id = $1 order by created_at',
      [customerId],
    )
  ).rows;

describe('bulk point adjustments', () => {
  let graph: TestGraph;
  let marketer: GraphClient;
  const jobOf = (client: GraphClient, id: string) =>
    client.data(BulkAdjustmentDocument, { id }).then((data) => data.bulkAdjustment);
  const start = (client: GraphClient, input: StartBulkAdjustmentInput) =>
    client.data(StartBulkAdjustmentDocument, { input }).then((data) => data.startBulkAdjustment);
  const jobCount = async () =>
    (await graph.database.db.query<{ n: number }>('select count(*)::int as n from ledger.bulk_adjustments')).rows[0]!.n;
  const balanceOf = async (id: string) =>
    (await graph.admin.data(MemberPointsDocument, { id, first: 5 })).customer!.loyalty!.balance;

  beforeAll(async () => {
    graph = await startTestGraph({ bulkAdjustments: { chunkSize: 2, maxMembers: 50 } });
    await setEarnRate(graph, 'EUR', 1, 100);
    marketer = await graph.as({ role: 'marketer', subject: 'test-marketer' });
  });
  afterAll(() => graph?.stop());

  it('previews the members, the points in all and who a debit would overdraw, changing nothing', async () => {
    const [a, b, c] = [await enrollMember(graph), await enrollMember(graph), await enrollMember(graph)];
    await graph.admin.data(AdjustPointsDocument, { input: { customerId: a.id, points: 50, reason: 'Welcome' } });
    const before = await jobCount();
    const debit = await marketer.data(PreviewBulkAdjustmentDocument, {
      input: { customerIds: [a.id, b.id, c.id, a.id], points: -30 },
    });
    expect(debit.previewBulkAdjustment).toEqual({ members: 3, totalPoints: -90, wouldOverdraw: 2 });
    const credit = await graph.admin.data(PreviewBulkAdjustmentDocument, {
      input: { customerIds: [a.id, b.id], points: 10 },
    });
    expect(credit.previewBulkAdjustment).toEqual({ members: 2, totalPoints: 20, wouldOverdraw: 0 });
    expect(await jobCount()).toBe(before);
    expect(await balanceOf(a.id)).toBe(50);
  });

  it('adjusts a list in the background, once per member however often it is started, and reports the unknown', async () => {
    const members = [await enrollMember(graph), await enrollMember(graph), await enrollMember(graph)];
    const stranger = randomUUID();
    const erased = await enrollMember(graph);
    await graph.admin.data(
      `mutation($id: ID!) { eraseCustomer(customerId: $id, reason: "GDPR request") { erasedAt } }`,
      {
        id: erased.id,
      },
    );
    const input = {
      customerIds: [...members.map((m) => m.id), erased.id, stranger],
      points: 25,
      reason: 'Goodwill: the app was down',
      idempotencyKey: unique('bulk'),
    };
    const [first, ...retries] = await Promise.all([0, 1, 2].map(() => start(marketer, input)));
    expect(first).toMatchObject({ total: 5 });
    for (const retry of retries) expect(retry.id).toBe(first!.id);

    const job = await finished(() => jobOf(marketer, first!.id));
    expect(job).toMatchObject({
      state: 'COMPLETED',
      total: 5,
      processed: 5,
      failed: 2,
      points: 25,
      reason: input.reason,
      actor: 'marketer:test-marketer',
      segmentKey: null,
    });
    expect(job.finishedAt).not.toBeNull();
    expect(job.errors.edges.map((edge) => edge.node)).toEqual([
      { customerId: erased.id, code: 'NOT_FOUND', message: expect.stringContaining('erased') },
      { customerId: stranger, code: 'NOT_FOUND', message: expect.stringContaining(stranger) },
    ]);
    expect(await adjustmentsOf(graph, erased.id)).toEqual([]);

    // Started again after it finished: the same job, and no member is credited twice.
    expect((await start(graph.admin, input)).id).toBe(first!.id);
    await finished(() => jobOf(marketer, first!.id));
    for (const member of members) {
      const view = await graph.admin.data(MemberPointsDocument, { id: member.id, first: 5 });
      expect(view.customer!.loyalty!.balance).toBe(25);
      expect(view.customer!.loyalty!.history.edges.map((edge) => edge.node)).toEqual([
        expect.objectContaining({ kind: 'ADJUST', points: 25, reason: input.reason }),
      ]);
      expect(await adjustmentsOf(graph, member.id)).toEqual([
        {
          points: 25,
          reason: input.reason,
          idempotency_key: `${input.idempotencyKey}:${member.id}`,
          actor: { role: 'marketer', subject: 'test-marketer' },
        },
      ]);
      expect(await expectConsistentLedger(graph, member.id)).toMatchObject({ balance: 25, entries: 1 });
      const { rows } = await graph.database.db.query<{ n: number }>(
        `select count(*)::int as n from ledger.events where aggregate_id = $1 and type = 'BalanceUpdated'`,
        [member.id],
      );
      expect(rows[0]!.n).toBe(1);
    }

    const conflict = await marketer.request(StartBulkAdjustmentDocument, { input: { ...input, points: 26 } });
    expect(conflict.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const page = await marketer.data(
      `{ bulkAdjustments(first: 1) { edges { node { id } } pageInfo { hasNextPage } } }`,
    );
    expect(page).toMatchObject({ bulkAdjustments: { edges: [{ node: { id: first!.id } }] } });
  });

  it('fails the members a debit would overdraw with INSUFFICIENT_POINTS, and debits the others', async () => {
    const rich = await enrollMember(graph);
    const poor = await enrollMember(graph);
    await graph.admin.data(AdjustPointsDocument, { input: { customerId: rich.id, points: 100, reason: 'Opening' } });
    await graph.admin.data(AdjustPointsDocument, { input: { customerId: poor.id, points: 10, reason: 'Opening' } });
    const started = await start(graph.admin, {
      customerIds: [poor.id, rich.id],
      points: -40,
      reason: 'Correction: double credit',
      idempotencyKey: unique('debit'),
    });
    const job = await finished(() => jobOf(graph.admin, started.id));
    expect(job).toMatchObject({ state: 'COMPLETED', total: 2, processed: 2, failed: 1, actor: 'admin:test-admin' });
    expect(job.errors.edges.map((edge) => edge.node)).toEqual([
      { customerId: poor.id, code: 'INSUFFICIENT_POINTS', message: expect.any(String) },
    ]);
    expect(await expectConsistentLedger(graph, rich.id)).toMatchObject({ balance: 60 });
    expect(await expectConsistentLedger(graph, poor.id)).toMatchObject({ balance: 10 });

    // A job where no member could be adjusted is FAILED.
    const none = await start(graph.admin, {
      customerIds: [poor.id],
      points: -40,
      reason: 'Correction again',
      idempotencyKey: unique('debit'),
    });
    expect(await finished(() => jobOf(graph.admin, none.id))).toMatchObject({ state: 'FAILED', failed: 1 });
  });

  it("adjusts a segment's members as they are when it starts; an unknown segment is NOT_FOUND", async () => {
    const buyers = [await enrollMember(graph), await enrollMember(graph)];
    const other = await enrollMember(graph);
    const segmentKey = `bulk-buyers-${unique('s').slice(2)}`;
    for (const buyer of buyers) {
      await graph.admin.data(RecordPurchaseDocument, {
        input: purchaseInput(buyer.id, { channel: 'ONLINE', storeId: null }),
      });
    }
    await graph.admin.data(`mutation($input: SegmentInput!) { defineSegment(input: $input) { key } }`, {
      input: {
        key: segmentKey,
        name: 'Bulk buyers',
        rule: { minPurchases: 1, channelsAny: ['ONLINE'], channelsAll: [], tiers: [] },
      },
    });
    await graph.admin.data(`mutation { refreshPurchaseHistory { events } }`, {});

    const preview = await marketer.data(PreviewBulkAdjustmentDocument, { input: { segmentKey, points: 5 } });
    expect(preview.previewBulkAdjustment).toMatchObject({ members: 2, totalPoints: 10 });
    const started = await start(marketer, {
      segmentKey,
      points: 5,
      reason: 'Thank you for shopping online',
      idempotencyKey: unique('seg'),
    });
    const job = await finished(() => jobOf(marketer, started.id));
    expect(job).toMatchObject({ state: 'COMPLETED', segmentKey, total: 2, processed: 2, failed: 0 });
    for (const buyer of buyers) expect(await balanceOf(buyer.id)).toBe(25 + 5);
    expect(await balanceOf(other.id)).toBe(0);

    const before = await jobCount();
    for (const ask of [
      marketer.request(PreviewBulkAdjustmentDocument, { input: { segmentKey: 'no-such-segment', points: 5 } }),
      marketer.request(StartBulkAdjustmentDocument, {
        input: { segmentKey: 'no-such-segment', points: 5, reason: 'Nobody', idempotencyKey: unique('seg') },
      }),
    ]) {
      expect((await ask).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    expect(await jobCount()).toBe(before);
  });

  it('is for admins and marketers only', async () => {
    const member = await enrollMember(graph);
    const job = await start(graph.admin, {
      customerIds: [member.id],
      points: 1,
      reason: 'Access check',
      idempotencyKey: unique('acl'),
    });
    const clients = [
      await graph.as({ role: 'member', subject: member.id }),
      await graph.as({ role: 'associate', subject: 'a', storeId: 'berlin-1' }),
    ];
    for (const client of clients) {
      const answers = await Promise.all([
        client.request(PreviewBulkAdjustmentDocument, { input: { customerIds: [member.id], points: 1 } }),
        client.request(StartBulkAdjustmentDocument, {
          input: { customerIds: [member.id], points: 1, reason: 'Favour', idempotencyKey: unique('acl') },
        }),
        client.request(BulkAdjustmentDocument, { id: job.id }),
        client.request(`{ bulkAdjustments { edges { cursor } } }`),
      ]);
      for (const answer of answers) expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    await finished(() => jobOf(graph.admin, job.id));
    expect(await balanceOf(member.id)).toBe(1);
  });

  it('refuses bad input with BAD_USER_INPUT, starting nothing', async () => {
    const member = await enrollMember(graph);
    const valid = { customerIds: [member.id], points: 5, reason: 'Valid reason', idempotencyKey: unique('bad') };
    const before = await jobCount();
    const cases: Array<Record<string, unknown>> = [
      { points: 0 },
      { reason: '' },
      { idempotencyKey: '' },
      { customerIds: Array.from({ length: 51 }, () => randomUUID()) },
      { customerIds: ['not-a-uuid'] },
      { customerIds: [] },
      { customerIds: null },
      { segmentKey: 'champions' },
    ];
    for (const change of cases) {
      const answer = await marketer.request(StartBulkAdjustmentDocument, {
        input: { ...valid, ...change } as StartBulkAdjustmentInput,
      });
      expect([change, answer.errors?.[0]?.extensions?.code]).toEqual([change, 'BAD_USER_INPUT']);
    }
    const preview = await marketer.request(PreviewBulkAdjustmentDocument, {
      input: { customerIds: [member.id], points: 0 },
    });
    expect(preview.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await jobCount()).toBe(before);
    expect(await balanceOf(member.id)).toBe(0);
  });
});

describe('a bulk adjustment across a restart of the graph', () => {
  it('resumes where the stopped ledger left it and adjusts each member once', async () => {
    const database = await createTestDatabase({ onDisk: true });
    const logger = createLogger('error');
    const authorization = await signClientAuthorization(
      { role: 'admin', subject: 'test-admin' },
      developmentAuthConfig(),
    );
    const request = <T>(
      stack: RunningStack,
      document: Parameters<typeof print>[0],
      variables: Record<string, unknown>,
    ) => graphqlRequest<T>(stack.gateway.url, print(document), variables, { headers: { authorization } });
    const options = { logger, bulkAdjustments: { chunkSize: 5, concurrency: 1 } };
    const count = 200;
    const key = unique('restart');
    let stack = await startStack({ db: database.db, ...options });
    try {
      await bulkLoadMembers(
        { gatewayUrl: stack.gateway.url, authorization, db: database.db },
        { from: 0, to: count, ordersPerMember: 1, now: new Date() },
      );
      const ids = await bulkMemberIds(database.db, 0, count);
      const balances = async () =>
        new Map(
          (
            await database.db.query<{ customer_id: string; balance: string }>(
              'select customer_id, balance from ledger.accounts where customer_id = any($1::uuid[])',
              [ids],
            )
          ).rows.map((row) => [row.customer_id, Number(row.balance)]),
        );
      const before = await balances();
      const { startBulkAdjustment } = await request<{ startBulkAdjustment: { id: string } }>(
        stack,
        StartBulkAdjustmentDocument,
        { input: { customerIds: ids, points: 7, reason: 'Restart goodwill', idempotencyKey: key } },
      );
      const progress = () =>
        request<BulkAdjustmentQuery>(stack, BulkAdjustmentDocument, { id: startBulkAdjustment.id }).then(
          (data) => data.bulkAdjustment!,
        );
      for (let job = await progress(); job.processed < 10; job = await progress()) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await stack.stop();
      const atStop = (
        await database.db.query<{ processed: number; state: string }>(
          'select processed, state from ledger.bulk_adjustments where id = $1',
          [startBulkAdjustment.id],
        )
      ).rows[0]!;
      expect(atStop.state).toBe('RUNNING');
      expect(atStop.processed).toBeLessThan(count);

      stack = await startStack({ db: await database.reopen(), ...options });
      const job = await finished(progress);
      expect(job).toMatchObject({ state: 'COMPLETED', total: count, processed: count, failed: 0 });
      const after = await balances();
      for (const id of ids) expect([id, after.get(id)]).toEqual([id, before.get(id)! + 7]);
      const { rows } = await database.db.query<{ customer_id: string; n: number }>(
        `select customer_id, count(*)::int as n from ledger.adjustments where idempotency_key like $1 group by customer_id`,
        [`${key}:%`],
      );
      expect(rows).toHaveLength(count);
      expect(rows.every((row) => row.n === 1)).toBe(true);
    } finally {
      await stack.stop();
      await database.dispose();
    }
  }, 180_000);
});
