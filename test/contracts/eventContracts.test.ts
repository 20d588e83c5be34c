import { randomUUID } from 'node:crypto';
import type { AnyEventContract, CommittedEvent } from '../../runtime/events/eventContract';
import { subgraphNames, type SubgraphName } from '../../subgraphs/registry';
import { contractOf, eventCatalogue } from '../../subgraphs/eventCatalogue';
import { eventConsumers } from '../../subgraphs/eventConsumers';
import { webhookEventTypes } from '../../subgraphs/engagement/webhooks/webhookEventTypes';
import { defaultLedgerPolicy } from '../../subgraphs/ledger/program/ledgerPolicy';
import { refreshHistoryMutation } from '../campaigns/support';
import { eventually } from '../support/eventually';
import { postImportBatch, importRecords } from '../support/imports';
import { enrollMember, purchaseInput, returnOfOrder, setEarnRate, unique } from '../support/fixtures';
import { runPointsJobMutation, setTierProgram } from '../support/ledger';
import { startTestGraph, type GraphClient, type TestGraph } from '../support/testGraph';

/**
 * The contracts between subgraphs, checked on real rows: a tour through the gateway makes every
 * subgraph write every event type it has, then every row of every outbox is decoded with its
 * producer's contract, and with the contracts each consumer reads it by. A writer that renames or
 * retypes a field, or a new event type nobody declared, fails here.
 */

type Vars = Record<string, unknown>;

interface WrittenEvent extends CommittedEvent {
  owner: SubgraphName;
  id: number;
  type: string;
  version: number;
  aggregateId: string;
}

interface OutboxRow {
  id: number | string;
  type: string;
  version: number;
  aggregate_id: string;
  payload: unknown;
  created_at: Date | string;
}

/** Every event of every outbox, oldest first per subgraph. */
async function readOutboxes(graph: TestGraph): Promise<WrittenEvent[]> {
  const written: WrittenEvent[] = [];
  for (const owner of subgraphNames) {
    const { rows } = await graph.database.db.query<OutboxRow>(
      `select id, type, version, aggregate_id, payload, created_at from ${owner}.events order by id`,
    );
    for (const row of rows) {
      written.push({
        owner,
        id: Number(row.id),
        type: row.type,
        version: row.version,
        aggregateId: row.aggregate_id,
        payload: typeof row.payload === 'string' ? (JSON.parse(row.payload) as unknown) : row.payload,
        createdAt: new Date(row.created_at),
      });
    }
  }
  return written;
}

const label = (event: WrittenEvent) => `${event.owner} ${event.type} v${event.version}`;
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Decodes `event` with `contract`; a failure as `owner type vN: message`, or undefined. */
function decodeFailure(contract: AnyEventContract, event: WrittenEvent): string | undefined {
  try {
    contract.decode({ type: event.type, version: event.version, payload: event.payload, createdAt: event.createdAt });
    return undefined;
  } catch (error) {
    return `${label(event)}: ${messageOf(error)}`;
  }
}

/** How many events of `type` `owner`'s outbox holds. */
async function countOf(graph: TestGraph, owner: SubgraphName, type: string): Promise<number> {
  const { rows } = await graph.database.db.query<{ count: number | string }>(
    `select count(*) as count from ${owner}.events where type = $1`,
    [type],
  );
  return Number(rows[0]!.count);
}

/** The clients the tour acts as, and the members it makes. */
interface Tour {
  graph: TestGraph;
  marketer: GraphClient;
  till: GraphClient;
  member: { id: string; app: GraphClient };
  friend: { id: string };
}

const purchaseMutation = `mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { id pointsEarned } }`;
const campaignMutation = (name: string, args: string) =>
  `mutation($id: ID!${args ? `, ${args}` : ''}) { ${name}(id: $id${args ? ', input: $input' : ''}) { id status } }`;

// One step per event family, in an order each step can rely on.

/** campaign: CampaignProgramChanged, EarnRateChanged. */
async function programSettings({ marketer, graph }: Tour) {
  await marketer.data(`mutation { setCampaignProgram(input: { timeZone: "UTC", currency: "EUR" }) { currency } }`);
  await setEarnRate(graph, 'EUR', 1, 100);
}

/** campaign: SegmentDefined, SegmentRemoved. */
async function segments({ marketer }: Tour) {
  await marketer.data(
    `mutation { defineSegment(input: { key: "big-spenders", name: "Big spenders", rule: { minSpend: 100000,
       channelsAny: [], channelsAll: [], tiers: [] } }) { key } }`,
  );
  await marketer.data(`mutation { removeSegment(key: "big-spenders") }`);
}

/** campaign: BadgeDefined (twice), BadgeUpdated, BadgeRetired; "first-purchase" stays for BadgeEarned. */
async function badgeDefinitions({ marketer }: Tour) {
  const define = `mutation($input: BadgeInput!) { defineBadge(input: $input) { key } }`;
  await marketer.data(define, {
    input: { key: 'first-purchase', name: 'First purchase', rule: { count: 1 }, pointsOnCompletion: 5 },
  });
  await marketer.data(define, { input: { key: 'five-visits', name: 'Five visits', rule: { count: 5 } } });
  await marketer.data(`mutation { updateBadge(key: "five-visits", input: { pointsOnCompletion: 10 }) { key } }`);
  await marketer.data(`mutation { retireBadge(key: "five-visits") { retiredAt } }`);
}

/** campaign: CampaignCreated, CampaignUpdated, CampaignScheduled, CampaignPaused, CampaignEnded. */
async function campaignLifecycle({ marketer }: Tour) {
  const input = { name: 'Spring double points', reward: { kind: 'MULTIPLIER', multiplierPercent: 200 } };
  const { createCampaign } = await marketer.data<{ createCampaign: { id: string } }, Vars>(
    `mutation($input: CampaignInput!) { createCampaign(input: $input) { id } }`,
    { input: { name: 'Spring bonus', reward: { kind: 'FIXED_BONUS', points: 5 } } },
  );
  const id = createCampaign.id;
  await marketer.data(campaignMutation('updateCampaign', '$input: CampaignInput!'), { id, input });
  for (const step of ['scheduleCampaign', 'pauseCampaign', 'endCampaign'])
    await marketer.data(campaignMutation(step, ''), { id });
}

/**
 * profile: CustomerEnrolled (the member and a friend), ProfileUpdated, ConsentChanged, MemberCardRotated, FeedbackRecorded,
 * CustomerEventTracked.
 */
async function profiles(tour: Tour) {
  const { graph, till } = tour;
  const { id } = await enrollMember(graph, 'Ada', 'Lovelace');
  tour.member = { id, app: await graph.as({ role: 'member', subject: id }) };
  tour.friend = await enrollMember(graph, 'Ben', 'Friend');
  const app = tour.member.app;
  await app.data(
    `mutation($id: ID!) { updateProfile(customerId: $id, input: { birthday: "1990-12-10", language: "en-GB",
       attributes: { size: "M" } }) { id } }`,
    { id },
  );
  await till.data(
    `mutation($id: ID!) { setConsent(customerId: $id, input: { channel: EMAIL, granted: true, source: "till" }) { id } }`,
    { id },
  );
  await app.data(`mutation($id: ID!) { rotateMemberCard(customerId: $id) { id } }`, { id });
  await app.data(`mutation($input: RecordFeedbackInput!) { recordFeedback(input: $input) { score } }`, {
    input: { customerId: id, score: 9, comment: 'Friendly staff', channel: 'MOBILE_APP' },
  });
  await tour.marketer.data(
    `mutation { defineEventType(input: { name: "review.submitted", membersMaySend: true,
       properties: [{ name: "rating", kind: NUMBER, required: true }, { name: "skus", kind: SKU_LIST }] }) { version } }`,
  );
  await app.data(`mutation($input: TrackEventInput!) { trackEvent(input: $input) { id } }`, {
    input: {
      customerId: id,
      type: 'review.submitted',
      properties: { rating: 5, skus: ['SHIRT-M'] },
      channel: 'MOBILE_APP',
      idempotencyKey: unique('review'),
    },
  });
}

/**
 * campaign: AbsenceTriggered (a review ten minutes old, with a one-minute wait, is due at once for
 * the friend: the member's own review may have started a wait of its own).
 */
async function absence({ graph, marketer, friend }: Tour) {
  await marketer.data(
    `mutation { defineAbsenceTrigger(input: { key: "tour-after-review", name: "After a review", start: CUSTOM_EVENT,
       eventType: "review.submitted", waitMinutes: 1, bonusPoints: 5 }) { key } }`,
  );
  await graph.admin.data(`mutation($input: TrackEventInput!) { trackEvent(input: $input) { id } }`, {
    input: {
      customerId: friend.id,
      type: 'review.submitted',
      properties: { rating: 4 },
      channel: 'ONLINE',
      idempotencyKey: unique('review'),
      occurredAt: new Date(Date.now() - 600_000).toISOString(),
    },
  });
  await eventually(
    async () => {
      await graph.admin.data(`mutation { runAbsenceTriggers { fired } }`);
      return countOf(graph, 'campaign', 'AbsenceTriggered');
    },
    (count) => count > 0,
    'the absence scheduler to write AbsenceTriggered',
  );
}

/**
 * ledger: PurchaseRecorded, BalanceUpdated and TierChanged (Silver from 10 points), then
 * ReturnRecorded for one of the four shirts.
 */
async function purchasesAndReturns({ graph, till, member }: Tour) {
  await setTierProgram(graph, 12, [
    { name: 'Member', qualifyingPoints: 0 },
    { name: 'Silver', qualifyingPoints: 10, multiplierPercent: 100 },
  ]);
  const order = purchaseInput(member.id, {
    lines: [{ sku: 'SHIRT-M', category: 'apparel', quantity: 4, unitPrice: 2500 }],
  });
  const { recordPurchase } = await till.data<{ recordPurchase: { pointsEarned: number } }, Vars>(purchaseMutation, {
    input: order,
  });
  expect(recordPurchase.pointsEarned).toBe(100);
  await till.data(`mutation($input: RecordReturnInput!) { recordReturn(input: $input) { pointsReversed } }`, {
    input: returnOfOrder(order, [{ sku: 'SHIRT-M', quantity: 1 }]),
  });
}

/**
 * ledger: PointsHeld, PointsHoldCaptured (a €20 basket paid 20 points' worth), PointsPaymentRefunded
 * (one of its two shirts returned) and PointsHoldReleased (a second hold the member paid in cash).
 */
async function pointsPayments({ marketer, till, member }: Tour) {
  await marketer.data(
    `mutation($input: SetPointsPaymentRateInput!) { setPointsPaymentRate(input: $input) { currency } }`,
    { input: { currency: 'EUR', points: 100, perAmount: 100, minPoints: 10, maxSharePercent: 50, pointsStep: 10 } },
  );
  const hold = async (points: number) =>
    (
      await till.data<{ holdPoints: { id: string } }, Vars>(
        `mutation($input: HoldPointsInput!) { holdPoints(input: $input) { id } }`,
        {
          input: {
            customerId: member.id,
            channel: 'IN_STORE',
            storeId: 'berlin-1',
            currency: 'EUR',
            points,
            idempotencyKey: unique('hold'),
          },
        },
      )
    ).holdPoints.id;
  const order = purchaseInput(member.id, {
    lines: [{ sku: 'SHIRT-M', category: 'apparel', quantity: 2, unitPrice: 1000 }],
    pointsPayment: { holdId: await hold(20) },
  });
  await till.data(purchaseMutation, { input: order });
  await till.data(`mutation($input: RecordReturnInput!) { recordReturn(input: $input) { pointsReversed } }`, {
    input: returnOfOrder(order, [{ sku: 'SHIRT-M', quantity: 1 }]),
  });
  await till.data(`mutation($id: ID!) { releasePointsHold(holdId: $id) { status } }`, { id: await hold(10) });
}

/** ledger: WalletBalanceChanged (store credit given, then spent). */
async function wallets({ marketer, graph, member }: Tour) {
  await marketer.data(`mutation($input: DefineWalletInput!) { defineWallet(input: $input) { code } }`, {
    input: { code: 'GIFT', kind: 'STORE_CREDIT', name: 'Store credit', currency: 'EUR' },
  });
  await marketer.data(`mutation($input: AdjustWalletInput!) { adjustWallet(input: $input) { balanceAfter } }`, {
    input: { customerId: member.id, wallet: 'GIFT', amount: 500, reason: 'Goodwill', idempotencyKey: unique('gift') },
  });
  await graph.admin.data(`mutation($input: SpendWalletInput!) { spendWallet(input: $input) { balanceAfter } }`, {
    input: { customerId: member.id, wallet: 'GIFT', amount: 200, reason: 'Order W-1', idempotencyKey: unique('spend') },
  });
}

/** ledger: PointsExpiring (points expire a month after earning, announced up to 60 days before). */
async function expiryNotice({ graph }: Tour) {
  await graph.admin.data(runPointsJobMutation);
}

/** ledger: ActivityCredited, with the line of a live review campaign (campaign: CampaignCreated, CampaignScheduled). */
async function activities({ marketer, graph, member }: Tour) {
  const { createCampaign } = await marketer.data<{ createCampaign: { id: string } }, Vars>(
    `mutation($input: CampaignInput!) { createCampaign(input: $input) { id } }`,
    {
      input: {
        name: 'Review reward',
        trigger: 'ACTIVITY',
        activityKind: 'PRODUCT_REVIEW',
        reward: { kind: 'FIXED_BONUS', points: 10 },
      },
    },
  );
  await marketer.data(campaignMutation('scheduleCampaign', ''), { id: createCampaign.id });
  const { recordActivity } = await graph.admin.data<{ recordActivity: { pointsEarned: number } }, Vars>(
    `mutation($input: RecordActivityInput!) { recordActivity(input: $input) { pointsEarned } }`,
    { input: { customerId: member.id, kind: 'PRODUCT_REVIEW', externalId: unique('review'), channel: 'ONLINE' } },
  );
  expect(recordActivity.pointsEarned).toBe(10);
}

/** ledger: PointsTransferred (the member gives the friend 5 points). */
async function transfers({ member, friend }: Tour) {
  await member.app.data(`mutation($input: TransferPointsInput!) { transferPoints(input: $input) { points } }`, {
    input: { toCustomerId: friend.id, points: 5, idempotencyKey: randomUUID(), note: 'For the coffee' },
  });
}

/**
 * profile: MembersImported; ledger: OrdersImported and TiersImported — one batch each, posted as the
 * gateway's import job does, the ledger's naming the member the profile's batch imported.
 */
async function imports({ graph }: Tour) {
  const memberKey = unique('old');
  const members = await postImportBatch(graph, 'MEMBERS', {
    records: importRecords([
      { memberKey, givenName: 'Imma', email: `${unique('imma')}@example.com`, consent: { EMAIL: { granted: true } } },
    ]),
  });
  expect(members).toEqual({ applied: 1, skipped: 0, errors: [] });
  const post = async (kind: 'ORDERS' | 'TIERS', fields: Record<string, unknown>) => {
    expect(await postImportBatch(graph, kind, { records: importRecords([fields], 2) })).toEqual({
      applied: 1,
      skipped: 0,
      errors: [],
    });
  };
  await post('ORDERS', {
    orderKey: 'legacy-1',
    memberKey,
    occurredAt: '2025-01-15T10:00:00Z',
    channel: 'ONLINE',
    currency: 'EUR',
    lines: [{ sku: 'BOOK', category: null, quantity: 1, unitPrice: 1999 }],
  });
  await post('TIERS', { memberKey, tier: 'Silver' });
}

/**
 * rewards: RewardCreated, RewardDeactivated, RewardActivated, RewardIssued (twice), VoucherConsumed,
 * VoucherCancelled, BirthdayRewardSet.
 */
async function rewards({ marketer, till, member }: Tour) {
  const { createReward } = await marketer.data<{ createReward: { id: string } }, Vars>(
    `mutation($input: CreateRewardInput!) { createReward(input: $input) { id } }`,
    {
      input: {
        name: 'Five euros off',
        kind: 'FIXED_DISCOUNT',
        valueAmount: 500,
        valueCurrency: 'EUR',
        costPoints: 20,
        stock: 10,
      },
    },
  );
  const rewardId = createReward.id;
  const setActive = `mutation($id: ID!, $active: Boolean!) { setRewardActive(id: $id, active: $active) { active } }`;
  await marketer.data(setActive, { id: rewardId, active: false });
  await marketer.data(setActive, { id: rewardId, active: true });
  const redeem = async () =>
    (
      await member.app.data<{ redeemReward: { voucher: { code: string } } }, Vars>(
        `mutation($input: RedeemRewardInput!) { redeemReward(input: $input) { voucher { code } } }`,
        { input: { redemptionId: randomUUID(), rewardId, customerId: member.id, channel: 'MOBILE_APP' } },
      )
    ).redeemReward.voucher.code;
  const used = await redeem();
  await till.data(`mutation($input: ConsumeVoucherInput!) { consumeVoucher(input: $input) { status } }`, {
    input: { code: used, channel: 'IN_STORE', storeId: 'berlin-1', orderReference: 'till-3/0815' },
  });
  const unused = await redeem();
  await member.app.data(`mutation($code: String!) { cancelVoucher(code: $code) { status } }`, { code: unused });
  await marketer.data(`mutation($id: ID) { setBirthdayReward(rewardId: $id) { id } }`, { id: rewardId });
}

/**
 * engagement: MessageSent (the member's messages so far, sent by one run), MessageResponded (the
 * provider reports an open).
 */
async function messages({ graph, member }: Tour) {
  await graph.admin.data(`mutation { runNotifications { sent } }`);
  const { customer } = await graph.admin.data<
    { customer: { notifications: { edges: Array<{ node: { id: string; status: string } }> } } },
    Vars
  >(`query($id: ID!) { customer(id: $id) { notifications(first: 10) { edges { node { id status } } } } }`, {
    id: member.id,
  });
  const sent = customer.notifications.edges.find((edge) => edge.node.status === 'SENT')!;
  const provider = await graph.as({ role: 'service', subject: 'email-provider', channel: 'ONLINE' });
  await provider.data(
    `mutation($id: ID!) { recordMessageResponse(input: { messageId: $id, response: OPENED }) { response } }`,
    { id: sent.node.id },
  );
}

/** campaign: LeaderboardJoined, LeaderboardLeft. */
async function leaderboards({ member }: Tour) {
  await member.app.data(`mutation { joinLeaderboards(displayName: "Ada L.") { displayName } }`);
  await member.app.data(`mutation { leaveLeaderboards }`);
}

/** campaign: BadgeEarned ("first-purchase", when the history follower reads the member's purchase). */
async function badgeEarned({ graph }: Tour) {
  await eventually(
    async () => {
      await graph.admin.data(refreshHistoryMutation);
      return countOf(graph, 'campaign', 'BadgeEarned');
    },
    (count) => count > 0,
    'the badge tracker to write BadgeEarned',
  );
}

/** profile: CustomerEnrolled, CustomersMerged; ledger: AccountsMerged (the ledger follows the merge). */
async function merges({ graph, till, friend }: Tour) {
  const duplicate = await enrollMember(graph, 'Ben', 'Friend');
  await till.data(purchaseMutation, { input: purchaseInput(duplicate.id) });
  await graph.admin.data(
    `mutation($s: ID!, $m: ID!) { mergeCustomers(survivorId: $s, mergedId: $m, reason: "Same person") { mergedId } }`,
    { s: friend.id, m: duplicate.id },
  );
  await eventually(
    () => countOf(graph, 'ledger', 'AccountsMerged'),
    (count) => count > 0,
    'the ledger to write AccountsMerged',
  );
}

/** profile: CustomerEnrolled, CustomerErased. */
async function erasures({ graph }: Tour) {
  const leaving = await enrollMember(graph, 'Leo', 'Leaving');
  await graph.admin.data(`mutation($id: ID!) { eraseCustomer(customerId: $id, reason: "GDPR request") { erasedAt } }`, {
    id: leaving.id,
  });
}

const tourSteps = [
  programSettings,
  segments,
  badgeDefinitions,
  campaignLifecycle,
  profiles,
  absence,
  purchasesAndReturns,
  pointsPayments,
  wallets,
  expiryNotice,
  activities,
  transfers,
  imports,
  rewards,
  messages,
  leaderboards,
  badgeEarned,
  merges,
  erasures,
];

describe("every event the graph writes, decoded with its producer's contract", () => {
  let graph: TestGraph;
  let written: WrittenEvent[];
  const seen = (owner: SubgraphName) => [...new Set(written.filter((e) => e.owner === owner).map((e) => e.type))];

  beforeAll(async () => {
    graph = await startTestGraph({
      // Points expire a month after earning and are announced up to 60 days ahead: the points job
      // announces the purchase's points at once, without moving a clock.
      ledgerPolicy: {
        ...defaultLedgerPolicy,
        pendingDays: 0,
        expiry: { kind: 'AFTER_EARNING', months: 1 },
        expiryNoticeDays: 60,
        jobIntervalMs: 0,
        metricsIntervalMs: 0,
      },
      mergeFollowIntervalMs: 100,
      rewardsJobIntervalMs: 0,
      historyIntervalMs: 0,
    });
    const tour: Tour = {
      graph,
      marketer: await graph.as({ role: 'marketer', subject: 'mara@hq' }),
      till: await graph.as({ role: 'associate', subject: 'ana@berlin-1', storeId: 'berlin-1' }),
      member: undefined as never,
      friend: undefined as never,
    };
    for (const step of tourSteps) {
      try {
        await step(tour);
      } catch (error) {
        throw new Error(`tour step ${step.name}: ${messageOf(error)}`);
      }
    }
    written = await readOutboxes(graph);
  }, 120_000);
  afterAll(() => graph?.stop());

  it('writes every event type webhooks offer today', () => {
    const missing = subgraphNames.flatMap((owner) =>
      webhookEventTypes[owner].filter((type) => !seen(owner).includes(type)).map((type) => `${owner} ${type}`),
    );
    expect(missing).toEqual([]);
  });

  it("decodes every written event with its producer's contract", () => {
    const failures = written.flatMap((event) => {
      const contract = contractOf(event.owner, event.type);
      if (!contract) return [`${label(event)}: no contract`];
      const failure = decodeFailure(contract, event);
      return failure ? [failure] : [];
    });
    expect(failures).toEqual([]);
  });

  it("decodes what each consumer reads with the producer's own contract", () => {
    // An empty list would pass vacuously: the graph has consumers (merges, history, views, ...).
    expect(eventConsumers.length).toBeGreaterThan(0);
    const failures = eventConsumers.flatMap((consumer) =>
      consumer.reads.flatMap((contract) => {
        const where = `${consumer.subgraph} ${consumer.name} (${consumer.module})`;
        if (contractOf(contract.owner as SubgraphName, contract.type) !== contract)
          return [`${where} reads ${contract.owner} ${contract.type} by a contract its producer does not declare`];
        return written
          .filter((event) => event.owner === contract.owner && event.type === contract.type)
          .flatMap((event) => {
            const failure = decodeFailure(contract, event);
            return failure ? [`${where}: ${failure}`] : [];
          });
      }),
    );
    expect(failures).toEqual([]);
  });

  it('writes every event type the catalogue declares', () => {
    const notWritten = subgraphNames.flatMap((owner) =>
      Object.keys(eventCatalogue[owner])
        .filter((type) => !seen(owner).includes(type))
        .map((type) => `${owner} ${type}`),
    );
    expect(notWritten).toEqual([]);
  });

  it('declares every event type written', () => {
    const undeclared = subgraphNames.flatMap((owner) =>
      seen(owner)
        .filter((type) => !Object.hasOwn(eventCatalogue[owner], type))
        .map((type) => `${owner} ${type}`),
    );
    expect(undeclared).toEqual([]);
  });

  it('refuses a written PurchaseRecorded whose customerId was renamed, naming the field', () => {
    const purchase = written.find((event) => event.owner === 'ledger' && event.type === 'PurchaseRecorded')!;
    const { customerId, ...rest } = purchase.payload as { customerId: string };
    const renamed = { ...rest, customer: customerId };
    const contract = contractOf('ledger', 'PurchaseRecorded');
    expect(contract).toBeDefined();
    expect(() => contract!.decode({ ...purchase, payload: purchase.payload })).not.toThrow();
    expect(() => contract!.decode({ ...purchase, payload: renamed })).toThrow(/payload\.customerId\b/);
  });
});
