import { randomUUID } from 'node:crypto';
import { developmentAuthConfig } from '../../runtime/config/authConfig';
import { InternalCredential } from '../../runtime/auth/tokens';
import { setEarnRate, unique } from '../support/fixtures';
import type { GraphQLResult, GraphClient, TestGraph } from '../support/testGraph';
import { startTestGraph } from '../support/testGraph';
import { campaignQuery, everyoneAudience, launchCampaign, type CampaignView } from './support';

interface Quote {
  totalPoints: number;
  lines: Array<{ points: number; kind: string; ruleId: string | null }>;
}
interface Answer {
  quote: Quote | null;
  error: { code: string; message: string } | null;
}

const quoteFields = 'totalPoints lines { points kind ruleId }';
const claimList = `mutation($claims: [PurchaseClaimInput!]!) {
  claimPurchasesPoints(claims: $claims) { quote { ${quoteFields} } error { code message } }
}`;
const claimOne = `mutation($claim: PurchaseClaimInput!) { claimPurchasePoints(claim: $claim) { ${quoteFields} } }`;

describe("the campaign's list of purchase claims (the ledger's recordPurchases)", () => {
  let graph: TestGraph;
  let marketer: GraphClient;
  let asLedger: <Data>(query: string, variables: Record<string, unknown>) => Promise<GraphQLResult<Data>>;

  beforeAll(async () => {
    graph = await startTestGraph();
    marketer = await graph.as({ role: 'marketer', subject: 'mara' });
    await setEarnRate(graph, 'EUR', 1, 100);
    // The campaign subgraph as the ledger calls it: internal tokens are refused at the gateway.
    const credential = new InternalCredential('ledger', developmentAuthConfig().internalSecret);
    asLedger = async <Data>(query: string, variables: Record<string, unknown>) => {
      const response = await fetch(graph.stack.subgraphs.campaign.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: await credential.authorization() },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResult<Data>;
    };
  });
  afterAll(() => graph?.stop());

  /** A purchase of one `sku` at €10 (10 base points) by `customerId`, as the ledger claims it. */
  const claim = (key: string, customerId: string, sku: string, quantity = 1) => ({
    key,
    at: new Date().toISOString(),
    purchasesBefore: 1,
    channelsBefore: ['ONLINE'],
    tier: null,
    order: {
      customerId,
      channel: 'ONLINE',
      storeId: null,
      currency: 'EUR',
      lines: [{ sku, category: null, quantity, unitPrice: 1000 }],
    },
  });

  const spentOf = async (id: string) =>
    (await marketer.data<{ campaign: CampaignView }, Record<string, unknown>>(campaignQuery, { id })).campaign
      .spentPoints;

  it('answers each claim in order, a failure only its own, taking a budget once per key as single claims do', async () => {
    const sku = unique('SKU');
    const campaign = await launchCampaign(marketer, {
      name: 'Claim list bonus',
      reward: { kind: 'FIXED_BONUS', points: 100 },
      audience: { ...everyoneAudience, skus: [sku] },
      limits: { capPeriod: 'CAMPAIGN', budgetPoints: 150 },
    });
    const [a, b, c, d] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const [keyA, keyB, keyC] = [unique('claim'), unique('claim'), unique('claim')];
    const claims = [
      claim(keyA, a, sku),
      claim(unique('claim'), d, sku, 0), // a line of no units
      claim(keyA, a, sku), // the same claim again within the list
      claim(keyB, b, sku),
      claim(keyC, c, sku),
    ];
    const first = await asLedger<{ claimPurchasesPoints: Answer[] }>(claimList, { claims });
    expect(first.errors).toBeUndefined();
    const answers = first.data!.claimPurchasesPoints;
    expect(answers.map((answer) => answer.error?.code ?? answer.quote?.totalPoints)).toEqual([
      110,
      'BAD_USER_INPUT',
      110,
      60, // what is left of the budget
      10, // the budget is spent
    ]);
    expect(answers[1]!.error!.message).toContain('order.lines.0.quantity');
    expect(answers[0]).toEqual(answers[2]);
    expect(await spentOf(campaign.id)).toBe(150);

    // Asked again (the ledger retrying a chunk): the same answers, nothing taken twice.
    const again = await asLedger<{ claimPurchasesPoints: Answer[] }>(claimList, { claims });
    expect(again.data!.claimPurchasesPoints).toEqual(answers);
    expect(await spentOf(campaign.id)).toBe(150);

    // A single claim of a key the list took answers what the list answered.
    const single = await asLedger<{ claimPurchasePoints: Quote }>(claimOne, { claim: claims[3] });
    expect(single.data!.claimPurchasePoints).toEqual(answers[3]!.quote);
    expect(await spentOf(campaign.id)).toBe(150);
  });

  it('refuses a list over 1,000 claims whole with BAD_USER_INPUT on the argument', async () => {
    const claims = Array.from({ length: 1001 }, () => claim(unique('claim'), randomUUID(), 'SKU'));
    const result = await asLedger<{ claimPurchasesPoints: Answer[] }>(claimList, { claims });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'claims' });
    expect(result.data ?? null).toBeNull();
  });

  it('refuses callers other than services', async () => {
    const result = await graph.admin.request<{ claimPurchasesPoints: Answer[] }, Record<string, unknown>>(claimList, {
      claims: [claim(unique('claim'), randomUUID(), 'SKU')],
    });
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(result.data?.claimPurchasesPoints ?? null).toBeNull();
  });
});
