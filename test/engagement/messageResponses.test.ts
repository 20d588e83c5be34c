import { randomUUID } from 'node:crypto';
import {
  ConsumeVoucherDocument,
  DefineSegmentDocument,
  MemberMessagesDocument,
  RecordMessageResponseDocument,
  RecordMessageResponsesDocument,
  RecordPurchaseDocument,
  RedeemRewardDocument,
  type SegmentInput,
} from '../../examples/sdk/graphql';
import { eventually } from '../support/eventually';
import { enrollMember, purchaseInput, setEarnRate, unique } from '../support/fixtures';
import { startTestGraph, type GraphClient, type GraphQLResult, type TestGraph } from '../support/testGraph';

type Vars = Record<string, unknown>;
const codeOf = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.code ?? 'OK';
const fieldOf = (result: GraphQLResult<unknown>) =>
  result.errors?.[0]?.extensions?.argument ?? result.errors?.[0]?.extensions?.field;
const setConsent = `mutation($id: ID!, $input: SetConsentInput!) { setConsent(customerId: $id, input: $input) { id } }`;
const runNotifications = `mutation { runNotifications { decided sent voucherEventsRead } }`;
const segmentsOf = `query($id: ID!) { customer(id: $id) { segments { key } } }`;
const only = (conditions: unknown[]) => ({ channelsAny: [], channelsAll: [], tiers: [], conditions });

interface Message {
  id: string;
  kind: string;
  status: string;
  sentAt: string | null;
  responses: Array<{ response: string; occurredAt: string }>;
}

describe('responses to messages (opened, clicked, redeemed), recorded once and segmentable, through the gateway', () => {
  let graph: TestGraph;
  let provider: GraphClient;
  let marketer: GraphClient;
  let associate: GraphClient;
  let till: GraphClient;
  let ada: { id: string; app: GraphClient };
  let bob: { id: string; app: GraphClient };
  let cy: { id: string };
  let voucherCode: string;

  const messagesOf = async (id: string): Promise<Message[]> => {
    const { customer } = await graph.admin.data(MemberMessagesDocument, { id });
    return customer!.notifications.edges.map((edge) => edge.node as Message);
  };
  const messageOf = async (id: string, kind: string): Promise<Message> =>
    (await messagesOf(id)).find((message) => message.kind === kind)!;
  const keysOf = async (id: string): Promise<string[]> => {
    const { customer } = await associate.data<{ customer: { segments: Array<{ key: string }> } }, Vars>(segmentsOf, {
      id,
    });
    return customer.segments.map((segment) => segment.key);
  };
  const respond = (client: GraphClient, input: Vars) =>
    client.request(RecordMessageResponseDocument, { input } as never);

  beforeAll(async () => {
    graph = await startTestGraph();
    await setEarnRate(graph);
    provider = await graph.as({ role: 'service', subject: 'email-provider', channel: 'ONLINE' });
    marketer = await graph.as({ role: 'marketer', subject: 'mia' });
    associate = await graph.as({ role: 'associate', subject: 'alex', storeId: 'berlin-1' });
    till = associate;
    const enroll = async (name: string, consent: boolean) => {
      const { id } = await enrollMember(graph, name);
      if (consent)
        await graph.admin.data(setConsent, { id, input: { channel: 'EMAIL', granted: true, source: 'form' } });
      return { id, app: await graph.as({ role: 'member', subject: id }) };
    };
    [ada, bob, cy] = [await enroll('Ada', true), await enroll('Bob', true), await enroll('Cy', false)];
    const { createReward } = await marketer.data<{ createReward: { id: string } }, Vars>(
      `mutation($input: CreateRewardInput!) { createReward(input: $input) { id } }`,
      { input: { name: '2 € off', kind: 'FIXED_DISCOUNT', valueAmount: 200, valueCurrency: 'EUR', costPoints: 20 } },
    );
    // Points earned: a POINTS_EARNED message each (Cy's suppressed: no consent); Ada redeems a voucher.
    for (const member of [ada, bob, cy])
      await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(member.id) });
    const { redeemReward } = await ada.app.data(RedeemRewardDocument, {
      input: { rewardId: createReward.id, customerId: ada.id, redemptionId: randomUUID(), channel: 'ONLINE' },
    } as never);
    voucherCode = redeemReward.voucher!.code;
    await graph.admin.data(runNotifications);
  });
  afterAll(() => graph?.stop());

  it('records a sent message opened and clicked once each, however often the provider retries', async () => {
    const message = await messageOf(ada.id, 'POINTS_EARNED');
    expect(message.status).toBe('SENT');
    // Reported times between the sending and now (a response in the future counts only from then on).
    const openedAt = message.sentAt!;
    const first = await respond(provider, { messageId: message.id, response: 'OPENED', occurredAt: openedAt });
    expect(codeOf(first)).toBe('OK');
    // A retry and a later open: the first open stays.
    const later = new Date(Math.max(Date.now(), Date.parse(openedAt) + 1)).toISOString();
    const { recordMessageResponses } = await provider.data(RecordMessageResponsesDocument, {
      inputs: [
        { messageId: message.id, response: 'OPENED', occurredAt: openedAt },
        { messageId: message.id, response: 'OPENED', occurredAt: later },
        { messageId: message.id, response: 'CLICKED', occurredAt: later },
        { messageId: message.id, response: 'CLICKED', occurredAt: later },
      ],
    } as never);
    expect(recordMessageResponses.map((item) => [item.response?.response, item.response?.occurredAt])).toEqual([
      ['OPENED', openedAt],
      ['OPENED', openedAt],
      ['CLICKED', later],
      ['CLICKED', later],
    ]);
    // The member's app reports the open again: nothing new.
    expect(codeOf(await respond(ada.app, { messageId: message.id, response: 'OPENED' }))).toBe('OK');
    expect((await messageOf(ada.id, 'POINTS_EARNED')).responses).toEqual([
      { response: 'OPENED', occurredAt: openedAt },
      { response: 'CLICKED', occurredAt: later },
    ]);
  });

  it('records a redemption when the voucher a message carried is used', async () => {
    const voucherMessage = await messageOf(ada.id, 'VOUCHER_ISSUED');
    expect(voucherMessage.status).toBe('SENT');
    await till.data(ConsumeVoucherDocument, {
      input: { code: voucherCode, channel: 'IN_STORE', storeId: 'berlin-1', orderReference: unique('order') },
    });
    const redeemed = await eventually(
      async () => {
        await graph.admin.data(runNotifications);
        return (await messageOf(ada.id, 'VOUCHER_ISSUED')).responses;
      },
      (responses) => responses.some((response) => response.response === 'REDEEMED'),
      'the redemption of the voucher message',
    );
    expect(redeemed.map((response) => response.response)).toEqual(['REDEEMED']);
    // Read again, nothing is recorded twice; the message without a voucher has no redemption.
    await graph.admin.data(runNotifications);
    expect((await messageOf(ada.id, 'VOUCHER_ISSUED')).responses).toHaveLength(1);
    expect((await messageOf(ada.id, 'POINTS_EARNED')).responses.map((r) => r.response)).not.toContain('REDEEMED');
  });

  it('refuses unknown messages, bad times, unsent messages and reports for others, storing nothing', async () => {
    const bobs = await messageOf(bob.id, 'POINTS_EARNED');
    const cys = await messageOf(cy.id, 'POINTS_EARNED');
    expect(cys.status).toBe('SUPPRESSED');
    const before = new Date(Date.parse(bobs.sentAt!) - 60_000).toISOString();
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const unknown = await respond(provider, { messageId: randomUUID(), response: 'OPENED' });
    expect(codeOf(unknown)).toBe('NOT_FOUND');
    const notAnId = await respond(provider, { messageId: 'not-a-message', response: 'OPENED' });
    expect(codeOf(notAnId)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(notAnId.errors![0]!.extensions)).toContain('messageId');
    const early = await respond(provider, { messageId: bobs.id, response: 'OPENED', occurredAt: before });
    expect([codeOf(early), fieldOf(early)]).toEqual(['BAD_USER_INPUT', 'occurredAt']);
    const future = await respond(provider, { messageId: bobs.id, response: 'CLICKED', occurredAt: tomorrow });
    expect([codeOf(future), fieldOf(future)]).toEqual(['BAD_USER_INPUT', 'occurredAt']);
    const unsent = await respond(provider, { messageId: cys.id, response: 'OPENED' });
    expect([codeOf(unsent), fieldOf(unsent)]).toEqual(['BAD_USER_INPUT', 'messageId']);
    expect(codeOf(await respond(ada.app, { messageId: bobs.id, response: 'OPENED' }))).toBe('FORBIDDEN');
    expect(codeOf(await respond(bob.app, { messageId: bobs.id, response: 'REDEEMED' }))).toBe('FORBIDDEN');
    expect(codeOf(await respond(marketer, { messageId: bobs.id, response: 'OPENED' }))).toBe('FORBIDDEN');
    // A batch: the bad item fails alone, coded as the single mutation codes it.
    const { recordMessageResponses } = await provider.data(RecordMessageResponsesDocument, {
      inputs: [{ messageId: bobs.id, response: 'OPENED', occurredAt: before }],
    } as never);
    expect(recordMessageResponses[0]!.error).toEqual(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'occurredAt' }),
    );
    expect((await messageOf(bob.id, 'POINTS_EARNED')).responses).toEqual([]);
    expect((await messageOf(cy.id, 'POINTS_EARNED')).responses).toEqual([]);
  });

  it('segments on responses: who opened, who was sent one and did not open, who redeemed', async () => {
    const define = (key: string, message: Vars) =>
      marketer.data(DefineSegmentDocument, { input: { key, name: key, rule: only([{ message }]) } as SegmentInput });
    await define('opened-points', { response: 'OPENED', kind: 'POINTS_EARNED', withinDays: 7 });
    await define('ignored-points', { response: 'OPENED', responded: false, kind: 'POINTS_EARNED', withinDays: 7 });
    await define('redeemed-offer', { response: 'REDEEMED', withinDays: 30 });
    await define('opened-absence', { response: 'OPENED', kind: 'ABSENCE_OFFER', withinDays: 7 });
    const ours = ['opened-points', 'ignored-points', 'redeemed-offer', 'opened-absence'];
    const segmentsOfAll = () =>
      Promise.all([ada, bob, cy].map(async (member) => (await keysOf(member.id)).filter((key) => ours.includes(key))));
    const [adas, bobs, cys] = await eventually(
      segmentsOfAll,
      ([a]) => a!.includes('redeemed-offer'),
      "the campaign's record of Ada's responses",
    );
    expect(adas!.sort()).toEqual(['opened-points', 'redeemed-offer']);
    expect(bobs).toEqual(['ignored-points']);
    // Cy was never sent one: neither opened nor ignored.
    expect(cys).toEqual([]);
    const { defineSegment } = await define('opened-points', {
      response: 'OPENED',
      kind: 'POINTS_EARNED',
      withinDays: 7,
    });
    expect(defineSegment.members).toBe(1);

    // Bob opens his now: he moves from the ignored to the openers.
    const bobsMessage = await messageOf(bob.id, 'POINTS_EARNED');
    expect(codeOf(await respond(bob.app, { messageId: bobsMessage.id, response: 'CLICKED' }))).toBe('OK');
    const bobsNow = await eventually(
      () => keysOf(bob.id),
      (keys) => keys.includes('opened-points'),
      "the campaign's record of Bob's click",
    );
    expect(bobsNow.filter((key) => ours.includes(key))).toEqual(['opened-points']);
  });

  it('refuses a message condition that is not one, naming the field', async () => {
    const result = await marketer.request(DefineSegmentDocument, {
      input: {
        key: 'bad-window',
        name: 'bad',
        rule: only([{ message: { response: 'OPENED', withinDays: 0 } }]),
      } as SegmentInput,
    });
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    const both = await marketer.request(DefineSegmentDocument, {
      input: {
        key: 'two-kinds',
        name: 'two',
        rule: only([{ message: { response: 'OPENED', withinDays: 7 }, inAudience: 'vip' }]),
      } as SegmentInput,
    });
    expect([codeOf(both), fieldOf(both)]).toEqual(['BAD_USER_INPUT', 'input.rule.conditions[0]']);
  });
});
