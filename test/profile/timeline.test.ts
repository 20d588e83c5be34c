import { randomUUID } from 'node:crypto';
import {
  CustomerTimelineDocument,
  type CustomerTimelineQuery,
  type CustomerTimelineQueryVariables,
  ConsumeVoucherDocument,
  DefineEventTypeDocument,
  MemberMessagesDocument,
  RecordMessageResponseDocument,
  RecordMessageResponsesDocument,
  RecordPurchaseDocument,
  RecordReturnDocument,
  RedeemRewardDocument,
  TrackEventDocument,
} from '../../examples/sdk/graphql';
import { eventually } from '../support/eventually';
import { importRecords, postImportBatch } from '../support/imports';
import { enrollMember, purchaseInput, returnOfOrder, setEarnRate, unique } from '../support/fixtures';
import { startTestGraph, type GraphClient, type GraphQLResult, type TestGraph } from '../support/testGraph';

type Entry = CustomerTimelineQuery['customer'] extends infer C
  ? C extends { timeline: { edges: Array<{ node: infer N }> } }
    ? N
    : never
  : never;

const errorOf = (result: GraphQLResult<unknown>) => ({
  code: result.errors?.[0]?.extensions?.code ?? 'OK',
  argument: result.errors?.[0]?.extensions?.argument,
});
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const setConsent = `mutation($id: ID!, $input: SetConsentInput!) { setConsent(customerId: $id, input: $input) { id } }`;
const runNotifications = `mutation { runNotifications { sent } }`;

describe("a customer's timeline: custom events, purchases, returns, redemptions and messages in one list", () => {
  let graph: TestGraph;
  let shop: GraphClient;
  let till: GraphClient;
  let provider: GraphClient;
  let rewardId: string;
  let rewardName: string;

  /** Brings the timeline up to what the ledger and rewards committed (a second run starts after them). */
  const followUpstreams = async () => {
    await graph.stack.subgraphs.profile.timeline.job.run();
    await graph.stack.subgraphs.profile.timeline.job.run();
  };
  const replayUpstreams = async () => {
    await graph.database.db.query(
      `update profile.timeline_cursors set last_event_id = 0 where source like 'timeline:%'`,
    );
    await followUpstreams();
  };
  /** A member who agreed to email (so the program's messages reach them) and their app. */
  const memberReachedByEmail = async (name: string) => {
    const member = await enrollMember(graph, name);
    await graph.admin.data(setConsent, { id: member.id, input: { channel: 'EMAIL', granted: true, source: 'form' } });
    return { ...member, app: await graph.as({ role: 'member', subject: member.id }) };
  };
  /** The member's messages as engagement has them, newest first. */
  const messagesOf = async (customerId: string) =>
    (await graph.admin.data(MemberMessagesDocument, { id: customerId })).customer!.notifications.edges.map(
      (edge) => edge.node,
    );
  const storedEntries = async (customerId: string) =>
    Number(
      (
        await graph.database.db.query<{ n: string }>(
          'select count(*) as n from profile.timeline_entries where customer_id = $1',
          [customerId],
        )
      ).rows[0]!.n,
    );
  /** Every page of the timeline, `first` at a time. */
  async function readAll(
    client: GraphClient,
    variables: Omit<CustomerTimelineQueryVariables, 'after'>,
  ): Promise<{ entries: Entry[]; pages: number }> {
    const entries: Entry[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const answer: CustomerTimelineQuery = await client.data(CustomerTimelineDocument, { ...variables, after });
      const timeline = answer.customer!.timeline;
      entries.push(...timeline.edges.map((edge) => edge.node));
      pages++;
      if (!timeline.pageInfo.hasNextPage) return { entries, pages };
      after = timeline.pageInfo.endCursor!;
    }
  }

  /** A member with a cart event, a purchase, a review, a return of part of it and a redemption, oldest first. */
  async function memberWithHistory() {
    const member = await enrollMember(graph, 'Tilda');
    await shop.data(TrackEventDocument, {
      input: {
        customerId: member.id,
        type: 'cart.updated',
        properties: { items: 2 },
        channel: 'ONLINE',
        idempotencyKey: unique('cart'),
        occurredAt: minutesAgo(60),
      },
    });
    const order = purchaseInput(member.id, {
      occurredAt: minutesAgo(50),
      lines: [{ sku: 'SHIRT-M', category: 'apparel', quantity: 4, unitPrice: 1250 }],
    });
    const { recordPurchase } = await till.data(RecordPurchaseDocument, { input: order });
    await shop.data(TrackEventDocument, {
      input: {
        customerId: member.id,
        type: 'review.submitted',
        properties: { rating: 5 },
        channel: 'ONLINE',
        idempotencyKey: unique('review'),
        occurredAt: minutesAgo(40),
      },
    });
    const { recordReturn } = await till.data(RecordReturnDocument, {
      input: { ...returnOfOrder(order, [{ sku: 'SHIRT-M', quantity: 1 }]), occurredAt: minutesAgo(30) },
    });
    const app = await graph.as({ role: 'member', subject: member.id });
    const { redeemReward } = await app.data(RedeemRewardDocument, {
      input: { redemptionId: randomUUID(), rewardId, customerId: member.id, channel: 'MOBILE_APP' },
    });
    await followUpstreams();
    return { member, app, recordPurchase, recordReturn, redeemReward };
  }

  beforeAll(async () => {
    graph = await startTestGraph();
    await setEarnRate(graph, 'EUR', 1, 100);
    shop = await graph.as({ role: 'service', subject: 'shop', channel: 'ONLINE' });
    till = await graph.as({ role: 'associate', subject: 'ana@berlin-1', storeId: 'berlin-1' });
    provider = await graph.as({ role: 'service', subject: 'email-provider', channel: 'ONLINE' });
    const marketer = await graph.as({ role: 'marketer', subject: 'mia' });
    for (const [name, property] of [
      ['cart.updated', 'items'],
      ['review.submitted', 'rating'],
    ] as const) {
      await marketer.data(DefineEventTypeDocument, {
        input: { name, properties: [{ name: property, kind: 'NUMBER', required: true }] },
      });
    }
    rewardName = unique('Free coffee');
    const created = await marketer.data<{ createReward: { id: string } }, object>(
      `mutation($input: CreateRewardInput!) { createReward(input: $input) { id } }`,
      { input: { name: rewardName, kind: 'FREE_PRODUCT', sku: 'COFFEE', costPoints: 10 } },
    );
    rewardId = created.createReward.id;
  });
  afterAll(() => graph?.stop());

  it('shows the member everything in one newest-first list, a page at a time, without gaps or repeats', async () => {
    const { member, app, recordPurchase, recordReturn, redeemReward } = await memberWithHistory();
    const { entries, pages } = await readAll(app, { id: member.id, first: 2 });
    expect(pages).toBe(3);
    expect(entries.map((entry) => entry.kind)).toEqual([
      'REDEMPTION',
      'RETURN',
      'CUSTOM_EVENT',
      'PURCHASE',
      'CUSTOM_EVENT',
    ]);
    expect(new Set(entries.map((entry) => entry.id)).size).toBe(5);
    const [redemption, returned, review, purchase, cart] = entries;
    expect(redemption).toMatchObject({
      __typename: 'RedemptionEntry',
      redemptionId: redeemReward.id,
      pointsSpent: 10,
      reward: { id: rewardId, name: rewardName },
    });
    expect(returned).toMatchObject({
      __typename: 'ReturnEntry',
      returnId: recordReturn.id,
      orderId: recordPurchase.id,
      refundAmount: 1250,
      refundCurrency: 'EUR',
      pointsReversed: recordReturn.pointsReversed,
    });
    expect(review).toMatchObject({ __typename: 'CustomerEvent', type: 'review.submitted', properties: { rating: 5 } });
    expect(purchase).toMatchObject({
      __typename: 'PurchaseEntry',
      orderId: recordPurchase.id,
      channel: 'IN_STORE',
      storeId: 'berlin-1',
      totalAmount: 5000,
      currency: 'EUR',
      pointsEarned: recordPurchase.pointsEarned,
      imported: false,
    });
    expect(cart).toMatchObject({ type: 'cart.updated', channel: 'ONLINE' });
    expect(entries.map((entry) => entry.occurredAt)).toEqual(
      [...entries.map((entry) => entry.occurredAt)].sort().reverse(),
    );

    // Kinds filter; types narrow custom events, alone or beside other kinds.
    const money = await readAll(till, {
      id: member.id,
      first: 1,
      kinds: ['PURCHASE' as const, 'RETURN' as const],
    });
    expect(money.entries.map((entry) => entry.kind)).toEqual(['RETURN', 'PURCHASE']);
    const reviews = await readAll(till, { id: member.id, types: ['review.submitted'] });
    expect(reviews.entries.map((entry) => entry.id)).toEqual([review!.id]);
    const reviewsAndRedemptions = await readAll(graph.admin, {
      id: member.id,
      first: 1,
      kinds: ['CUSTOM_EVENT' as const, 'REDEMPTION' as const],
      types: ['review.submitted'],
    });
    expect(reviewsAndRedemptions.entries.map((entry) => entry.id)).toEqual([redemption!.id, review!.id]);

    // The voucher's use shows on its redemption, not as an entry of its own.
    expect(redemption).toMatchObject({ usedAt: null, usedChannel: null, cancelled: false });
    await till.data(ConsumeVoucherDocument, {
      input: { code: redeemReward.voucher!.code, channel: 'IN_STORE', orderReference: unique('till') },
    });
    await followUpstreams();
    const used = await readAll(app, { id: member.id, kinds: ['REDEMPTION' as const] });
    expect(used.entries).toHaveLength(1);
    expect(used.entries[0]).toMatchObject({ id: redemption!.id, usedChannel: 'IN_STORE', cancelled: false });
    expect(used.entries[0]!.__typename === 'RedemptionEntry' && used.entries[0]!.usedAt).toBeTruthy();
  });

  it('adds an event read again (a replay) once, and shows a cancelled redemption as cancelled', async () => {
    const { member, app, redeemReward } = await memberWithHistory();
    await app.data(`mutation($code: String!) { cancelVoucher(code: $code) { status } }`, {
      code: redeemReward.voucher!.code,
    });
    await followUpstreams();
    const before = await readAll(app, { id: member.id });
    expect(before.entries[0]).toMatchObject({ kind: 'REDEMPTION', cancelled: true, usedAt: null });
    expect(await storedEntries(member.id)).toBe(3);
    await graph.database.db.query(
      `update profile.timeline_cursors set last_event_id = 0 where source like 'timeline:%'`,
    );
    await followUpstreams();
    expect(await storedEntries(member.id)).toBe(3);
    expect(await readAll(app, { id: member.id })).toEqual(before);
  });

  it("moves a merged profile's entries to the survivor, and an erasure removes them for good", async () => {
    const survivor = await enrollMember(graph, 'Sam');
    const merged = await enrollMember(graph, 'Sammy');
    const { recordPurchase: kept } = await till.data(RecordPurchaseDocument, {
      input: purchaseInput(survivor.id, { occurredAt: minutesAgo(20) }),
    });
    const { recordPurchase: moved } = await till.data(RecordPurchaseDocument, {
      input: purchaseInput(merged.id, { occurredAt: minutesAgo(10) }),
    });
    await followUpstreams();
    // Bought before the merge, read after it: the entry goes to the survivor as well.
    const { recordPurchase: late } = await till.data(RecordPurchaseDocument, {
      input: purchaseInput(merged.id, { occurredAt: minutesAgo(5) }),
    });
    await graph.admin.data(
      `mutation($s: ID!, $m: ID!) { mergeCustomers(survivorId: $s, mergedId: $m, reason: "same person") { mergedId } }`,
      { s: survivor.id, m: merged.id },
    );
    await followUpstreams();
    const orders = async (id: string) =>
      (await readAll(graph.admin, { id })).entries.map((entry) =>
        entry.__typename === 'PurchaseEntry' ? entry.orderId : entry.id,
      );
    expect(await orders(survivor.id)).toEqual([late.id, moved.id, kept.id]);
    expect(await orders(merged.id)).toEqual([late.id, moved.id, kept.id]);
    expect(await storedEntries(merged.id)).toBe(0);

    await graph.admin.data(
      `mutation($id: ID!) { eraseCustomer(customerId: $id, reason: "member asked") { customerId } }`,
      {
        id: survivor.id,
      },
    );
    expect(await storedEntries(survivor.id)).toBe(0);
    await graph.database.db.query(
      `update profile.timeline_cursors set last_event_id = 0 where source like 'timeline:%'`,
    );
    await followUpstreams();
    expect(await storedEntries(survivor.id)).toBe(0);
    expect(await orders(survivor.id)).toEqual([]);
  });

  it('shows a message sent between the purchase it was about and a later event, with the open and click it got', async () => {
    const member = await memberReachedByEmail('Mira');
    await shop.data(TrackEventDocument, {
      input: {
        customerId: member.id,
        type: 'cart.updated',
        properties: { items: 1 },
        channel: 'ONLINE',
        idempotencyKey: unique('cart'),
        occurredAt: minutesAgo(60),
      },
    });
    const { recordPurchase } = await till.data(RecordPurchaseDocument, {
      input: purchaseInput(member.id, { occurredAt: minutesAgo(50) }),
    });
    await graph.admin.data(runNotifications);
    // The purchase earned points and made the reward affordable: two messages, both sent.
    const sentMessages = await messagesOf(member.id);
    expect(sentMessages.map((sent) => [sent.kind, sent.status, sent.channel]).sort()).toEqual([
      ['POINTS_EARNED', 'SENT', 'EMAIL'],
      ['REWARD_AFFORDABLE', 'SENT', 'EMAIL'],
    ]);
    const message = sentMessages.find((sent) => sent.kind === 'POINTS_EARNED');
    const lastSentAt = Math.max(...sentMessages.map((sent) => Date.parse(sent.sentAt!)));
    await shop.data(TrackEventDocument, {
      input: {
        customerId: member.id,
        type: 'review.submitted',
        properties: { rating: 4 },
        channel: 'ONLINE',
        idempotencyKey: unique('review'),
        occurredAt: new Date(Math.max(Date.now(), lastSentAt + 1)).toISOString(),
      },
    });
    await followUpstreams();

    const { entries } = await readAll(member.app, { id: member.id });
    expect(entries.map((entry) => entry.kind)).toEqual([
      'CUSTOM_EVENT',
      'MESSAGE',
      'MESSAGE',
      'PURCHASE',
      'CUSTOM_EVENT',
    ]);
    const messageIds = entries.map((entry) => (entry.__typename === 'MessageEntry' ? entry.messageId : null));
    expect(messageIds.filter(Boolean).sort()).toEqual(sentMessages.map((sent) => sent.id).sort());
    const sent = entries[messageIds.indexOf(message!.id)]!;
    expect(sent).toMatchObject({
      __typename: 'MessageEntry',
      messageId: message!.id,
      messageKind: 'POINTS_EARNED',
      channel: 'EMAIL',
      occurredAt: message!.sentAt,
      campaignKey: null,
      offer: null,
      openedAt: null,
      clickedAt: null,
      redeemedAt: null,
    });
    expect(entries[3]).toMatchObject({ orderId: recordPurchase.id });

    // The provider reports the open and the click, and retries them: each shows once, the first time kept.
    const openedAt = message!.sentAt!;
    const clickedAt = new Date(Math.max(Date.now(), Date.parse(openedAt) + 1)).toISOString();
    await provider.data(RecordMessageResponseDocument, {
      input: { messageId: message!.id, response: 'OPENED', occurredAt: openedAt },
    });
    await provider.data(RecordMessageResponsesDocument, {
      inputs: [
        { messageId: message!.id, response: 'OPENED', occurredAt: clickedAt },
        { messageId: message!.id, response: 'CLICKED', occurredAt: clickedAt },
        { messageId: message!.id, response: 'CLICKED', occurredAt: clickedAt },
      ],
    });
    await followUpstreams();
    const answered = await readAll(till, { id: member.id, kinds: ['MESSAGE' as const] });
    expect(answered.entries).toHaveLength(2);
    expect(answered.entries.find((entry) => entry.id === sent.id)).toMatchObject({
      openedAt,
      clickedAt,
      redeemedAt: null,
    });
    // The other message got no response.
    expect(answered.entries.find((entry) => entry.id !== sent.id)).toMatchObject({ openedAt: null, clickedAt: null });

    // Read again from the start: nothing added, nothing changed.
    const before = await readAll(member.app, { id: member.id });
    const stored = await storedEntries(member.id);
    await replayUpstreams();
    expect(await storedEntries(member.id)).toBe(stored);
    expect(await readAll(member.app, { id: member.id })).toEqual(before);
  });

  it('shows only messages that were sent: one suppressed for want of consent is not on the timeline', async () => {
    const member = await enrollMember(graph, 'Nils');
    await till.data(RecordPurchaseDocument, { input: purchaseInput(member.id, { occurredAt: minutesAgo(5) }) });
    await graph.admin.data(runNotifications);
    expect((await messagesOf(member.id)).map((message) => message.status)).toContain('SUPPRESSED');
    await followUpstreams();
    const app = await graph.as({ role: 'member', subject: member.id });
    expect((await readAll(app, { id: member.id })).entries.map((entry) => entry.kind)).toEqual(['PURCHASE']);
    expect((await readAll(app, { id: member.id, kinds: ['MESSAGE' as const] })).entries).toEqual([]);
  });

  it('shows the voucher a message carried, and when it was used', async () => {
    const member = await memberReachedByEmail('Vera');
    await till.data(RecordPurchaseDocument, { input: purchaseInput(member.id, { occurredAt: minutesAgo(30) }) });
    const { redeemReward } = await member.app.data(RedeemRewardDocument, {
      input: { redemptionId: randomUUID(), rewardId, customerId: member.id, channel: 'MOBILE_APP' },
    });
    await graph.admin.data(runNotifications);
    await followUpstreams();
    const voucherMessage = async () =>
      (await readAll(member.app, { id: member.id, kinds: ['MESSAGE' as const] })).entries.find(
        (entry) => entry.__typename === 'MessageEntry' && entry.messageKind === 'VOUCHER_ISSUED',
      );
    const redemptionOf = async () =>
      (await readAll(member.app, { id: member.id, kinds: ['REDEMPTION' as const] })).entries[0];
    const issued = await redemptionOf();
    expect(await voucherMessage()).toMatchObject({
      offer: {
        voucherId: issued?.__typename === 'RedemptionEntry' && issued.voucherId,
        reward: { id: rewardId, name: rewardName },
      },
      redeemedAt: null,
    });
    await till.data(ConsumeVoucherDocument, {
      input: { code: redeemReward.voucher!.code, channel: 'IN_STORE', orderReference: unique('till') },
    });
    const used = await eventually(
      async () => {
        await graph.admin.data(runNotifications);
        await followUpstreams();
        return voucherMessage();
      },
      (entry) => entry?.__typename === 'MessageEntry' && entry.redeemedAt !== null,
      'the use of the voucher the message carried',
    );
    const redemption = await redemptionOf();
    expect(used?.__typename === 'MessageEntry' && used.redeemedAt).toBe(
      redemption?.__typename === 'RedemptionEntry' && redemption.usedAt,
    );
  });

  it("moves a merged member's messages to the survivor with responses reported after the merge, and erases them", async () => {
    const survivor = await enrollMember(graph, 'Rosa');
    const merged = await memberReachedByEmail('Rosie');
    await till.data(RecordPurchaseDocument, { input: purchaseInput(merged.id, { occurredAt: minutesAgo(15) }) });
    await graph.admin.data(runNotifications);
    const mergedMessages = await messagesOf(merged.id);
    const message = mergedMessages.find((sent) => sent.kind === 'POINTS_EARNED');
    expect(message).toMatchObject({ status: 'SENT' });
    await followUpstreams();
    await graph.admin.data(
      `mutation($s: ID!, $m: ID!) { mergeCustomers(survivorId: $s, mergedId: $m, reason: "same person") { mergedId } }`,
      { s: survivor.id, m: merged.id },
    );
    await provider.data(RecordMessageResponseDocument, {
      input: { messageId: message!.id, response: 'OPENED', occurredAt: message!.sentAt },
    });
    await followUpstreams();
    const messages = await readAll(graph.admin, { id: survivor.id, kinds: ['MESSAGE' as const] });
    expect(messages.entries).toHaveLength(mergedMessages.length);
    expect(
      messages.entries.find((entry) => entry.__typename === 'MessageEntry' && entry.messageId === message!.id),
    ).toMatchObject({ openedAt: message!.sentAt });
    expect(await storedEntries(merged.id)).toBe(0);

    await graph.admin.data(
      `mutation($id: ID!) { eraseCustomer(customerId: $id, reason: "member asked") { customerId } }`,
      { id: survivor.id },
    );
    expect(await storedEntries(survivor.id)).toBe(0);
    await replayUpstreams();
    expect(await storedEntries(survivor.id)).toBe(0);
    expect((await readAll(graph.admin, { id: survivor.id })).entries).toEqual([]);
  });

  it('lists imported order history as purchases and returns that earned no points, once however often it is read', async () => {
    const memberKey = unique('old-member');
    await postImportBatch(graph, 'MEMBERS', {
      records: importRecords([
        { memberKey, givenName: 'Ida', email: `${unique('ida')}@example.com`, enrolledAt: '2024-01-01T00:00:00Z' },
      ]),
    });
    const { customerByIdentifier: member } = await graph.admin.data<
      { customerByIdentifier: { id: string } },
      { value: string }
    >('query($value: String!) { customerByIdentifier(type: LEGACY_MEMBER_ID, value: $value) { id } }', {
      value: memberKey,
    });
    const orderKey = unique('A');
    const lines = JSON.stringify([{ sku: 'SHIRT', category: 'apparel', quantity: 2, unitPrice: 1250 }]);
    const imported = await postImportBatch(graph, 'ORDERS', {
      records: importRecords([
        {
          orderKey: `${orderKey}-R`,
          kind: 'RETURN',
          returnOf: orderKey,
          memberKey,
          occurredAt: '2025-05-03T10:00:00Z',
          lines: JSON.stringify([{ sku: 'SHIRT', quantity: 1 }]),
        },
        {
          orderKey,
          memberKey,
          occurredAt: '2025-05-01T10:00:00Z',
          channel: 'IN_STORE',
          storeId: 'berlin-1',
          currency: 'EUR',
          lines,
        },
      ]),
    });
    expect(imported).toMatchObject({ applied: 2, errors: [] });
    await followUpstreams();
    const app = await graph.as({ role: 'member', subject: member.id });
    const history = await readAll(app, { id: member.id });
    expect(history.entries).toEqual([
      expect.objectContaining({
        __typename: 'ReturnEntry',
        occurredAt: '2025-05-03T10:00:00.000Z',
        refundAmount: 1250,
        refundCurrency: 'EUR',
        pointsReversed: 0,
        imported: true,
      }),
      expect.objectContaining({
        __typename: 'PurchaseEntry',
        occurredAt: '2025-05-01T10:00:00.000Z',
        channel: 'IN_STORE',
        storeId: 'berlin-1',
        totalAmount: 2500,
        currency: 'EUR',
        pointsEarned: 0,
        imported: true,
      }),
    ]);
    const [returned, purchase] = history.entries;
    expect(returned?.__typename === 'ReturnEntry' && purchase?.__typename === 'PurchaseEntry').toBe(true);
    expect(returned?.__typename === 'ReturnEntry' && returned.orderId).toBe(
      purchase?.__typename === 'PurchaseEntry' && purchase.orderId,
    );

    // The same file again: skipped by the ledger; the timeline read again from the start adds nothing.
    expect(
      await postImportBatch(graph, 'ORDERS', {
        records: importRecords([
          {
            orderKey,
            memberKey,
            occurredAt: '2025-05-01T10:00:00Z',
            channel: 'IN_STORE',
            storeId: 'berlin-1',
            currency: 'EUR',
            lines,
          },
        ]),
      }),
    ).toMatchObject({ applied: 0, skipped: 1 });
    await replayUpstreams();
    expect(await storedEntries(member.id)).toBe(2);
    expect(await readAll(app, { id: member.id })).toEqual(history);
  });

  it('refuses another member, a page size out of range, a bad cursor and kinds that cannot go together', async () => {
    const member = await enrollMember(graph, 'Bea');
    const other = await graph.as({ role: 'member', subject: (await enrollMember(graph, 'Ole')).id });
    const app = await graph.as({ role: 'member', subject: member.id });
    const ask = (variables: Omit<CustomerTimelineQueryVariables, 'id'>, client = app) =>
      client.request(CustomerTimelineDocument, { id: member.id, ...variables });
    expect(errorOf(await ask({}, other)).code).toBe('FORBIDDEN');
    expect(errorOf(await ask({ first: 0 }))).toEqual({ code: 'BAD_USER_INPUT', argument: 'first' });
    expect(errorOf(await ask({ first: 101 }))).toEqual({ code: 'BAD_USER_INPUT', argument: 'first' });
    expect(errorOf(await ask({ after: 'nonsense' }))).toEqual({ code: 'BAD_USER_INPUT', argument: 'after' });
    const notAnId = Buffer.from(JSON.stringify(`${new Date().toISOString()}|42`)).toString('base64url');
    expect(errorOf(await ask({ after: notAnId })).code).toBe('BAD_USER_INPUT');
    expect(errorOf(await ask({ kinds: [] }))).toEqual({ code: 'BAD_USER_INPUT', argument: 'kinds' });
    expect(errorOf(await ask({ kinds: ['PURCHASE' as const], types: ['cart.updated'] }))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'types',
    });
    expect((await app.data(CustomerTimelineDocument, { id: member.id })).customer!.timeline.edges).toEqual([]);
  });
});
