import { randomUUID } from 'node:crypto';
import { RecordPurchaseDocument } from '../../examples/sdk/graphql';
import { defaultLedgerPolicy } from '../../subgraphs/ledger/program/ledgerPolicy';
import { enrollMember, purchaseInput, setEarnRate, unique } from '../support/fixtures';
import { expectConsistentLedger, ledgerTotals, runPointsJobMutation, TestClock } from '../support/ledger';
import { startTestGraph, type GraphClient, type GraphQLResult, type TestGraph } from '../support/testGraph';

const transferMutation = `mutation Transfer($input: TransferPointsInput!) {
  transferPoints(input: $input) { id fromCustomerId toCustomerId points note actor createdAt }
}`;

const walletQuery = `query Wallet($id: ID!) {
  customer(id: $id) {
    loyalty {
      balance
      lifetimePoints
      lastEventId
      expiring { points expiresAt }
      history(first: 5) { edges { node { kind points sourceType sourceId reason } } }
    }
  }
}`;

const transfersQuery = `query Transfers($customerId: ID!, $first: Int, $after: String) {
  pointTransfers(customerId: $customerId, first: $first, after: $after) {
    edges { node { id fromCustomerId toCustomerId points note from { id } to { id } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const balanceUpdatedSubscription = `subscription Live($customerId: ID!, $after: ID) {
  balanceUpdated(customerId: $customerId, after: $after) { customerId balance change reason transactionId }
}`;

interface Transfer {
  id: string;
  fromCustomerId: string;
  toCustomerId: string;
  points: number;
  note: string | null;
  actor: string | null;
}
interface TransferData {
  transferPoints: Transfer;
}
interface TransferInput {
  toCustomerId: string;
  points: number;
  idempotencyKey: string;
  note?: string | null;
  fromCustomerId?: string | null;
}
interface Wallet {
  balance: number;
  lifetimePoints: number;
  lastEventId: string | null;
  expiring: Array<{ points: number; expiresAt: string }>;
  history: { edges: Array<{ node: { kind: string; points: number; sourceType: string; sourceId: string } }> };
}

const limits = { transferMaxPoints: 300, transferDailyMaxPoints: 500 };
const codeOf = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.code;

describe('giving points to another member', () => {
  const clock = new TestClock(new Date('2026-04-01T09:00:00Z'));
  let graph: TestGraph;

  beforeAll(async () => {
    graph = await startTestGraph({
      clock: clock.now,
      ledgerPolicy: {
        ...defaultLedgerPolicy,
        ...limits,
        expiry: { kind: 'AFTER_EARNING', months: 12 },
        expiryNoticeDays: 14,
        jobIntervalMs: 0,
      },
    });
    await setEarnRate(graph, 'EUR', 1, 100);
  });
  afterAll(() => graph?.stop());

  /** A member with `points` spendable points, earned by a purchase, and a client signed in as them. */
  async function memberWith(points: number, name = 'Giver'): Promise<{ id: string; client: GraphClient }> {
    const { id } = await enrollMember(graph, name);
    if (points > 0) {
      const lines = [{ sku: 'GIFT-CARD', quantity: 1, unitPrice: points * 100 }];
      await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(id, { lines }) });
    }
    return { id, client: await graph.as({ role: 'member', subject: id }) };
  }

  const transfer = (client: GraphClient, input: TransferInput) =>
    client.request<TransferData, { input: TransferInput }>(transferMutation, { input });
  const wallet = async (id: string) =>
    (await graph.admin.data<{ customer: { loyalty: Wallet } }, { id: string }>(walletQuery, { id })).customer.loyalty;
  const events = async (type: string, customerId: string) =>
    (
      await graph.database.db.query<{ payload: Record<string, unknown> }>(
        'select payload from ledger.events where type = $1 and aggregate_id = $2 order by id',
        [type, customerId],
      )
    ).rows.map((row) => row.payload);

  it("moves points from one member to another at once, shown in both members' balances and histories", async () => {
    const mia = await memberWith(200, 'Mia');
    const oli = await memberWith(0, 'Oli');
    const before = await wallet(oli.id);
    // A day after Mia earned them, so that points keeping their expiry is told apart from a fresh expiry.
    clock.advanceDays(1);

    const result = await transfer(mia.client, {
      toCustomerId: oli.id,
      points: 80,
      idempotencyKey: 'birthday',
      note: 'Happy birthday!',
    });
    expect(result.errors).toBeUndefined();
    const sent = result.data!.transferPoints;
    expect(sent).toMatchObject({
      fromCustomerId: mia.id,
      toCustomerId: oli.id,
      points: 80,
      note: 'Happy birthday!',
      actor: `member:${mia.id}`,
    });

    const [giver, recipient] = await Promise.all([wallet(mia.id), wallet(oli.id)]);
    expect(giver).toMatchObject({ balance: 120, lifetimePoints: 200 });
    // Given points are not earned: they raise neither lifetime points nor the recipient's tier.
    expect(recipient).toMatchObject({ balance: 80, lifetimePoints: 0 });
    expect(giver.history.edges[0]!.node).toMatchObject({
      kind: 'TRANSFER_OUT',
      points: -80,
      sourceType: 'TRANSFER',
      sourceId: sent.id,
    });
    expect(recipient.history.edges.map((edge) => edge.node)).toEqual([
      expect.objectContaining({ kind: 'TRANSFER_IN', points: 80, sourceType: 'TRANSFER', sourceId: sent.id }),
    ]);
    // The points keep the expiry date they had.
    expect(recipient.expiring).toEqual([{ points: 80, expiresAt: giver.expiring[0]!.expiresAt }]);
    await expectConsistentLedger(graph, mia.id);
    await expectConsistentLedger(graph, oli.id);

    // Both members read the transfer; a live balance subscription pushes it to the recipient.
    for (const member of [mia, oli]) {
      const page = await member.client.data<{ pointTransfers: { edges: Array<{ node: Transfer }> } }, object>(
        transfersQuery,
        { customerId: member.id },
      );
      expect(page.pointTransfers.edges.map((edge) => edge.node)).toEqual([
        expect.objectContaining({ id: sent.id, points: 80, note: 'Happy birthday!', to: { id: oli.id } }),
      ]);
    }
    const live = await oli.client.subscribe<{ balanceUpdated: Record<string, unknown> }, object>(
      balanceUpdatedSubscription,
      { customerId: oli.id, after: before.lastEventId ?? '0' },
    );
    expect((await live.next()).data?.balanceUpdated).toEqual({
      customerId: oli.id,
      balance: 80,
      change: 80,
      reason: 'Points received from another member',
      transactionId: sent.id,
    });
    live.close();
    expect(await events('PointsTransferred', mia.id)).toEqual([
      {
        customerId: mia.id,
        transferId: sent.id,
        fromCustomerId: mia.id,
        toCustomerId: oli.id,
        points: 80,
        note: 'Happy birthday!',
        occurredAt: clock.now().toISOString(),
      },
    ]);
  });

  it('answers a retried transfer with the first, once even when retries race, and refuses the key for another transfer', async () => {
    const giver = await memberWith(100);
    const recipient = await memberWith(0);
    const input = { toCustomerId: recipient.id, points: 30, idempotencyKey: unique('gift') };
    const results = await Promise.all(Array.from({ length: 3 }, () => transfer(giver.client, input)));
    const ids = new Set(results.map((result) => result.data?.transferPoints.id));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toBeDefined();
    expect((await transfer(giver.client, input)).data?.transferPoints.id).toBe([...ids][0]);

    const changed = await transfer(giver.client, { ...input, points: 31 });
    expect(codeOf(changed)).toBe('CONFLICT');
    expect(await expectConsistentLedger(graph, giver.id)).toMatchObject({ balance: 70, entries: 2 });
    expect(await expectConsistentLedger(graph, recipient.id)).toMatchObject({ balance: 30, entries: 1 });
  });

  it('refuses bad transfers with a code saying why, and changes nothing', async () => {
    const giver = await memberWith(500);
    const recipient = await memberWith(0);
    const totals = async () => [await ledgerTotals(graph, giver.id), await ledgerTotals(graph, recipient.id)];
    const before = await totals();
    const to = recipient.id;
    const key = () => unique('k');
    const cases: Array<[TransferInput, string, Record<string, unknown>?]> = [
      [{ toCustomerId: to, points: 0, idempotencyKey: key() }, 'BAD_USER_INPUT'],
      [{ toCustomerId: to, points: -5, idempotencyKey: key() }, 'BAD_USER_INPUT'],
      [{ toCustomerId: to, points: 5, idempotencyKey: '' }, 'BAD_USER_INPUT'],
      [{ toCustomerId: giver.id, points: 5, idempotencyKey: key() }, 'BAD_USER_INPUT', { argument: 'toCustomerId' }],
      [{ toCustomerId: randomUUID(), points: 5, idempotencyKey: key() }, 'NOT_FOUND', { argument: 'toCustomerId' }],
      [
        { toCustomerId: to, points: 301, idempotencyKey: key() },
        'BAD_USER_INPUT',
        { argument: 'points', limit: 'PER_TRANSFER', maxPoints: 300 },
      ],
      [{ toCustomerId: to, points: 5, idempotencyKey: key(), fromCustomerId: to }, 'FORBIDDEN'],
    ];
    for (const [input, code, details] of cases) {
      const result = await transfer(giver.client, input);
      expect({ input, code: codeOf(result) }).toEqual({ input, code });
      if (details) expect(result.errors![0]!.extensions).toMatchObject(details);
    }
    expect(await totals()).toEqual(before);

    // 300 + 200 reach the daily limit of 500; one point more waits until 24 hours have passed.
    for (const points of [300, 200]) {
      expect((await transfer(giver.client, { toCustomerId: to, points, idempotencyKey: key() })).errors).toBe(
        undefined,
      );
    }
    await transfer(recipient.client, { toCustomerId: giver.id, points: 300, idempotencyKey: key() });
    const overDaily = await transfer(giver.client, { toCustomerId: to, points: 1, idempotencyKey: key() });
    expect(codeOf(overDaily)).toBe('BAD_USER_INPUT');
    expect(overDaily.errors![0]!.extensions).toMatchObject({
      argument: 'points',
      limit: 'ROLLING_24_HOURS',
      pointsLeft: 0,
    });
    clock.advanceDays(1);
    expect((await transfer(giver.client, { toCustomerId: to, points: 200, idempotencyKey: key() })).errors).toBe(
      undefined,
    );
    const overBalance = await transfer(giver.client, { toCustomerId: to, points: 101, idempotencyKey: key() });
    expect(codeOf(overBalance)).toBe('INSUFFICIENT_POINTS');
    expect(await expectConsistentLedger(graph, giver.id)).toMatchObject({ balance: 100 });
    expect(await expectConsistentLedger(graph, recipient.id)).toMatchObject({ balance: 400 });

    // The recipient's four transfers, newest first, two to a page.
    type Page = { pointTransfers: { edges: Array<{ node: Transfer }>; pageInfo: { endCursor: string | null } } };
    const first = await recipient.client.data<Page, object>(transfersQuery, { customerId: to, first: 2 });
    const second = await recipient.client.data<Page, object>(transfersQuery, {
      customerId: to,
      first: 2,
      after: first.pointTransfers.pageInfo.endCursor,
    });
    const points = [...first.pointTransfers.edges, ...second.pointTransfers.edges].map((edge) => edge.node.points);
    expect(points).toEqual([200, 300, 200, 300]);
  });

  it('lets a member give only their own points, an admin give for a member, and no one else', async () => {
    const giver = await memberWith(50);
    const recipient = await memberWith(0);
    const input = { toCustomerId: recipient.id, points: 10, idempotencyKey: unique('k') };
    const associate = await graph.as({ role: 'associate', subject: 'ana@berlin-1', storeId: 'berlin-1' });
    expect(codeOf(await transfer(recipient.client, { ...input, fromCustomerId: giver.id }))).toBe('FORBIDDEN');
    expect(codeOf(await transfer(associate, { ...input, fromCustomerId: giver.id }))).toBe('FORBIDDEN');
    expect(codeOf(await transfer(graph.anonymous, { ...input, fromCustomerId: giver.id }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await transfer(graph.admin, input))).toBe('BAD_USER_INPUT');
    expect(await expectConsistentLedger(graph, giver.id)).toMatchObject({ balance: 50 });

    const byAdmin = await transfer(graph.admin, { ...input, fromCustomerId: giver.id });
    expect(byAdmin.data?.transferPoints).toMatchObject({ fromCustomerId: giver.id, actor: 'admin:test-admin' });
    expect(await expectConsistentLedger(graph, giver.id)).toMatchObject({ balance: 40 });

    // Transfers are read by the members in them and by admins; not by other members or staff at the till.
    const stranger = await memberWith(0);
    for (const client of [stranger.client, associate]) {
      expect(codeOf(await client.request(transfersQuery, { customerId: giver.id }))).toBe('FORBIDDEN');
    }
    const page = await graph.admin.data<{ pointTransfers: { edges: unknown[] } }, object>(transfersQuery, {
      customerId: giver.id,
      first: 1,
    });
    expect(page.pointTransfers.edges).toHaveLength(1);
  });

  it('never overdraws when transfers race, and two members giving to each other at once do not deadlock', async () => {
    const giver = await memberWith(100);
    const recipients = await Promise.all(Array.from({ length: 5 }, () => memberWith(0)));
    const results = await Promise.all(
      recipients.map((recipient) =>
        transfer(giver.client, { toCustomerId: recipient.id, points: 30, idempotencyKey: unique('race') }),
      ),
    );
    const codes = results.map((result) => codeOf(result) ?? 'OK').sort();
    expect(codes).toEqual(['INSUFFICIENT_POINTS', 'INSUFFICIENT_POINTS', 'OK', 'OK', 'OK']);
    expect(await expectConsistentLedger(graph, giver.id)).toMatchObject({ balance: 10 });
    for (const recipient of recipients) await expectConsistentLedger(graph, recipient.id);

    const [a, b] = [await memberWith(100), await memberWith(100)];
    const crossed = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        i % 2 === 0
          ? transfer(a.client, { toCustomerId: b.id, points: 10, idempotencyKey: unique('ab') })
          : transfer(b.client, { toCustomerId: a.id, points: 15, idempotencyKey: unique('ba') }),
      ),
    );
    expect(crossed.map(codeOf)).toEqual(Array(6).fill(undefined));
    expect(await expectConsistentLedger(graph, a.id)).toMatchObject({ balance: 115 });
    expect(await expectConsistentLedger(graph, b.id)).toMatchObject({ balance: 85 });
  });

  it('announces points that expire within the notice window once per lot, to whoever holds them', async () => {
    const giver = await memberWith(100);
    const recipient = await memberWith(0);
    await transfer(giver.client, { toCustomerId: recipient.id, points: 40, idempotencyKey: unique('k') });
    const expiresAt = (await wallet(giver.id)).expiring[0]!.expiresAt;
    const runJob = () => graph.admin.data<{ runPointsJob: { accounts: number } }, never>(runPointsJobMutation);

    // 12 months after earning they expire; 20 days before, it is too early to say so.
    clock.advanceMonths(12);
    clock.advanceDays(-20);
    await runJob();
    expect(await events('PointsExpiring', giver.id)).toEqual([]);

    clock.advanceDays(10);
    await runJob();
    await runJob();
    const noticedAt = clock.now().toISOString();
    expect(await events('PointsExpiring', giver.id)).toEqual([
      { customerId: giver.id, points: 60, expiresAt, occurredAt: noticedAt },
    ]);
    expect(await events('PointsExpiring', recipient.id)).toEqual([
      { customerId: recipient.id, points: 40, expiresAt, occurredAt: noticedAt },
    ]);
    // Points announced are not announced again; points that arrive later are, on their own.
    await transfer(recipient.client, { toCustomerId: giver.id, points: 10, idempotencyKey: unique('k') });
    clock.advanceDays(5);
    await runJob();
    expect((await events('PointsExpiring', giver.id)).map((event) => event.points)).toEqual([60, 10]);
    expect(await events('PointsExpiring', recipient.id)).toHaveLength(1);
  });
});
