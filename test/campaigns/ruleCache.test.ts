import { DefineSegmentDocument, type RecordPurchaseInput, type SegmentInput } from '../../examples/sdk/graphql';
import { enrollMember, purchaseInput, setEarnRate, unique } from '../support/fixtures';
import { TestClock } from '../support/ledger';
import { startTestGraph, type GraphClient, type TestGraph } from '../support/testGraph';
import {
  endCampaignMutation,
  everyoneAudience,
  fromCampaign,
  launchCampaign,
  pauseCampaignMutation,
  record,
  scheduleCampaignMutation,
  type PurchaseView,
} from './support';

// Issue 27: the campaign keeps its rules in memory; a cached rule never outlives the change that
// replaced it, whether made through this process or through another one on the same database.

const recordWith = async (client: GraphClient, input: RecordPurchaseInput): Promise<PurchaseView> =>
  (
    await client.data<{ recordPurchase: PurchaseView }, Record<string, unknown>>(
      `mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { pointsEarned earnings { kind points reason ruleId } } }`,
      { input },
    )
  ).recordPurchase;

const setProgram = `mutation($input: CampaignProgramInput!) { setCampaignProgram(input: $input) { timeZone } }`;
const removeSegment = `mutation($key: String!) { removeSegment(key: $key) }`;

describe('cached campaign rules, through the gateway', () => {
  // Saturday 28 November 2026, 11:00 UTC.
  const clock = new TestClock(new Date('2026-11-28T11:00:00Z'));
  let graph: TestGraph;
  let marketer: GraphClient;
  let member: string;
  /** One €25 purchase of an SKU of its own, so only this test's campaigns apply to it. */
  const purchaseOf = (sku: string) => purchaseInput(member, { lines: [{ sku, quantity: 1, unitPrice: 2500 }] });

  beforeAll(async () => {
    graph = await startTestGraph({ clock: clock.now, program: { timeZone: 'UTC', currency: 'EUR' } });
    marketer = await graph.as({ role: 'marketer', subject: 'mara' });
    await setEarnRate(graph, 'EUR', 1, 100);
    member = (await enrollMember(graph)).id;
  });
  afterAll(() => graph?.stop());

  it('earns at a new earn rate from the very next purchase', async () => {
    const sku = unique('SKU');
    expect((await record(graph, purchaseOf(sku))).pointsEarned).toBe(25);
    await setEarnRate(graph, 'EUR', 3, 100);
    expect((await record(graph, purchaseOf(sku))).pointsEarned).toBe(75);
    await setEarnRate(graph, 'EUR', 1, 100);
    expect((await record(graph, purchaseOf(sku))).pointsEarned).toBe(25);
  });

  it('applies a campaign from the purchase after it is scheduled, and not after it is paused or ended', async () => {
    const sku = unique('SKU');
    expect((await record(graph, purchaseOf(sku))).pointsEarned).toBe(25);
    const campaign = await launchCampaign(marketer, {
      name: 'Cached bonus',
      reward: { kind: 'FIXED_BONUS', points: 100 },
      audience: { ...everyoneAudience, skus: [sku] },
      schedule: { weekly: [] },
    });
    expect(fromCampaign(await record(graph, purchaseOf(sku)), campaign.id)).toBe(100);
    await marketer.data(pauseCampaignMutation, { id: campaign.id });
    expect(fromCampaign(await record(graph, purchaseOf(sku)), campaign.id)).toBe(0);
    await marketer.data(scheduleCampaignMutation, { id: campaign.id });
    expect(fromCampaign(await record(graph, purchaseOf(sku)), campaign.id)).toBe(100);
    await marketer.data(endCampaignMutation, { id: campaign.id });
    expect(fromCampaign(await record(graph, purchaseOf(sku)), campaign.id)).toBe(0);
  });

  it("judges a weekly window in the program's new time zone from the very next purchase", async () => {
    const sku = unique('SKU');
    // Saturdays 10:00 to 13:00 in the program's time zone: 11:00 UTC is inside, 20:00 in Tokyo is not.
    const campaign = await launchCampaign(marketer, {
      name: 'Saturday late morning',
      reward: { kind: 'FIXED_BONUS', points: 10 },
      audience: { ...everyoneAudience, skus: [sku] },
      schedule: { weekly: [{ startDay: 'SATURDAY', startTime: '10:00', endDay: 'SATURDAY', endTime: '13:00' }] },
    });
    expect(fromCampaign(await record(graph, purchaseOf(sku)), campaign.id)).toBe(10);
    await marketer.data(setProgram, { input: { timeZone: 'Asia/Tokyo', currency: 'EUR' } });
    expect(fromCampaign(await record(graph, purchaseOf(sku)), campaign.id)).toBe(0);
    await marketer.data(setProgram, { input: { timeZone: 'UTC', currency: 'EUR' } });
    expect(fromCampaign(await record(graph, purchaseOf(sku)), campaign.id)).toBe(10);
    await marketer.data(endCampaignMutation, { id: campaign.id });
  });

  it('targets a redefined or removed segment as it is now from the very next purchase', async () => {
    const sku = unique('SKU');
    const key = unique('cache-seg').toLowerCase();
    const define = (rule: Record<string, unknown>) =>
      marketer.data(DefineSegmentDocument, {
        input: { key, name: key, rule: { channelsAny: [], channelsAll: [], tiers: [], ...rule } } as SegmentInput,
      });
    await define({ minPurchases: 100_000 });
    const campaign = await launchCampaign(marketer, {
      name: 'Segment bonus',
      reward: { kind: 'FIXED_BONUS', points: 7 },
      audience: { ...everyoneAudience, skus: [sku], segments: [key] },
      schedule: { weekly: [] },
    });
    expect(fromCampaign(await record(graph, purchaseOf(sku)), campaign.id)).toBe(0);
    await define({ maxPurchases: 100_000 });
    expect(fromCampaign(await record(graph, purchaseOf(sku)), campaign.id)).toBe(7);
    await marketer.data(removeSegment, { key });
    expect(fromCampaign(await record(graph, purchaseOf(sku)), campaign.id)).toBe(0);
    await marketer.data(endCampaignMutation, { id: campaign.id });
  });

  it('a second campaign process on the database uses a change made through the first from its next purchase', async () => {
    const other = await graph.startInstance();
    const otherAdmin = await other.as({ role: 'admin', subject: 'other-admin' });
    const otherRules = other.stack.subgraphs.campaign.rules;
    const sku = unique('SKU');
    // Warm the second process's cache.
    expect((await recordWith(otherAdmin, purchaseOf(sku))).pointsEarned).toBe(25);

    // Its next claim sees that the outbox has an event it has not heard of yet, and reads the rules.
    await setEarnRate(graph, 'EUR', 2, 100);
    expect((await recordWith(otherAdmin, purchaseOf(sku))).pointsEarned).toBe(50);
    const campaign = await launchCampaign(marketer, {
      name: 'Heard elsewhere',
      reward: { kind: 'FIXED_BONUS', points: 5 },
      audience: { ...everyoneAudience, skus: [sku] },
      schedule: { weekly: [] },
    });
    expect(fromCampaign(await recordWith(otherAdmin, purchaseOf(sku)), campaign.id)).toBe(5);

    // And it drops what it kept on the change's NOTIFY, written in the change's transaction.
    const heard = otherRules.nextChange();
    await marketer.data(endCampaignMutation, { id: campaign.id });
    await heard;
    expect(fromCampaign(await recordWith(otherAdmin, purchaseOf(sku)), campaign.id)).toBe(0);
    await setEarnRate(graph, 'EUR', 1, 100);
    expect((await recordWith(otherAdmin, purchaseOf(sku))).pointsEarned).toBe(25);
  });

  it('uses a committed change whose notice has not arrived, or was lost with the listening connection', async () => {
    const sku = unique('SKU');
    expect((await record(graph, purchaseOf(sku))).pointsEarned).toBe(25);
    // A change committed with its event but no NOTIFY: no process hears of it, but a claim sees the
    // outbox hold an event it has not heard of, and reads the rules.
    await graph.database.db.transaction(async (tx) => {
      await tx.query(`update campaign.earn_rates set points = 4 where currency = 'EUR'`);
      await tx.query(
        `insert into campaign.events (type, aggregate_id, payload) values ('EarnRateChanged', 'EUR', '{}'::jsonb)`,
      );
    });
    expect((await record(graph, purchaseOf(sku))).pointsEarned).toBe(100);
    await setEarnRate(graph, 'EUR', 1, 100);
    expect((await record(graph, purchaseOf(sku))).pointsEarned).toBe(25);
  });
});
