import { planProgram } from './seedProgram';

describe('planProgram', () => {
  const now = new Date('2026-06-15T12:00:00Z');
  const size = { members: 300, months: 12, ordersPerMember: 6, seed: 42 };

  it('plans the same program from the same seed, and another from another seed', () => {
    expect(planProgram(size, now)).toEqual(planProgram(size, now));
    expect(planProgram({ ...size, seed: 43 }, now).orders).not.toEqual(planProgram(size, now).orders);
  });

  it('spreads orders over the period, oldest first, with unique order ids', () => {
    const { start, orders } = planProgram(size, now);
    expect(start.toISOString()).toBe('2025-06-15T12:00:00.000Z');
    expect(orders.length).toBeGreaterThan(size.members * size.ordersPerMember * 0.8);
    expect(orders.length).toBeLessThan(size.members * size.ordersPerMember * 1.2);
    for (let i = 1; i < orders.length; i++)
      expect(orders[i]!.at.getTime()).toBeGreaterThanOrEqual(orders[i - 1]!.at.getTime());
    expect(orders[0]!.at.getTime()).toBeGreaterThanOrEqual(start.getTime());
    expect(orders.at(-1)!.at.getTime()).toBeLessThanOrEqual(now.getTime());
    const months = new Set(orders.map((order) => order.at.toISOString().slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(12);
    expect(new Set(orders.map((order) => order.input.externalOrderId)).size).toBe(orders.length);
  });

  it('has single-channel and omnichannel members, and a store only on in-store orders', () => {
    const { members, orders } = planProgram(size, now);
    const channelsOf = new Map<number, Set<string>>();
    for (const order of orders) {
      channelsOf.set(order.member, (channelsOf.get(order.member) ?? new Set()).add(order.input.channel));
      expect(order.input.storeId !== null).toBe(order.input.channel === 'IN_STORE');
    }
    const counts = [...channelsOf.values()].map((channels) => channels.size);
    expect(counts).toContain(1);
    expect(counts.some((count) => count >= 2)).toBe(true);
    expect(new Set(members.map((member) => member.input.email)).size).toBe(members.length);
  });
});
