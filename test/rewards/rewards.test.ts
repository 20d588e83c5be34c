import { randomUUID } from 'node:crypto';
import { enrollMember, purchaseInput, setEarnRate, unique } from '../support/fixtures';
import { expectConsistentLedger, TestClock } from '../support/ledger';
import { startTestGraph, type GraphClient, type GraphQLResult, type TestGraph } from '../support/testGraph';

type Vars = Record<string, unknown>;
interface VoucherView {
  id: string;
  code: string;
  status: string;
  expiresAt: string;
  refunded: boolean;
  reward: { name: string };
}
interface RedemptionView {
  id: string;
  status: string;
  points: number;
  voucher: VoucherView | null;
}

const voucherFields = 'id code status expiresAt refunded reward { name }';
const redeemMutation = `mutation($input: RedeemRewardInput!) { redeemReward(input: $input) { id status points voucher { ${voucherFields} } } }`;
const consumeMutation = `mutation($input: ConsumeVoucherInput!) { consumeVoucher(input: $input) { ${voucherFields} } }`;
const cancelMutation = `mutation($code: String!) { cancelVoucher(code: $code) { ${voucherFields} } }`;
const validateQuery = `query($code: String!, $channel: String!) { validateVoucher(code: $code, channel: $channel) { valid problem voucher { status customer { id } reward { name valueAmount valueCurrency } } } }`;

const code = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.code ?? 'OK';
const reason = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.reason;

describe('rewards through the gateway', () => {
  let graph: TestGraph;
  let marketer: GraphClient;
  let till: GraphClient;
  const clock = new TestClock(new Date('2026-11-23T10:00:00Z'));

  beforeAll(async () => {
    graph = await startTestGraph({ clock: clock.now, rewardsJobIntervalMs: 0 });
    await setEarnRate(graph, 'EUR', 1, 100);
    marketer = await graph.as({ role: 'marketer', subject: 'mara' });
    till = await graph.as({ role: 'associate', subject: 'ana@berlin-1', storeId: 'berlin-1' });
  });
  afterAll(() => graph?.stop());

  async function memberWithPoints(points: number): Promise<{ id: string; app: GraphClient }> {
    const member = await enrollMember(graph);
    await graph.admin.data(`mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { id } }`, {
      input: purchaseInput(member.id, { lines: [{ sku: 'GIFT', quantity: 1, unitPrice: points * 100 }] }),
    });
    return { id: member.id, app: await graph.as({ role: 'member', subject: member.id }) };
  }

  async function createReward(input: Vars): Promise<string> {
    const { createReward } = await marketer.data<{ createReward: { id: string } }, Vars>(
      `mutation($input: CreateRewardInput!) { createReward(input: $input) { id } }`,
      {
        input: {
          name: unique('Reward'),
          kind: 'FIXED_DISCOUNT',
          valueAmount: 500,
          valueCurrency: 'EUR',
          costPoints: 100,
          ...input,
        },
      },
    );
    return createReward.id;
  }

  const redeem = (client: GraphClient, customerId: string, rewardId: string, extra: Vars = {}) =>
    client.request<{ redeemReward: RedemptionView }, Vars>(redeemMutation, {
      input: { redemptionId: randomUUID(), rewardId, customerId, channel: 'MOBILE_APP', ...extra },
    });

  const balanceOf = async (customerId: string) => (await expectConsistentLedger(graph, customerId)).balance;

  it('lists a reward taken out of the catalog to marketers who ask, so they can put it back; to nobody else', async () => {
    const name = unique('Retired mug');
    const { createReward } = await marketer.data<{ createReward: { id: string } }, Record<string, unknown>>(
      `mutation($name: String!) { createReward(input: { name: $name, kind: FREE_PRODUCT, costPoints: 77 }) { id } }`,
      { name },
    );
    await marketer.data(`mutation($id: ID!) { setRewardActive(id: $id, active: false) { active } }`, {
      id: createReward.id,
    });
    const catalog = `query($inactive: Boolean) { rewardCatalog(first: 100, filter: { maxCostPoints: 77, includeInactive: $inactive }) { edges { node { name active } } } }`;
    type Catalog = { rewardCatalog: { edges: Array<{ node: { name: string; active: boolean } }> } };
    const names = (data: Catalog) => data.rewardCatalog.edges.map((edge) => edge.node).filter((r) => r.name === name);
    expect(names(await marketer.data<Catalog, Record<string, unknown>>(catalog, {}))).toEqual([]);
    expect(names(await marketer.data<Catalog, Record<string, unknown>>(catalog, { inactive: true }))).toEqual([
      { name, active: false },
    ]);
    const member = await graph.as({ role: 'member', subject: randomUUID() });
    expect(code(await member.request(catalog, { inactive: true }))).toBe('FORBIDDEN');
  });

  it('redeems in the app and is used once at the till', async () => {
    const member = await memberWithPoints(300);
    const rewardId = await createReward({ stock: 10 });
    const redemptionId = randomUUID();
    const input = { redemptionId, rewardId, customerId: member.id, channel: 'MOBILE_APP' };
    const first = await member.app.data<{ redeemReward: RedemptionView }, Vars>(redeemMutation, { input });
    expect(first.redeemReward).toMatchObject({ status: 'ISSUED', points: 100, voucher: { status: 'ISSUED' } });
    const voucher = first.redeemReward.voucher!;
    expect(voucher.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]$/);
    // A retry (the app lost the answer) gets the same voucher and takes the points once.
    const retry = await member.app.data<{ redeemReward: RedemptionView }, Vars>(redeemMutation, { input });
    expect(retry.redeemReward.voucher?.code).toBe(voucher.code);
    expect(await balanceOf(member.id)).toBe(200);

    const check = await till.data<{ validateVoucher: { valid: boolean; voucher: Vars } }, Vars>(validateQuery, {
      code: voucher.code.toLowerCase().replace(/-/g, ' '),
      channel: 'IN_STORE',
    });
    expect(check.validateVoucher).toMatchObject({
      valid: true,
      voucher: { status: 'ISSUED', customer: { id: member.id }, reward: { valueAmount: 500, valueCurrency: 'EUR' } },
    });
    const use = { code: voucher.code, channel: 'IN_STORE', orderReference: 'till-3/0815' };
    const consumed = await till.data<{ consumeVoucher: VoucherView }, Vars>(consumeMutation, { input: use });
    expect(consumed.consumeVoucher.status).toBe('CONSUMED');
    expect(
      (await till.data<{ consumeVoucher: VoucherView }, Vars>(consumeMutation, { input: use })).consumeVoucher.status,
    ).toBe('CONSUMED');
    const again = await till.request(consumeMutation, { input: { ...use, orderReference: 'till-3/0816' } });
    expect([code(again), reason(again)]).toEqual(['CONFLICT', 'VoucherConsumed']);
    const cancel = await member.app.request(cancelMutation, { code: voucher.code });
    expect([code(cancel), reason(cancel)]).toEqual(['CONFLICT', 'VoucherConsumed']);

    const { customer } = await member.app.data<{ customer: { rewards: { vouchers: VoucherView[] } } }, Vars>(
      `query($id: ID!) { customer(id: $id) { rewards { vouchers { ${voucherFields} } } } }`,
      { id: member.id },
    );
    expect(customer.rewards.vouchers.map((v) => v.status)).toEqual(['CONSUMED']);
  });

  it('gives the last unit to exactly one of many racing redemptions', async () => {
    const rewardId = await createReward({ stock: 1 });
    const members = await Promise.all(Array.from({ length: 6 }, () => memberWithPoints(150)));
    const results = await Promise.all(members.map((m) => redeem(m.app, m.id, rewardId)));
    expect(results.map(code).sort()).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'OK']);
    expect(results.filter((r) => r.errors).every((r) => reason(r) === 'OutOfStock')).toBe(true);
    const balances = await Promise.all(members.map((m) => balanceOf(m.id)));
    expect(balances.sort((a, b) => a - b)).toEqual([50, 150, 150, 150, 150, 150]);
    const { reward } = await graph.admin.data<{ reward: { stockLeft: number } }, Vars>(
      `query($id: ID!) { reward(id: $id) { stockLeft } }`,
      { id: rewardId },
    );
    expect(reward.stockLeft).toBe(0);
  });

  it('lets through only the redemptions the balance covers, and gives back the stock of the others', async () => {
    const member = await memberWithPoints(250);
    const rewardId = await createReward({ stock: 10 });
    const results = await Promise.all(Array.from({ length: 5 }, () => redeem(member.app, member.id, rewardId)));
    expect(results.map(code).sort()).toEqual([
      'INSUFFICIENT_POINTS',
      'INSUFFICIENT_POINTS',
      'INSUFFICIENT_POINTS',
      'OK',
      'OK',
    ]);
    expect(await balanceOf(member.id)).toBe(50);
    const { reward } = await graph.admin.data<{ reward: { stockLeft: number } }, Vars>(
      `query($id: ID!) { reward(id: $id) { stockLeft } }`,
      { id: rewardId },
    );
    expect(reward.stockLeft).toBe(8);
  });

  it('cancels an unused voucher and refunds its points, once', async () => {
    const member = await memberWithPoints(120);
    const rewardId = await createReward({ stock: 3 });
    const { redeemReward } = (await redeem(member.app, member.id, rewardId)).data!;
    expect(await balanceOf(member.id)).toBe(20);
    const cancelled = await member.app.data<{ cancelVoucher: VoucherView }, Vars>(cancelMutation, {
      code: redeemReward.voucher!.code,
    });
    expect(cancelled.cancelVoucher).toMatchObject({ status: 'CANCELLED', refunded: true });
    await member.app.data(cancelMutation, { code: redeemReward.voucher!.code });
    expect(await balanceOf(member.id)).toBe(120);
    const use = await till.request(consumeMutation, {
      input: { code: redeemReward.voucher!.code, channel: 'IN_STORE', orderReference: 'till-1/1' },
    });
    expect([code(use), reason(use)]).toEqual(['CONFLICT', 'VoucherCancelled']);
    const other = await memberWithPoints(100);
    const stranger = await other.app.request(cancelMutation, { code: redeemReward.voucher!.code });
    expect(code(stranger)).toBe('FORBIDDEN');
  });

  it('refuses an expired voucher with a clear code, and the job marks it expired', async () => {
    const member = await memberWithPoints(100);
    const rewardId = await createReward({ voucherValidDays: 7 });
    const { redeemReward } = (await redeem(member.app, member.id, rewardId)).data!;
    clock.advanceDays(8);
    const check = await till.data<{ validateVoucher: { valid: boolean; problem: string } }, Vars>(validateQuery, {
      code: redeemReward.voucher!.code,
      channel: 'IN_STORE',
    });
    expect(check.validateVoucher).toMatchObject({ valid: false, problem: 'EXPIRED' });
    const use = await till.request(consumeMutation, {
      input: { code: redeemReward.voucher!.code, channel: 'IN_STORE', orderReference: 'till-1/2' },
    });
    expect([code(use), reason(use)]).toEqual(['CONFLICT', 'VoucherExpired']);
    const { runRewardsJob } = await graph.admin.data<{ runRewardsJob: { vouchersExpired: number } }, Vars>(
      `mutation { runRewardsJob { vouchersExpired redemptionsCompleted refundsRetried } }`,
    );
    expect(runRewardsJob.vouchersExpired).toBeGreaterThanOrEqual(1);
  });

  it('lets one of two tills racing for one voucher take it', async () => {
    const member = await memberWithPoints(100);
    const rewardId = await createReward({});
    const { redeemReward } = (await redeem(member.app, member.id, rewardId)).data!;
    const web = await graph.as({ role: 'service', subject: 'shop', channel: 'ONLINE' });
    const results = await Promise.all([
      till.request(consumeMutation, {
        input: { code: redeemReward.voucher!.code, channel: 'IN_STORE', orderReference: 'till-9/1' },
      }),
      web.request(consumeMutation, {
        input: { code: redeemReward.voucher!.code, channel: 'ONLINE', orderReference: 'web-77' },
      }),
    ]);
    expect(results.map(code).sort()).toEqual(['CONFLICT', 'OK']);
  });

  it('refuses what a member may not redeem, and shows what they can afford', async () => {
    const member = await memberWithPoints(150);
    const goldOnly = await createReward({ tiers: ['Gold'], costPoints: 10 });
    const refused = await redeem(member.app, member.id, goldOnly);
    expect([code(refused), reason(refused)]).toEqual(['FORBIDDEN', 'NotEligible']);
    const cheap = await createReward({ costPoints: 100, channels: ['MOBILE_APP'] });
    const dear = await createReward({ costPoints: 5_000_000, channels: ['MOBILE_APP'] });
    const other = await enrollMember(graph);
    const forOther = await redeem(member.app, other.id, cheap);
    expect(code(forOther)).toBe('FORBIDDEN');
    const { customer } = await member.app.data<
      {
        customer: {
          rewards: { redeemable: Array<{ reward: { id: string }; affordable: boolean; pointsShort: number }> };
        };
      },
      Vars
    >(
      `query($id: ID!) { customer(id: $id) { rewards { redeemable(first: 100) { reward { id } affordable pointsShort } } } }`,
      {
        id: member.id,
      },
    );
    const byId = new Map(customer.rewards.redeemable.map((r) => [r.reward.id, r]));
    expect(byId.get(cheap)).toMatchObject({ affordable: true, pointsShort: 0 });
    expect(byId.get(dear)).toMatchObject({ affordable: false, pointsShort: 5_000_000 - 150 });
    expect(byId.has(goldOnly)).toBe(false);
    const malformed = await till.request(validateQuery, { code: 'NOT-A-CODE', channel: 'IN_STORE' });
    expect(code(malformed)).toBe('BAD_USER_INPUT');
  });

  it("tells the member's app live when a reward is issued and when a voucher is used", async () => {
    const member = await memberWithPoints(100);
    const rewardId = await createReward({});
    const issued = await member.app.subscribe<{ rewardIssued: Vars }, Vars>(
      `subscription($id: ID!) { rewardIssued(customerId: $id, after: "0") { eventId voucherId reward { name } } }`,
      { id: member.id },
    );
    const used = await member.app.subscribe<{ voucherConsumed: Vars }, Vars>(
      `subscription($id: ID!) { voucherConsumed(customerId: $id) { voucherId channel orderReference reward { name } } }`,
      { id: member.id },
    );
    const { redeemReward } = (await redeem(member.app, member.id, rewardId)).data!;
    const voucher = redeemReward.voucher!;
    expect((await issued.next()).data?.rewardIssued).toMatchObject({
      voucherId: voucher.id,
      reward: { name: voucher.reward.name },
    });
    await till.data(consumeMutation, {
      input: { code: voucher.code, channel: 'IN_STORE', orderReference: 'till-5/55' },
    });
    expect((await used.next()).data?.voucherConsumed).toMatchObject({
      voucherId: voucher.id,
      channel: 'IN_STORE',
      orderReference: 'till-5/55',
    });
    issued.close();
    used.close();
  });

  it('grants the birthday reward once a year to the members whose birthday it is', async () => {
    const rewardId = await createReward({
      kind: 'FREE_PRODUCT',
      valueAmount: null,
      valueCurrency: null,
      sku: 'BIRTHDAY-CAKE',
    });
    await marketer.data(`mutation($id: ID) { setBirthdayReward(rewardId: $id) { id } }`, { id: rewardId });
    const today = clock.now();
    const md = today.toISOString().slice(5, 10);
    const enroll = (birthday: string) =>
      graph.admin.data<{ enrollCustomer: { id: string } }, Vars>(
        `mutation($input: EnrollCustomerInput!) { enrollCustomer(input: $input) { id } }`,
        { input: { givenName: 'Birthday', email: `${unique('bday')}@example.com`, channel: 'ONLINE', birthday } },
      );
    const celebrating = (await enroll(`1990-${md}`)).enrollCustomer.id;
    const notToday = (await enroll(md === '01-01' ? '1990-06-15' : '1990-01-01')).enrollCustomer.id;
    const job = `mutation { runRewardsJob { birthdayRewardsGranted } }`;
    const first = await graph.admin.data<{ runRewardsJob: { birthdayRewardsGranted: number } }, Vars>(job);
    expect(first.runRewardsJob.birthdayRewardsGranted).toBeGreaterThanOrEqual(1);
    const again = await graph.admin.data<{ runRewardsJob: { birthdayRewardsGranted: number } }, Vars>(job);
    expect(again.runRewardsJob.birthdayRewardsGranted).toBe(0);
    const vouchersOf = async (id: string) =>
      (
        await graph.admin.data<{ customer: { rewards: { vouchers: Array<{ reward: { id: string } }> } } }, Vars>(
          `query($id: ID!) { customer(id: $id) { rewards { vouchers { reward { id } } } } }`,
          { id },
        )
      ).customer.rewards.vouchers;
    expect((await vouchersOf(celebrating)).map((v) => v.reward.id)).toEqual([rewardId]);
    expect(await vouchersOf(notToday)).toEqual([]);
    await marketer.data(`mutation { setBirthdayReward(rewardId: null) { id } }`);
  });

  it('grants a reward without points, once per grant key', async () => {
    const member = await memberWithPoints(10);
    const rewardId = await createReward({ kind: 'FREE_PRODUCT', valueAmount: null, valueCurrency: null, sku: 'CAKE' });
    const grant = { grantKey: `birthday:2026:${member.id}`, customerId: member.id, rewardId };
    const mutation = `mutation($input: GrantRewardInput!) { grantReward(input: $input) { id status points voucher { code } } }`;
    const first = await marketer.data<{ grantReward: RedemptionView }, Vars>(mutation, { input: grant });
    const second = await marketer.data<{ grantReward: RedemptionView }, Vars>(mutation, { input: grant });
    expect(first.grantReward).toMatchObject({ status: 'GRANTED', points: 0 });
    expect(second.grantReward.voucher?.code).toBe(first.grantReward.voucher?.code);
    expect(await balanceOf(member.id)).toBe(10);
  });

  describe('a voucher used at an offline till (occurredAt)', () => {
    const dayMs = 86_400_000;
    const useMutation = `mutation($input: ConsumeVoucherInput!) {
      consumeVoucher(input: $input) { ${voucherFields} consumedAt consumedRecordedAt consumedOrderReference }
    }`;
    interface UseView extends VoucherView {
      consumedAt: string | null;
      consumedRecordedAt: string | null;
      consumedOrderReference: string | null;
    }
    const use = (input: Vars) => till.request<{ consumeVoucher: UseView }, Vars>(useMutation, { input });
    const statusOf = async (voucherCode: string) =>
      (
        await till.data<{ validateVoucher: { voucher: { status: string } } }, Vars>(validateQuery, {
          code: voucherCode,
          channel: 'IN_STORE',
        })
      ).validateVoucher.voucher.status;
    const consumedEvents = async (customerId: string) =>
      (
        await graph.database.db.query<{ payload: { voucherId: string; occurredAt?: string } }>(
          `select payload from rewards.events where type = 'VoucherConsumed' and aggregate_id = $1 order by id`,
          [customerId],
        )
      ).rows.map((row) => row.payload);
    const runJob = () =>
      graph.admin.data<{ runRewardsJob: { vouchersExpired: number; refundsRetried: number } }, Vars>(
        `mutation { runRewardsJob { vouchersExpired refundsRetried } }`,
      );

    it('takes a use from while the voucher was valid, though it expired since, dated when the till took it', async () => {
      const member = await memberWithPoints(300);
      const rewardId = await createReward({ voucherValidDays: 7 });
      const issuedAt = clock.now();
      const { redeemReward } = (await redeem(member.app, member.id, rewardId)).data!;
      const voucherCode = redeemReward.voucher!.code;
      const after = (days: number) => new Date(issuedAt.getTime() + days * dayMs).toISOString();
      clock.advanceDays(9);
      await runJob();
      expect(await statusOf(voucherCode)).toBe('EXPIRED');
      const order = { code: voucherCode, channel: 'IN_STORE', orderReference: 'till-9/offline-1' };

      // Outside the bound: refused as bad input naming occurredAt, nothing changed.
      for (const occurredAt of [
        new Date(clock.now().getTime() - 31 * dayMs).toISOString(),
        new Date(clock.now().getTime() + 10 * 60_000).toISOString(),
      ]) {
        const refused = await use({ ...order, occurredAt });
        expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'occurredAt' });
      }
      // Within the bound but not while the voucher was valid: CONFLICT with the reason.
      const late = await use({ ...order, occurredAt: after(8) });
      expect([code(late), reason(late)]).toEqual(['CONFLICT', 'VoucherExpired']);
      const early = await use({ ...order, occurredAt: new Date(issuedAt.getTime() - 3_600_000).toISOString() });
      expect([code(early), reason(early)]).toEqual(['CONFLICT', 'VoucherNotYetIssued']);
      expect(early.errors?.[0]?.extensions?.argument).toBe('occurredAt');
      expect(await statusOf(voucherCode)).toBe('EXPIRED');
      expect(await consumedEvents(member.id)).toEqual([]);

      // Taken two days after issue, synced a week later: accepted with the till's time.
      const first = await use({ ...order, occurredAt: after(2) });
      expect(first.errors).toBeUndefined();
      expect(first.data!.consumeVoucher).toMatchObject({
        status: 'CONSUMED',
        consumedAt: after(2),
        consumedRecordedAt: clock.now().toISOString(),
        consumedOrderReference: 'till-9/offline-1',
        refunded: false,
      });
      // The till resends (it lost the answer): the same answer, used once.
      const retry = await use({ ...order, occurredAt: after(2) });
      expect(retry.data).toEqual(first.data);
      clock.advanceDays(1);
      expect((await use(order)).data).toEqual(first.data);
      const other = await use({ ...order, orderReference: 'till-9/offline-2', occurredAt: after(3) });
      expect([code(other), reason(other)]).toEqual(['CONFLICT', 'VoucherConsumed']);

      const events = await consumedEvents(member.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ voucherId: redeemReward.voucher!.id, occurredAt: after(2) });
      // Expiry gave nothing back, so the use costs the points once.
      await runJob();
      expect(await balanceOf(member.id)).toBe(200);
    });

    it('refuses an offline use of a voucher cancelled since, and refunds it once', async () => {
      const member = await memberWithPoints(200);
      const rewardId = await createReward({});
      const issuedAt = clock.now();
      const { redeemReward } = (await redeem(member.app, member.id, rewardId)).data!;
      expect(await balanceOf(member.id)).toBe(100);
      clock.advanceDays(1);
      const cancelled = await member.app.data<{ cancelVoucher: VoucherView }, Vars>(cancelMutation, {
        code: redeemReward.voucher!.code,
      });
      expect(cancelled.cancelVoucher).toMatchObject({ status: 'CANCELLED', refunded: true });
      const offline = await use({
        code: redeemReward.voucher!.code,
        channel: 'IN_STORE',
        orderReference: 'till-9/offline-3',
        occurredAt: new Date(issuedAt.getTime() + 3_600_000).toISOString(),
      });
      expect([code(offline), reason(offline)]).toEqual(['CONFLICT', 'VoucherCancelled']);
      await runJob();
      expect(await balanceOf(member.id)).toBe(200);
      expect(await statusOf(redeemReward.voucher!.code)).toBe('CANCELLED');
    });
  });
});
