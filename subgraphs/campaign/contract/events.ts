import {
  array,
  defineEvent,
  described,
  eventContracts,
  integer,
  boolean,
  nullable,
  number,
  object,
  oneOf,
  optional,
  string,
  time,
  type Decoded,
} from '../../../runtime/events/eventContract';

/*
 * The contract stays self-contained (no import of the campaign's rules), so other subgraphs and the
 * catalogue can read it without the campaign's code; contract/events.test.ts checks the enums it
 * spells out still match the rules' (CampaignStatus, BadgeEvent, BadgeCounting, BadgePeriod,
 * AttributeOperator).
 */

const campaignStatus = oneOf('DRAFT', 'SCHEDULED', 'PAUSED', 'ENDED');

/** What every campaign lifecycle event carries: the campaign as it is after the change. */
const campaignChange = object({
  campaignId: described(string, 'The campaign (also the aggregate id).'),
  name: string,
  status: described(campaignStatus, 'Its status after the change.'),
  version: described(
    integer,
    'Its version after the change (optimistic concurrency: updates name the version they read).',
  ),
});
export type CampaignChangePayload = Decoded<typeof campaignChange>;

const campaignEvent = (type: string, description: string) =>
  defineEvent({ owner: 'campaign', type, aggregate: 'campaign id', description, payload: campaignChange });

const earnRate = object({
  currency: described(string, 'ISO 4217 code (also the aggregate id).'),
  points: described(integer, 'Points earned for every `perAmount` minor units spent.'),
  perAmount: described(integer, 'Minor units (cents) that earn `points`.'),
});
export type EarnRateChangedPayload = Decoded<typeof earnRate>;

const programSettings = object({
  timeZone: described(string, 'IANA time zone of schedules, weekly windows and cap periods, e.g. Europe/Paris.'),
  currency: described(string, "ISO 4217 code RFM's monetary score and segment spend thresholds count in."),
});
export type CampaignProgramChangedPayload = Decoded<typeof programSettings>;

const count = nullable(integer);
const segmentValue = object({ string: nullable(string), number: nullable(number), boolean: nullable(boolean) });
const attributeCondition = object({
  path: described(array(string), "Keys into the member's attributes (or the event's properties), from the top."),
  operator: oneOf('EQ', 'NEQ', 'GT', 'GTE', 'LT', 'LTE', 'IN', 'EXISTS', 'NOT_EXISTS', 'CONTAINS'),
  value: described(nullable(segmentValue), 'Exactly one of string, number, boolean is set.'),
  values: described(nullable(array(segmentValue)), 'For IN.'),
});
const segmentCondition = object({
  negate: described(boolean, 'Takes the members the condition does not match.'),
  attribute: nullable(attributeCondition),
  consent: nullable(object({ channel: string, granted: boolean })),
  bought: nullable(object({ skus: array(string), categories: array(string), withinDays: integer })),
  inAudience: described(nullable(string), 'A static audience key.'),
});

const segmentRule = object({
  minPurchases: count,
  maxPurchases: count,
  minSpend: described(count, "Net spend, minor units of the program's currency; null: no minimum."),
  maxSpend: described(count, "Net spend, minor units of the program's currency; null: no maximum."),
  purchasedWithinDays: described(count, 'Bought within this many days.'),
  notPurchasedForDays: described(count, 'Has bought, but not for this many days.'),
  channelsAny: described(array(string), 'Bought in at least one of these channels (empty: any).'),
  channelsAll: described(array(string), 'Bought in every one of these channels.'),
  minChannels: count,
  maxChannels: count,
  tiers: described(array(string), 'In one of these tiers (empty: any).'),
  minRecency: described(count, 'RFM scores, 1 to 5 (5: the most recent fifth); null does not restrict.'),
  maxRecency: count,
  minFrequency: count,
  maxFrequency: count,
  minMonetary: count,
  maxMonetary: count,
  conditions: described(
    optional(array(segmentCondition)),
    'Conditions on attributes, consent, products bought and audiences (exactly one kind each); absent on events before issue 26.',
  ),
});
const segmentDefinition = object({
  key: described(string, 'Stable key campaigns name in audience.segments (also the aggregate id).'),
  name: string,
  description: nullable(string),
  rule: described(segmentRule, 'Conditions a member must all meet; nulls and empty lists do not restrict.'),
});
export type SegmentDefinedPayload = Decoded<typeof segmentDefinition>;

const badgeRule = object({
  event: described(oneOf('PURCHASE', 'CUSTOM_EVENT'), 'What the badge counts.'),
  count: described(integer, 'How many of what `counting` counts complete the badge.'),
  counting: described(oneOf('PURCHASES', 'CHANNELS', 'STORES'), 'Purchases, distinct channels or distinct stores.'),
  channels: described(array(string), 'Only purchases in these channels count; empty: every channel.'),
  storeId: described(nullable(string), 'Only purchases in this store count.'),
  minAmount: described(
    nullable(integer),
    'Only purchases whose total is at least this, minor units of minAmountCurrency.',
  ),
  minAmountCurrency: nullable(string),
  period: described(
    oneOf('EVER', 'WEEK', 'MONTH'),
    "Over which time the count must be reached, in the program's time zone.",
  ),
  withinDays: described(nullable(integer), 'Within any span of this many days (a rolling window); only with EVER.'),
  eventTrigger: described(
    optional(
      nullable(
        object({
          eventType: string,
          conditions: described(array(attributeCondition), 'On the properties, all to hold.'),
          oncePer: described(nullable(array(string)), 'Always null on badges.'),
        }),
      ),
    ),
    'CUSTOM_EVENT badges: the event type and property conditions; absent on events before issue 26.',
  ),
  streak: described(
    optional(nullable(oneOf('DAY', 'WEEK', 'MONTH'))),
    'A streak of `count` consecutive units with a qualifying purchase or event; absent before issue 26.',
  ),
});
const badge = object({
  key: described(string, 'The badge (also the aggregate id).'),
  name: string,
  rule: badgeRule,
  pointsOnCompletion: described(integer, 'Points credited through the ledger on completion; 0 for none.'),
  retiredAt: described(nullable(time), 'When it was retired; null while live.'),
  startsAt: described(optional(nullable(time)), 'A challenge: what happens from then counts; absent before issue 26.'),
  endsAt: described(optional(nullable(time)), "A challenge's deadline; absent before issue 26."),
});
export type BadgePayload = Decoded<typeof badge>;

const badgeEarned = object({
  customerId: string,
  badgeKey: string,
  badgeName: string,
  points: described(integer, 'Points the completion credits (0 for none); the ledger credits them soon after.'),
  purchaseId: described(string, 'The purchase that completed it.'),
  occurredAt: described(time, 'When that purchase happened.'),
});
const badgeEarnedV2 = object({
  customerId: string,
  badgeKey: string,
  badgeName: string,
  points: described(integer, 'Points the completion credits (0 for none); the ledger credits them soon after.'),
  purchaseId: described(nullable(string), 'The purchase that completed it; null when a custom event did.'),
  eventId: described(nullable(string), 'The custom event that completed it; null when a purchase did.'),
  occurredAt: described(time, 'When that purchase or event happened.'),
});
export type BadgeEarnedPayload = Decoded<typeof badgeEarnedV2>;

const absenceTriggered = object({
  timerId: described(string, 'The timer that fired: the idempotency key of the points and reward it gives.'),
  triggerKey: string,
  triggerName: string,
  customerId: string,
  startedAt: described(time, 'When what started the timer happened (the cart event, the last purchase).'),
  dueAt: described(time, 'When the absence was due: `startedAt` plus the wait.'),
  bonusPoints: described(integer, 'Points the ledger credits soon after (0 for none).'),
  rewardId: described(nullable(string), 'The reward rewards grants soon after (a voucher), or null.'),
  sendMessage: described(boolean, 'Whether engagement tells the member, on their consented, preferred channel.'),
});
export type AbsenceTriggeredPayload = Decoded<typeof absenceTriggered>;

/**
 * The grant key of the reward an absence timer gives, which rewards' `RewardIssued` carries: the
 * trigger's own message (`ABSENCE_OFFER`) announces that voucher, so it gets no message of its own.
 */
export const absenceGrantKey = (timerId: string): string => `absence:${timerId}`;
export const isAbsenceGrantKey = (grantKey: string | null | undefined): boolean =>
  grantKey?.startsWith('absence:') ?? false;

const badgeEvent = (type: string, description: string) =>
  defineEvent({ owner: 'campaign', type, aggregate: 'badge key', description, payload: badge });

/**
 * The events the campaign subgraph writes to its outbox: the contract its consumers decode with
 * (docs/reference/events.md is generated from it).
 */
export const campaignEvents = eventContracts('campaign', {
  CampaignCreated: campaignEvent('CampaignCreated', 'A marketer drafted a campaign.'),
  CampaignUpdated: campaignEvent('CampaignUpdated', "A campaign's definition changed (not once it has ended)."),
  CampaignScheduled: campaignEvent(
    'CampaignScheduled',
    'A draft or paused campaign was scheduled: it runs in its windows.',
  ),
  CampaignPaused: campaignEvent('CampaignPaused', 'A scheduled campaign was paused.'),
  CampaignEnded: campaignEvent('CampaignEnded', 'A campaign ended for good.'),
  EarnRateChanged: defineEvent({
    owner: 'campaign',
    type: 'EarnRateChanged',
    aggregate: 'currency',
    description: "A currency's base earn rate was set or replaced; purchases quoted after it earn at the new rate.",
    payload: earnRate,
  }),
  CampaignProgramChanged: defineEvent({
    owner: 'campaign',
    type: 'CampaignProgramChanged',
    aggregate: '"program"',
    description: "The program's time zone and currency were saved.",
    payload: programSettings,
  }),
  SegmentDefined: defineEvent({
    owner: 'campaign',
    type: 'SegmentDefined',
    aggregate: 'segment key',
    description: 'A marketer defined (or redefined) a rule-based segment.',
    payload: segmentDefinition,
  }),
  SegmentRemoved: defineEvent({
    owner: 'campaign',
    type: 'SegmentRemoved',
    aggregate: 'segment key',
    description: 'A marketer-defined segment was removed; campaigns naming it then match nobody by it.',
    payload: object({ key: string }),
  }),
  BadgeDefined: badgeEvent('BadgeDefined', 'A badge was defined; purchases from then on count towards it.'),
  BadgeUpdated: badgeEvent('BadgeUpdated', "A live badge's name or points changed (for completions from then on)."),
  BadgeRetired: badgeEvent(
    'BadgeRetired',
    'A badge was retired: nothing counts towards it any more; completions stay.',
  ),
  BadgeEarned: defineEvent({
    owner: 'campaign',
    type: 'BadgeEarned',
    aggregate: 'customer id',
    description: 'A member completed a badge (once per badge and member; never taken back).',
    payload: badgeEarned,
  }).upgradedTo({
    description: 'Badges over custom events (issue 26): eventId, and purchaseId null when an event completed it.',
    payload: badgeEarnedV2,
    upgrade: (previous) => ({ ...previous, eventId: null }),
  }),
  AbsenceTriggered: defineEvent({
    owner: 'campaign',
    type: 'AbsenceTriggered',
    aggregate: 'customer id',
    description:
      'An absence trigger fired for a member (a cart with no purchase in time, no purchase for a while): once per timer.',
    payload: absenceTriggered,
  }),
  LeaderboardJoined: defineEvent({
    owner: 'campaign',
    type: 'LeaderboardJoined',
    aggregate: 'customer id',
    description: 'A member opted in to the store leaderboards under a display name.',
    payload: object({ customerId: string, displayName: described(string, 'The name other members see.') }),
  }),
  LeaderboardLeft: defineEvent({
    owner: 'campaign',
    type: 'LeaderboardLeft',
    aggregate: 'customer id',
    description: 'A member left every leaderboard.',
    payload: object({ customerId: string }),
  }),
});
