import { defaultLedgerPolicy } from '../../subgraphs/ledger/program/ledgerPolicy';
import { launchCampaign, everyoneAudience } from '../campaigns/support';
import { enrollMember, purchaseInput, returnOfOrder, setEarnRate, unique } from '../support/fixtures';
import { expectConsistentLedger, runPointsJobMutation, setTierProgram, TestClock } from '../support/ledger';
import { startTestGraph, type TestGraph } from '../support/testGraph';

const dayMs = 86_400_000;
const start = new Date('2026-05-04T10:00:00Z');

const purchaseMutation = `mutation($input: RecordPurchaseInput!) {
  recordPurchase(input: $input) {
    id pointsEarned occurredAt recordedAt earnings { points ruleId } late { campaigns { kind campaignId gave } }
  }
}`;
const purchasesMutation = `mutation($inputs: [RecordPurchaseInput!]!) {
  recordPurchases(inputs: $inputs) { index purchase { id pointsEarned occurredAt late { judgedAsOf } } error { code field } }
}`;
const returnMutation = `mutation($input: RecordReturnInput!) { recordReturn(input: $input) { id pointsReversed } }`;
const activityMutation = `mutation($input: RecordActivityInput!) { recordActivity(input: $input) { id pointsEarned } }`;

interface PurchaseView {
  id: string;
  pointsEarned: number;
  occurredAt: string;
  recordedAt: string;
  earnings: Array<{ points: number; ruleId: string | null }>;
  late: { campaigns: Array<{ kind: string; campaignId: string; gave: number }> } | null;
}
type Vars = Record<string, unknown>;

async function lotsOf(graph: TestGraph, customerId: string) {
  const { rows } = await graph.database.db.query<{ earned_at: Date; expires_at: Date | null; status: string }>(
    `select earned_at, expires_at, status from ledger.lots where customer_id = $1 order by id`,
    [customerId],
  );
  return rows;
}

async function eventsOf(graph: TestGraph, type: string, aggregateId: string) {
  const { rows } = await graph.database.db.query<{ payload: { occurredAt: string } }>(
    `select payload from ledger.events where type = $1 and aggregate_id = $2 order by id`,
    [type, aggregateId],
  );
  return rows.map((row) => row.payload);
}

const lateFields = `late {
  judgedAsOf recordedAt tier
  campaigns { kind campaignId campaignName capPeriod periodStart wouldHaveGiven gave }
}`;
const latePurchaseMutation = `mutation($input: RecordPurchaseInput!) {
  recordPurchase(input: $input) { id pointsEarned earnings { points reason ruleId } ${lateFields} }
}`;

interface LateView {
  judgedAsOf: string;
  recordedAt: string;
  tier: string | null;
  campaigns: Array<{
    kind: string;
    campaignId: string;
    campaignName: string;
    capPeriod: string;
    periodStart: string | null;
    wouldHaveGiven: number;
    gave: number;
  }>;
}
interface LatePurchaseView {
  id: string;
  pointsEarned: number;
  earnings: Array<{ points: number; reason: string; ruleId: string | null }>;
  late: LateView | null;
}

describe('occurredAt: purchases, returns and activities with a time of their own', () => {
  const clock = new TestClock(start);
  let graph: TestGraph;
  const ago = (days: number) => new Date(clock.now().getTime() - days * dayMs).toISOString();

  beforeAll(async () => {
    graph = await startTestGraph({
      clock: clock.now,
      ledgerPolicy: { ...defaultLedgerPolicy, jobIntervalMs: 0, expiry: { kind: 'AFTER_EARNING', months: 24 } },
    });
    await setEarnRate(graph, 'EUR', 1, 100);
  });
  afterAll(() => graph?.stop());

  const record = (input: Vars) =>
    graph.admin.request<{ recordPurchase: PurchaseView }, Vars>(purchaseMutation, { input });

  it('earns for a sale 10 days ago, with the lot, the order and the event dated then; a retry answers the first result', async () => {
    const member = await enrollMember(graph);
    const occurredAt = ago(10);
    const input = purchaseInput(member.id, { occurredAt });
    const first = await record(input);
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordPurchase).toMatchObject({ pointsEarned: 25, occurredAt });
    expect(first.data!.recordPurchase.occurredAt).not.toBe(first.data!.recordPurchase.recordedAt);

    const [lot] = await lotsOf(graph, member.id);
    expect(lot!.earned_at.toISOString()).toBe(occurredAt);
    expect(lot!.expires_at!.toISOString()).toBe('2028-04-24T10:00:00.000Z');
    const [event] = await eventsOf(graph, 'PurchaseRecorded', member.id);
    expect(event!.occurredAt).toBe(occurredAt);

    clock.advanceDays(1);
    const retry = await record(input);
    expect(retry.data!.recordPurchase).toEqual(first.data!.recordPurchase);
    expect(await expectConsistentLedger(graph, member.id)).toMatchObject({ balance: 25, entries: 1 });
  });

  it('behaves as today without occurredAt: the sale happened when it was recorded', async () => {
    const member = await enrollMember(graph);
    const { data } = await record(purchaseInput(member.id));
    expect(data!.recordPurchase.occurredAt).toBe(clock.now().toISOString());
    const [lot] = await lotsOf(graph, member.id);
    expect(lot!.earned_at.toISOString()).toBe(clock.now().toISOString());
  });

  it('judges campaigns as of the sale: one live then and ended since applies, one scheduled after it does not', async () => {
    const marketer = await graph.as({ role: 'marketer', subject: 'mara' });
    const sku = unique('SKU');
    const now = clock.now().getTime();
    const iso = (days: number) => new Date(now + days * dayMs).toISOString();
    const past = await launchCampaign(marketer, {
      name: unique('Was live'),
      reward: { kind: 'FIXED_BONUS', points: 100 },
      audience: { ...everyoneAudience, skus: [sku] },
      schedule: { startsAt: iso(0.01), endsAt: iso(3), weekly: [] },
    });
    const later = await launchCampaign(marketer, {
      name: unique('Starts later'),
      reward: { kind: 'FIXED_BONUS', points: 7 },
      audience: { ...everyoneAudience, skus: [sku] },
      schedule: { startsAt: iso(6), weekly: [] },
    });
    clock.advanceDays(10); // the first ended 7 days ago, the second is live now
    const member = await enrollMember(graph);
    const lines = [{ sku, quantity: 1, unitPrice: 4000 }];
    const late = await record(purchaseInput(member.id, { lines, occurredAt: ago(8) }));
    expect(late.errors).toBeUndefined();
    const byRule = (purchase: PurchaseView, id: string) =>
      purchase.earnings.filter((e) => e.ruleId === `campaign:${id}`).reduce((sum, e) => sum + e.points, 0);
    expect(byRule(late.data!.recordPurchase, past.id)).toBe(100);
    expect(byRule(late.data!.recordPurchase, later.id)).toBe(0);
    // The first is told as ended since; the second, which did not apply, is not a campaign the quote judged.
    expect(late.data!.recordPurchase.late!.campaigns).toEqual([
      { kind: 'ENDED_SINCE', campaignId: past.id, gave: 100 },
    ]);
    const today = await record(purchaseInput(member.id, { lines }));
    expect(byRule(today.data!.recordPurchase, past.id)).toBe(0);
    expect(byRule(today.data!.recordPurchase, later.id)).toBe(7);
  });

  it('refuses a sale too old or in the future, and a return before its purchase, with BAD_USER_INPUT on occurredAt, changing nothing', async () => {
    const member = await enrollMember(graph);
    for (const occurredAt of [ago(defaultLedgerPolicy.maxLatenessDays + 1), ago(-1 / 24)]) {
      const refused = await record(purchaseInput(member.id, { occurredAt }));
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'occurredAt' });
    }
    const batch = await graph.admin.request<{ recordPurchases: unknown[] }, Vars>(purchasesMutation, {
      inputs: [purchaseInput(member.id, { occurredAt: ago(31) }), purchaseInput(member.id, { occurredAt: ago(2) })],
    });
    expect(batch.data!.recordPurchases).toEqual([
      { index: 0, purchase: null, error: { code: 'BAD_USER_INPUT', field: 'occurredAt' } },
      {
        index: 1,
        // A new sale of a batch is posted with the others: its lateness is told as a single call's is.
        purchase: expect.objectContaining({ pointsEarned: 25, occurredAt: ago(2), late: { judgedAsOf: ago(2) } }),
        error: null,
      },
    ]);
    expect(await expectConsistentLedger(graph, member.id)).toMatchObject({ balance: 25, entries: 1 });

    const order = purchaseInput(member.id, { occurredAt: ago(5) });
    await record(order);
    const returnInput = (occurredAt: string) => ({
      channel: order.channel,
      storeId: order.storeId,
      externalReturnId: unique('ret'),
      originalOrder: { channel: order.channel, storeId: order.storeId, externalOrderId: order.externalOrderId },
      lines: [{ sku: 'SHIRT-M', quantity: 1 }],
      occurredAt,
    });
    const early = await graph.admin.request(returnMutation, { input: returnInput(ago(6)) });
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'occurredAt' });
    const tooLate = await graph.admin.request(returnMutation, { input: returnInput(ago(-1)) });
    expect(tooLate.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'occurredAt' });
    expect(await expectConsistentLedger(graph, member.id)).toMatchObject({ balance: 50, entries: 2 });

    const returned = await graph.admin.request<{ recordReturn: { id: string } }, Vars>(returnMutation, {
      input: returnInput(ago(4)),
    });
    expect(returned.errors).toBeUndefined();
    const [event] = await eventsOf(graph, 'ReturnRecorded', member.id);
    expect(event!.occurredAt).toBe(ago(4));
  });

  it('dates an activity by its occurredAt and refuses one too old', async () => {
    const member = await enrollMember(graph);
    const activity = (occurredAt: string) => ({
      customerId: member.id,
      kind: 'PRODUCT_REVIEW',
      externalId: unique('review'),
      channel: 'ONLINE',
      occurredAt,
    });
    const ok = await graph.admin.request(activityMutation, { input: activity(ago(3)) });
    expect(ok.errors).toBeUndefined();
    const old = await graph.admin.request(activityMutation, { input: activity(ago(40)) });
    expect(old.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'occurredAt' });
  });

  const recordLate = async (input: Vars) => {
    const { data, errors } = await graph.admin.request<{ recordPurchase: LatePurchaseView }, Vars>(
      latePurchaseMutation,
      { input },
    );
    expect(errors).toBeUndefined();
    return data!.recordPurchase;
  };

  it("reports a capped campaign whose cap in the sale's past period was used up; an on-time sale has late: null; a retry answers the same", async () => {
    const marketer = await graph.as({ role: 'marketer', subject: 'mara' });
    const sku = unique('SKU');
    const once = await launchCampaign(marketer, {
      name: unique('Once a month'),
      reward: { kind: 'FIXED_BONUS', points: 50 },
      audience: { ...everyoneAudience, skus: [sku] },
      limits: { capPeriod: 'MONTH', perCustomerGrants: 1 },
      schedule: { startsAt: new Date(clock.now().getTime() + 60_000).toISOString(), weekly: [] },
    });
    clock.advanceDays(1);
    const member = await enrollMember(graph);
    const lines = [{ sku, quantity: 1, unitPrice: 2000 }];
    const sold = clock.now();
    const monthStart = new Date(Date.UTC(sold.getUTCFullYear(), sold.getUTCMonth(), 1)).toISOString();
    const first = await recordLate(purchaseInput(member.id, { lines }));
    expect(first).toMatchObject({ pointsEarned: 70, late: null });

    // The 4th of next month: a sale an hour after the first, synced now, counts in the first's month
    // (the program's time zone is UTC), whose one grant is used.
    const nextMonth = Date.UTC(sold.getUTCFullYear(), sold.getUTCMonth() + 1, 4, 10);
    clock.advanceDays((nextMonth - sold.getTime()) / dayMs);
    const occurredAt = new Date(sold.getTime() + 3_600_000).toISOString();
    const input = purchaseInput(member.id, { lines, occurredAt });
    const late = await recordLate(input);
    expect(late.pointsEarned).toBe(20);
    expect(late.late).toEqual({
      judgedAsOf: occurredAt,
      recordedAt: clock.now().toISOString(),
      tier: null,
      campaigns: [
        {
          kind: 'CAPPED',
          campaignId: once.id,
          campaignName: once.name,
          capPeriod: 'MONTH',
          periodStart: monthStart,
          wouldHaveGiven: 50,
          gave: 0,
        },
      ],
    });

    const onTime = await recordLate(purchaseInput(member.id, { lines }));
    expect(onTime).toMatchObject({ pointsEarned: 70, late: null });

    clock.advanceDays(1);
    expect(await recordLate(input)).toEqual(late);
    const batch = await graph.admin.request<{ recordPurchases: Array<{ purchase: LatePurchaseView }> }, Vars>(
      `mutation($inputs: [RecordPurchaseInput!]!) { recordPurchases(inputs: $inputs) { purchase { id ${lateFields} } } }`,
      { inputs: [input] },
    );
    expect(batch.data!.recordPurchases[0]!.purchase).toEqual({ id: late.id, late: late.late });
    expect(await expectConsistentLedger(graph, member.id)).toMatchObject({ balance: 160, entries: 5 });
  });

  it('reports the tier a late sale, return and activity were judged with: the one at recording, not at the time', async () => {
    await setTierProgram(graph, 12, [
      { name: 'Member', qualifyingPoints: 0 },
      { name: 'Silver', qualifyingPoints: 30, multiplierPercent: 150 },
    ]);
    const member = await enrollMember(graph);
    // Today's sale earns 40 and makes the member Silver; one of 5 days ago, synced after, earns as Silver.
    await recordLate(purchaseInput(member.id, { lines: [{ sku: 'TEA', quantity: 1, unitPrice: 4000 }] }));
    const occurredAt = ago(5);
    const order = purchaseInput(member.id, { occurredAt });
    const late = await recordLate(order);
    expect(late.earnings.map((earning) => earning.ruleId)).toEqual(['base:EUR', 'tier:Silver']);
    expect(late.late).toEqual({
      judgedAsOf: occurredAt,
      recordedAt: clock.now().toISOString(),
      tier: 'Silver',
      campaigns: [],
    });

    const returned = await graph.admin.request<{ recordReturn: { late: LateView | null } }, Vars>(
      `mutation($input: RecordReturnInput!) { recordReturn(input: $input) { ${lateFields} } }`,
      { input: { ...returnOfOrder(order, [{ sku: 'SHIRT-M', quantity: 1 }]), occurredAt: ago(4) } },
    );
    expect(returned.data!.recordReturn.late).toMatchObject({ judgedAsOf: ago(4), tier: 'Silver', campaigns: [] });

    const activity = (occurredAt?: string) =>
      graph.admin.request<{ recordActivity: { late: LateView | null } }, Vars>(
        `mutation($input: RecordActivityInput!) { recordActivity(input: $input) { ${lateFields} } }`,
        {
          input: {
            customerId: member.id,
            kind: 'PRODUCT_REVIEW',
            externalId: unique('review'),
            channel: 'ONLINE',
            occurredAt,
          },
        },
      );
    expect((await activity(ago(3))).data!.recordActivity.late).toMatchObject({ judgedAsOf: ago(3), tier: 'Silver' });
    // Within the clock skew is on time.
    expect((await activity(ago(1 / 24 / 60))).data!.recordActivity.late).toBeNull();
  });
});

describe('occurredAt: a lot already past its expiry when recorded', () => {
  const clock = new TestClock(start);
  let graph: TestGraph;

  beforeAll(async () => {
    graph = await startTestGraph({
      clock: clock.now,
      ledgerPolicy: {
        ...defaultLedgerPolicy,
        jobIntervalMs: 0,
        maxLatenessDays: 60,
        expiry: { kind: 'AFTER_EARNING', months: 1 },
      },
    });
    await setEarnRate(graph, 'EUR', 1, 100);
  });
  afterAll(() => graph?.stop());

  it('is posted as earned then and expires on the next points job', async () => {
    const member = await enrollMember(graph);
    const occurredAt = new Date(clock.now().getTime() - 40 * dayMs).toISOString();
    const { errors } = await graph.admin.request(purchaseMutation, { input: purchaseInput(member.id, { occurredAt }) });
    expect(errors).toBeUndefined();
    const [lot] = await lotsOf(graph, member.id);
    expect(lot!.expires_at!.getTime()).toBeLessThan(clock.now().getTime());
    expect(await expectConsistentLedger(graph, member.id)).toMatchObject({ balance: 25, lifetimePoints: 25 });
    await graph.admin.data(runPointsJobMutation);
    expect(await expectConsistentLedger(graph, member.id)).toMatchObject({ balance: 0, lifetimePoints: 25 });
  });
});
