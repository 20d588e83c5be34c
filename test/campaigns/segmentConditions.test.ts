import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  AddAudienceMembersDocument,
  DefineAudienceDocument,
  DefineSegmentDocument,
  RemoveAudienceMembersDocument,
  type SegmentInput,
} from '../../examples/sdk/graphql';
import { eventually } from '../support/eventually';
import { enrollMember, purchaseInput, setEarnRate, unique } from '../support/fixtures';
import { startTestGraph, type GraphClient, type GraphQLResult, type TestGraph } from '../support/testGraph';
import { everyoneAudience, fromCampaign, launchCampaign, record, endCampaignMutation } from './support';

type Vars = Record<string, unknown>;
const code = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.code ?? 'OK';
const examples = path.resolve(__dirname, '../../../examples/segments');

const segmentsOf = `query($id: ID!) { customer(id: $id) { segments { key } } }`;
const updateProfile = `mutation($id: ID!, $input: UpdateProfileInput!) { updateProfile(customerId: $id, input: $input) { id } }`;
const setConsent = `mutation($id: ID!, $input: SetConsentInput!) { setConsent(customerId: $id, input: $input) { id } }`;

/** A rule with no purchase figures: only `conditions`. */
const only = (conditions: unknown[]) => ({ channelsAny: [], channelsAll: [], tiers: [], conditions });

describe('segment conditions beyond purchases, through the gateway', () => {
  let graph: TestGraph;
  let marketer: GraphClient;
  let cdp: GraphClient;
  /** Staff who may see a member's segments (marketers do not read customers). */
  let associate: GraphClient;
  let lyon: { id: string };
  let paris: { id: string };
  let blank: { id: string };

  const keysOf = async (id: string): Promise<string[]> => {
    const { customer } = await associate.data<{ customer: { segments: Array<{ key: string }> } }, Vars>(segmentsOf, {
      id,
    });
    return customer.segments.map((segment) => segment.key);
  };
  /** Waits for the campaign's view of the profile to hold what `done` needs (it follows the profile's outbox). */
  const eventuallyIn = (id: string, done: (keys: string[]) => boolean, what: string) =>
    eventually(() => keysOf(id), done, what);
  const define = async (key: string, rule: unknown) =>
    marketer.data(DefineSegmentDocument, { input: { key, name: key, rule } as SegmentInput });
  const attribute = (pathKeys: string[], operator: string, value: Vars | null, extra: Vars = {}) => ({
    attribute: { path: pathKeys, operator, value, ...extra },
  });

  beforeAll(async () => {
    graph = await startTestGraph();
    await setEarnRate(graph);
    marketer = await graph.as({ role: 'marketer', subject: 'mia' });
    cdp = await graph.as({ role: 'service', subject: 'cdp', channel: 'ONLINE' });
    associate = await graph.as({ role: 'associate', subject: 'alex', storeId: 'berlin-1' });
    [lyon, paris, blank] = [await enrollMember(graph), await enrollMember(graph), await enrollMember(graph)];
    await graph.admin.data(updateProfile, {
      id: lyon.id,
      input: { attributes: { city: 'Lyon', size: 5, interests: ['cycling'], householdSize: 3 } },
    });
    await graph.admin.data(updateProfile, { id: paris.id, input: { attributes: { city: 'Paris', size: '5' } } });
    await graph.admin.data(setConsent, { id: lyon.id, input: { channel: 'EMAIL', granted: true, source: 'form' } });
    await graph.admin.data(setConsent, { id: paris.id, input: { channel: 'EMAIL', granted: false, source: 'form' } });
    await define('in-lyon', only([attribute(['city'], 'EQ', { string: 'Lyon' })]));
    await define('email-ok', only([{ consent: { channel: 'EMAIL', granted: true } }]));
    await define('no-email', only([{ consent: { channel: 'EMAIL', granted: true }, negate: true }]));
    await eventuallyIn(paris.id, (keys) => keys.includes('no-email'), "the view of Paris's consent");
    await eventuallyIn(lyon.id, (keys) => keys.includes('in-lyon') && keys.includes('email-ok'), 'the view of Lyon');
  });
  afterAll(() => graph?.stop());

  it('takes attributes typed: the number 5 is not the string "5", and negation takes the rest', async () => {
    await define('size-number-5', only([attribute(['size'], 'EQ', { number: 5 })]));
    await define('size-string-5', only([attribute(['size'], 'EQ', { string: '5' })]));
    await define('not-in-lyon', only([{ ...attribute(['city'], 'EQ', { string: 'Lyon' }), negate: true }]));
    await define('big-household', only([attribute(['householdSize'], 'GT', { number: 2 })]));
    const [l, p, b] = await Promise.all([keysOf(lyon.id), keysOf(paris.id), keysOf(blank.id)]);
    expect(l).toEqual(expect.arrayContaining(['in-lyon', 'size-number-5', 'big-household']));
    expect(l).not.toContain('size-string-5');
    expect(l).not.toContain('not-in-lyon');
    expect(p).toEqual(expect.arrayContaining(['size-string-5', 'not-in-lyon']));
    expect(p).not.toContain('size-number-5');
    expect(p).not.toContain('in-lyon');
    // Someone without the attribute is in the negation, and in neither comparison.
    expect(b).toContain('not-in-lyon');
    expect(b).not.toContain('in-lyon');
  });

  it('takes consent as the latest answer per channel, and follows a change', async () => {
    expect(await keysOf(lyon.id)).toContain('email-ok');
    expect(await keysOf(paris.id)).toContain('no-email');
    expect(await keysOf(blank.id)).toContain('no-email');
    await graph.admin.data(setConsent, { id: paris.id, input: { channel: 'EMAIL', granted: true, source: 'app' } });
    await eventuallyIn(paris.id, (keys) => keys.includes('email-ok') && !keys.includes('no-email'), 'the new answer');
  });

  it('suppresses a campaign for who just bought the category, and not for the others', async () => {
    const buyer = await enrollMember(graph);
    const other = await enrollMember(graph);
    await define('recent-jacket', only([{ bought: { skus: [], categories: ['jackets'], withinDays: 30 } }]));
    await define(
      'no-recent-jacket',
      only([{ bought: { skus: [], categories: ['jackets'], withinDays: 30 }, negate: true }]),
    );
    const jacket = { sku: unique('JACKET'), category: 'jackets', quantity: 1, unitPrice: 9900 };
    await record(graph, purchaseInput(buyer.id, { lines: [jacket] }));
    await record(graph, purchaseInput(other.id));
    await marketer.data(`mutation { refreshPurchaseHistory { events } }`);
    expect(await keysOf(buyer.id)).toContain('recent-jacket');
    expect(await keysOf(buyer.id)).not.toContain('no-recent-jacket');
    expect(await keysOf(other.id)).toContain('no-recent-jacket');
    expect(await keysOf(other.id)).not.toContain('recent-jacket');

    const offer = await launchCampaign(marketer, {
      name: 'Jacket offer for who has not just bought one',
      reward: { kind: 'FIXED_BONUS', points: 40 },
      audience: { ...everyoneAudience, segments: ['no-recent-jacket'] },
    });
    const again = await record(graph, purchaseInput(buyer.id, { lines: [jacket] }));
    const first = await record(graph, purchaseInput(other.id, { lines: [jacket] }));
    expect([fromCampaign(again, offer.id), fromCampaign(first, offer.id)]).toEqual([0, 40]);
    await marketer.data(endCampaignMutation, { id: offer.id });
  });

  it('keeps static audiences a CDP pushes by id: retries change nothing, and segments, exports and bulk adjustments see them', async () => {
    const vip = await marketer.data(DefineAudienceDocument, { input: { key: 'vip', name: 'VIP (from the CDP)' } });
    expect(vip.defineAudience).toEqual({ key: 'vip', name: 'VIP (from the CDP)', members: 0 });
    const add = { input: { audience: 'vip', customerIds: [lyon.id, paris.id, lyon.id] } };
    expect((await cdp.data(AddAudienceMembersDocument, add)).addAudienceMembers).toEqual({
      audience: 'vip',
      asked: 2,
      changed: 2,
      unchanged: 0,
    });
    expect((await cdp.data(AddAudienceMembersDocument, add)).addAudienceMembers).toMatchObject({
      changed: 0,
      unchanged: 2,
    });
    const remove = { input: { audience: 'vip', customerIds: [paris.id, blank.id] } };
    expect((await cdp.data(RemoveAudienceMembersDocument, remove)).removeAudienceMembers).toMatchObject({
      asked: 2,
      changed: 1,
      unchanged: 1,
    });
    expect((await cdp.data(RemoveAudienceMembersDocument, remove)).removeAudienceMembers).toMatchObject({ changed: 0 });

    // The example of the segments page: every condition kind at once.
    const example = JSON.parse(readFileSync(path.join(examples, 'notJustBoughtJackets.json'), 'utf8')) as {
      input: SegmentInput;
    };
    const { defineSegment } = await marketer.data(DefineSegmentDocument, example);
    expect(defineSegment).toMatchObject({ key: 'jacket-prospects', members: 1 });
    expect(defineSegment.rule.conditions[0]).toEqual({
      negate: false,
      attribute: {
        path: ['city'],
        operator: 'EQ',
        value: { string: 'Lyon', number: null, boolean: null },
        values: null,
      },
      consent: null,
      bought: null,
      inAudience: null,
      events: null,
      message: null,
    });
    expect(await keysOf(lyon.id)).toContain('jacket-prospects');
    expect(await keysOf(paris.id)).not.toContain('jacket-prospects');

    // Bulk adjustments and exports take a segment's members from the same evaluator.
    const { previewBulkAdjustment } = await graph.admin.data<{ previewBulkAdjustment: { members: number } }, Vars>(
      `query($input: BulkAdjustmentPreviewInput!) { previewBulkAdjustment(input: $input) { members } }`,
      { input: { segmentKey: 'jacket-prospects', points: 10 } },
    );
    expect(previewBulkAdjustment.members).toBe(1);
    const exported = await fetch(`${new URL(graph.url).origin}/export/members?segment=jacket-prospects`, {
      headers: { authorization: graph.admin.authorization! },
    });
    const rows = (await exported.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { customerId: string });
    expect(rows.map((row) => row.customerId)).toEqual([lyon.id]);

    const member = await graph.as({ role: 'member', subject: lyon.id });
    expect(code(await member.request(AddAudienceMembersDocument, add))).toBe('FORBIDDEN');
    expect(code(await cdp.request(DefineAudienceDocument, { input: { key: 'cdp-own', name: 'x' } }))).toBe('FORBIDDEN');
    expect(
      code(await cdp.request(AddAudienceMembersDocument, { input: { audience: 'nope', customerIds: [lyon.id] } })),
    ).toBe('NOT_FOUND');
  });

  it('refuses bad conditions with BAD_USER_INPUT naming the field, and keeps nothing of them', async () => {
    const attempt = (key: string, rule: unknown) =>
      marketer.request(DefineSegmentDocument, { input: { key, name: key, rule } as SegmentInput });
    const unknownOperator = await attempt('bad-operator', only([attribute(['city'], 'LIKE', { string: 'L%' })]));
    expect(code(unknownOperator)).toBe('BAD_USER_INPUT');
    expect(unknownOperator.errors![0]!.message).toContain('operator');
    const unknownType = await attempt('bad-type', only([attribute(['city'], 'EQ', { date: '2026-01-01' })]));
    expect(code(unknownType)).toBe('BAD_USER_INPUT');
    expect(unknownType.errors![0]!.message).toContain('date');
    const twoTypes = await attempt('two-types', only([attribute(['size'], 'EQ', { string: '5', number: 5 })]));
    expect(code(twoTypes)).toBe('BAD_USER_INPUT');
    expect(twoTypes.errors![0]!.extensions).toMatchObject({ field: 'input.rule.conditions[0].attribute.value' });
    const booleanOrder = await attempt('bool-order', only([attribute(['vip'], 'GT', { boolean: true })]));
    expect(booleanOrder.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.rule.conditions[0].attribute.value',
    });
    const noAudience = await attempt('no-audience', only([{ inAudience: 'never-made' }]));
    expect(noAudience.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.rule.conditions[0].inAudience',
    });
    const badIds = await cdp.request(AddAudienceMembersDocument, { input: { audience: 'vip', customerIds: ['x'] } });
    expect(code(badIds)).toBe('BAD_USER_INPUT');
    const tooMany = Array.from({ length: 1001 }, () => randomUUID());
    expect(
      code(await cdp.request(AddAudienceMembersDocument, { input: { audience: 'vip', customerIds: tooMany } })),
    ).toBe('BAD_USER_INPUT');
    const { segments } = await marketer.data<{ segments: Array<{ key: string }> }, Vars>(`{ segments { key } }`);
    for (const key of ['bad-operator', 'bad-type', 'two-types', 'bool-order', 'no-audience'])
      expect(segments.map((segment) => segment.key)).not.toContain(key);
  });

  it("follows a merge (the survivor takes the merged member's attributes and audiences) and an erasure", async () => {
    const survivor = await enrollMember(graph);
    const merged = await enrollMember(graph);
    await define('in-nice', only([attribute(['city'], 'EQ', { string: 'Nice' })]));
    await define('in-vip', only([{ inAudience: 'vip' }]));
    await graph.admin.data(updateProfile, { id: merged.id, input: { attributes: { city: 'Nice' } } });
    await cdp.data(AddAudienceMembersDocument, { input: { audience: 'vip', customerIds: [merged.id] } });
    await eventuallyIn(merged.id, (keys) => keys.includes('in-nice') && keys.includes('in-vip'), 'the merged member');
    await graph.admin.data(
      `mutation($s: ID!, $m: ID!) { mergeCustomers(survivorId: $s, mergedId: $m, reason: "same person") { mergedId } }`,
      { s: survivor.id, m: merged.id },
    );
    await eventuallyIn(survivor.id, (keys) => keys.includes('in-nice') && keys.includes('in-vip'), 'the survivor');
    // A CDP still pushing the old id adds the survivor.
    const again = await cdp.data(AddAudienceMembersDocument, { input: { audience: 'vip', customerIds: [merged.id] } });
    expect(again.addAudienceMembers).toMatchObject({ changed: 0, unchanged: 1 });

    await graph.admin.data(`mutation($id: ID!) { eraseCustomer(customerId: $id, reason: "GDPR") { erasedAt } }`, {
      id: survivor.id,
    });
    await eventuallyIn(survivor.id, (keys) => !keys.includes('in-nice') && !keys.includes('in-vip'), 'the erasure');
    // The attributes the profile's events carried for this view go with the erasure too.
    const { rows } = await graph.database.db.query<{ payload: Record<string, unknown> }>(
      `select payload from profile.events where type = 'ProfileUpdated' and aggregate_id = any($1::text[])`,
      [[survivor.id, merged.id]],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((row) => 'attributes' in row.payload)).toEqual([]);
    expect(await keysOf(survivor.id)).toContain('not-in-lyon');
  });
});
