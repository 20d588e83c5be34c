import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { RecordPurchaseDocument } from '../../examples/sdk/graphql';
import { NotificationChannel } from '../../subgraphs/engagement/notifications/notification.rules';
import { HttpWebhookProvider, SmtpEmailProvider } from '../../subgraphs/engagement/notifications/notificationProviders';
import { eventually } from '../support/eventually';
import { enrollMember, purchaseInput, setEarnRate } from '../support/fixtures';
import { TestClock } from '../support/ledger';
import { startTestGraph, type GraphClient, type TestGraph } from '../support/testGraph';

interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  messageId: string;
}

interface ReceivedHook {
  headers: IncomingHttpHeaders;
  body: { id: string; channel: string; to: string; body: string; kind: string };
}

/** A real SMTP server on a free port, keeping every message it receives. */
async function startMailbox(): Promise<{ port: number; mails: ReceivedMail[]; close(): Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, done) {
      simpleParser(stream)
        .then((mail) => {
          const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
          mails.push({
            to: to?.text ?? '',
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            messageId: mail.messageId ?? '',
          });
          done();
        })
        .catch(done);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** An SMS / push gateway stand-in: accepts every POST and keeps it. */
async function startReceiver(): Promise<{ url: string; hooks: ReceivedHook[]; server: Server }> {
  const hooks: ReceivedHook[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      hooks.push({ headers: request.headers, body: JSON.parse(body) as ReceivedHook['body'] });
      response.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `gw-${hooks.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/messages`, hooks, server };
}

interface NotificationView {
  kind: string;
  channel: string | null;
  status: string;
  reason: string | null;
  language: string;
  recipient: string | null;
  subject: string | null;
  body: string | null;
  provider: string | null;
  sendAfter: string;
}

const notificationsQuery = `query($id: ID!) { customer(id: $id) { notifications(first: 50) { edges { node {
  kind channel status reason language recipient subject body provider sendAfter } } } } }`;

async function notificationsOf(client: GraphClient, id: string): Promise<NotificationView[]> {
  const data = await client.data<
    { customer: { notifications: { edges: Array<{ node: NotificationView }> } } },
    { id: string }
  >(notificationsQuery, { id });
  return data.customer.notifications.edges.map((edge) => edge.node);
}

const runNotifications = `mutation { runNotifications { eventsRead decided sent refused } }`;

describe('notifications: every channel, with consent, once per event', () => {
  // 22:00 UTC: inside the quiet hours (21:00 to 08:00), which hold back SMS and push but not email.
  const clock = new TestClock(new Date('2026-06-10T22:00:00Z'));
  let graph: TestGraph;
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let gateway: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    mailbox = await startMailbox();
    gateway = await startReceiver();
    graph = await startTestGraph({
      clock: clock.now,
      notifications: {
        providers: {
          EMAIL: new SmtpEmailProvider(`smtp://127.0.0.1:${mailbox.port}`, 'Loyalty Graph <hello@loyalty.test>'),
          SMS: new HttpWebhookProvider(gateway.url, NotificationChannel.SMS),
        },
        quietHours: { startMinute: 21 * 60, endMinute: 8 * 60, timeZone: 'UTC' },
        intervalMs: 100,
      },
    });
    await setEarnRate(graph);
  });
  afterAll(async () => {
    await graph?.stop();
    await mailbox?.close();
    gateway?.server.close();
  });

  async function consentTo(id: string, channel: string, granted = true): Promise<void> {
    await graph.admin.data(
      `mutation($id: ID!, $input: SetConsentInput!) { setConsent(customerId: $id, input: $input) { id } }`,
      { id, input: { channel, granted, source: 'signup-form' } },
    );
  }

  it('emails the points a POS purchase earned in store, over SMTP', async () => {
    const member = await enrollMember(graph, 'Ada', 'Lovelace');
    await consentTo(member.id, 'EMAIL');
    const associate = await graph.as({ role: 'associate', subject: 'till-7', storeId: 'berlin-1' });
    const { recordPurchase } = await associate.data(RecordPurchaseDocument, { input: purchaseInput(member.id) });
    expect(recordPurchase.pointsEarned).toBe(25);

    const [mail] = await eventually(
      () => Promise.resolve(mailbox.mails.filter((m) => m.to === member.email)),
      (mails) => mails.length > 0,
      'the receipt email',
    );
    expect(mail!.subject).toBe('You earned 25 points');
    expect(mail!.text).toContain('Hi Ada,');
    expect(mail!.text).toContain('thank you for shopping in store berlin-1. You earned 25 points');
    const [sent] = await eventually(
      () => notificationsOf(graph.admin, member.id),
      (list) => list[0]?.status === 'SENT',
      'the delivery status',
    );
    expect(sent).toMatchObject({ kind: 'POINTS_EARNED', channel: 'EMAIL', provider: 'smtp', recipient: member.email });
    expect(mail!.messageId).toMatch(/@loyalty-graph>$/);
    // The member reads their own messages; another member may not.
    const self = await graph.as({ role: 'member', subject: member.id });
    expect(await notificationsOf(self, member.id)).toHaveLength(1);
    const stranger = await graph.as({ role: 'member', subject: (await enrollMember(graph)).id });
    const refused = await stranger.request(notificationsQuery, { id: member.id });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('sends nothing without consent, and records why', async () => {
    const member = await enrollMember(graph, 'Grace', 'Hopper');
    await consentTo(member.id, 'EMAIL', false);
    await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(member.id) });
    const [suppressed] = await eventually(
      () => notificationsOf(graph.admin, member.id),
      (list) => list.length > 0,
      'the decision',
    );
    expect(suppressed).toMatchObject({
      kind: 'POINTS_EARNED',
      status: 'SUPPRESSED',
      reason: 'NO_CONSENT',
      channel: null,
    });
    await graph.admin.data(runNotifications);
    expect(mailbox.mails.filter((m) => m.to === member.email)).toEqual([]);
  });

  it('never sends twice for one event, even when every outbox is read again from the start', async () => {
    const member = await enrollMember(graph, 'Alan', 'Turing');
    await consentTo(member.id, 'EMAIL');
    await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(member.id) });
    await eventually(
      () => Promise.resolve(mailbox.mails.filter((m) => m.to === member.email)),
      (mails) => mails.length === 1,
      'the first email',
    );
    const db = graph.database.db;
    const cursor = async () =>
      Number(
        (
          await db.query<{ last_event_id: string }>(
            `select last_event_id from engagement.consumer_cursors where source = 'notifications:ledger'`,
          )
        ).rows[0]!.last_event_id,
      );
    const decisions = async () => (await db.query('select id from engagement.notifications')).rows.length;
    const [readUpTo, decidedBefore] = [await cursor(), await decisions()];
    await db.query(`update engagement.consumer_cursors set last_event_id = 0 where source = 'notifications:ledger'`);
    await eventually(cursor, (position) => position >= readUpTo, 'the ledger outbox read again');
    expect(await decisions()).toBe(decidedBefore);
    await graph.admin.data(runNotifications);
    expect(mailbox.mails.filter((m) => m.to === member.email)).toHaveLength(1);
    expect(await notificationsOf(graph.admin, member.id)).toHaveLength(1);
  });

  it('texts a member who prefers SMS, in their language, after the quiet hours', async () => {
    const { enrollCustomer } = await graph.admin.data<{ enrollCustomer: { id: string } }, { input: object }>(
      `mutation($input: EnrollCustomerInput!) { enrollCustomer(input: $input) { id } }`,
      { input: { givenName: 'Lise', phone: '+4915112345678', channel: 'IN_STORE', storeId: 'berlin-1' } },
    );
    const id = enrollCustomer.id;
    await graph.admin.data(
      `mutation($id: ID!) { updateProfile(customerId: $id, input: { preferredChannel: SMS, language: "de-DE" }) { id } }`,
      { id },
    );
    await consentTo(id, 'SMS');
    await consentTo(id, 'EMAIL');
    await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(id) });
    const [held] = await eventually(
      () => notificationsOf(graph.admin, id),
      (list) => list.length > 0,
      'the decision',
    );
    expect(held).toMatchObject({
      channel: 'SMS',
      status: 'PENDING',
      language: 'de',
      recipient: '+4915112345678',
      body: 'Loyalty Graph: +25 Punkte für Ihren Einkauf in der Filiale berlin-1.',
      sendAfter: '2026-06-11T08:00:00.000Z',
    });
    await graph.admin.data(runNotifications);
    expect(gateway.hooks.filter((hook) => hook.body.to === '+4915112345678')).toEqual([]);

    clock.advanceDays(0.5); // 10:00 the next morning
    await graph.admin.data(runNotifications);
    const [hook] = gateway.hooks.filter((received) => received.body.to === '+4915112345678');
    expect(hook?.body).toMatchObject({ channel: 'SMS', kind: 'POINTS_EARNED', body: held!.body });
    expect(hook?.headers['idempotency-key']).toBe(hook?.body.id);
    expect((await notificationsOf(graph.admin, id))[0]).toMatchObject({ status: 'SENT', provider: 'sms-webhook' });
  });

  it('lets marketers word a message, checking its placeholders', async () => {
    const marketer = await graph.as({ role: 'marketer', subject: 'mia' });
    const set = `mutation($input: SetNotificationTemplateInput!) { setNotificationTemplate(input: $input) { language custom } }`;
    const bad = await marketer.request(set, {
      input: { kind: 'TIER_CHANGED', channel: 'PUSH', language: 'fr', body: 'Bravo {{givenName}}, {{points}}' },
    });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.body' });
    const noSubject = await marketer.request(set, {
      input: { kind: 'TIER_CHANGED', channel: 'EMAIL', language: 'fr', body: 'Bravo {{givenName}}' },
    });
    expect(noSubject.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.subject' });
    expect(
      await marketer.data(set, {
        input: {
          kind: 'TIER_CHANGED',
          channel: 'PUSH',
          language: 'FR',
          body: '{{brand}}: bravo, vous êtes {{tier}} !',
        },
      }),
    ).toEqual({ setNotificationTemplate: { language: 'fr', custom: true } });
    const member = await graph.as({ role: 'member', subject: 'someone' });
    expect(
      (await member.request(set, { input: { kind: 'BIRTHDAY', channel: 'SMS', language: 'en', body: 'x' } }))
        .errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
  });

  const subjectsFor = (email: string) => mailbox.mails.filter((m) => m.to === email).map((m) => m.subject);

  it('says when a reward comes within reach, when its voucher is issued, and happy birthday once', async () => {
    const { createReward } = await graph.admin.data<{ createReward: { id: string } }, { input: object }>(
      `mutation($input: CreateRewardInput!) { createReward(input: $input) { id } }`,
      {
        input: { name: 'Coffee on us', kind: 'FREE_PRODUCT', sku: 'COFFEE', costPoints: 40 },
      },
    );
    const { enrollCustomer } = await graph.admin.data<{ enrollCustomer: { id: string } }, { input: object }>(
      `mutation($input: EnrollCustomerInput!) { enrollCustomer(input: $input) { id } }`,
      { input: { givenName: 'Emmy', email: 'emmy@noether.test', channel: 'ONLINE' } },
    );
    const id = enrollCustomer.id;
    await graph.admin.data(
      `mutation($id: ID!) { setConsent(customerId: $id, input: { channel: EMAIL, granted: true, source: "app-settings" }) { id } }`,
      { id },
    );
    // Told after the consent: a birthday message decided before it would be suppressed.
    // Born on the test clock's day (UTC).
    const birthday = `1990-${clock.now().toISOString().slice(5, 10)}`;
    await graph.admin.data(
      `mutation($id: ID!, $birthday: String) { updateProfile(customerId: $id, input: { birthday: $birthday }) { id } }`,
      { id, birthday },
    );
    await eventually(
      () => Promise.resolve(subjectsFor('emmy@noether.test')),
      (subjects) => subjects.includes('Happy birthday, Emmy!'),
      'the birthday email',
    );
    await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(id) }); // 25 points: not yet
    await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(id) }); // 50: coffee is within reach
    await eventually(
      () => Promise.resolve(subjectsFor('emmy@noether.test')),
      (subjects) => subjects.includes('Coffee on us is yours to redeem'),
      'the reward email',
    );
    const member = await graph.as({ role: 'member', subject: id });
    await member.data(`mutation($input: RedeemRewardInput!) { redeemReward(input: $input) { status } }`, {
      input: { redemptionId: crypto.randomUUID(), rewardId: createReward.id, customerId: id, channel: 'MOBILE_APP' },
    });
    await eventually(
      () => Promise.resolve(subjectsFor('emmy@noether.test')),
      (subjects) => subjects.includes('Your voucher for Coffee on us'),
      'the voucher email',
    );
    await graph.admin.data(runNotifications);
    expect(subjectsFor('emmy@noether.test').sort()).toEqual([
      'Coffee on us is yours to redeem',
      'Happy birthday, Emmy!',
      'You earned 25 points',
      'You earned 25 points',
      'Your voucher for Coffee on us',
    ]);
    // Paged two at a time, the messages are all there, once each, newest first.
    const all = await notificationsOf(graph.admin, id);
    const paged: NotificationView[] = [];
    let after: string | null = null;
    do {
      const page: {
        customer: {
          notifications: {
            edges: Array<{ node: NotificationView }>;
            pageInfo: { endCursor: string | null; hasNextPage: boolean };
          };
        };
      } = await graph.admin.data(
        `query($id: ID!, $after: String) { customer(id: $id) { notifications(first: 2, after: $after) {
            edges { node { kind channel status reason language recipient subject body provider sendAfter } }
            pageInfo { endCursor hasNextPage } } } }`,
        { id, after },
      );
      paged.push(...page.customer.notifications.edges.map((edge) => edge.node));
      after = page.customer.notifications.pageInfo.hasNextPage ? page.customer.notifications.pageInfo.endCursor : null;
    } while (after);
    expect(paged).toEqual(all);
    expect(all).toHaveLength(5);
  });
});
