import { graphqlRequest } from '../runtime/http/graphqlRequest';
import { everyoneAudience } from './campaignAudiences';

/** The demo program's stores: the demo members' purchases and the generated program's are made in them. */
export const demoStores = ['london-1', 'london-2', 'manchester-1', 'edinburgh-1'] as const;

/** The demo program's currency (most demo purchases are in it; Grace buys in euros). */
export const demoCurrency = 'GBP';

/** The demo members the README's examples use. */
export const demoMembers = {
  ada: {
    givenName: 'Ada',
    familyName: 'Lovelace',
    email: 'ada@example.com',
    phone: '+44 20 7946 0018',
    channel: 'IN_STORE',
    storeId: 'london-1',
  },
  grace: {
    givenName: 'Grace',
    familyName: 'Hopper',
    email: 'grace@example.com',
    phone: null,
    channel: 'ONLINE',
    storeId: null,
  },
} as const;

const demoRewards = [
  {
    name: 'Tea tasting sample',
    description: 'A sample of the tea of the month, in store or with your next order.',
    kind: 'FREE_PRODUCT',
    sku: 'TEA-SAMPLE-MINI',
    costPoints: 50,
  },
  {
    name: '£5 off your next order',
    description: 'A £5 voucher, valid in store and online.',
    kind: 'FIXED_DISCOUNT',
    valueAmount: 500,
    valueCurrency: 'GBP',
    costPoints: 500,
  },
  { name: 'Free coffee', description: 'Any hot drink at the counter.', kind: 'FREE_PRODUCT', costPoints: 150 },
  {
    name: '10% off a full basket',
    description: 'One basket, any channel.',
    kind: 'PERCENT_DISCOUNT',
    percentOff: 10,
    costPoints: 1000,
  },
  { name: 'Plant a tree', description: 'We plant a tree in your name.', kind: 'DONATION', costPoints: 300 },
];

const demoCampaigns = [
  {
    name: 'Double points weekend',
    description: 'Twice the points on everything, in store, online and in the app, Friday evening to Sunday night.',
    reward: { kind: 'MULTIPLIER', multiplierPercent: 200 },
    schedule: { weekly: [{ startDay: 'FRIDAY', startTime: '18:00', endDay: 'SUNDAY', endTime: '23:59' }] },
  },
  {
    name: 'Welcome to our stores',
    reward: { kind: 'FIXED_BONUS', points: 100 },
    audience: { ...everyoneAudience, channels: ['IN_STORE'], firstPurchaseInChannel: true },
  },
  {
    name: 'Tea lovers',
    reward: { kind: 'RATE', points: 2, perAmount: 100, currency: 'GBP' },
    audience: { ...everyoneAudience, categories: ['tea'] },
    limits: { capPeriod: 'MONTH', perCustomerPoints: 500, budgetPoints: 100_000 },
  },
  {
    name: 'Review reward',
    trigger: 'ACTIVITY',
    activityKind: 'PRODUCT_REVIEW',
    reward: { kind: 'FIXED_BONUS', points: 25 },
    limits: { capPeriod: 'MONTH', perCustomerGrants: 3 },
  },
];

/** A stamp card and store credit, so the wallet, the till and the console show wallets besides points. */
const demoWallets = {
  TEA_CARD: {
    kind: 'STAMPS',
    name: 'Tea card',
    currency: 'GBP',
    stampsPerPurchase: 1,
    minPurchaseAmount: 300,
    stampsPerCard: 5,
    cardRewardPoints: 150,
    maxHouseholdMembers: 3,
  },
  STORE_CREDIT: { kind: 'STORE_CREDIT', name: 'Store credit', currency: 'GBP', expiryDays: 365 },
};

const findMember = `query SeedFindMember($email: String!) { customerByIdentifier(type: EMAIL, value: $email) { id } }`;
const enroll = `mutation SeedEnroll($input: EnrollCustomerInput!) { enrollCustomer(input: $input) { id } }`;
const setRate = `mutation SeedRate($input: SetEarnRateInput!) { setEarnRate(input: $input) { currency } }`;
const catalog = `query SeedCatalog { rewardCatalog(first: 1) { edges { cursor } } }`;
const createReward = `mutation SeedReward($input: CreateRewardInput!) { createReward(input: $input) { id } }`;
const tierProgram = `mutation SeedTiers($input: TierProgramInput!) { setTierProgram(input: $input) { windowMonths } }`;
const campaignList = `query SeedCampaigns { campaigns(first: 1) { edges { cursor } } }`;
const createCampaign = `mutation SeedCampaign($input: CampaignInput!) { createCampaign(input: $input) { id } }`;
const scheduleCampaign = `mutation SeedSchedule($id: ID!) { scheduleCampaign(id: $id) { id } }`;
const program = `query SeedProgram { campaignProgram { timeZone } }`;
const setProgram = `mutation SeedSetProgram($input: CampaignProgramInput!) { setCampaignProgram(input: $input) { currency } }`;
const walletTypes = `query SeedWallets { walletTypes { code } }`;
const defineWallet = `mutation SeedWallet($input: DefineWalletInput!) { defineWallet(input: $input) { code } }`;
const adjustWallet = `mutation SeedWalletCredit($input: AdjustWalletInput!) { adjustWallet(input: $input) { balanceAfter } }`;
const purchase = `mutation SeedPurchase($input: RecordPurchaseInput!) { recordPurchase(input: $input) { id } }`;

/**
 * Seeds demo data through the gateway, as an admin client would. Every step is idempotent (rates and
 * the tier program are upserts, members are looked up before enrolling, purchases carry order ids),
 * so a restart or an interrupted first start seeds nothing twice.
 */
export async function seedDemoData(
  gatewayUrl: string,
  adminAuthorization: string,
): Promise<{ adaId: string; graceId: string }> {
  const call = <T>(query: string, variables: Record<string, unknown> = {}) =>
    graphqlRequest<T>(gatewayUrl, query, variables, { headers: { authorization: adminAuthorization } });

  for (const currency of ['EUR', 'USD', 'GBP']) {
    await call(setRate, { input: { currency, points: 1, perAmount: 100 } });
  }
  await call(tierProgram, {
    input: {
      windowMonths: 12,
      tiers: [
        { name: 'Member', qualifyingPoints: 0, multiplierPercent: 100 },
        { name: 'Silver', qualifyingPoints: 50, multiplierPercent: 125 },
        { name: 'Gold', qualifyingPoints: 500, multiplierPercent: 150 },
      ],
    },
  });
  const existing = await call<{ rewardCatalog: { edges: unknown[] } }>(catalog);
  if (existing.rewardCatalog.edges.length === 0) {
    for (const reward of demoRewards) await call(createReward, { input: reward });
  }

  const member = async (input: (typeof demoMembers)[keyof typeof demoMembers]) => {
    const found = await call<{ customerByIdentifier: { id: string } | null }>(findMember, { email: input.email });
    if (found.customerByIdentifier) return found.customerByIdentifier.id;
    return (await call<{ enrollCustomer: { id: string } }>(enroll, { input })).enrollCustomer.id;
  };
  const adaId = await member(demoMembers.ada);
  const graceId = await member(demoMembers.grace);

  // Defined once (a marketer's later change stays), before the demo purchases, which earn stamps.
  const wallets = await call<{ walletTypes: unknown[] }>(walletTypes);
  if (wallets.walletTypes.length === 0) {
    for (const [code, wallet] of Object.entries(demoWallets)) {
      await call(defineWallet, { input: { code, ...wallet } });
    }
  }
  await call(adjustWallet, {
    input: {
      customerId: adaId,
      wallet: 'STORE_CREDIT',
      amount: 500,
      reason: 'Welcome credit',
      idempotencyKey: 'demo-welcome-credit',
    },
  });

  const purchases = [
    {
      customerId: adaId,
      channel: 'IN_STORE',
      storeId: 'london-1',
      externalOrderId: 'demo-pos-1001',
      currency: 'GBP',
      lines: [
        { sku: 'TEA-EARL-GREY', category: 'tea', quantity: 2, unitPrice: 650 },
        { sku: 'MUG-CLASSIC', category: 'homeware', quantity: 1, unitPrice: 1200 },
      ],
    },
    {
      customerId: adaId,
      channel: 'ONLINE',
      storeId: null,
      externalOrderId: 'demo-web-2001',
      currency: 'GBP',
      lines: [{ sku: 'TEA-SAMPLER', category: 'tea', quantity: 1, unitPrice: 3450 }],
    },
    {
      customerId: graceId,
      channel: 'MOBILE_APP',
      storeId: null,
      externalOrderId: 'demo-app-3001',
      currency: 'EUR',
      lines: [{ sku: 'COFFEE-BEANS-1KG', category: 'coffee', quantity: 1, unitPrice: 2490 }],
    },
  ];
  for (const input of purchases) await call(purchase, { input });

  // Launched after the demo purchases, so that those earn the same on every start.
  const campaigns = await call<{ campaigns: { edges: unknown[] } }>(campaignList);
  if (campaigns.campaigns.edges.length === 0) {
    // A British program: its figures, segments and example pages count in pounds. Set once, with
    // the campaigns, so that a marketer's later change stays.
    const { campaignProgram } = await call<{ campaignProgram: { timeZone: string } }>(program);
    await call(setProgram, { input: { timeZone: campaignProgram.timeZone, currency: demoCurrency } });
    for (const input of demoCampaigns) {
      const { createCampaign: created } = await call<{ createCampaign: { id: string } }>(createCampaign, { input });
      await call(scheduleCampaign, { id: created.id });
    }
  }
  return { adaId, graceId };
}
