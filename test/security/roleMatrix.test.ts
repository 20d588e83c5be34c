import { randomUUID } from 'node:crypto';
import type { Role } from '../../runtime/auth/principal';
import { BalanceUpdatedDocument, RecordPurchaseDocument } from '../../examples/sdk/graphql';
import { enrollMember, purchaseInput, setEarnRate, unique } from '../support/fixtures';
import { startTestGraph, type GraphClient, type GraphQLResult, type TestGraph } from '../support/testGraph';

type Caller = 'anonymous' | Exclude<Role, 'internal'>;
const callers: Caller[] = ['anonymous', 'member', 'associate', 'marketer', 'admin', 'service'];

interface Operation {
  name: string;
  /** Who may; everyone else is refused (UNAUTHENTICATED without a token, FORBIDDEN with one). */
  allowed: Caller[];
  run(client: GraphClient): Promise<GraphQLResult<unknown>>;
  /** The field that must be null (or absent) when refused; a dotted path for a nested one. */
  field: string;
}

/**
 * The role matrix of ARCHITECTURE §6, table-driven: every caller against every operation, through
 * the gateway. The README's role table is this table.
 */
describe('who may do what', () => {
  let graph: TestGraph;
  let clients: Record<Caller, GraphClient>;
  let member: { id: string; email: string };
  let otherMember: { id: string; email: string };
  let pens: { id: string };

  beforeAll(async () => {
    // Every row is tried by every caller: more mutations than one token may make a minute by default.
    graph = await startTestGraph({
      gateway: { rateLimits: { mutationsPerToken: 100_000, mutationsPerIp: 100_000, windowMs: 60_000 } },
    });
    await setEarnRate(graph);
    [member, otherMember] = await Promise.all([enrollMember(graph, 'Mia'), enrollMember(graph, 'Oli')]);
    await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(member.id, { storeId: 'berlin-1' }) });
    // A purchase with units enough for every allowed return below.
    const penOrder = purchaseInput(member.id, { lines: [{ sku: 'PEN', quantity: 100, unitPrice: 100 }] });
    pens = (await graph.admin.data(RecordPurchaseDocument, { input: penOrder })).recordPurchase;
    await graph.admin.data(
      `mutation { defineEventType(input: { name: "review.submitted", membersMaySend: true,
         properties: [{ name: "rating", kind: NUMBER, required: true }] }) { version } }`,
    );
    // Points for the redemptions for another member, and a balance event for their subscription.
    await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(otherMember.id) });
    clients = {
      anonymous: graph.anonymous,
      member: await graph.as({ role: 'member', subject: member.id }),
      associate: await graph.as({ role: 'associate', subject: 'ana@berlin-1', storeId: 'berlin-1' }),
      marketer: await graph.as({ role: 'marketer', subject: 'max@hq' }),
      admin: graph.admin,
      service: await graph.as({ role: 'service', subject: 'webshop', channel: 'ONLINE' }),
    };
  });
  afterAll(() => graph?.stop());

  const enroll = (channel: string, storeId: string | null) => (client: GraphClient) =>
    client.request(`mutation($input: EnrollCustomerInput!) { enrollCustomer(input: $input) { id } }`, {
      input: { givenName: 'New', email: `${unique('new')}@example.com`, channel, storeId },
    });
  const purchase = (channel: string, storeId: string | null) => (client: GraphClient) =>
    client.request(`mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { id pointsEarned } }`, {
      input: purchaseInput(member.id, { channel, storeId }),
    });

  const returnPen = (channel: string, storeId: string | null) => (client: GraphClient) =>
    client.request(`mutation($input: RecordReturnInput!) { recordReturn(input: $input) { id pointsReversed } }`, {
      input: {
        channel,
        storeId,
        externalReturnId: unique('ret'),
        purchaseId: pens.id,
        lines: [{ sku: 'PEN', quantity: 1 }],
      },
    });

  const operations: Operation[] = [
    {
      name: "read a member's profile",
      allowed: ['member', 'associate', 'admin'],
      field: 'customer',
      run: (c) => c.request(`query($id: ID!) { customer(id: $id) { name email } }`, { id: member.id }),
    },
    {
      name: "read another member's profile",
      allowed: ['associate', 'admin'],
      field: 'customer',
      run: (c) => c.request(`query($id: ID!) { customer(id: $id) { name } }`, { id: otherMember.id }),
    },
    {
      name: 'read my own profile (me)',
      allowed: ['member'],
      field: 'me',
      run: (c) => c.request(`{ me { id name } }`),
    },
    {
      name: 'find a customer by identifier',
      allowed: ['associate', 'admin', 'service'],
      field: 'customerByIdentifier',
      run: (c) =>
        c.request(`query($v: String!) { customerByIdentifier(type: EMAIL, value: $v) { id } }`, { v: member.email }),
    },
    {
      name: "read a member's balance",
      allowed: ['member', 'associate', 'admin'],
      field: 'customer',
      run: (c) => c.request(`query($id: ID!) { customer(id: $id) { loyalty { balance } } }`, { id: member.id }),
    },
    {
      name: "read a member's metrics (CLV, churn risk)",
      allowed: ['associate', 'admin'],
      field: 'customer.metrics',
      run: (c) => c.request(`query($id: ID!) { customer(id: $id) { metrics { netSpend } } }`, { id: member.id }),
    },
    {
      name: 'read program metrics (programMetrics)',
      allowed: ['marketer', 'admin'],
      field: 'programMetrics',
      run: (c) =>
        c.request(
          `query { programMetrics(from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z", currency: "EUR") { purchases } }`,
        ),
    },
    {
      name: 'read program metrics by segment, with membership and NPS (campaign and profile)',
      allowed: ['marketer', 'admin'],
      field: 'programMetrics',
      run: (c) =>
        c.request(
          `query { programMetrics(from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z", currency: "EUR") {
             bySegment { key } members membersEnrolled nps { score } } }`,
        ),
    },
    {
      name: "read a campaign's performance against its holdout",
      allowed: ['marketer', 'admin'],
      field: 'campaign',
      run: async (c) => {
        const { createCampaign } = await graph.admin.data<{ createCampaign: { id: string } }, Record<string, unknown>>(
          `mutation { createCampaign(input: { name: "Measured", reward: { kind: FIXED_BONUS, points: 5 }, holdoutPercent: 10 }) { id } }`,
          {},
        );
        return c.request(`query($id: ID!) { campaign(id: $id) { performance { incrementalSpend roi } } }`, {
          id: createCampaign.id,
        });
      },
    },
    {
      name: 'refresh program metrics (refreshProgramMetrics)',
      allowed: ['marketer', 'admin'],
      field: 'refreshProgramMetrics',
      run: (c) => c.request(`mutation { refreshProgramMetrics { events } }`),
    },
    {
      name: 'enroll in store berlin-1',
      allowed: ['associate', 'admin'],
      field: 'enrollCustomer',
      run: enroll('IN_STORE', 'berlin-1'),
    },
    { name: 'enroll online', allowed: ['service', 'admin'], field: 'enrollCustomer', run: enroll('ONLINE', null) },
    {
      name: 'record a purchase in store berlin-1',
      allowed: ['associate', 'admin'],
      field: 'recordPurchase',
      run: purchase('IN_STORE', 'berlin-1'),
    },
    {
      name: 'record a purchase in another store',
      allowed: ['admin'],
      field: 'recordPurchase',
      run: purchase('IN_STORE', 'paris-1'),
    },
    {
      name: 'record an online purchase',
      allowed: ['service', 'admin'],
      field: 'recordPurchase',
      run: purchase('ONLINE', null),
    },
    {
      name: 'record a return in store berlin-1',
      allowed: ['associate', 'admin'],
      field: 'recordReturn',
      run: returnPen('IN_STORE', 'berlin-1'),
    },
    {
      name: 'record an online return',
      allowed: ['service', 'admin'],
      field: 'recordReturn',
      run: returnPen('ONLINE', null),
    },
    {
      name: 'adjust points by hand',
      allowed: ['admin'],
      field: 'adjustPoints',
      run: (c) =>
        c.request(
          `mutation($id: ID!) { adjustPoints(input: { customerId: $id, points: 1, reason: "Role matrix" }) { id } }`,
          { id: member.id },
        ),
    },
    {
      name: 'debit points for a redemption',
      allowed: ['admin'],
      field: 'debitPoints',
      run: (c) =>
        c.request(
          `mutation($id: ID!, $r: ID!) { debitPoints(input: { customerId: $id, redemptionId: $r, points: 1, reason: "Role matrix" }) { points } }`,
          { id: member.id, r: unique('red') },
        ),
    },
    {
      name: 'run the points job',
      allowed: ['admin'],
      field: 'runPointsJob',
      run: (c) => c.request(`mutation { runPointsJob { accounts } }`),
    },
    {
      name: 'define the tier program',
      allowed: ['marketer', 'admin'],
      field: 'setTierProgram',
      run: (c) =>
        c.request(
          `mutation { setTierProgram(input: { windowMonths: 12, tiers: [{ name: "Member", qualifyingPoints: 0 }, { name: "Gold", qualifyingPoints: 500, multiplierPercent: 150 }] }) { windowMonths } }`,
        ),
    },
    {
      name: 'read the tier program',
      allowed: ['member', 'associate', 'marketer', 'admin', 'service'],
      field: 'tierProgram',
      run: async (c) => {
        await graph.admin.data(
          `mutation { setTierProgram(input: { windowMonths: 12, tiers: [{ name: "Member", qualifyingPoints: 0 }] }) { windowMonths } }`,
        );
        return c.request(`{ tierProgram { windowMonths tiers { name } } }`);
      },
    },
    {
      name: 'set an earn rate',
      allowed: ['marketer', 'admin'],
      field: 'setEarnRate',
      run: (c) =>
        c.request(`mutation { setEarnRate(input: { currency: "SEK", points: 1, perAmount: 1000 }) { currency } }`),
    },
    {
      name: 'create a reward',
      allowed: ['marketer', 'admin'],
      field: 'createReward',
      run: (c) =>
        c.request(`mutation { createReward(input: { name: "Mug", kind: FREE_PRODUCT, costPoints: 90 }) { id } }`),
    },
    {
      name: 'draft a campaign',
      allowed: ['marketer', 'admin'],
      field: 'createCampaign',
      run: (c) =>
        c.request(
          `mutation { createCampaign(input: { name: "Draft", reward: { kind: FIXED_BONUS, points: 5 } }) { id status } }`,
        ),
    },
    {
      name: 'schedule, pause and end a campaign',
      allowed: ['marketer', 'admin'],
      field: 'pauseCampaign',
      run: async (c) => {
        const { createCampaign } = await graph.admin.data<{ createCampaign: { id: string } }, Record<string, unknown>>(
          `mutation { createCampaign(input: { name: "To pause", reward: { kind: FIXED_BONUS, points: 5 } }) { id } }`,
        );
        await graph.admin.data(`mutation($id: ID!) { scheduleCampaign(id: $id) { id } }`, { id: createCampaign.id });
        return c.request(`mutation($id: ID!) { pauseCampaign(id: $id) { status } }`, { id: createCampaign.id });
      },
    },
    {
      name: 'list campaigns and simulate one',
      allowed: ['marketer', 'admin'],
      field: 'simulateCampaign',
      run: (c) =>
        c.request(
          `{ campaigns(first: 5) { edges { node { id } } }
             simulateCampaign(from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z",
               input: { name: "Sim", reward: { kind: FIXED_BONUS, points: 5 } }) { pointsCost } }`,
        ),
    },
    {
      name: 'define a segment',
      allowed: ['marketer', 'admin'],
      field: 'defineSegment',
      run: (c) =>
        c.request(
          `mutation { defineSegment(input: { key: "big-spenders", name: "Big spenders", rule: { minSpend: 100000,
             channelsAny: [], channelsAll: [], tiers: [] } }) { key } }`,
        ),
    },
    {
      name: "see a member's segments",
      // Marketers manage segments but do not read profiles (customer() is not theirs).
      allowed: ['associate', 'admin'],
      field: 'segments',
      run: async (c) => {
        const result = await c.request<{ customer: { segments: unknown } | null }, Record<string, unknown>>(
          `query($id: ID!) { customer(id: $id) { segments { key } } }`,
          { id: member.id },
        );
        // A member reads their own customer but not its segments: judge the segments field alone.
        return { ...result, data: { segments: result.data?.customer?.segments ?? null } };
      },
    },
    {
      name: 'report an activity',
      allowed: ['associate', 'admin', 'service'],
      field: 'recordActivity',
      run: (c) =>
        c.request(`mutation($input: RecordActivityInput!) { recordActivity(input: $input) { status } }`, {
          input: {
            customerId: member.id,
            kind: 'SOCIAL_SHARE',
            externalId: unique('share'),
            channel: c === clients.associate ? 'IN_STORE' : 'ONLINE',
          },
        }),
    },
    {
      name: 'set the campaign program',
      allowed: ['marketer', 'admin'],
      field: 'setCampaignProgram',
      run: (c) =>
        c.request(`mutation { setCampaignProgram(input: { timeZone: "UTC", currency: "EUR" }) { timeZone } }`),
    },
    {
      name: 'take a reward out of the catalog',
      allowed: ['marketer', 'admin'],
      field: 'setRewardActive',
      run: async (c) => {
        const { createReward } = await graph.admin.data<{ createReward: { id: string } }, Record<string, unknown>>(
          `mutation { createReward(input: { name: "Old mug", kind: EXPERIENCE, costPoints: 90 }) { id } }`,
        );
        return c.request(`mutation($id: ID!) { setRewardActive(id: $id, active: false) { active } }`, {
          id: createReward.id,
        });
      },
    },
    {
      name: "redeem a reward for the member (the member's own, or at a till, or at checkout)",
      allowed: ['member', 'associate', 'admin', 'service'],
      field: 'redeemReward',
      run: async (c) => {
        const { createReward } = await graph.admin.data<{ createReward: { id: string } }, Record<string, unknown>>(
          `mutation { createReward(input: { name: "Sticker", kind: EXPERIENCE, costPoints: 1 }) { id } }`,
        );
        const channel = c === clients.associate ? 'IN_STORE' : 'ONLINE';
        return c.request(`mutation($input: RedeemRewardInput!) { redeemReward(input: $input) { status } }`, {
          input: { redemptionId: randomUUID(), rewardId: createReward.id, customerId: member.id, channel },
        });
      },
    },
    {
      name: 'redeem for another member',
      allowed: ['associate', 'admin', 'service'],
      field: 'redeemReward',
      run: async (c) => {
        const { createReward } = await graph.admin.data<{ createReward: { id: string } }, Record<string, unknown>>(
          `mutation { createReward(input: { name: "Sticker", kind: EXPERIENCE, costPoints: 1 }) { id } }`,
        );
        const channel = c === clients.associate ? 'IN_STORE' : 'ONLINE';
        return c.request(`mutation($input: RedeemRewardInput!) { redeemReward(input: $input) { status } }`, {
          input: { redemptionId: randomUUID(), rewardId: createReward.id, customerId: otherMember.id, channel },
        });
      },
    },
    {
      name: 'grant a reward without points',
      allowed: ['marketer', 'admin'],
      field: 'grantReward',
      run: async (c) => {
        const { createReward } = await graph.admin.data<{ createReward: { id: string } }, Record<string, unknown>>(
          `mutation { createReward(input: { name: "Cake", kind: EXPERIENCE, costPoints: 50 }) { id } }`,
        );
        return c.request(`mutation($input: GrantRewardInput!) { grantReward(input: $input) { status } }`, {
          input: { grantKey: unique('grant'), customerId: member.id, rewardId: createReward.id },
        });
      },
    },
    {
      name: 'run the rewards job',
      allowed: ['admin'],
      field: 'runRewardsJob',
      run: (c) => c.request(`mutation { runRewardsJob { vouchersExpired } }`),
    },
    {
      name: "update the member's profile",
      allowed: ['member', 'admin'],
      field: 'updateProfile',
      run: (c) =>
        c.request(`mutation($id: ID!) { updateProfile(customerId: $id, input: { language: "en-GB" }) { id } }`, {
          id: member.id,
        }),
    },
    {
      name: "record the member's consent",
      allowed: ['member', 'associate', 'admin'],
      field: 'setConsent',
      run: (c) =>
        c.request(
          `mutation($id: ID!) { setConsent(customerId: $id, input: { channel: SMS, granted: true, source: "matrix" }) { id } }`,
          { id: member.id },
        ),
    },
    {
      name: "rotate the member's card",
      allowed: ['member', 'associate', 'admin'],
      field: 'rotateMemberCard',
      run: (c) => c.request(`mutation($id: ID!) { rotateMemberCard(customerId: $id) { id } }`, { id: member.id }),
    },
    {
      name: "record the member's NPS answer",
      allowed: ['member', 'associate', 'admin', 'service'],
      field: 'recordFeedback',
      run: (c) =>
        c.request(`mutation($input: RecordFeedbackInput!) { recordFeedback(input: $input) { score } }`, {
          input: { customerId: member.id, score: 9, channel: c === clients.associate ? 'IN_STORE' : 'ONLINE' },
        }),
    },
    {
      name: 'define a custom event type',
      allowed: ['marketer', 'admin'],
      field: 'defineEventType',
      run: (c) => c.request(`mutation { defineEventType(input: { name: "page.viewed", properties: [] }) { version } }`),
    },
    {
      name: 'list the custom event types',
      allowed: ['marketer', 'admin', 'associate', 'service'],
      field: 'eventTypes',
      run: (c) => c.request(`{ eventTypes { name } }`),
    },
    {
      name: 'track a custom event for the member',
      allowed: ['member', 'associate', 'admin', 'service'],
      field: 'trackEvent',
      run: (c) =>
        c.request(`mutation($input: TrackEventInput!) { trackEvent(input: $input) { id } }`, {
          input: {
            customerId: member.id,
            type: 'review.submitted',
            properties: { rating: 4 },
            channel: c === clients.associate ? 'IN_STORE' : 'ONLINE',
            idempotencyKey: unique('review'),
          },
        }),
    },
    {
      name: "read the member's timeline",
      allowed: ['member', 'associate', 'admin'],
      field: 'customer.timeline',
      run: (c) =>
        c.request(`query($id: ID!) { customer(id: $id) { timeline(first: 5) { edges { node { kind } } } } }`, {
          id: member.id,
        }),
    },
    {
      name: "read the member's messages",
      allowed: ['member', 'admin'],
      field: 'customer.notifications',
      run: (c) =>
        c.request(`query($id: ID!) { customer(id: $id) { notifications { edges { node { status } } } } }`, {
          id: member.id,
        }),
    },
    {
      name: 'read the message templates',
      allowed: ['marketer', 'admin'],
      field: 'notificationTemplates',
      run: (c) => c.request(`{ notificationTemplates { kind } }`),
    },
    {
      name: 'word a message',
      allowed: ['marketer', 'admin'],
      field: 'setNotificationTemplate',
      run: (c) =>
        c.request(
          `mutation { setNotificationTemplate(input: { kind: BIRTHDAY, channel: SMS, language: "en", body: "Happy birthday, {{givenName}}!" }) { custom } }`,
        ),
    },
    {
      name: 'send due messages now',
      allowed: ['admin'],
      field: 'runNotifications',
      run: (c) => c.request(`mutation { runNotifications { sent } }`),
    },
    {
      name: 'register a webhook endpoint',
      allowed: ['admin'],
      field: 'registerWebhookEndpoint',
      run: (c) =>
        c.request(
          `mutation { registerWebhookEndpoint(input: { url: "https://hooks.example.com/loyalty", eventTypes: ["PurchaseRecorded"] }) { secret } }`,
        ),
    },
    {
      name: 'read the webhook delivery log',
      allowed: ['admin'],
      field: 'webhookDeliveries',
      run: (c) => c.request(`{ webhookDeliveries { edges { node { id } } } }`),
    },
    {
      name: 'give points to another member',
      allowed: ['member', 'admin'],
      field: 'transferPoints',
      run: (c) =>
        c.request(`mutation($input: TransferPointsInput!) { transferPoints(input: $input) { points } }`, {
          input: {
            toCustomerId: otherMember.id,
            points: 1,
            idempotencyKey: randomUUID(),
            ...(c === clients.admin ? { fromCustomerId: member.id } : {}),
          },
        }),
    },
    {
      name: "read the member's transfers",
      allowed: ['member', 'admin'],
      field: 'pointTransfers',
      run: (c) =>
        c.request(`query($id: ID!) { pointTransfers(customerId: $id) { edges { node { points } } } }`, {
          id: member.id,
        }),
    },
    {
      name: 'define a badge',
      allowed: ['marketer', 'admin'],
      field: 'defineBadge',
      run: (c) =>
        c.request(
          `mutation($key: String!) { defineBadge(input: { key: $key, name: "Regular", rule: { event: PURCHASE, count: 3 } }) { key } }`,
          { key: unique('regular') },
        ),
    },
    {
      name: 'list the badges',
      allowed: ['marketer', 'admin'],
      field: 'badges',
      run: (c) => c.request(`{ badges { key } }`),
    },
    {
      name: "read the member's badges",
      allowed: ['member', 'associate', 'admin'],
      field: 'customer.badges',
      run: (c) => c.request(`query($id: ID!) { customer(id: $id) { badges { completed } } }`, { id: member.id }),
    },
    {
      name: "read a store's leaderboard",
      allowed: ['member', 'associate', 'marketer', 'admin'],
      field: 'leaderboard',
      run: (c) => c.request(`{ leaderboard(storeId: "berlin-1", period: MONTH) { entries { rank } } }`),
    },
    {
      name: 'join the leaderboards',
      allowed: ['member'],
      field: 'joinLeaderboards',
      run: (c) => c.request(`mutation { joinLeaderboards(displayName: "Matrix Mia") { displayName } }`),
    },
    {
      name: "read the program's NPS",
      allowed: ['marketer', 'admin'],
      field: 'npsScore',
      run: (c) => c.request(`{ npsScore(from: "2026-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z") { responses } }`),
    },
    {
      name: "export the member's profile",
      allowed: ['member', 'admin'],
      field: 'exportProfile',
      run: (c) => c.request(`query($id: ID!) { exportProfile(customerId: $id) }`, { id: member.id }),
    },
    {
      name: 'erase a profile',
      allowed: ['admin'],
      field: 'eraseCustomer',
      run: async (c) => {
        const { enrollCustomer } = await graph.admin.data<{ enrollCustomer: { id: string } }, Record<string, unknown>>(
          `mutation($input: EnrollCustomerInput!) { enrollCustomer(input: $input) { id } }`,
          { input: { givenName: 'Temp', email: `${unique('temp')}@example.com`, channel: 'ONLINE' } },
        );
        return c.request(`mutation($id: ID!) { eraseCustomer(customerId: $id, reason: "matrix test") { erasedAt } }`, {
          id: enrollCustomer.id,
        });
      },
    },
    {
      name: 'merge two profiles',
      allowed: ['admin'],
      field: 'mergeCustomers',
      run: async (c) => {
        const [survivor, merged] = await Promise.all([enrollMember(graph, 'One'), enrollMember(graph, 'Same')]);
        return c.request(
          `mutation($s: ID!, $m: ID!) { mergeCustomers(survivorId: $s, mergedId: $m, reason: "matrix test") { mergedId } }`,
          { s: survivor.id, m: merged.id },
        );
      },
    },
    {
      name: 'choose the birthday reward',
      allowed: ['marketer', 'admin'],
      field: 'setBirthdayReward',
      run: async (c) => {
        const { createReward } = await graph.admin.data<{ createReward: { id: string } }, Record<string, unknown>>(
          `mutation { createReward(input: { name: "Cake", kind: EXPERIENCE, costPoints: 50 }) { id } }`,
        );
        return c.request(`mutation($id: ID) { setBirthdayReward(rewardId: $id) { id } }`, { id: createReward.id });
      },
    },
    {
      name: 'browse the reward catalog',
      allowed: callers,
      field: 'rewardCatalog',
      run: (c) => c.request(`{ rewardCatalog(first: 5) { edges { node { name } } } }`),
    },
    {
      name: 'read the earn rates',
      allowed: callers,
      field: 'earnRates',
      run: (c) => c.request(`{ earnRates { currency } }`),
    },
    {
      name: "quote a member's order",
      allowed: ['member', 'associate', 'marketer', 'admin', 'service'],
      field: 'pointsQuote',
      run: (c) =>
        c.request(
          `query($id: ID!) { pointsQuote(order: { customerId: $id, channel: "ONLINE", currency: "EUR",
             lines: [{ sku: "A", quantity: 1, unitPrice: 500 }] }) { totalPoints } }`,
          { id: member.id },
        ),
    },
    {
      name: "quote another member's order",
      allowed: ['associate', 'marketer', 'admin', 'service'],
      field: 'pointsQuote',
      run: (c) =>
        c.request(
          `query($id: ID!) { pointsQuote(order: { customerId: $id, channel: "ONLINE", currency: "EUR",
             lines: [{ sku: "A", quantity: 1, unitPrice: 500 }] }) { totalPoints } }`,
          { id: otherMember.id },
        ),
    },
    {
      name: 'start an import of a file (startImport)',
      allowed: ['admin'],
      field: 'startImport.id',
      run: (c) => c.request(`mutation { startImport(input: { kind: MEMBERS, format: NDJSON, dryRun: true }) { id } }`),
    },
    {
      name: 'follow import jobs (importJobs)',
      allowed: ['admin'],
      field: 'importJobs',
      run: (c) => c.request(`{ importJobs(first: 1) { edges { node { id state } } } }`),
    },
    {
      name: "take an import job's upload (internal: the gateway only)",
      allowed: [],
      field: 'beginImportUpload',
      run: (c) => c.request(`mutation { beginImportUpload(id: "00000000-0000-4000-8000-000000000000") { id } }`),
    },
    {
      name: 'resolve imported member keys (internal: the ledger only)',
      allowed: [],
      field: 'importedMemberIds',
      run: (c) => c.request(`{ importedMemberIds(keys: ["M-1"]) { customerId } }`),
    },
    {
      name: 'preview a bulk point adjustment',
      allowed: ['marketer', 'admin'],
      field: 'previewBulkAdjustment',
      run: (c) =>
        c.request(`query($ids: [ID!]) { previewBulkAdjustment(input: { customerIds: $ids, points: 5 }) { members } }`, {
          ids: [otherMember.id],
        }),
    },
    {
      name: 'adjust points for many members (startBulkAdjustment)',
      allowed: ['marketer', 'admin'],
      field: 'startBulkAdjustment.id',
      run: (c) =>
        c.request(`mutation($input: StartBulkAdjustmentInput!) { startBulkAdjustment(input: $input) { id } }`, {
          input: { customerIds: [otherMember.id], points: 1, reason: 'matrix test', idempotencyKey: unique('bulk') },
        }),
    },
    {
      name: "subscribe to a member's balance",
      allowed: ['member', 'associate', 'admin'],
      field: 'balanceUpdated',
      run: async (c) => {
        const live = await c.subscribe(BalanceUpdatedDocument, { customerId: member.id, after: '0' });
        const message = await live.next();
        live.close();
        return message;
      },
    },
    {
      name: "subscribe to another member's balance",
      allowed: ['associate', 'admin'],
      field: 'balanceUpdated',
      run: async (c) => {
        const live = await c.subscribe(BalanceUpdatedDocument, { customerId: otherMember.id, after: '0' });
        const message = await live.next();
        live.close();
        return message;
      },
    },
  ];

  const cases = operations.flatMap((operation) =>
    callers.map((caller) => [operation.name, caller, operation.allowed.includes(caller), operation] as const),
  );

  it.each(cases)('%s: %s → %s', async (_name, caller, allowed, operation) => {
    const result = await operation.run(clients[caller]);
    const field = operation.field
      .split('.')
      .reduce<unknown>((value, key) => (value as Record<string, unknown> | null | undefined)?.[key], result.data);
    if (allowed) {
      expect(result.errors).toBeUndefined();
      expect(field).toBeTruthy();
    } else {
      expect(result.errors?.[0]?.extensions?.code).toBe(caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      expect(field ?? null).toBeNull();
    }
  });

  it("shows a member's email and phone in full to the member and admins, masked to staff", async () => {
    const read = `query($id: ID!) { customer(id: $id) { email identities { type value } } }`;
    const own = await clients.member.data<{ customer: { email: string } }, unknown>(read, { id: member.id });
    expect(own.customer.email).toBe(member.email);
    const staff = await clients.associate.data<
      { customer: { email: string; identities: Array<{ value: string }> } },
      unknown
    >(read, { id: member.id });
    expect(staff.customer.email).toMatch(/^m\*+@example\.com$/);
    expect(staff.customer.identities.map((identity) => identity.value)).not.toContain(member.email);
  });

  it('lets an integration resolve an identifier to an id, and nothing more of the profile', async () => {
    const find = (selection: string) =>
      clients.service.request(`query($v: String!) { customerByIdentifier(type: EMAIL, value: $v) { ${selection} } }`, {
        v: member.email,
      });
    expect(((await find('id')).data as { customerByIdentifier: { id: string } }).customerByIdentifier.id).toBe(
      member.id,
    );
    for (const field of ['name', 'email', 'identities { value }']) {
      const refused = await find(`id ${field}`);
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      // A refused nullable field is null; a refused non-null one nulls the customer.
      const customer = (refused.data as { customerByIdentifier: Record<string, unknown> | null } | null)
        ?.customerByIdentifier;
      expect(customer?.[field.split(' ')[0]!] ?? null).toBeNull();
    }
  });

  it("does not show an integration the member's balance through the purchase it records", async () => {
    const result = await clients.service.request(
      `mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { pointsEarned balanceAfter } }`,
      { input: purchaseInput(member.id, { channel: 'ONLINE', storeId: null }) },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.errors?.[0]?.path).toEqual(['recordPurchase', 'balanceAfter']);
  });

  it("does not let an associate claim another store's order ids", async () => {
    const input = purchaseInput(member.id, { storeId: 'berlin-1', externalOrderId: 'till-1/0001' });
    await clients.associate.data(RecordPurchaseDocument, { input });
    const paris = await graph.as({ role: 'associate', subject: 'pia@paris-1', storeId: 'paris-1' });
    const theirs = await paris.request(RecordPurchaseDocument, {
      input: { ...input, storeId: 'paris-1', lines: [{ sku: 'OTHER', quantity: 1, unitPrice: 900 }] },
    });
    expect(theirs.errors).toBeUndefined();
  });
});
