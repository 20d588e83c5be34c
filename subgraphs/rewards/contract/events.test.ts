import { EventContractError, type AnyEventContract, type CommittedEvent } from '../../../runtime/events/eventContract';
import { rewardsEvents } from './events';

const at = new Date('2026-06-01T09:00:00.000Z');
const committed = (type: string, payload: unknown, version?: number): CommittedEvent => ({
  type,
  version,
  payload,
  createdAt: at,
});

// One payload per type as the rewards subgraph writes it (reward.service, redemption.service,
// voucher.service, voucher.resolver's birthday reward).
const written: Record<keyof typeof rewardsEvents, Record<string, unknown>> = {
  RewardCreated: { rewardId: 'r-1' },
  RewardActivated: { rewardId: 'r-1' },
  RewardDeactivated: { rewardId: 'r-1' },
  RewardIssued: {
    customerId: 'c-1',
    redemptionId: 'red-1',
    rewardId: 'r-1',
    voucherId: 'v-1',
    points: 0,
    expiresAt: '2026-07-01T09:00:00.000Z',
  },
  VoucherConsumed: {
    customerId: 'c-1',
    voucherId: 'v-1',
    rewardId: 'r-1',
    channel: 'IN_STORE',
    storeId: 'berlin-1',
    orderReference: 'order-7',
    occurredAt: '2026-06-01T08:30:00.000Z',
  },
  VoucherCancelled: { customerId: 'c-1', voucherId: 'v-1', rewardId: 'r-1' },
  BirthdayRewardSet: { rewardId: 'r-1' },
};

describe('rewards event contracts', () => {
  it('declares every event the rewards subgraph writes, each keyed by its type', () => {
    expect(Object.keys(rewardsEvents).sort()).toEqual(Object.keys(written).sort());
    for (const [type, contract] of Object.entries(rewardsEvents)) {
      expect(contract).toMatchObject({ owner: 'rewards', type, version: 1 });
    }
  });

  it.each(Object.entries(written))('decodes %s as written, and builds the event a writer appends', (type, payload) => {
    const contract: AnyEventContract = rewardsEvents[type as keyof typeof rewardsEvents];
    expect(contract.decode(committed(type, payload))).toEqual(payload);
    expect(contract.event('agg', payload, { role: 'admin', subject: 'a-1' })).toEqual({
      type,
      version: 1,
      aggregateId: 'agg',
      payload,
      actor: { role: 'admin', subject: 'a-1' },
    });
  });

  it('reads an online use without a store and a birthday reward removed', () => {
    const online = { ...written.VoucherConsumed, channel: 'ONLINE', storeId: null };
    expect(rewardsEvents.VoucherConsumed.decode(committed('VoucherConsumed', online))).toEqual(online);
    expect(rewardsEvents.BirthdayRewardSet.decode(committed('BirthdayRewardSet', { rewardId: null }))).toEqual({
      rewardId: null,
    });
  });

  it('names the field of a renamed or retyped payload', () => {
    const renamed = Object.fromEntries(
      Object.entries(written.RewardIssued).map(([key, value]) => [key === 'voucherId' ? 'voucher' : key, value]),
    );
    expect(() => rewardsEvents.RewardIssued.decode(committed('RewardIssued', renamed))).toThrow(
      new EventContractError('RewardIssued v1 (rewards) payload.voucherId', 'a string', undefined),
    );
    expect(() =>
      rewardsEvents.RewardIssued.decode(committed('RewardIssued', { ...written.RewardIssued, expiresAt: 'soon' })),
    ).toThrow(/payload\.expiresAt: expected an? ISO time/);
    expect(() =>
      rewardsEvents.VoucherConsumed.event('c-1', { ...written.VoucherConsumed, storeId: undefined } as never, null),
    ).toThrow(/payload\.storeId: expected a string, got nothing/);
  });
});
