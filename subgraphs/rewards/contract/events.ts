import {
  defineEvent,
  described,
  eventContracts,
  integer,
  nullable,
  object,
  optional,
  string,
  time,
  type Decoded,
} from '../../../runtime/events/eventContract';

const rewardPayload = object({ rewardId: described(string, 'The catalog reward.') });

const rewardIssuedPayload = object({
  customerId: described(string, 'The member who got the voucher.'),
  redemptionId: described(string, 'The redemption (or grant) that issued it.'),
  rewardId: string,
  voucherId: described(string, 'The issued voucher (its code is not in the event).'),
  points: described(integer, 'Points debited for it; 0 for a reward granted without points (campaign, birthday).'),
  expiresAt: described(time, 'When the voucher stops being usable.'),
  grantKey: described(
    optional(nullable(string)),
    "The grant's key for a reward granted without points (an absence trigger's `absence:<timer id>`); null for a redemption, absent in events written before it was added.",
  ),
});

const voucherConsumedPayload = object({
  customerId: described(string, "The voucher's owner."),
  voucherId: string,
  rewardId: string,
  channel: described(string, 'Where it was used (`IN_STORE`, `ONLINE`, ...).'),
  storeId: described(nullable(string), 'The store it was used in; null online.'),
  orderReference: described(string, "The till's or checkout's order it was used on."),
  occurredAt: described(
    optional(time),
    'When it was used: the till’s `occurredAt` (bounded lateness), else when rewards recorded it. Absent in events written before it was added.',
  ),
});

const voucherCancelledPayload = object({
  customerId: described(string, "The voucher's owner, whose points were refunded."),
  voucherId: string,
  rewardId: string,
});

const birthdayRewardSetPayload = object({
  rewardId: described(nullable(string), 'The reward every member gets on their birthday; null: none any more.'),
});

export type RewardPayload = Decoded<typeof rewardPayload>;
export type RewardIssuedPayload = Decoded<typeof rewardIssuedPayload>;
export type VoucherConsumedPayload = Decoded<typeof voucherConsumedPayload>;
export type VoucherCancelledPayload = Decoded<typeof voucherCancelledPayload>;
export type BirthdayRewardSetPayload = Decoded<typeof birthdayRewardSetPayload>;

/**
 * The events the rewards subgraph writes to its outbox: the contract its consumers decode with
 * (docs/reference/events.md is generated from it).
 */
export const rewardsEvents = eventContracts('rewards', {
  RewardCreated: defineEvent({
    owner: 'rewards',
    type: 'RewardCreated',
    aggregate: 'reward',
    description: 'A reward was added to the catalog (read the catalog for its terms).',
    payload: rewardPayload,
  }),
  RewardActivated: defineEvent({
    owner: 'rewards',
    type: 'RewardActivated',
    aggregate: 'reward',
    description: 'A reward is offered again.',
    payload: rewardPayload,
  }),
  RewardDeactivated: defineEvent({
    owner: 'rewards',
    type: 'RewardDeactivated',
    aggregate: 'reward',
    description: 'A reward was taken out of the catalog; vouchers already issued stay valid.',
    payload: rewardPayload,
  }),
  RewardIssued: defineEvent({
    owner: 'rewards',
    type: 'RewardIssued',
    aggregate: 'customer',
    description: 'A member got a voucher: redeemed for points, or granted (a campaign reward, the birthday reward).',
    payload: rewardIssuedPayload,
  }),
  VoucherConsumed: defineEvent({
    owner: 'rewards',
    type: 'VoucherConsumed',
    aggregate: 'customer',
    description: 'A voucher was used at a till or checkout (once: a second use is refused).',
    payload: voucherConsumedPayload,
  }),
  VoucherCancelled: defineEvent({
    owner: 'rewards',
    type: 'VoucherCancelled',
    aggregate: 'customer',
    description: 'An unused voucher was cancelled and its points given back.',
    payload: voucherCancelledPayload,
  }),
  BirthdayRewardSet: defineEvent({
    owner: 'rewards',
    type: 'BirthdayRewardSet',
    aggregate: 'the program settings (`settings`)',
    description: 'The birthday reward was chosen, changed or removed.',
    payload: birthdayRewardSetPayload,
  }),
});
