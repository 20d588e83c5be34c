import { EventContractError, type AnyEventContract } from '../../../runtime/events/eventContract';
import { BadgeCounting, BadgeEvent, BadgePeriod } from '../badges/badge.rules';
import { CampaignStatus } from '../campaigns/campaign.rules';
import { anyone, AttributeOperator } from '../segments/segment.rules';
import { campaignEvents } from './events';

const createdAt = new Date('2026-11-20T10:00:00Z');
const customerId = '0b6f3c52-3f7e-4d7c-9a57-2f2b5f6c2a10';
const campaignId = '7d1c9b1e-58a4-4b9e-8a43-0f6c8f0e3b21';
const actor = { role: 'marketer', subject: 'marketer-1' };

const badgeRule = {
  event: 'PURCHASE',
  count: 3,
  counting: 'CHANNELS',
  channels: [],
  storeId: null,
  minAmount: 2_000,
  minAmountCurrency: 'EUR',
  period: 'EVER',
  withinDays: 30,
};
const badge = { key: 'omnichannel-shopper', name: 'Omnichannel shopper', rule: badgeRule, pointsOnCompletion: 200 };
const campaign = (status: string) => ({ campaignId, name: 'Double points weekend', status, version: 2 });

/** A payload of every event the campaign writes, as its writers write it (and as rows in the outbox hold it). */
const written: Record<keyof typeof campaignEvents, unknown> = {
  CampaignCreated: campaign('DRAFT'),
  CampaignUpdated: campaign('DRAFT'),
  CampaignScheduled: campaign('SCHEDULED'),
  CampaignPaused: campaign('PAUSED'),
  CampaignEnded: campaign('ENDED'),
  EarnRateChanged: { currency: 'EUR', points: 1, perAmount: 100 },
  CampaignProgramChanged: { timeZone: 'Europe/Paris', currency: 'EUR' },
  SegmentDefined: {
    key: 'lapsed-omnichannel',
    name: 'Lapsed omnichannel',
    description: null,
    rule: { ...anyone, minChannels: 2, notPurchasedForDays: 90, channelsAny: ['web', 'store'], tiers: ['Gold'] },
  },
  SegmentRemoved: { key: 'lapsed-omnichannel' },
  BadgeDefined: { ...badge, retiredAt: null },
  BadgeUpdated: { ...badge, name: 'Everywhere shopper', retiredAt: null },
  BadgeRetired: { ...badge, retiredAt: '2026-11-21T09:30:00.000Z' },
  BadgeEarned: {
    customerId,
    badgeKey: 'omnichannel-shopper',
    badgeName: 'Omnichannel shopper',
    points: 200,
    purchaseId: '5a0c4f7e-1d2b-4c3a-9e8f-6b7a5d4c3b2a',
    eventId: null,
    occurredAt: '2026-11-20T09:59:00.000Z',
  },
  AbsenceTriggered: {
    timerId: '5a0f7a52-9d51-4b8e-9f38-6f7e0a1c2b3d',
    triggerKey: 'abandoned-cart',
    triggerName: 'Abandoned cart',
    customerId,
    startedAt: createdAt.toISOString(),
    dueAt: new Date(createdAt.getTime() + 7_200_000).toISOString(),
    bonusPoints: 50,
    rewardId: null,
    sendMessage: true,
  },
  LeaderboardJoined: { customerId, displayName: 'Ada L.' },
  LeaderboardLeft: { customerId },
};

const contracts = Object.values(campaignEvents) as AnyEventContract[];

describe('the campaign event contract', () => {
  it('declares every event the campaign writes, owned by the campaign', () => {
    expect(Object.keys(written).sort()).toEqual(Object.keys(campaignEvents).sort());
    for (const contract of contracts) expect(contract.owner).toBe('campaign');
  });

  it.each(contracts.map((contract) => [contract.type, contract] as const))(
    'decodes a committed %s as it was written',
    (type, contract) => {
      const payload = written[type as keyof typeof campaignEvents];
      const event = contract.event('aggregate-1', payload, actor);
      expect(event).toMatchObject({ type, version: contract.version, aggregateId: 'aggregate-1', actor });
      expect(contract.decode({ type, version: event.version, payload, createdAt })).toEqual(payload);
      // Rows written before versions existed read as version 1.
      expect(contract.decode({ type, payload: JSON.parse(JSON.stringify(payload)), createdAt })).toEqual(payload);
    },
  );

  it('reads a BadgeEarned of version 1 (purchases only) as completed by its purchase, no event', () => {
    const { eventId, ...v1 } = written.BadgeEarned as Record<string, unknown>;
    expect(eventId).toBeNull();
    expect(campaignEvents.BadgeEarned.decode({ type: 'BadgeEarned', version: 1, payload: v1, createdAt })).toEqual(
      written.BadgeEarned,
    );
  });

  it('names a renamed field', () => {
    const { badgeKey, ...rest } = written.BadgeEarned as Record<string, unknown>;
    const renamed = { ...rest, badge: badgeKey };
    expect(() => campaignEvents.BadgeEarned.decode({ type: 'BadgeEarned', payload: renamed, createdAt })).toThrow(
      EventContractError,
    );
    expect(() => campaignEvents.BadgeEarned.decode({ type: 'BadgeEarned', payload: renamed, createdAt })).toThrow(
      /BadgeEarned v1 \(campaign\) payload\.badgeKey: expected a string, got nothing/,
    );
  });

  it('names a nested field of the wrong type, and refuses to write it', () => {
    const payload = { ...(written.SegmentDefined as object), rule: { ...anyone, minSpend: '20.00' } };
    expect(() => campaignEvents.SegmentDefined.decode({ type: 'SegmentDefined', payload, createdAt })).toThrow(
      /payload\.rule\.minSpend: expected an integer, got the string "20\.00"/,
    );
    expect(() =>
      campaignEvents.CampaignPaused.event(campaignId, { ...campaign('PAUSED'), status: 'STOPPED' } as never, actor),
    ).toThrow(/payload\.status/);
  });

  it('spells out the same statuses and badge enums as the rules', () => {
    const values = (decoder: { describe: string }) => decoder.describe.split(' | ').map((v) => JSON.parse(v));
    const fields = campaignEvents.CampaignCreated.versions[0]!.payload.fields!;
    expect(values(fields.status!)).toEqual(Object.values(CampaignStatus));
    const rule = campaignEvents.BadgeDefined.versions[0]!.payload.fields!.rule!.fields!;
    expect(values(rule.event!)).toEqual(Object.values(BadgeEvent));
    expect(values(rule.counting!)).toEqual(Object.values(BadgeCounting));
    expect(values(rule.period!)).toEqual(Object.values(BadgePeriod));
    const segmentRule = campaignEvents.SegmentDefined.versions[0]!.payload.fields!.rule!.fields!;
    expect(Object.keys(segmentRule).sort()).toEqual(Object.keys(anyone).sort());
    const attribute = segmentRule.conditions!.fields!.attribute!.fields!;
    expect(values(attribute.operator!)).toEqual(Object.values(AttributeOperator));
  });
});
