import {
  AdjustPointsDocument,
  DefineWalletDocument,
  JoinWalletHouseholdDocument,
  MemberWalletDocument,
  SpendWalletDocument,
  WalletUpdatedDocument,
  HoldPointsDocument,
  RecordPurchasePaidWithPointsDocument,
  SetPointsPaymentRateDocument,
  type RecordPurchaseInput,
} from '../../examples/sdk/graphql';
import { defaultLedgerPolicy } from '../../subgraphs/ledger/program/ledgerPolicy';
import { createCampaignMutation, everyoneAudience, launchCampaign } from '../campaigns/support';
import { eventually } from '../support/eventually';
import { enrollMember, purchaseInput, returnOfOrder, setEarnRate, unique } from '../support/fixtures';
import { expectConsistentLedger, ledgerTotals, runPointsJobMutation, TestClock, walletTotals } from '../support/ledger';
import { startTestGraph, type GraphClient, type TestGraph } from '../support/testGraph';

/**
 * Wallets besides points (issue 29) through the gateway: a stamp card, cashback with a pending
 * window, store credit; earning on the cash part of a basket paid partly with points, returns,
 * spending, households; balance = sum(entries) = sum(lots) in every wallet after every step.
 */

const purchaseWithWallets = `mutation($input: RecordPurchaseInput!) {
  recordPurchase(input: $input) { id externalOrderId pointsEarned walletEarnings { wallet ownerId amount reversed } } }`;
const recordReturn = `mutation($input: RecordReturnInput!) { recordReturn(input: $input) { id pointsRefunded pointsReversed pendingPointsCancelled } }`;
const adjustWallet = `mutation($input: AdjustWalletInput!) { adjustWallet(input: $input) { wallet amount balanceAfter } }`;

interface WalletView {
  type: { code: string };
  ownerId: string;
  canSpend: boolean;
  householdMembers: string[];
  balance: number;
  pending: number;
  lifetime: number;
  cardsCompleted: number;
  expiring: Array<{ amount: number; expiresAt: string }>;
  history: Array<{ kind: string; amount: number; balanceAfter: number; reason: string; earnedBy: string | null }>;
}

type Answer = { errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> };
const codeOf = (result: Answer) => result.errors?.[0]?.extensions?.code;

describe('wallets: stamps, cashback and store credit beside points', () => {
  const clock = new TestClock(new Date('2026-12-01T10:00:00Z'));
  let graph: TestGraph;
  let marketer: GraphClient;

  beforeAll(async () => {
    graph = await startTestGraph({
      clock: clock.now,
      ledgerPolicy: { ...defaultLedgerPolicy, expiry: { kind: 'NEVER' }, pendingDays: 0, jobIntervalMs: 0 },
      mergeFollowIntervalMs: 100,
      gateway: { rateLimits: { mutationsPerToken: 100_000, mutationsPerIp: 100_000, windowMs: 60_000 } },
    });
    await setEarnRate(graph, 'EUR', 1, 100);
    marketer = await graph.as({ role: 'marketer', subject: 'm' });
    // A point pays a cent, up to half a basket.
    await marketer.data(SetPointsPaymentRateDocument, {
      input: {
        currency: 'EUR',
        points: 1,
        perAmount: 1,
        minPoints: 0,
        maxSharePercent: 50,
        pointsStep: 1,
        tierRates: [],
      },
    });
    // A stamp per purchase of at least €5 cash, 3 stamps fill a card worth 100 points.
    await marketer.data(DefineWalletDocument, {
      input: {
        code: 'COFFEE_CARD',
        kind: 'STAMPS',
        name: 'Coffee card',
        stampsPerPurchase: 1,
        minPurchaseAmount: 500,
        stampsPerCard: 3,
        cardRewardPoints: 100,
        maxHouseholdMembers: 2,
      },
    });
    // 5% back in euros, pending 14 days (a return inside them cancels it), usable a year.
    await marketer.data(DefineWalletDocument, {
      input: {
        code: 'CASHBACK',
        kind: 'CASHBACK',
        name: 'Cashback',
        currency: 'EUR',
        cashbackBasisPoints: 500,
        pendingDays: 14,
        expiryDays: 365,
        maxHouseholdMembers: 2,
      },
    });
    await marketer.data(DefineWalletDocument, {
      input: { code: 'GIFT', kind: 'STORE_CREDIT', name: 'Store credit', currency: 'EUR' },
    });
  }, 120_000);
  afterAll(() => graph?.stop());

  const wallet = async (customerId: string, code: string, client: GraphClient = graph.admin) =>
    (
      await client.data(MemberWalletDocument, {
        id: customerId,
        code,
      })
    ).customer!.loyalty!.wallet! as WalletView;
  const memberWith = async (points: number) => {
    const member = await enrollMember(graph);
    await graph.admin.data(AdjustPointsDocument, {
      input: { customerId: member.id, points, reason: 'Opening balance', idempotencyKey: unique('adj') },
    });
    return member;
  };
  const purchase = (input: RecordPurchaseInput) =>
    graph.admin.data<
      {
        recordPurchase: {
          id: string;
          externalOrderId: string;
          pointsEarned: number;
          walletEarnings: Array<{ wallet: string; ownerId: string; amount: number; reversed: number }>;
        };
      },
      unknown
    >(purchaseWithWallets, { input });

  it('a basket paid partly with points at the till and online, returned in part, earns only on its cash part, every step idempotent', async () => {
    const member = await memberWith(1000);
    // At the till: €25.00, €10.00 of it with 1000 points; €15.00 cash earns 15 points, a stamp, €0.75 back (pending).
    const tillHold = (
      await graph.admin.data(HoldPointsDocument, {
        input: {
          customerId: member.id,
          channel: 'IN_STORE',
          storeId: 'berlin-1',
          currency: 'EUR',
          points: 1000,
          idempotencyKey: unique('hold'),
        },
      })
    ).holdPoints;
    const tillOrder = purchaseInput(member.id, { pointsPayment: { holdId: tillHold.id } });
    const atTill = (await purchase(tillOrder)).recordPurchase;
    expect(atTill.pointsEarned).toBe(15);
    expect(atTill.walletEarnings).toEqual([
      { wallet: 'CASHBACK', ownerId: member.id, amount: 75, reversed: 0 },
      { wallet: 'COFFEE_CARD', ownerId: member.id, amount: 1, reversed: 0 },
    ]);
    // The till retries: the same purchase, nothing earned twice.
    expect((await purchase(tillOrder)).recordPurchase.id).toBe(atTill.id);
    expect((await graph.admin.data(RecordPurchasePaidWithPointsDocument, { input: tillOrder })).recordPurchase.id).toBe(
      atTill.id,
    );

    // Online: €20.00, €5.00 of it with 500 points, the hold asked by amount.
    await graph.admin.data(AdjustPointsDocument, {
      input: { customerId: member.id, points: 485, reason: 'Goodwill', idempotencyKey: unique('adj') },
    });
    const webHold = (
      await graph.admin.data(HoldPointsDocument, {
        input: {
          customerId: member.id,
          channel: 'ONLINE',
          currency: 'EUR',
          amount: 500,
          idempotencyKey: unique('hold'),
        },
      })
    ).holdPoints;
    expect(webHold.points).toBe(500);
    const webOrder = purchaseInput(member.id, {
      channel: 'ONLINE',
      storeId: null,
      lines: [{ sku: 'BAG', quantity: 1, unitPrice: 2000 }],
      pointsPayment: { holdId: webHold.id },
    });
    const online = (await purchase(webOrder)).recordPurchase;
    expect(online.pointsEarned).toBe(15);
    expect(online.walletEarnings.map((e) => [e.wallet, e.amount])).toEqual([
      ['CASHBACK', 75],
      ['COFFEE_CARD', 1],
    ]);
    let view = await wallet(member.id, 'CASHBACK');
    expect({ balance: view.balance, pending: view.pending }).toEqual({ balance: 0, pending: 150 });
    await expectConsistentLedger(graph, member.id);

    // One of the two shirts comes back: half the points paid come back (500), half the pending
    // cashback is cancelled (38 of 75: the kept half keeps its rounded-down 37); the stamp stays
    // (€7.50 cash kept is above the €5 minimum).
    const half = returnOfOrder(tillOrder, [{ sku: 'SHIRT-M', quantity: 1 }]);
    const returned = await graph.admin.data<{ recordReturn: { id: string; pointsRefunded: number } }, unknown>(
      recordReturn,
      { input: half },
    );
    expect(returned.recordReturn.pointsRefunded).toBe(500);
    expect(
      (await graph.admin.data<{ recordReturn: { id: string } }, unknown>(recordReturn, { input: half })).recordReturn
        .id,
    ).toBe(returned.recordReturn.id);
    view = await wallet(member.id, 'CASHBACK');
    expect({ balance: view.balance, pending: view.pending }).toEqual({ balance: 0, pending: 112 });
    expect((await wallet(member.id, 'COFFEE_CARD')).balance).toBe(2);
    await expectConsistentLedger(graph, member.id);

    // The pending window closes: the cashback is usable, and expires a year later.
    clock.advanceDays(15);
    await graph.admin.data(runPointsJobMutation);
    view = await wallet(member.id, 'CASHBACK');
    expect({ balance: view.balance, pending: view.pending, lifetime: view.lifetime }).toEqual({
      balance: 112,
      pending: 0,
      lifetime: 112,
    });
    expect(view.expiring.reduce((sum, e) => sum + e.amount, 0)).toBe(112);
    expect(view.history.map((h) => h.kind)).toEqual(['RELEASE', 'RELEASE']);

    // The third stamp fills the card: 100 points into the points balance, the card starts again.
    const before = (await ledgerTotals(graph, member.id)).balance;
    const third = (await purchase(purchaseInput(member.id))).recordPurchase;
    const card = await wallet(member.id, 'COFFEE_CARD');
    expect({ balance: card.balance, cardsCompleted: card.cardsCompleted }).toEqual({ balance: 0, cardsCompleted: 1 });
    expect(card.history[0]).toMatchObject({ kind: 'CARD_COMPLETED', amount: -3, balanceAfter: 0 });
    expect((await ledgerTotals(graph, member.id)).balance).toBe(before + third.pointsEarned + 100);
    // All of the third order returned: its pending cashback is cancelled; its stamp is on a completed
    // card already, so nothing is taken back from the card.
    const thirdOrder = { channel: 'IN_STORE', storeId: 'berlin-1', externalOrderId: third.externalOrderId };
    await graph.admin.data(recordReturn, { input: returnOfOrder(thirdOrder, [{ sku: 'SHIRT-M', quantity: 2 }]) });
    expect((await wallet(member.id, 'COFFEE_CARD')).balance).toBe(0);
    expect((await wallet(member.id, 'CASHBACK')).pending).toBe(0);
    await expectConsistentLedger(graph, member.id);
  });

  it('spends store credit once per key, never more than the balance, and refuses stamps', async () => {
    const member = await enrollMember(graph);
    await marketer.data(adjustWallet, {
      input: {
        customerId: member.id,
        wallet: 'GIFT',
        amount: 1000,
        reason: 'Refund as store credit',
        idempotencyKey: 'gift-1',
      },
    });
    // The same key again credits nothing more.
    await marketer.data(adjustWallet, {
      input: {
        customerId: member.id,
        wallet: 'GIFT',
        amount: 1000,
        reason: 'Refund as store credit',
        idempotencyKey: 'gift-1',
      },
    });
    const self = await graph.as({ role: 'member', subject: member.id });
    // The member's app hears each change as it commits, from the start with after "0".
    const live = await self.subscribe(WalletUpdatedDocument, { customerId: member.id, after: '0' });
    expect((await live.next()).data?.walletUpdated).toMatchObject({
      wallet: 'GIFT',
      kind: 'ADJUST',
      change: 1000,
      balance: 1000,
    });
    const spend = (amount: number, key: string) =>
      self.request(SpendWalletDocument, {
        input: { customerId: member.id, wallet: 'GIFT', amount, idempotencyKey: key, reason: 'Order W-1' },
      });
    expect((await spend(400, 'w-1')).data?.spendWallet).toEqual({ wallet: 'GIFT', amount: -400, balanceAfter: 600 });
    expect((await spend(400, 'w-1')).data?.spendWallet.balanceAfter).toBe(600);
    expect(codeOf(await spend(300, 'w-1'))).toBe('CONFLICT');
    const tooMuch = await spend(700, 'w-2');
    expect(codeOf(tooMuch)).toBe('INSUFFICIENT_POINTS');
    expect(tooMuch.errors?.[0]?.extensions?.balance).toBe(600);
    // Ten tills spend 100 each at once, twice over the balance of 600: exactly 6 go through.
    const race = await Promise.all(Array.from({ length: 12 }, (_, i) => spend(100, `race-${i}`)));
    expect(race.filter((r) => r.data).length).toBe(6);
    expect(race.filter((r) => codeOf(r) === 'INSUFFICIENT_POINTS').length).toBe(6);
    expect((await wallet(member.id, 'GIFT')).balance).toBe(0);
    // Another member may not spend it; stamps are not spent.
    const other = await graph.as({ role: 'member', subject: (await enrollMember(graph)).id });
    expect(
      codeOf(
        await other.request(SpendWalletDocument, {
          input: { customerId: member.id, wallet: 'GIFT', amount: 1, idempotencyKey: 'x', reason: 'Not mine' },
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(
        await self.request(SpendWalletDocument, {
          input: { customerId: member.id, wallet: 'COFFEE_CARD', amount: 1, idempotencyKey: 'x', reason: 'A stamp' },
        }),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await self.request(SpendWalletDocument, {
          input: { customerId: member.id, wallet: 'NOPE', amount: 1, idempotencyKey: 'x', reason: 'Nothing' },
        }),
      ),
    ).toBe('NOT_FOUND');
    expect((await walletTotals(graph, member.id)).find((w) => w.wallet === 'GIFT')?.entries).toBe(0);
    // Each change published once, in its transaction: the credit, the first spend, the six raced ones.
    const { rows: events } = await graph.database.db.query<{
      payload: { kind: string; change: number; balance: number };
    }>(`select payload from ledger.events where type = 'WalletBalanceChanged' and aggregate_id = $1 order by id`, [
      member.id,
    ]);
    expect(events.map((e) => e.payload.kind)).toEqual(['ADJUST', ...Array<string>(7).fill('SPEND')]);
    expect(events[0]!.payload).toMatchObject({ change: 1000, balance: 1000 });
    expect(events.at(-1)!.payload).toMatchObject({ change: -100, balance: 0 });
    const pushed = [];
    for (let i = 0; i < 7; i++) pushed.push((await live.next()).data!.walletUpdated);
    expect(pushed.map((update) => update.kind)).toEqual(Array<string>(7).fill('SPEND'));
    expect(pushed.at(-1)).toMatchObject({ balance: 0 });
    live.close();
    await expectConsistentLedger(graph, member.id);
  });

  it('a household earns into the owner’s wallets; only the owner spends; the card pays the owner', async () => {
    const owner = await enrollMember(graph, 'Owner');
    const partner = await enrollMember(graph, 'Partner');
    const child = await enrollMember(graph, 'Child');
    const fourth = await enrollMember(graph, 'Fourth');
    const ownerClient = await graph.as({ role: 'member', subject: owner.id });
    // Households are made at the till, with both members there: a member alone may not.
    const till = await graph.as({ role: 'associate', subject: 'a-1', storeId: 'berlin-1' });
    const partnerClient = await graph.as({ role: 'member', subject: partner.id });
    for (const memberId of [partner.id, child.id]) {
      await till.data(JoinWalletHouseholdDocument, {
        input: { wallet: 'COFFEE_CARD', ownerId: owner.id, memberId },
      });
      await till.data(JoinWalletHouseholdDocument, {
        input: { wallet: 'CASHBACK', ownerId: owner.id, memberId },
      });
    }
    // Joining twice changes nothing; a third member is past the limit of 2; a member may not add themself to another's.
    expect(
      (
        await till.data(JoinWalletHouseholdDocument, {
          input: { wallet: 'CASHBACK', ownerId: owner.id, memberId: child.id },
        })
      ).joinWalletHousehold.memberId,
    ).toBe(child.id);
    expect(
      codeOf(
        await till.request(JoinWalletHouseholdDocument, {
          input: { wallet: 'CASHBACK', ownerId: owner.id, memberId: fourth.id },
        }),
      ),
    ).toBe('CONFLICT');
    expect(
      codeOf(
        await partnerClient.request(JoinWalletHouseholdDocument, {
          input: { wallet: 'CASHBACK', ownerId: owner.id, memberId: partner.id },
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(
        await till.request(JoinWalletHouseholdDocument, {
          input: { wallet: 'GIFT', ownerId: owner.id, memberId: fourth.id },
        }),
      ),
    ).toBe('BAD_USER_INPUT');

    // Three purchases of the household fill the owner's card: its 100 points go to the owner.
    const ownerPoints = (await ledgerTotals(graph, owner.id)).balance;
    const bought = [];
    for (const buyer of [partner, child, partner])
      bought.push((await purchase(purchaseInput(buyer.id))).recordPurchase);
    expect(bought[0]!.walletEarnings).toEqual([
      { wallet: 'CASHBACK', ownerId: owner.id, amount: 125, reversed: 0 },
      { wallet: 'COFFEE_CARD', ownerId: owner.id, amount: 1, reversed: 0 },
    ]);
    expect((await ledgerTotals(graph, owner.id)).balance).toBe(ownerPoints + 100);
    // The buyers earn their own points all the same.
    expect((await ledgerTotals(graph, partner.id)).balance).toBe(50);
    const shared = await wallet(partner.id, 'CASHBACK', partnerClient);
    expect(shared).toMatchObject({ ownerId: owner.id, canSpend: false, pending: 375 });
    expect(shared.householdMembers.sort()).toEqual([partner.id, child.id].sort());
    expect((await wallet(owner.id, 'COFFEE_CARD', ownerClient)).cardsCompleted).toBe(1);
    expect(
      codeOf(
        await ownerClient.request(JoinWalletHouseholdDocument, {
          input: { wallet: 'CASHBACK', ownerId: owner.id, memberId: fourth.id },
        }),
      ),
    ).toBe('FORBIDDEN');
    // A member who holds cashback of their own spends it before sharing another's.
    const holder = await enrollMember(graph, 'Holder');
    await purchase(purchaseInput(holder.id));
    const stranger = await enrollMember(graph, 'Stranger');
    expect(
      codeOf(
        await till.request(JoinWalletHouseholdDocument, {
          input: { wallet: 'CASHBACK', ownerId: stranger.id, memberId: holder.id },
        }),
      ),
    ).toBe('CONFLICT');

    // Past the pending window, the owner spends the cashback; the partner may not.
    clock.advanceDays(15);
    await graph.admin.data(runPointsJobMutation);
    expect(
      codeOf(
        await partnerClient.request(SpendWalletDocument, {
          input: { customerId: partner.id, wallet: 'CASHBACK', amount: 100, idempotencyKey: 'p-1', reason: 'Order' },
        }),
      ),
    ).toBe('FORBIDDEN');
    const spent = await ownerClient.data(SpendWalletDocument, {
      input: { customerId: owner.id, wallet: 'CASHBACK', amount: 100, idempotencyKey: 'o-1', reason: 'Order' },
    });
    expect(spent.spendWallet.balanceAfter).toBe(275);
    // A member's partial view: what they earned into the shared wallet, not the owner's spending.
    expect((await wallet(partner.id, 'CASHBACK', partnerClient)).history.every((h) => h.earnedBy === partner.id)).toBe(
      true,
    );
    for (const member of [owner, partner, child]) await expectConsistentLedger(graph, member.id);
  });

  it('store credit pays part of a basket in the purchase itself: only the cash part earns, once, and a return gives it back', async () => {
    const member = await enrollMember(graph);
    await marketer.data(adjustWallet, {
      input: {
        customerId: member.id,
        wallet: 'GIFT',
        amount: 1000,
        reason: 'Refund as credit',
        idempotencyKey: unique('gift'),
      },
    });
    const paying = `mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) {
      id pointsEarned walletPayments { wallet amount refunded } walletEarnings { wallet amount } } }`;
    type Paid = {
      recordPurchase: {
        id: string;
        pointsEarned: number;
        walletPayments: Array<{ wallet: string; amount: number; refunded: number }>;
        walletEarnings: Array<{ wallet: string; amount: number }>;
      };
    };
    const order = purchaseInput(member.id, { walletPayments: [{ wallet: 'GIFT', amount: 1000 }] });
    const first = (await graph.admin.data<Paid, unknown>(paying, { input: order })).recordPurchase;
    // €25.00 less €10.00 of credit: €15.00 cash earns 15 points, €0.75 cashback and a stamp.
    expect(first.pointsEarned).toBe(15);
    expect(first.walletPayments).toEqual([{ wallet: 'GIFT', amount: 1000, refunded: 0 }]);
    expect(first.walletEarnings).toEqual([
      { wallet: 'CASHBACK', amount: 75 },
      { wallet: 'COFFEE_CARD', amount: 1 },
    ]);
    expect((await wallet(member.id, 'GIFT')).balance).toBe(0);
    // The till retries: the same sale, the credit spent once; the same receipt with another payment conflicts.
    expect((await graph.admin.data<Paid, unknown>(paying, { input: order })).recordPurchase.id).toBe(first.id);
    expect((await wallet(member.id, 'GIFT')).balance).toBe(0);
    expect(
      codeOf(
        await graph.admin.request(paying, { input: { ...order, walletPayments: [{ wallet: 'GIFT', amount: 900 }] } }),
      ),
    ).toBe('CONFLICT');
    // More than the wallet holds, a stamp card, more than the total: refused, nothing recorded.
    const refused = [
      [{ wallet: 'GIFT', amount: 1 }, 'INSUFFICIENT_POINTS'],
      [{ wallet: 'COFFEE_CARD', amount: 1 }, 'BAD_USER_INPUT'],
      [{ wallet: 'GIFT', amount: 2501 }, 'BAD_USER_INPUT'],
    ] as const;
    for (const [payment, code] of refused) {
      const input = purchaseInput(member.id, { walletPayments: [payment] });
      expect(codeOf(await graph.admin.request(paying, { input }))).toBe(code);
      const { rows } = await graph.database.db.query('select 1 from ledger.orders where external_order_id = $1', [
        input.externalOrderId,
      ]);
      expect(rows).toEqual([]);
    }
    // One shirt of two comes back: half the credit returns to the wallet; half the pending cashback goes.
    const back = await graph.admin.data<
      { recordReturn: { refundAmount: number; walletRefunds: Array<{ wallet: string; amount: number }> } },
      unknown
    >(
      `mutation($input: RecordReturnInput!) { recordReturn(input: $input) { refundAmount walletRefunds { wallet amount } } }`,
      { input: returnOfOrder(order, [{ sku: 'SHIRT-M', quantity: 1 }]) },
    );
    // €12.50 of goods: €5.00 back to the credit, €7.50 in cash.
    expect(back.recordReturn).toEqual({ refundAmount: 1250, walletRefunds: [{ wallet: 'GIFT', amount: 500 }] });
    expect((await wallet(member.id, 'GIFT')).balance).toBe(500);
    expect((await wallet(member.id, 'CASHBACK')).pending).toBe(37);
    expect((await wallet(member.id, 'GIFT')).history[0]).toMatchObject({ kind: 'REFUND', amount: 500 });
    await expectConsistentLedger(graph, member.id);
  });

  it('a campaign credits a named wallet instead of points, and a return takes it back', async () => {
    const sku = unique('WALLET-BAG');
    await launchCampaign(marketer, {
      name: 'Ten percent back as store credit',
      reward: { kind: 'RATE', points: 10, perAmount: 100, currency: 'EUR', wallet: 'GIFT' },
      audience: { ...everyoneAudience, skus: [sku] },
    });
    const member = await enrollMember(graph);
    const order = purchaseInput(member.id, { lines: [{ sku, quantity: 1, unitPrice: 3000 }] });
    const bought = (await purchase(order)).recordPurchase;
    // The base rate's 30 points; the campaign's €3.00 goes to the store credit wallet, not points.
    expect(bought.pointsEarned).toBe(30);
    expect(bought.walletEarnings).toContainEqual({ wallet: 'GIFT', ownerId: member.id, amount: 300, reversed: 0 });
    const credit = await wallet(member.id, 'GIFT');
    expect(credit.balance).toBe(300);
    expect(credit.history[0]).toMatchObject({
      kind: 'AWARD',
      amount: 300,
      reason: expect.stringContaining('Ten percent'),
    });
    await graph.admin.data(recordReturn, { input: returnOfOrder(order, [{ sku, quantity: 1 }]) });
    expect((await wallet(member.id, 'GIFT')).balance).toBe(0);
    await expectConsistentLedger(graph, member.id);
    // A multiplier has no wallet units to give.
    expect(
      codeOf(
        await marketer.request(createCampaignMutation, {
          input: {
            name: 'Double store credit',
            trigger: 'PURCHASE',
            reward: { kind: 'MULTIPLIER', multiplierPercent: 200, wallet: 'GIFT' },
            audience: everyoneAudience,
          },
        }),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('a profile merge moves the merged member’s wallets into the survivor’s', async () => {
    const survivor = await enrollMember(graph, 'Survivor');
    const merged = await enrollMember(graph, 'Merged');
    for (const [member, amount] of [
      [survivor, 200],
      [merged, 300],
    ] as const) {
      await marketer.data(adjustWallet, {
        input: {
          customerId: member.id,
          wallet: 'GIFT',
          amount,
          reason: 'Store credit',
          idempotencyKey: unique('gift'),
        },
      });
    }
    // A pending cashback of the merged member's follows too.
    await purchase(purchaseInput(merged.id));
    await graph.admin.data(
      `mutation($survivorId: ID!, $mergedId: ID!) { mergeCustomers(survivorId: $survivorId, mergedId: $mergedId, reason: "Same person") { mergedId } }`,
      { survivorId: survivor.id, mergedId: merged.id },
    );
    await eventually(
      async () => (await wallet(survivor.id, 'GIFT')).balance,
      (balance) => balance === 500,
      'the ledger to follow the merge',
    );
    expect((await wallet(survivor.id, 'CASHBACK')).pending).toBe(125);
    // The merged id reads the survivor's wallets.
    expect((await wallet(merged.id, 'GIFT')).balance).toBe(500);
    for (const member of [survivor, merged]) await expectConsistentLedger(graph, member.id);
  });

  it('refuses a wallet defined wrongly or changed to another kind or currency, and stamps by hand from anyone but an admin', async () => {
    expect(
      codeOf(
        await marketer.request(DefineWalletDocument, { input: { code: 'HALF', kind: 'STAMPS', name: 'Half a card' } }),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await marketer.request(DefineWalletDocument, {
          input: { code: 'MONEY', kind: 'CASHBACK', name: 'No currency', cashbackBasisPoints: 100 },
        }),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await marketer.request(DefineWalletDocument, {
          input: { code: 'GIFT', kind: 'CASHBACK', name: 'Other', currency: 'EUR', cashbackBasisPoints: 100 },
        }),
      ),
    ).toBe('CONFLICT');
    expect(
      codeOf(
        await marketer.request(DefineWalletDocument, {
          input: { code: 'POINTS', kind: 'STORE_CREDIT', name: 'Points', currency: 'EUR' },
        }),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await marketer.request(DefineWalletDocument, {
          input: { code: 'CASHBACK', kind: 'CASHBACK', name: 'Cashback', currency: 'JPY', cashbackBasisPoints: 500 },
        }),
      ),
    ).toBe('CONFLICT');
    const someone = await enrollMember(graph);
    expect(
      codeOf(
        await marketer.request(adjustWallet, {
          input: {
            customerId: someone.id,
            wallet: 'COFFEE_CARD',
            amount: 1,
            reason: 'A stamp',
            idempotencyKey: 'st-1',
          },
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(
        await graph.admin.request(adjustWallet, {
          input: { customerId: someone.id, wallet: 'COFFEE_CARD', amount: 4, reason: 'Stamps', idempotencyKey: 'st-2' },
        }),
      ),
    ).toBe('BAD_USER_INPUT');
    const member = await graph.as({ role: 'member', subject: (await enrollMember(graph)).id });
    expect(
      codeOf(
        await member.request(DefineWalletDocument, {
          input: { code: 'MINE', kind: 'STORE_CREDIT', name: 'Mine', currency: 'EUR' },
        }),
      ),
    ).toBe('FORBIDDEN');
  });
});
