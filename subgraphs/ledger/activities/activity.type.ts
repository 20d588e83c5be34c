import { IsOptional, Length } from 'class-validator';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { IsCode, IsUuid } from '../../../runtime/validation/validators';
import { Customer } from '../accounts/account.type';
import { LateEventEffects } from '../program/lateEvent.type';
import { PointsEarning } from '../purchases/purchase.type';

export enum ActivityKind {
  SIGN_UP = 'SIGN_UP',
  REFERRAL = 'REFERRAL',
  REFERRED_FRIEND = 'REFERRED_FRIEND',
  PRODUCT_REVIEW = 'PRODUCT_REVIEW',
  SOCIAL_SHARE = 'SOCIAL_SHARE',
  BIRTHDAY = 'BIRTHDAY',
}

export enum ActivityStatus {
  CREDITED = 'CREDITED',
  AWAITING_PURCHASE = 'AWAITING_PURCHASE',
  CANCELLED = 'CANCELLED',
}

registerEnumType(ActivityKind, {
  name: 'ActivityKind',
  description: 'Something a member did besides buying that campaigns can reward.',
  valuesConfig: {
    REFERRAL: {
      description:
        "The member referred a friend; it earns once the friend's first purchase has left its pending window without a return.",
    },
    REFERRED_FRIEND: {
      description:
        "The member enrolled with a friend's referral code (`useReferralCode` records it, with the referral's id as externalId): the friend's reward.",
    },
    BIRTHDAY: { description: 'Record once a year, with the year as externalId.' },
  },
});
registerEnumType(ActivityStatus, {
  name: 'ActivityStatus',
  valuesConfig: {
    CREDITED: { description: 'Its points (possibly none, when no campaign rewards it now) are posted.' },
    AWAITING_PURCHASE: {
      description:
        "A referral waiting for the friend's first purchase, and then for that purchase's pending window (`POINTS_PENDING_DAYS`) to pass.",
    },
    CANCELLED: { description: 'A referral whose friend returned their first purchase: it pays nothing.' },
  },
});

@InputType({ description: 'An activity an integration reports. Reporting it twice records it once.' })
export class RecordActivityInput {
  @Field(() => ID)
  @IsUuid()
  customerId!: string;

  @Field(() => ActivityKind)
  kind!: ActivityKind;

  @Field({
    description:
      "The activity's id in the reporting system (a review id, a share id, the year of a birthday, the friend's id for a sign-up or referral). With the member and kind, the idempotency key.",
  })
  @Length(1, 128)
  externalId!: string;

  @Field({ description: 'Where it happened: IN_STORE, ONLINE, MOBILE_APP or another channel name.' })
  @IsCode()
  channel!: string;

  @Field(() => ID, { nullable: true, description: 'For REFERRAL: the friend the member referred.' })
  @IsOptional()
  @IsUuid()
  referredCustomerId?: string | null;

  @Field(() => Date, {
    nullable: true,
    description:
      "When the member did it (a till or app syncing its queue); absent: now. At most `LEDGER_MAX_LATENESS_DAYS` (default 30) days ago and not in the future (5 minutes of clock skew allowed), else BAD_USER_INPUT. Campaigns and expiry count from it; a REFERRAL is still paid after the friend's first purchase.",
  })
  @IsOptional()
  occurredAt?: Date | null;
}

@ObjectType({ description: 'A recorded activity and what it earned.' })
export class Activity {
  @Field(() => ID)
  id!: string;

  @Field(() => Customer)
  customer!: Customer;

  @Field(() => ActivityKind)
  kind!: ActivityKind;

  @Field()
  externalId!: string;

  @Field()
  channel!: string;

  @Field(() => ID, { nullable: true })
  referredCustomerId!: string | null;

  @Field(() => ActivityStatus)
  status!: ActivityStatus;

  @Field(() => GraphQLSafeInt)
  pointsEarned!: number;

  @Field(() => [PointsEarning], { description: 'One line per campaign that rewarded it.' })
  earnings!: PointsEarning[];

  @Field()
  recordedAt!: Date;

  @Field(() => LateEventEffects, {
    nullable: true,
    description:
      'What the lateness did when the activity is late (`occurredAt` earlier than recording by more than the clock skew): the campaigns its caps or budgets limited, and the tier; null when on time, and for a referral (judged when the friend buys).',
  })
  late!: LateEventEffects | null;
}
