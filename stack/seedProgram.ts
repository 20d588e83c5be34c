import { randomUUID } from 'node:crypto';
import { graphqlRequest, UpstreamError } from '../runtime/http/graphqlRequest';
import { demoStores } from './seedDemoData';

const channelOf = (order: PlannedOrder) => ({ channel: order.input.channel, storeId: order.input.storeId });

export interface ProgramSize {
  members: number;
  /** How far back the first orders go. */
  months: number;
  /** Orders per member over the period, on average. */
  ordersPerMember: number;
  /** Seed of the random generator: the same seed generates the same program. */
  seed: number;
}

export interface SeedProgress {
  phase: 'members' | 'orders';
  done: number;
  total: number;
}

export interface PlannedOrder {
  at: Date;
  member: number;
  /** After this order the member redeems a reward they can afford, if any. */
  thenRedeem: boolean;
  input: {
    channel: string;
    storeId: string | null;
    externalOrderId: string;
    currency: string;
    lines: Array<{ sku: string; category: string; quantity: number; unitPrice: number }>;
  };
}

const givenNames = ['Ada', 'Alan', 'Barbara', 'Claude', 'Dennis', 'Edsger', 'Frances', 'Grace', 'Hedy', 'Ivan'];
const familyNames = ['Lovelace', 'Turing', 'Liskov', 'Shannon', 'Ritchie', 'Dijkstra', 'Allen', 'Hopper', 'Lamarr'];
const products = [
  { sku: 'TEA-EARL-GREY', category: 'tea', unitPrice: 650 },
  { sku: 'TEA-SAMPLER', category: 'tea', unitPrice: 3450 },
  { sku: 'COFFEE-BEANS-1KG', category: 'coffee', unitPrice: 2490 },
  { sku: 'COFFEE-ESPRESSO', category: 'coffee', unitPrice: 290 },
  { sku: 'MUG-CLASSIC', category: 'homeware', unitPrice: 1200 },
  { sku: 'TEAPOT-GLASS', category: 'homeware', unitPrice: 3900 },
  { sku: 'BISCUITS-SHORTBREAD', category: 'food', unitPrice: 450 },
];
/** Channel habits: most members keep to one channel, some use two or three. */
const habits = [
  { weight: 40, channels: ['IN_STORE'] },
  { weight: 25, channels: ['ONLINE'] },
  { weight: 10, channels: ['MOBILE_APP'] },
  { weight: 15, channels: ['IN_STORE', 'ONLINE'] },
  { weight: 10, channels: ['IN_STORE', 'ONLINE', 'MOBILE_APP'] },
];

/** A small deterministic generator (mulberry32), so a seed reproduces a program or a property test. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Plans a program's members and a period of their orders, oldest first: who they are, which
 * channels they use, and what they buy where and when. Pure, so it is tested on its own.
 */
export function planProgram(size: ProgramSize, now: Date) {
  const next = seededRandom(size.seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const start = new Date(now);
  start.setUTCMonth(start.getUTCMonth() - size.months);
  const span = now.getTime() - start.getTime();
  const tag = size.seed.toString(36);

  const members = Array.from({ length: size.members }, (_, n) => {
    let roll = next() * 100;
    const habit = habits.find((h) => (roll -= h.weight) < 0) ?? habits[0]!;
    const givenName = pick(givenNames);
    const familyName = pick(familyNames);
    return {
      habit: habit.channels,
      store: pick(demoStores),
      input: {
        givenName,
        familyName,
        email: `${givenName}.${familyName}.${n}.${tag}@example.com`.toLowerCase(),
        channel: habit.channels[0]!,
      },
    };
  });

  const orders: PlannedOrder[] = [];
  members.forEach((member, index) => {
    // Between none and twice the average, so some members lapse and some are regulars.
    const count = Math.round(next() * 2 * size.ordersPerMember);
    for (let o = 0; o < count; o++) {
      const channel = pick(member.habit);
      const lines = Array.from({ length: 1 + Math.floor(next() * 3) }, () => ({
        ...pick(products),
        quantity: 1 + Math.floor(next() * 2),
      }));
      orders.push({
        at: new Date(start.getTime() + next() * span),
        member: index,
        thenRedeem: next() < 0.15,
        input: {
          channel,
          storeId: channel === 'IN_STORE' ? member.store : null,
          externalOrderId: `seed-${tag}-${index}-${o}`,
          currency: 'GBP',
          lines,
        },
      });
    }
  });
  orders.sort((a, b) => a.at.getTime() - b.at.getTime());
  return { start, members, orders };
}

const enroll = `mutation SeedProgramEnroll($input: EnrollCustomerInput!) { enrollCustomer(input: $input) { id } }`;
const purchase = `mutation SeedProgramPurchase($input: RecordPurchaseInput!) { recordPurchase(input: $input) { balanceAfter } }`;
const catalog = `query SeedProgramCatalog { rewardCatalog(first: 50) { edges { node { id costPoints } } } }`;
const redeem = `mutation SeedProgramRedeem($input: RedeemRewardInput!) { redeemReward(input: $input) { id } }`;

/**
 * Enrolls the planned members and records their orders through the gateway, day by day: the
 * graph's clock (`setNow`) is moved to each day, so points, tiers and campaigns see a year of
 * history as it would have happened. Orders of one day run `concurrency` at a time. Some orders
 * are followed by the member redeeming the dearest reward their balance affords, in that channel.
 */
export async function seedProgram(options: {
  gatewayUrl: string;
  authorization: string;
  plan: ReturnType<typeof planProgram>;
  setNow: (at: Date) => void;
  concurrency?: number;
  onProgress?: (progress: SeedProgress) => void;
}): Promise<{ members: number; orders: number; redemptions: number }> {
  const { plan } = options;
  const call = <T>(query: string, variables: Record<string, unknown>) =>
    graphqlRequest<T>(options.gatewayUrl, query, variables, {
      headers: { authorization: options.authorization },
      timeoutMs: 30_000,
    });
  const inParallel = async <T>(items: readonly T[], work: (item: T) => Promise<void>) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: options.concurrency ?? 8 }, async () => {
        while (next < items.length) await work(items[next++]!);
      }),
    );
  };

  options.setNow(plan.start);
  const ids: string[] = new Array<string>(plan.members.length);
  let enrolled = 0;
  await inParallel(
    plan.members.map((member, index) => ({ member, index })),
    async ({ member, index }) => {
      ids[index] = (await call<{ enrollCustomer: { id: string } }>(enroll, { input: member.input })).enrollCustomer.id;
      options.onProgress?.({ phase: 'members', done: ++enrolled, total: plan.members.length });
    },
  );

  const { rewardCatalog } = await call<{
    rewardCatalog: { edges: Array<{ node: { id: string; costPoints: number } }> };
  }>(catalog, {});
  const rewards = rewardCatalog.edges.map(({ node }) => node).sort((a, b) => b.costPoints - a.costPoints);
  let recorded = 0;
  let redemptions = 0;
  const days = new Map<string, PlannedOrder[]>();
  for (const order of plan.orders) {
    const day = order.at.toISOString().slice(0, 10);
    const list = days.get(day) ?? [];
    list.push(order);
    days.set(day, list);
  }
  for (const orders of days.values()) {
    options.setNow(orders[0]!.at);
    await inParallel(orders, async (order) => {
      const customerId = ids[order.member]!;
      const { recordPurchase } = await call<{ recordPurchase: { balanceAfter: number } }>(purchase, {
        input: { ...order.input, customerId },
      });
      const reward = order.thenRedeem && rewards.find((r) => r.costPoints <= recordPurchase.balanceAfter);
      if (reward) {
        try {
          const input = { redemptionId: randomUUID(), rewardId: reward.id, customerId, ...channelOf(order) };
          await call(redeem, { input });
          redemptions++;
        } catch (error) {
          // Another order of the member's that day spent the points first: no redemption, as in life.
          if (!(error instanceof UpstreamError && error.details.upstreamCode === 'INSUFFICIENT_POINTS')) throw error;
        }
      }
      options.onProgress?.({ phase: 'orders', done: ++recorded, total: plan.orders.length });
    });
  }
  return { members: enrolled, orders: recorded, redemptions };
}
