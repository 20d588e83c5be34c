import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { eventually } from '../support/eventually';
import { enrollMember, unique } from '../support/fixtures';
import { startTestGraph, type GraphClient, type GraphQLResult, type TestGraph } from '../support/testGraph';
import { createCampaignMutation, everyoneAudience, launchCampaign, type CampaignView } from './support';

type Vars = Record<string, unknown>;
const code = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.code ?? 'OK';
const field = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.field;
const examples = path.resolve(__dirname, '../../../examples/custom-events');
const example = (name: string) => JSON.parse(readFileSync(path.join(examples, name), 'utf8')) as { input: Vars };

const defineEventType = `mutation($input: DefineEventTypeInput!) { defineEventType(input: $input) { name version } }`;
const trackEvent = `mutation($input: TrackEventInput!) { trackEvent(input: $input) { id } }`;
const balanceOf = `query($id: ID!) { customer(id: $id) { loyalty { balance } } }`;
const segmentsOf = `query($id: ID!) { customer(id: $id) { segments { key } } }`;
const defineSegment = `mutation($input: SegmentInput!) { defineSegment(input: $input) { key } }`;

const hourMs = 3_600_000;

describe('campaigns that act on custom events, through the gateway', () => {
  let graph: TestGraph;
  let marketer: GraphClient;

  const track = (customerId: string, type: string, properties: Vars, extra: Vars = {}) =>
    graph.admin.data(trackEvent, {
      input: { customerId, type, properties, channel: 'ONLINE', idempotencyKey: randomUUID(), ...extra },
    });
  /**
   * Lets the campaign read and pay every event tracked so far: a run that was under way may have
   * started before them, so the run after it is the one that surely sees them.
   */
  const settle = async () => {
    const { job } = graph.stack.subgraphs.campaign.customEvents;
    await job.run();
    await job.run();
  };
  const balance = async (id: string) => {
    const { customer } = await graph.admin.data<{ customer: { loyalty: { balance: number } | null } }, Vars>(
      balanceOf,
      { id },
    );
    return customer.loyalty?.balance ?? 0;
  };
  const segments = async (id: string) => {
    const { customer } = await graph.admin.data<{ customer: { segments: Array<{ key: string }> } }, Vars>(segmentsOf, {
      id,
    });
    return customer.segments.map((segment) => segment.key);
  };
  const eventCampaign = (name: string, eventType: string, extra: Vars = {}): Promise<CampaignView> =>
    launchCampaign(marketer, {
      name,
      trigger: 'EVENT',
      eventTrigger: { eventType, conditions: [] },
      reward: { kind: 'FIXED_BONUS', points: 10 },
      ...extra,
    });

  beforeAll(async () => {
    graph = await startTestGraph();
    marketer = await graph.as({ role: 'marketer', subject: 'mia' });
    const types = [
      {
        name: 'review.submitted',
        properties: [
          { name: 'rating', kind: 'NUMBER', required: true },
          { name: 'productId', kind: 'STRING', required: true },
        ],
      },
      { name: 'app.opened', properties: [] },
      { name: 'survey.completed', properties: [] },
      { name: 'store.visited', properties: [] },
    ];
    for (const input of types) await marketer.data(defineEventType, { input });
    await launchCampaign(marketer, example('reviewReward.json').input);
    await marketer.data(defineSegment, example('frequentReviewers.json'));
  });
  afterAll(() => graph?.stop());

  it('earns 50 for a review rated 4 or more, once per product, and nothing for a rating of 3', async () => {
    const ada = await enrollMember(graph);
    await track(ada.id, 'review.submitted', { rating: 5, productId: 'TEA-1' });
    await settle();
    expect(await balance(ada.id)).toBe(50);
    await track(ada.id, 'review.submitted', { rating: 4, productId: 'TEA-1' });
    await track(ada.id, 'review.submitted', { rating: 3, productId: 'TEA-2' });
    await settle();
    expect(await balance(ada.id)).toBe(50);
    await track(ada.id, 'review.submitted', { rating: 4, productId: 'TEA-2' });
    await settle();
    expect(await balance(ada.id)).toBe(100);
  });

  it('pays through the background follower, woken by the profile, without being asked', async () => {
    const bo = await enrollMember(graph);
    await track(bo.id, 'review.submitted', { rating: 5, productId: 'MUG-1' });
    await eventually(
      () => balance(bo.id),
      (points) => points === 50,
      "Bo's review points",
    );
  });

  it('caps grants per period, as for purchases', async () => {
    await eventCampaign('One app open a day', 'app.opened', {
      limits: { perCustomerGrants: 1, capPeriod: 'DAY' },
    });
    const cy = await enrollMember(graph);
    await track(cy.id, 'app.opened', {});
    await track(cy.id, 'app.opened', {});
    await settle();
    expect(await balance(cy.id)).toBe(10);
  });

  it('judges the schedule at the time the event happened', async () => {
    const now = Date.now();
    await eventCampaign('Survey week (ended an hour ago)', 'survey.completed', {
      schedule: {
        startsAt: new Date(now - 48 * hourMs).toISOString(),
        endsAt: new Date(now - hourMs).toISOString(),
        weekly: [],
      },
    });
    const di = await enrollMember(graph);
    await track(di.id, 'survey.completed', {});
    await settle();
    expect(await balance(di.id)).toBe(0);
    // Sent late, but it happened while the campaign ran.
    await track(di.id, 'survey.completed', {}, { occurredAt: new Date(now - 2 * hourMs).toISOString() });
    await settle();
    expect(await balance(di.id)).toBe(10);
  });

  it('rewards only the channels a campaign targets', async () => {
    await eventCampaign('Store visits', 'store.visited', { audience: { ...everyoneAudience, channels: ['IN_STORE'] } });
    const ed = await enrollMember(graph);
    await track(ed.id, 'store.visited', {});
    await settle();
    expect(await balance(ed.id)).toBe(0);
    await track(ed.id, 'store.visited', {}, { channel: 'IN_STORE' });
    await settle();
    expect(await balance(ed.id)).toBe(10);
  });

  it('pays nothing twice when the events are read and paid again from the start', async () => {
    const fay = await enrollMember(graph);
    await track(fay.id, 'review.submitted', { rating: 5, productId: 'POT-1' });
    await settle();
    expect(await balance(fay.id)).toBe(50);
    // A follower that lost its cursor and its record of what it paid reads everything again.
    const { db } = graph.database;
    await db.query(`update campaign.consumer_cursors set last_event_id = 0 where source = 'custom-events:profile'`);
    await db.query(`update campaign.custom_events set status = 'PENDING'`);
    await settle();
    expect(await balance(fay.id)).toBe(50);
    const { rows } = await db.query<{ count: number }>(
      `select count::int from campaign.event_counts where customer_id = $1 and event_type = 'review.submitted'`,
      [fay.id],
    );
    expect(rows.map((row) => row.count)).toEqual([1]);
  });

  it('takes members into a segment by how many events of a type they tracked in a window', async () => {
    await marketer.data(defineSegment, {
      input: {
        key: 'no-app-opens-this-week',
        name: 'No app opens this week',
        rule: {
          channelsAny: [],
          channelsAll: [],
          tiers: [],
          conditions: [{ events: { type: 'app.opened', atMost: 0, withinDays: 7 } }],
        },
      },
    });
    const [gil, hal] = [await enrollMember(graph), await enrollMember(graph)];
    await track(gil.id, 'review.submitted', { rating: 2, productId: unique('P') });
    await track(gil.id, 'review.submitted', { rating: 1, productId: unique('P') });
    await track(hal.id, 'review.submitted', { rating: 5, productId: unique('P') });
    // Ten days ago: outside the week.
    await track(hal.id, 'app.opened', {}, { occurredAt: new Date(Date.now() - 240 * hourMs).toISOString() });
    await settle();
    expect(await segments(gil.id)).toEqual(expect.arrayContaining(['frequent-reviewers', 'no-app-opens-this-week']));
    expect(await segments(hal.id)).not.toContain('frequent-reviewers');
    expect(await segments(hal.id)).toContain('no-app-opens-this-week');
    await track(hal.id, 'app.opened', {});
    await settle();
    expect(await segments(hal.id)).not.toContain('no-app-opens-this-week');
  });

  it('counts only the events whose properties meet the conditions: a cart of 50 EUR or more, twice in a week', async () => {
    await marketer.data(defineEventType, {
      input: { name: 'cart.updated', properties: [{ name: 'cartValue', kind: 'MONEY', required: true }] },
    });
    await marketer.data(defineSegment, example('bigCartsTwice.json'));
    const cart = (customerId: string, amount: number, currency = 'EUR', extra: Vars = {}) =>
      track(customerId, 'cart.updated', { cartValue: { amount, currency } }, extra);
    const [ivy, jon, kim] = [await enrollMember(graph), await enrollMember(graph), await enrollMember(graph)];
    await cart(ivy.id, 5000);
    await cart(ivy.id, 12_900);
    // Jon: one big cart, two small ones and a big one in another currency.
    await cart(jon.id, 7000);
    await cart(jon.id, 4999);
    await cart(jon.id, 1000);
    await cart(jon.id, 9000, 'CHF');
    // Kim: two big carts, one ten days ago (outside the week).
    await cart(kim.id, 6000);
    await cart(kim.id, 6000, 'EUR', { occurredAt: new Date(Date.now() - 240 * hourMs).toISOString() });
    await settle();
    expect(await segments(ivy.id)).toContain('big-carts-twice');
    expect(await segments(jon.id)).not.toContain('big-carts-twice');
    expect(await segments(kim.id)).not.toContain('big-carts-twice');
    await cart(jon.id, 5000);
    await settle();
    expect(await segments(jon.id)).toContain('big-carts-twice');
    const bad = await marketer.request(defineSegment, {
      input: {
        key: 'bad-carts',
        name: 'Bad',
        rule: {
          channelsAny: [],
          channelsAll: [],
          tiers: [],
          conditions: [
            {
              events: {
                type: 'cart.updated',
                atLeast: 1,
                withinDays: 7,
                properties: [{ path: ['cartValue', 'amount'], operator: 'GT', value: { boolean: true } }],
              },
            },
          ],
        },
      },
    });
    expect([code(bad), field(bad)]).toEqual(['BAD_USER_INPUT', 'input.rule.conditions[0].events.properties[0].value']);
  });

  it("gives a merged member's counts and rewarded products to the survivor, and forgets an erased one's", async () => {
    const [survivor, merged] = [await enrollMember(graph), await enrollMember(graph)];
    await track(merged.id, 'review.submitted', { rating: 5, productId: 'KETTLE-1' });
    await track(merged.id, 'review.submitted', { rating: 1, productId: 'KETTLE-2' });
    await settle();
    await graph.admin.data(
      `mutation($s: ID!, $m: ID!) { mergeCustomers(survivorId: $s, mergedId: $m, reason: "same person") { mergedId } }`,
      { s: survivor.id, m: merged.id },
    );
    await settle();
    expect(await segments(survivor.id)).toContain('frequent-reviewers');
    // The merged profile was rewarded for KETTLE-1 already: the survivor's review of it earns nothing.
    // The ledger moves the merged member's 50 points on its own reading of the merge.
    await eventually(
      () => balance(survivor.id),
      (points) => points === 50,
      'the merged points',
    );
    await track(survivor.id, 'review.submitted', { rating: 5, productId: 'KETTLE-1' });
    await settle();
    expect(await balance(survivor.id)).toBe(50);
    await graph.admin.data(`mutation($id: ID!) { eraseCustomer(customerId: $id, reason: "GDPR") { erasedAt } }`, {
      id: survivor.id,
    });
    await settle();
    const { rows } = await graph.database.db.query<{ n: number }>(
      `select (select count(*) from campaign.event_counts where customer_id = $1)::int
            + (select count(*) from campaign.custom_events where customer_id = $1 and properties <> '{}')::int as n`,
      [survivor.id],
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('refuses an event trigger it cannot evaluate, naming the field, and creates nothing', async () => {
    const create = (input: Vars) => marketer.request(createCampaignMutation, { input });
    const base = { name: 'Bad', trigger: 'EVENT', reward: { kind: 'FIXED_BONUS', points: 5 } };
    const missing = await create(base);
    expect([code(missing), field(missing)]).toEqual(['BAD_USER_INPUT', 'input.eventTrigger']);
    const wrongValue = await create({
      ...base,
      eventTrigger: {
        eventType: 'review.submitted',
        conditions: [{ path: ['rating'], operator: 'IN', value: { number: 4 } }],
      },
    });
    expect([code(wrongValue), field(wrongValue)]).toEqual(['BAD_USER_INPUT', 'input.eventTrigger.conditions[0].value']);
    const onPurchase = await create({
      ...base,
      trigger: 'PURCHASE',
      eventTrigger: { eventType: 'x.y', conditions: [] },
    });
    expect([code(onPurchase), field(onPurchase)]).toEqual(['BAD_USER_INPUT', 'input.eventTrigger']);
    const badCount = await marketer.request(defineSegment, {
      input: {
        key: 'bad-count',
        name: 'Bad',
        rule: { channelsAny: [], channelsAll: [], tiers: [], conditions: [{ events: { type: 'a.b', withinDays: 7 } }] },
      },
    });
    expect([code(badCount), field(badCount)]).toEqual(['BAD_USER_INPUT', 'input.rule.conditions[0].events']);
    const { campaigns } = await marketer.data<{ campaigns: { edges: Array<{ node: { name: string } }> } }, Vars>(
      `{ campaigns(first: 100) { edges { node { name } } } }`,
    );
    expect(campaigns.edges.map((edge) => edge.node.name)).not.toContain('Bad');
  });
});
