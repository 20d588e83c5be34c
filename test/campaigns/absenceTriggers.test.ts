import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  AbsenceTriggersDocument,
  ConsumeVoucherDocument,
  MemberMessagesDocument,
  DefineAbsenceTriggerDocument,
  DefineEventTypeDocument,
  type AbsenceTriggerInput,
  RecordPurchaseDocument,
  TrackEventDocument,
} from '../../examples/sdk/graphql';
import { eventually } from '../support/eventually';
import { enrollMember, purchaseInput, setEarnRate, unique } from '../support/fixtures';
import { TestClock } from '../support/ledger';
import { startTestGraph, type GraphClient, type TestGraph } from '../support/testGraph';

type Vars = Record<string, unknown>;
const code = (result: { errors?: Array<{ extensions?: { code?: unknown } }> }) =>
  result.errors?.[0]?.extensions?.code ?? 'OK';
const examples = path.resolve(__dirname, '../../../examples/absence');
const example = (name: string) =>
  JSON.parse(readFileSync(path.join(examples, name), 'utf8')) as { input: AbsenceTriggerInput };

const balanceOf = `query($id: ID!) { customer(id: $id) { loyalty { balance } } }`;
const notificationsOf = `query($id: ID!) { customer(id: $id) { notifications(first: 50) { edges { node { kind channel status recipient subject } } } } }`;
const vouchersOf = `query($id: ID!) { customer(id: $id) { rewards { vouchers { code status reward { id } } } } }`;
const setConsent = `mutation($id: ID!, $input: SetConsentInput!) { setConsent(customerId: $id, input: $input) { id } }`;
const runAbsence = `mutation { runAbsenceTriggers { fired delivered failed } }`;
const runNotifications = `mutation { runNotifications { decided } }`;
const refreshHistory = `mutation { refreshPurchaseHistory { events } }`;

interface Timers {
  pending: number;
  fired: number;
  cancelled: number;
}
interface Message {
  kind: string;
  channel: string | null;
  status: string;
  recipient: string | null;
  subject: string | null;
}

describe('absence triggers: abandoned carts and win-back, through the gateway', () => {
  // Ahead of the real time by nothing at first: the profile stamps events with the real time.
  const clock = new TestClock();
  let graph: TestGraph;
  let marketer: GraphClient;
  let shop: GraphClient;
  /** The clients of the graph that runs after the restart. */
  let admin: GraphClient;
  let rewardId: string;
  const members: Record<'ada' | 'bob' | 'cy' | 'dee' | 'eve', { id: string; email: string }> = {} as never;

  const timersOf = async (client: GraphClient, key: string): Promise<Timers> => {
    const { absenceTriggers } = await client.data(AbsenceTriggersDocument, {});
    return absenceTriggers.find((trigger) => trigger.key === key)!.timers;
  };
  const cart = (customerId: string, occurredAt?: Date) =>
    shop.data(TrackEventDocument, {
      input: {
        customerId,
        occurredAt: occurredAt?.toISOString(),
        type: 'cart.updated',
        properties: { cartValue: { amount: 2400, currency: 'EUR' }, skus: ['TEA-MATCHA'] },
        channel: 'ONLINE',
        idempotencyKey: unique('cart'),
      },
    });
  const messages = async (client: GraphClient, id: string): Promise<Message[]> => {
    const { customer } = await client.data<{ customer: { notifications: { edges: Array<{ node: Message }> } } }, Vars>(
      notificationsOf,
      { id },
    );
    return customer.notifications.edges.map((edge) => edge.node);
  };
  const balance = async (client: GraphClient, id: string): Promise<number> =>
    (await client.data<{ customer: { loyalty: { balance: number } | null } }, Vars>(balanceOf, { id })).customer.loyalty
      ?.balance ?? 0;

  beforeAll(async () => {
    graph = await startTestGraph({ clock: clock.now });
    await setEarnRate(graph);
    marketer = await graph.as({ role: 'marketer', subject: 'mia' });
    shop = await graph.as({ role: 'service', subject: 'shop', channel: 'ONLINE' });
    await marketer.data(DefineEventTypeDocument, {
      input: {
        name: 'cart.updated',
        properties: [
          { name: 'cartValue', kind: 'MONEY', required: true },
          { name: 'skus', kind: 'SKU_LIST', required: true },
        ],
      },
    });
    const { createReward } = await marketer.data<{ createReward: { id: string } }, Vars>(
      `mutation($input: CreateRewardInput!) { createReward(input: $input) { id } }`,
      {
        input: {
          name: 'We miss you: 10 € off',
          kind: 'FIXED_DISCOUNT',
          valueAmount: 1000,
          valueCurrency: 'EUR',
          costPoints: 500,
        },
      },
    );
    rewardId = createReward.id;
    await marketer.data(DefineAbsenceTriggerDocument, example('abandonedCart.json'));
    await marketer.data(DefineAbsenceTriggerDocument, {
      input: { ...example('winBack.json').input, rewardId },
    });
    for (const name of ['ada', 'bob', 'cy', 'dee', 'eve'] as const) {
      members[name] = await enrollMember(graph, name);
      await graph.admin.data(setConsent, {
        id: members[name].id,
        input: { channel: 'EMAIL', granted: true, source: 'form' },
      });
    }
  });
  afterAll(() => graph?.stop());

  it('refuses a trigger that cannot be taken, and a key in use', async () => {
    const bad = async (input: Vars) => code(await marketer.request(DefineAbsenceTriggerDocument, { input } as never));
    const base = {
      key: 'x-cart',
      name: 'X',
      start: 'CUSTOM_EVENT' as const,
      eventType: 'cart.updated',
      waitMinutes: 60,
    };
    expect(await bad({ ...base, eventType: null })).toBe('BAD_USER_INPUT');
    expect(await bad({ ...base, waitMinutes: 0 })).toBe('BAD_USER_INPUT');
    expect(await bad({ ...base, sendMessage: false })).toBe('BAD_USER_INPUT');
    expect(await bad({ ...base, start: 'LAST_PURCHASE' })).toBe('BAD_USER_INPUT');
    expect(await bad({ ...base, key: 'abandoned-cart' })).toBe('CONFLICT');
    const member = await graph.as({ role: 'member', subject: members.ada.id });
    expect(code(await member.request(DefineAbsenceTriggerDocument, { input: base }))).toBe('FORBIDDEN');
    const { absenceTriggers } = await marketer.data(AbsenceTriggersDocument, {});
    expect(absenceTriggers.map((trigger) => trigger.key)).toEqual(['abandoned-cart', 'win-back']);
  });

  it('starts a timer per cart, and a purchase before the deadline cancels it', async () => {
    await cart(members.ada.id);
    await cart(members.bob.id);
    await cart(members.cy.id);
    // A later cart of the same member moves their timer; it stays one.
    await cart(members.ada.id);
    await eventually(
      () => timersOf(marketer, 'abandoned-cart'),
      (t) => t.pending === 3,
      'three carts waiting',
    );
    await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(members.bob.id) });
    await marketer.data(refreshHistory);
    expect(await timersOf(marketer, 'abandoned-cart')).toEqual({ pending: 2, fired: 0, cancelled: 1 });
    // A cart from before a purchase the history has read (an app syncing late) starts nothing.
    await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(members.dee.id) });
    await marketer.data(refreshHistory);
    await cart(members.dee.id, new Date(clock.now().getTime() - 300_000));
    // Eve's cart, tracked after it, is read after it: once hers waits, Dee's was read and started nothing.
    await cart(members.eve.id);
    await eventually(
      () => timersOf(marketer, 'abandoned-cart'),
      (t) => t.pending === 3,
      "Eve's cart read",
    );
    expect(await timersOf(marketer, 'abandoned-cart')).toEqual({ pending: 3, fired: 0, cancelled: 1 });
    // Nothing is due before the two hours are up.
    expect(
      (await graph.admin.data<{ runAbsenceTriggers: { fired: number } }, never>(runAbsence)).runAbsenceTriggers.fired,
    ).toBe(0);
  });

  it('fires each pending timer once after a restart, with the offer and a message on the consented channel', async () => {
    // The first graph's campaign goes away with three timers pending; another graph on the same database takes over.
    await graph.stack.subgraphs.campaign.absenceScheduler.stop();
    await graph.stack.subgraphs.campaign.absenceStarts.stop();
    const second = await graph.startInstance();
    admin = await second.as({ role: 'admin', subject: 'test-admin' });
    clock.advanceMinutes(125);
    const first = await admin.data<{ runAbsenceTriggers: { fired: number; delivered: number } }, never>(runAbsence);
    const again = await admin.data<{ runAbsenceTriggers: { fired: number } }, never>(runAbsence);
    // The second graph's own scheduler may have fired them first; either way, once in all.
    expect(first.runAbsenceTriggers.fired + again.runAbsenceTriggers.fired).toBeLessThanOrEqual(3);
    expect(await timersOf(admin, 'abandoned-cart')).toEqual({ pending: 0, fired: 3, cancelled: 1 });
    for (const member of [members.ada, members.cy, members.eve])
      await eventually(
        () => balance(admin, member.id),
        (points) => points === 50,
        'the cart bonus',
      );
    // Bob bought in time: his purchase's 25 points and nothing more.
    expect(await balance(admin, members.bob.id)).toBe(25);

    await admin.data(runNotifications);
    const adas = await messages(admin, members.ada.id);
    expect(adas.filter((m) => m.kind === 'ABSENCE_OFFER')).toEqual([
      expect.objectContaining({
        channel: 'EMAIL',
        recipient: members.ada.email,
        subject: 'Something for you: Abandoned cart',
      }),
    ]);
    expect((await messages(admin, members.bob.id)).filter((m) => m.kind === 'ABSENCE_OFFER')).toEqual([]);
    // Asked again, nothing fires twice.
    await admin.data(runAbsence);
    expect(await balance(admin, members.ada.id)).toBe(50);
  });

  it('wins back a member who has not bought for 60 days with a voucher, and not one who has', async () => {
    // Bob and Dee bought at the start; Cy buys now, so 60 days after the start only Bob and Dee are lapsed.
    await admin.data(RecordPurchaseDocument, { input: purchaseInput(members.cy.id) });
    await admin.data(refreshHistory);
    expect((await timersOf(admin, 'win-back')).pending).toBe(3);
    clock.advanceDays(60);
    clock.advanceMinutes(-60);
    await admin.data(runAbsence);
    await eventually(
      () =>
        admin.data<{ customer: { rewards: { vouchers: Array<{ reward: { id: string } }> } } }, Vars>(vouchersOf, {
          id: members.bob.id,
        }),
      (data) => data.customer.rewards.vouchers.some((voucher) => voucher.reward.id === rewardId),
      "Bob's win-back voucher",
    );
    const cys = await admin.data<{ customer: { rewards: { vouchers: unknown[] } } }, Vars>(vouchersOf, {
      id: members.cy.id,
    });
    expect(cys.customer.rewards.vouchers).toEqual([]);
    expect(await timersOf(admin, 'win-back')).toEqual({ pending: 1, fired: 2, cancelled: 0 });
    await admin.data(runNotifications);
    // One message tells Bob of the offer and carries its voucher: no VOUCHER_ISSUED besides it.
    expect((await messages(admin, members.bob.id)).map((m) => m.kind).sort()).toEqual([
      'ABSENCE_OFFER',
      'POINTS_EARNED',
    ]);
  });

  it('records the win-back message redeemed when its voucher is used at the till', async () => {
    const { customer } = await admin.data<
      { customer: { rewards: { vouchers: Array<{ code: string; reward: { id: string } }> } } },
      Vars
    >(vouchersOf, { id: members.bob.id });
    const voucher = customer.rewards.vouchers.find((one) => one.reward.id === rewardId)!;
    const till = await graph.as({ role: 'associate', subject: 'alex', storeId: 'berlin-1' });
    await till.data(ConsumeVoucherDocument, {
      input: { code: voucher.code, channel: 'IN_STORE', storeId: 'berlin-1', orderReference: unique('order') },
    });
    const responsesOf = async () => {
      const { customer: bob } = await admin.data(MemberMessagesDocument, { id: members.bob.id });
      return bob!.notifications.edges
        .filter((edge) => edge.node.kind === 'ABSENCE_OFFER')
        .flatMap((edge) => edge.node.responses.map((response) => response.response));
    };
    await eventually(
      async () => {
        await admin.data(runNotifications);
        return responsesOf();
      },
      (responses) => responses.includes('REDEEMED'),
      "the win-back message's redemption",
    );
    expect(await responsesOf()).toEqual(['REDEEMED']);
  });
});
