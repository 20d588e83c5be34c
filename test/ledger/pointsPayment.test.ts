import {
  AdjustPointsDocument,
  HoldPointsDocument,
  QuotePointsPaymentDocument,
  RecordPurchaseDocument,
  RecordPurchasePaidWithPointsDocument,
  ReleasePointsHoldDocument,
  SetPointsPaymentRateDocument,
  type HoldPointsInput,
  type RecordPurchaseInput,
} from '../../examples/sdk/graphql';
import { defaultLedgerPolicy } from '../../subgraphs/ledger/program/ledgerPolicy';
import { enrollMember, purchaseInput, returnOfOrder, setEarnRate, unique } from '../support/fixtures';
import { expectConsistentLedger, runPointsJobMutation, setTierProgram, TestClock } from '../support/ledger';
import { startTestGraph, type TestGraph } from '../support/testGraph';

/**
 * Points as payment at checkout (issue 29), through the gateway: quote, hold, capture by the
 * purchase, release, expiry, returns refunding the points share, and holds racing on one member.
 */

const loyaltyQuery = `query($id: ID!) { customer(id: $id) { loyalty { balance held pending } } }`;

const returnMutation = `mutation($input: RecordReturnInput!) {
  recordReturn(input: $input) { id refundAmount pointsReversed pointsRefunded pointsRefundAmount balanceAfter }
}`;

const holdQuery = `query($id: ID!) { pointsHold(id: $id) { id status points amount purchaseId refundedPoints } }`;

interface ReturnAnswer {
  recordReturn: {
    id: string;
    refundAmount: number;
    pointsReversed: number;
    pointsRefunded: number;
    pointsRefundAmount: number;
    balanceAfter: number;
  };
}

describe('points as payment at checkout', () => {
  const clock = new TestClock(new Date('2026-12-01T10:00:00Z'));
  let graph: TestGraph;

  beforeAll(async () => {
    graph = await startTestGraph({
      clock: clock.now,
      ledgerPolicy: { ...defaultLedgerPolicy, expiry: { kind: 'NEVER' }, jobIntervalMs: 0 },
      // 200 tills racing on one member, each holding and paying.
      gateway: { rateLimits: { mutationsPerToken: 100_000, mutationsPerIp: 100_000, windowMs: 60_000 } },
    });
    await setEarnRate(graph, 'EUR', 1, 100);
    await setEarnRate(graph, 'CHF', 1, 100);
    await setTierProgram(graph, 12, [
      { name: 'Member', qualifyingPoints: 0, multiplierPercent: 100 },
      { name: 'Gold', qualifyingPoints: 500, multiplierPercent: 100 },
    ]);
    const marketer = await graph.as({ role: 'marketer', subject: 'm' });
    // 1 point pays 1 cent; 125 cents per 100 points for Gold; at least 200 points, at most half a
    // basket, in steps of 50.
    await marketer.data(SetPointsPaymentRateDocument, {
      input: {
        currency: 'EUR',
        points: 100,
        perAmount: 100,
        minPoints: 200,
        maxSharePercent: 50,
        pointsStep: 50,
        tierRates: [{ tier: 'Gold', points: 100, perAmount: 125 }],
      },
    });
    // Whole baskets, point for cent: the race below earns nothing, so its figures are exact.
    await marketer.data(SetPointsPaymentRateDocument, {
      input: {
        currency: 'CHF',
        points: 1,
        perAmount: 1,
        minPoints: 0,
        maxSharePercent: 100,
        pointsStep: 1,
        tierRates: [],
      },
    });
  }, 120_000);
  afterAll(() => graph?.stop());

  const memberWith = async (points: number) => {
    const member = await enrollMember(graph);
    if (points > 0) {
      await graph.admin.data(AdjustPointsDocument, {
        input: { customerId: member.id, points, reason: 'Opening balance', idempotencyKey: unique('adj') },
      });
    }
    return member;
  };
  const loyalty = async (customerId: string) =>
    (
      await graph.admin.data<{ customer: { loyalty: { balance: number; held: number; pending: number } } }, unknown>(
        loyaltyQuery,
        { id: customerId },
      )
    ).customer.loyalty;
  const holdInput = (customerId: string, overrides: Partial<HoldPointsInput> = {}): HoldPointsInput => ({
    customerId,
    channel: 'IN_STORE',
    storeId: 'berlin-1',
    currency: 'EUR',
    idempotencyKey: unique('hold'),
    ...overrides,
  });
  const hold = async (input: HoldPointsInput) => (await graph.admin.data(HoldPointsDocument, { input })).holdPoints;
  const codeOf = (result: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) =>
    result.errors?.[0]?.extensions?.code;
  const holdRow = async (id: string) =>
    (
      await graph.admin.data<
        { pointsHold: { status: string; points: number; purchaseId: string | null; refundedPoints: number } },
        unknown
      >(holdQuery, { id })
    ).pointsHold;

  it('quotes what points pay a basket: maximum share, balance, rounding down to the step, minimum, tier rate', async () => {
    const member = await memberWith(1000);
    const quote = async (customerId: string, amount: number, currency = 'EUR') =>
      graph.admin.request(QuotePointsPaymentDocument, { customerId, currency, amount });

    // Half of 30.00 is 1500 points' worth; the balance of 1000 caps it.
    expect((await quote(member.id, 3000)).data?.quotePointsPayment).toEqual({
      currency: 'EUR',
      ratePoints: 100,
      ratePerAmount: 100,
      rateTier: null,
      maxPoints: 1000,
      maxAmount: 1000,
      minPoints: 200,
      pointsStep: 50,
      unavailableReason: null,
    });
    // Half of 12.34 is 6.17: 617 points, rounded down to 600.
    expect((await quote(member.id, 1234)).data?.quotePointsPayment).toMatchObject({ maxPoints: 600, maxAmount: 600 });
    // Half of 3.00 is 150 points: under the minimum of 200.
    const small = (await quote(member.id, 300)).data?.quotePointsPayment;
    expect(small).toMatchObject({ maxPoints: 0, maxAmount: 0 });
    expect(small?.unavailableReason).toContain('too small');
    expect(codeOf(await quote(member.id, 3000, 'GBP'))).toBe('BAD_USER_INPUT');

    // A Gold member (500 qualifying points from a purchase) pays at 125 cents per 100 points.
    const gold = await memberWith(500);
    await graph.admin.data(RecordPurchaseDocument, {
      input: purchaseInput(gold.id, { lines: [{ sku: 'SOFA', quantity: 1, unitPrice: 50_000 }] }),
    });
    expect(await loyalty(gold.id)).toMatchObject({ balance: 1000 });
    // Half of 30.00 is 1500 cents: 1200 Gold points, capped by the balance of 1000, which pays 12.50.
    expect((await quote(gold.id, 3000)).data?.quotePointsPayment).toMatchObject({
      rateTier: 'Gold',
      ratePoints: 100,
      ratePerAmount: 125,
      maxPoints: 1000,
      maxAmount: 1250,
    });
    // A member quotes for themself only.
    const app = await graph.as({ role: 'member', subject: member.id });
    expect(
      (await app.request(QuotePointsPaymentDocument, { customerId: member.id, currency: 'EUR', amount: 1234 })).data,
    ).toMatchObject({ quotePointsPayment: { maxPoints: 600 } });
    expect(
      codeOf(await app.request(QuotePointsPaymentDocument, { customerId: gold.id, currency: 'EUR', amount: 1 })),
    ).toBe('FORBIDDEN');
  });

  it('holds points once per key, captures them with the purchase once, and earns only on the cash part', async () => {
    const member = await memberWith(1000);
    const input = holdInput(member.id, { points: 600 });
    const holds = await Promise.all(
      Array.from({ length: 4 }, () => graph.admin.request(HoldPointsDocument, { input })),
    );
    expect(holds.map((answer) => answer.errors)).toEqual([undefined, undefined, undefined, undefined]);
    const held = holds[0]!.data!.holdPoints;
    expect(held).toMatchObject({ status: 'HELD', currency: 'EUR', points: 600, amount: 600 });
    expect(new Set(holds.map((answer) => answer.data!.holdPoints.id))).toEqual(new Set([held.id]));
    expect(held.expiresAt).toBe(new Date(clock.now().getTime() + 900_000).toISOString());
    expect(await loyalty(member.id)).toEqual({ balance: 400, held: 600, pending: 0 });
    await expectConsistentLedger(graph, member.id);
    // The key again, asking for other points: a conflict, nothing held.
    expect(codeOf(await graph.admin.request(HoldPointsDocument, { input: { ...input, points: 650 } }))).toBe(
      'CONFLICT',
    );

    // 20.00 paid 6.00 in points and 14.00 in cash: 14 points (1 per euro of cash), not 20.
    const order = purchaseInput(member.id, {
      lines: [{ sku: 'LAMP', quantity: 2, unitPrice: 1000 }],
      pointsPayment: { holdId: held.id },
    });
    const captures = await Promise.all(
      Array.from({ length: 3 }, () => graph.admin.request(RecordPurchasePaidWithPointsDocument, { input: order })),
    );
    expect(captures.map((answer) => answer.errors)).toEqual([undefined, undefined, undefined]);
    const purchase = captures[0]!.data!.recordPurchase;
    expect(purchase).toEqual({
      id: purchase.id,
      totalAmount: 2000,
      pointsEarned: 14,
      balanceAfter: 414,
      pointsPayment: { holdId: held.id, points: 600, amount: 600 },
    });
    for (const capture of captures) expect(capture.data!.recordPurchase).toEqual(purchase);
    expect(await loyalty(member.id)).toEqual({ balance: 414, held: 0, pending: 0 });
    expect(await holdRow(held.id)).toMatchObject({ status: 'CAPTURED', purchaseId: purchase.id });
    expect(await expectConsistentLedger(graph, member.id)).toMatchObject({ balance: 414, entries: 3 });

    // The hold pays one purchase only; the same order with another hold is another order.
    const again = await graph.admin.request(RecordPurchaseDocument, {
      input: { ...order, externalOrderId: unique('pos') },
    });
    expect(codeOf(again)).toBe('CONFLICT');
    expect(again.errors?.[0]?.message).toContain('already paid purchase');
    const { rows: events } = await graph.database.db.query<{ type: string }>(
      `select type from ledger.events where aggregate_id = $1 and type like 'Points%' order by id`,
      [member.id],
    );
    expect(events.map((event) => event.type)).toEqual(['PointsHeld', 'PointsHoldCaptured']);
    const { rows: recorded } = await graph.database.db.query<{ payload: Record<string, unknown> }>(
      `select payload from ledger.events where aggregate_id = $1 and type = 'PurchaseRecorded'`,
      [member.id],
    );
    expect(recorded.map((event) => event.payload)).toEqual([
      expect.objectContaining({
        totalAmount: 2000,
        pointsEarned: 14,
        pointsPayment: { holdId: held.id, points: 600, amount: 600 },
      }),
    ]);
    expect(await expectConsistentLedger(graph, member.id)).toMatchObject({ balance: 414, entries: 3 });
  });

  it("refuses a hold beyond the balance, under the minimum, off the step, and a capture of another member's, another currency's or too large a share", async () => {
    const member = await memberWith(1000);
    const other = await memberWith(1000);
    const refused = async (overrides: Partial<HoldPointsInput>) =>
      graph.admin.request(HoldPointsDocument, { input: holdInput(member.id, overrides) });
    expect(codeOf(await refused({ points: 1050 }))).toBe('INSUFFICIENT_POINTS');
    expect(codeOf(await refused({ points: 150 }))).toBe('BAD_USER_INPUT');
    const offStep = await refused({ points: 610 });
    expect(offStep.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'points' });
    expect(codeOf(await refused({ points: 300, amount: 300 }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await refused({ points: 300, currency: 'GBP' }))).toBe('BAD_USER_INPUT');
    // 7.77 in points: the most points worth no more, rounded down to the step.
    const byAmount = await hold(holdInput(member.id, { amount: 777 }));
    expect(byAmount).toMatchObject({ points: 750, amount: 750 });
    expect(await expectConsistentLedger(graph, member.id)).toMatchObject({ balance: 250, entries: 2 });

    const otherHold = await hold(holdInput(other.id, { points: 300 }));
    const capture = (holdId: string, overrides: Partial<RecordPurchaseInput> = {}) =>
      graph.admin.request(RecordPurchaseDocument, {
        input: purchaseInput(member.id, {
          lines: [{ sku: 'RUG', quantity: 1, unitPrice: 4000 }],
          pointsPayment: { holdId },
          ...overrides,
        }),
      });
    const notTheirs = await capture(otherHold.id);
    expect(notTheirs.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'pointsPayment.holdId',
    });
    expect(notTheirs.errors?.[0]?.message).toContain("another member's");
    expect(codeOf(await capture(byAmount.id, { currency: 'CHF' }))).toBe('BAD_USER_INPUT');
    // 7.50 of a 10.00 basket is more than half.
    const tooMuch = await capture(byAmount.id, { lines: [{ sku: 'RUG', quantity: 1, unitPrice: 1000 }] });
    expect(tooMuch.errors?.[0]?.message).toContain('at most 5.00 EUR');
    expect(codeOf(await capture('00000000-0000-4000-8000-000000000000'))).toBe('NOT_FOUND');
    // Nothing was recorded by any of them.
    const { rows } = await graph.database.db.query<{ orders: number }>(
      'select count(*)::int as orders from ledger.orders where customer_id = $1',
      [member.id],
    );
    expect(rows[0]!.orders).toBe(0);
    expect(await expectConsistentLedger(graph, member.id)).toMatchObject({ balance: 250, entries: 2 });
    expect(await loyalty(other.id)).toEqual({ balance: 700, held: 300, pending: 0 });

    // Who may hold: the member for themself, an associate in their own store.
    const app = await graph.as({ role: 'member', subject: member.id });
    const own = await app.request(HoldPointsDocument, {
      input: holdInput(member.id, { channel: 'MOBILE_APP', storeId: null, points: 200 }),
    });
    expect(own.errors).toBeUndefined();
    expect(codeOf(await app.request(HoldPointsDocument, { input: holdInput(other.id, { points: 200 }) }))).toBe(
      'FORBIDDEN',
    );
    const associate = await graph.as({ role: 'associate', subject: 'a', storeId: 'paris-2' });
    expect(codeOf(await associate.request(HoldPointsDocument, { input: holdInput(other.id, { points: 200 }) }))).toBe(
      'FORBIDDEN',
    );
    const marketer = await graph.as({ role: 'marketer', subject: 'm' });
    expect(codeOf(await marketer.request(HoldPointsDocument, { input: holdInput(other.id, { points: 200 }) }))).toBe(
      'FORBIDDEN',
    );
  });

  it("lists a member's holds newest first, open ones alone, a page at a time; an app hold is for no member but its own", async () => {
    const member = await memberWith(1000);
    const other = await memberWith(1000);
    const app = await graph.as({ role: 'member', subject: member.id });
    const otherApp = await graph.as({ role: 'member', subject: other.id });
    const inApp = (points: number) =>
      app.data(HoldPointsDocument, { input: holdInput(member.id, { storeId: null, points }) });
    const first = (await inApp(200)).holdPoints;
    clock.advanceMinutes(1);
    const second = (await inApp(300)).holdPoints;
    await app.data(ReleasePointsHoldDocument, { holdId: first.id });
    expect(await loyalty(member.id)).toEqual({ balance: 700, held: 300, pending: 0 });

    type Page = { edges: { cursor: string; node: { id: string; status: string; points: number } }[] };
    type Holds = { customer: { loyalty: { holds: Page & { pageInfo: { hasNextPage: boolean } } } } };
    const holdsOf = (
      caller: typeof app,
      customerId: string,
      args: { statuses?: string[] | null; first?: number; after?: string | null } = {},
    ) =>
      caller.request<Holds, unknown>(
        `query($id: ID!, $statuses: [PointsHoldStatus!], $first: Int! = 20, $after: String) {
           customer(id: $id) { loyalty { holds(statuses: $statuses, first: $first, after: $after) {
             edges { cursor node { id status points } } pageInfo { hasNextPage }
           } } }
         }`,
        { id: customerId, ...args },
      );
    const open = await holdsOf(app, member.id, { statuses: ['HELD'] });
    expect(open.data?.customer.loyalty.holds.edges.map((edge) => edge.node)).toEqual([
      { id: second.id, status: 'HELD', points: 300 },
    ]);
    const all = (await holdsOf(app, member.id)).data!.customer.loyalty.holds;
    expect(all.edges.map((edge) => [edge.node.id, edge.node.status])).toEqual([
      [second.id, 'HELD'],
      [first.id, 'RELEASED'],
    ]);
    const page1 = (await holdsOf(app, member.id, { first: 1 })).data!.customer.loyalty.holds;
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await holdsOf(app, member.id, { first: 1, after: page1.edges[0]!.cursor })).data!.customer.loyalty
      .holds;
    expect(page2.edges.map((edge) => edge.node.id)).toEqual([first.id]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect(codeOf(await holdsOf(app, member.id, { after: 'bm90IGEgY3Vyc29y' }))).toBe('BAD_USER_INPUT');

    // Another member sees none of it and cannot read, give back or list the hold.
    expect(codeOf(await holdsOf(otherApp, member.id))).toBe('FORBIDDEN');
    expect(codeOf(await otherApp.request(ReleasePointsHoldDocument, { holdId: second.id }))).toBe('FORBIDDEN');
    expect(codeOf(await otherApp.request(holdQuery, { id: second.id }))).toBe('FORBIDDEN');

    // The hold names no store: an associate of any store, and the in-store integration, read it;
    // an online integration does not.
    const paris = await graph.as({ role: 'associate', subject: 'a', storeId: 'paris-2' });
    const till = await graph.as({ role: 'service', subject: 'pos', channel: 'IN_STORE' });
    const shop = await graph.as({ role: 'service', subject: 'shop', channel: 'ONLINE' });
    expect((await paris.request(holdQuery, { id: second.id })).errors).toBeUndefined();
    expect((await till.request(holdQuery, { id: second.id })).errors).toBeUndefined();
    expect(codeOf(await shop.request(holdQuery, { id: second.id }))).toBe('FORBIDDEN');
    // A hold is for its channel: an online order cannot take an in-store hold.
    const online = await graph.admin.request(RecordPurchaseDocument, {
      input: purchaseInput(member.id, {
        channel: 'ONLINE',
        storeId: null,
        lines: [{ sku: 'BOWL', quantity: 1, unitPrice: 2000 }],
        pointsPayment: { holdId: second.id },
      }),
    });
    expect(online.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'pointsPayment.holdId' });
    expect(online.errors?.[0]?.message).toContain('it pays IN_STORE baskets');

    // The associate in Paris records the basket with it: 3.00 in points, 17.00 in cash.
    const sale = await paris.request(RecordPurchasePaidWithPointsDocument, {
      input: purchaseInput(member.id, {
        storeId: 'paris-2',
        lines: [{ sku: 'BOWL', quantity: 1, unitPrice: 2000 }],
        pointsPayment: { holdId: second.id },
      }),
    });
    expect(sale.errors).toBeUndefined();
    expect(sale.data?.recordPurchase).toMatchObject({
      pointsEarned: 17,
      balanceAfter: 717,
      pointsPayment: { holdId: second.id, points: 300, amount: 300 },
    });
    expect((await holdsOf(app, member.id, { statuses: ['HELD'] })).data?.customer.loyalty.holds.edges).toEqual([]);
    expect((await holdsOf(app, member.id, { statuses: ['CAPTURED'] })).data?.customer.loyalty.holds.edges).toEqual([
      expect.objectContaining({ node: { id: second.id, status: 'CAPTURED', points: 300 } }),
    ]);

    // A hold the till in Berlin took stays Berlin's: Paris can neither read it nor pay with it.
    const berlin = await hold(holdInput(member.id, { points: 200 }));
    expect(codeOf(await paris.request(holdQuery, { id: berlin.id }))).toBe('FORBIDDEN');
    expect(codeOf(await paris.request(ReleasePointsHoldDocument, { holdId: berlin.id }))).toBe('FORBIDDEN');
    const elsewhere = await paris.request(RecordPurchaseDocument, {
      input: purchaseInput(member.id, {
        storeId: 'paris-2',
        lines: [{ sku: 'BOWL', quantity: 1, unitPrice: 2000 }],
        pointsPayment: { holdId: berlin.id },
      }),
    });
    expect(codeOf(elsewhere)).toBe('BAD_USER_INPUT');
    expect(elsewhere.errors?.[0]?.message).toContain('it pays at store berlin-1');
    // The in-store integration may give the app's holds back, as the member may.
    const third = (await inApp(200)).holdPoints;
    expect((await till.data(ReleasePointsHoldDocument, { holdId: third.id })).releasePointsHold.status).toBe(
      'RELEASED',
    );
    expect(await expectConsistentLedger(graph, member.id)).toMatchObject({ balance: 517 });
  });

  it('gives released and expired holds back exactly once, and refuses to capture them', async () => {
    const member = await memberWith(1000);
    const released = await hold(holdInput(member.id, { points: 300 }));
    expect(await loyalty(member.id)).toEqual({ balance: 700, held: 300, pending: 0 });
    const releases = await Promise.all(
      Array.from({ length: 3 }, () => graph.admin.request(ReleasePointsHoldDocument, { holdId: released.id })),
    );
    expect(releases.map((answer) => answer.data?.releasePointsHold)).toEqual(
      Array.from({ length: 3 }, () => ({ id: released.id, status: 'RELEASED', points: 300 })),
    );
    expect(await loyalty(member.id)).toEqual({ balance: 1000, held: 0, pending: 0 });
    expect(await expectConsistentLedger(graph, member.id)).toMatchObject({ balance: 1000, entries: 3 });
    const purchase = (holdId: string) =>
      graph.admin.request(RecordPurchaseDocument, {
        input: purchaseInput(member.id, {
          lines: [{ sku: 'VASE', quantity: 1, unitPrice: 2000 }],
          pointsPayment: { holdId },
        }),
      });
    const afterRelease = await purchase(released.id);
    expect(codeOf(afterRelease)).toBe('CONFLICT');
    expect(afterRelease.errors?.[0]?.message).toContain('was released');

    // Held for a minute: two minutes later it cannot pay, and the points job gives it back once.
    const expiring = await hold(holdInput(member.id, { points: 400, expiresInSeconds: 60 }));
    expect(await expectConsistentLedger(graph, member.id)).toMatchObject({ balance: 600, entries: 4 });
    clock.advanceMinutes(2);
    const late = await purchase(expiring.id);
    expect(codeOf(late)).toBe('CONFLICT');
    expect(late.errors?.[0]?.message).toContain('expired at');
    expect(await loyalty(member.id)).toEqual({ balance: 600, held: 400, pending: 0 });
    await graph.admin.data(runPointsJobMutation);
    await graph.admin.data(runPointsJobMutation);
    expect(await holdRow(expiring.id)).toMatchObject({ status: 'EXPIRED' });
    expect(await loyalty(member.id)).toEqual({ balance: 1000, held: 0, pending: 0 });
    expect(await expectConsistentLedger(graph, member.id)).toMatchObject({ balance: 1000, entries: 5 });
    // Releasing an expired hold answers it as it is.
    expect((await graph.admin.data(ReleasePointsHoldDocument, { holdId: expiring.id })).releasePointsHold.status).toBe(
      'EXPIRED',
    );

    // A member's next hold gives back what expired first, so those points may pay it.
    const lapsed = await hold(holdInput(member.id, { points: 1000, expiresInSeconds: 30 }));
    clock.advanceMinutes(1);
    const next = await hold(holdInput(member.id, { points: 1000 }));
    expect(await holdRow(lapsed.id)).toMatchObject({ status: 'EXPIRED' });
    expect(next).toMatchObject({ status: 'HELD', points: 1000 });
    expect(await loyalty(member.id)).toEqual({ balance: 0, held: 1000, pending: 0 });
    expect(await expectConsistentLedger(graph, member.id)).toMatchObject({ balance: 0, entries: 8 });
    const { rows } = await graph.database.db.query<{ reason: string }>(
      `select reason from ledger.entries where customer_id = $1 and source_type = 'POINTS_HOLD' order by id`,
      [member.id],
    );
    expect(rows.map((row) => row.reason)).toEqual([
      'Held to pay 3.00 EUR at checkout',
      'Points hold released',
      'Held to pay 4.00 EUR at checkout',
      'Points hold expired unused',
      'Held to pay 10.00 EUR at checkout',
      'Points hold expired unused',
      'Held to pay 10.00 EUR at checkout',
    ]);
  });

  it('refunds the points share pro rata with each return, never more than was paid in all', async () => {
    const member = await memberWith(1000);
    const held = await hold(holdInput(member.id, { points: 700 }));
    // 15.00: 7.00 in points, 8.00 in cash, which earns 8 points.
    const order = purchaseInput(member.id, {
      lines: [{ sku: 'CUP', quantity: 3, unitPrice: 500 }],
      pointsPayment: { holdId: held.id },
    });
    const purchase = (await graph.admin.data(RecordPurchasePaidWithPointsDocument, { input: order })).recordPurchase;
    expect(purchase).toMatchObject({ pointsEarned: 8, balanceAfter: 308, pointsPayment: { points: 700, amount: 700 } });
    await expectConsistentLedger(graph, member.id);

    const returnOne = async () => {
      const input = returnOfOrder(order, [{ sku: 'CUP', quantity: 1 }]);
      const answers = await Promise.all(
        Array.from({ length: 2 }, () => graph.admin.data<ReturnAnswer, unknown>(returnMutation, { input })),
      );
      expect(answers[1]).toEqual(answers[0]);
      return answers[0]!.recordReturn;
    };
    // A third of the basket: floor(700 / 3) = 233 points back (paying 2.33), 2 of the 8 earned taken back.
    expect(await returnOne()).toMatchObject({
      refundAmount: 500,
      pointsRefunded: 233,
      pointsRefundAmount: 233,
      pointsReversed: 2,
      balanceAfter: 539,
    });
    expect(await expectConsistentLedger(graph, member.id)).toMatchObject({ balance: 539 });
    // Two thirds in all: floor(1400 / 3) = 466, so 233 more; 5 of 8 earned in all, so 3 more.
    expect(await returnOne()).toMatchObject({
      pointsRefunded: 233,
      pointsRefundAmount: 233,
      pointsReversed: 3,
      balanceAfter: 769,
    });
    expect(await expectConsistentLedger(graph, member.id)).toMatchObject({ balance: 769 });
    // The last unit gives back the rest: 234, so 700 in all, exactly what paid.
    expect(await returnOne()).toMatchObject({
      pointsRefunded: 234,
      pointsRefundAmount: 234,
      pointsReversed: 3,
      balanceAfter: 1000,
    });
    expect(await holdRow(held.id)).toMatchObject({ status: 'CAPTURED', refundedPoints: 700 });
    expect(await loyalty(member.id)).toEqual({ balance: 1000, held: 0, pending: 0 });
    expect(await expectConsistentLedger(graph, member.id)).toMatchObject({ balance: 1000 });
    // Nothing is left to return, nor to refund.
    const more = await graph.admin.request(returnMutation, {
      input: returnOfOrder(order, [{ sku: 'CUP', quantity: 1 }]),
    });
    expect(codeOf(more)).toBe('BAD_USER_INPUT');
    const { rows } = await graph.database.db.query<{ refunded: number; events: number }>(
      `select (select sum(points)::int from ledger.entries
                where customer_id = $1 and source_type = 'POINTS_HOLD' and kind = 'REVERSE') as refunded,
              (select count(*)::int from ledger.events
                where aggregate_id = $1::text and type = 'PointsPaymentRefunded') as events`,
      [member.id],
    );
    expect(rows[0]).toEqual({ refunded: 700, events: 3 });
    // A released, captured hold cannot be released.
    expect(codeOf(await graph.admin.request(ReleasePointsHoldDocument, { holdId: held.id }))).toBe('CONFLICT');
  });

  it('never overdraws with 200 holds and captures racing on one member, and every debit has its hold', async () => {
    // 150 points; 200 tills each hold 1 and capture it for a 0.01 basket paid in full.
    const member = await memberWith(150);
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, async (_, index) => {
        const held = await graph.admin.request(HoldPointsDocument, {
          input: holdInput(member.id, { currency: 'CHF', points: 1, idempotencyKey: `race-${index}` }),
        });
        if (held.errors) return String(codeOf(held));
        const purchase = await graph.admin.request(RecordPurchasePaidWithPointsDocument, {
          input: purchaseInput(member.id, {
            currency: 'CHF',
            externalOrderId: `race-${member.id}-${index}`,
            lines: [{ sku: 'GUM', quantity: 1, unitPrice: 1 }],
            pointsPayment: { holdId: held.data!.holdPoints.id },
          }),
        });
        if (purchase.errors) return `capture ${String(codeOf(purchase))}`;
        expect(purchase.data!.recordPurchase).toMatchObject({
          pointsEarned: 0,
          pointsPayment: { points: 1, amount: 1 },
        });
        return 'PAID';
      }),
    );
    const counts = outcomes.reduce<Record<string, number>>((tally, outcome) => {
      tally[outcome] = (tally[outcome] ?? 0) + 1;
      return tally;
    }, {});
    expect(counts).toEqual({ PAID: 150, INSUFFICIENT_POINTS: 50 });
    expect(await loyalty(member.id)).toEqual({ balance: 0, held: 0, pending: 0 });
    expect(await expectConsistentLedger(graph, member.id)).toMatchObject({ balance: 0, entries: 151 });
    const { rows } = await graph.database.db.query<{
      debits: number;
      holds: number;
      orphans: number;
      captured: number;
    }>(
      `select (select count(*)::int from ledger.entries
                where customer_id = $1 and source_type = 'POINTS_HOLD' and kind = 'REDEEM' and points = -1) as debits,
              (select count(*)::int from ledger.points_holds where customer_id = $1) as holds,
              (select count(*)::int from ledger.entries e
                where e.customer_id = $1 and e.source_type = 'POINTS_HOLD'
                  and not exists (select 1 from ledger.points_holds h
                                   where h.id::text = e.source_id and h.customer_id = e.customer_id)) as orphans,
              (select count(*)::int from ledger.points_holds h join ledger.orders o on o.points_hold_id = h.id
                where h.customer_id = $1 and h.status = 'CAPTURED' and o.points_paid = 1) as captured`,
      [member.id],
    );
    expect(rows[0]).toEqual({ debits: 150, holds: 150, orphans: 0, captured: 150 });
  }, 180_000);
});
