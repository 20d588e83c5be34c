import { IsOptional, Length } from 'class-validator';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { IsCode, IsUuid } from '../../../runtime/validation/validators';
import { Reward } from '../catalog/reward.type';
import { Customer } from '../customerRewards/customerRewards.type';

export enum VoucherStatus {
  ISSUED = 'ISSUED',
  CONSUMED = 'CONSUMED',
  CANCELLED = 'CANCELLED',
  EXPIRED = 'EXPIRED',
}

export enum RedemptionStatus {
  PENDING = 'PENDING',
  ISSUED = 'ISSUED',
  FAILED = 'FAILED',
  GRANTED = 'GRANTED',
}

/** Why a voucher cannot be used now, as `validateVoucher` answers it. */
export enum VoucherProblem {
  CONSUMED = 'CONSUMED',
  EXPIRED = 'EXPIRED',
  CANCELLED = 'CANCELLED',
  WRONG_CHANNEL = 'WRONG_CHANNEL',
}

registerEnumType(VoucherStatus, { name: 'VoucherStatus' });
registerEnumType(RedemptionStatus, {
  name: 'RedemptionStatus',
  valuesConfig: {
    PENDING: { description: 'Stock is held; the points are being debited. Retrying with the same id completes it.' },
    ISSUED: { description: 'Points debited, voucher issued.' },
    FAILED: { description: 'Nothing taken: the stock went back.' },
    GRANTED: { description: 'Issued without points (a campaign reward or the birthday reward).' },
  },
});
registerEnumType(VoucherProblem, { name: 'VoucherProblem' });

@ObjectType({ description: 'A reward a member holds: its code is what a till or checkout takes.' })
export class Voucher {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Unguessable, with a check character, e.g. K7QM-2XRD-9HTB-F4WN-P.' })
  code!: string;

  @Field(() => VoucherStatus)
  status!: VoucherStatus;

  @Field(() => Reward)
  reward!: Pick<Reward, 'id'>;

  @Field(() => Customer)
  customer!: Customer;

  @Field()
  expiresAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description:
      'When it was used: the till’s `occurredAt` (an offline till syncing its queue), else when rewards recorded the use.',
  })
  consumedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When rewards recorded the use: later than `consumedAt` for a use an offline till synced late.',
  })
  consumedRecordedAt!: Date | null;

  @Field(() => String, { nullable: true })
  consumedChannel!: string | null;

  @Field(() => String, { nullable: true })
  consumedStoreId!: string | null;

  @Field(() => String, { nullable: true, description: 'The order it was used on, as the till or shop named it.' })
  consumedOrderReference!: string | null;

  @Field(() => Date, { nullable: true })
  cancelledAt!: Date | null;

  @Field({ description: 'Cancelled and its points given back.' })
  refunded!: boolean;

  @Field()
  createdAt!: Date;
}

@ObjectType({ description: 'A redemption and the voucher it issued.' })
export class Redemption {
  @Field(() => ID, { description: 'The id the client chose: sending it again redeems once.' })
  id!: string;

  @Field(() => RedemptionStatus)
  status!: RedemptionStatus;

  @Field()
  points!: number;

  @Field(() => Reward)
  reward!: Pick<Reward, 'id'>;

  @Field(() => Customer)
  customer!: Customer;

  @Field(() => Voucher, { nullable: true })
  voucher!: Voucher | null;

  @Field()
  createdAt!: Date;
}

@ObjectType({ description: 'What a till or checkout learns from a code before taking it.' })
export class VoucherCheck {
  @Field({ description: 'Usable here and now.' })
  valid!: boolean;

  @Field(() => VoucherProblem, { nullable: true })
  problem!: VoucherProblem | null;

  @Field(() => Voucher)
  voucher!: Voucher;
}

@InputType({ description: 'Redeems a reward for a member. Sending it again with the same redemptionId redeems once.' })
export class RedeemRewardInput {
  @Field(() => ID, { description: 'A UUID the client makes once per redemption: the idempotency key.' })
  @IsUuid()
  redemptionId!: string;

  @Field(() => ID)
  @IsUuid()
  rewardId!: string;

  @Field(() => ID)
  @IsUuid()
  customerId!: string;

  @Field({ description: 'Where it is redeemed: MOBILE_APP, ONLINE, IN_STORE, ...' })
  @IsCode()
  channel!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 64)
  storeId?: string | null;
}

@InputType({ description: 'A voucher used on an order. Sending it again for the same order uses it once.' })
export class ConsumeVoucherInput {
  @Field()
  @Length(1, 64)
  code!: string;

  @Field()
  @IsCode()
  channel!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 64)
  storeId?: string | null;

  @Field({ description: 'The order or receipt it is used on.' })
  @Length(1, 128)
  orderReference!: string;

  @Field(() => Date, {
    nullable: true,
    description:
      'When the till took it (an offline till syncing its queue); absent: now. At most `REWARDS_MAX_LATENESS_DAYS` (default 30) days ago and not in the future (5 minutes of clock skew allowed), else BAD_USER_INPUT. The voucher must have been issued and unexpired then: one that has expired since is still taken; before it was issued is CONFLICT (VoucherNotYetIssued), after it expired CONFLICT (VoucherExpired). Not part of the idempotency check: a retry for the same order answers with the first use.',
  })
  @IsOptional()
  occurredAt?: Date | null;
}

@InputType({ description: 'Issues a reward without points (a campaign reward, the birthday reward).' })
export class GrantRewardInput {
  @Field({ description: 'Names the grant once, e.g. "birthday:2026:<customerId>": granting it again issues once.' })
  @Length(1, 200)
  grantKey!: string;

  @Field(() => ID)
  @IsUuid()
  customerId!: string;

  @Field(() => ID)
  @IsUuid()
  rewardId!: string;
}
