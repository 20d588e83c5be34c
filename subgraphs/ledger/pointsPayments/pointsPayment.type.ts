import { ArrayMaxSize, IsInt, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType } from '../../../runtime/pagination/connection';
import { IsCode, IsCurrencyCode, IsUuid } from '../../../runtime/validation/validators';
import { Customer } from '../accounts/account.type';
import { maxHoldSeconds } from './pointsPayment.service';

export enum PointsHoldStatus {
  HELD = 'HELD',
  CAPTURED = 'CAPTURED',
  RELEASED = 'RELEASED',
  EXPIRED = 'EXPIRED',
}

registerEnumType(PointsHoldStatus, {
  name: 'PointsHoldStatus',
  description:
    'HELD: reserved, out of the spendable balance; CAPTURED: paid a purchase; RELEASED or EXPIRED: the points came back.',
});

@ObjectType({ description: 'A better burn rate for the members of one tier.' })
export class TierBurnRate {
  @Field()
  tier!: string;

  @Field(() => GraphQLSafeInt)
  points!: number;

  @Field(() => GraphQLSafeInt, { description: 'Minor units that `points` pay.' })
  perAmount!: number;
}

@InputType()
export class TierBurnRateInput {
  @Field({ description: 'A tier name of the tier program.' })
  @Length(1, 64)
  tier!: string;

  @Field(() => GraphQLSafeInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  points!: number;

  @Field(() => GraphQLSafeInt, { description: 'Minor units that `points` pay.' })
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  perAmount!: number;
}

@ObjectType({
  description:
    'How points pay for baskets in one currency: `points` points pay `perAmount` minor units (the burn rate).',
})
export class PointsPaymentRate {
  @Field()
  currency!: string;

  @Field(() => GraphQLSafeInt)
  points!: number;

  @Field(() => GraphQLSafeInt, { description: 'Minor units (cents) that `points` pay.' })
  perAmount!: number;

  @Field(() => GraphQLSafeInt, { description: 'The fewest points one payment uses.' })
  minPoints!: number;

  @Field(() => Int, { description: 'The largest share of a basket points may pay, in percent.' })
  maxSharePercent!: number;

  @Field(() => GraphQLSafeInt, { description: 'Points are used in multiples of this (rounded down to it).' })
  pointsStep!: number;

  @Field(() => [TierBurnRate], { description: 'Better rates for the members of a tier.' })
  tierRates!: TierBurnRate[];
}

@InputType({ description: 'The burn rate of a currency; setting it again replaces it.' })
export class SetPointsPaymentRateInput {
  @Field({ description: 'ISO 4217 code, e.g. EUR.' })
  @IsCurrencyCode()
  currency!: string;

  @Field(() => GraphQLSafeInt, { description: 'Points that pay `perAmount`, e.g. 100.' })
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  points!: number;

  @Field(() => GraphQLSafeInt, { description: 'Minor units (cents) that `points` pay, e.g. 100 for one euro.' })
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  perAmount!: number;

  @Field(() => GraphQLSafeInt, { defaultValue: 0, description: 'The fewest points one payment uses.' })
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  minPoints!: number;

  @Field(() => Int, { defaultValue: 100, description: 'The largest share of a basket points may pay (1 to 100).' })
  @IsInt()
  @Min(1)
  @Max(100)
  maxSharePercent!: number;

  @Field(() => GraphQLSafeInt, { defaultValue: 1, description: 'Points are used in multiples of this.' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  pointsStep!: number;

  @Field(() => [TierBurnRateInput], { defaultValue: [] })
  @ArrayMaxSize(20)
  @ValidateNested()
  tierRates!: TierBurnRateInput[];
}

@ObjectType({ description: 'How many of a member’s points may pay a basket, and what they pay.' })
export class PointsPaymentQuote {
  @Field()
  currency!: string;

  @Field(() => GraphQLSafeInt, { description: 'The burn rate applied: points...' })
  ratePoints!: number;

  @Field(() => GraphQLSafeInt, { description: '...that pay this many minor units.' })
  ratePerAmount!: number;

  @Field(() => String, { nullable: true, description: 'The tier whose rate applies; null: the currency’s rate.' })
  rateTier!: string | null;

  @Field(() => GraphQLSafeInt, {
    description: 'The most points that may pay the basket (its maximum share, the balance, rounded down to the step).',
  })
  maxPoints!: number;

  @Field(() => GraphQLSafeInt, { description: 'The money `maxPoints` pay, in minor units.' })
  maxAmount!: number;

  @Field(() => GraphQLSafeInt)
  minPoints!: number;

  @Field(() => GraphQLSafeInt)
  pointsStep!: number;

  @Field(() => String, { nullable: true, description: 'Why no points may pay, when `maxPoints` is 0.' })
  unavailableReason!: string | null;
}

@InputType({ description: 'Points to reserve for a basket. Sending it again with the same key holds once.' })
export class HoldPointsInput {
  @Field(() => ID)
  @IsUuid()
  customerId!: string;

  @Field({ description: 'Where the basket is paid: IN_STORE, ONLINE, MOBILE_APP... (an associate: IN_STORE).' })
  @IsCode()
  channel!: string;

  @Field(() => String, { nullable: true, description: 'The store, for IN_STORE (an associate: their own).' })
  @IsOptional()
  @Length(1, 64)
  storeId?: string | null;

  @Field({ description: 'ISO 4217 code of the basket.' })
  @IsCurrencyCode()
  currency!: string;

  @Field(() => GraphQLSafeInt, {
    nullable: true,
    description: 'Points to hold (a multiple of the rate’s step). Exactly one of points and amount.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  points?: number | null;

  @Field(() => GraphQLSafeInt, {
    nullable: true,
    description:
      'Money the points are to pay, in minor units: the most points worth no more, rounded down to the step.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  amount?: number | null;

  @Field({ description: 'The caller’s key, unique per member: a retry with it answers with the first hold.' })
  @Length(1, 128)
  idempotencyKey!: string;

  @Field(() => Int, {
    nullable: true,
    description: `Seconds until the points come back unless a purchase captures them (default 900, at most ${maxHoldSeconds}).`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(maxHoldSeconds)
  expiresInSeconds?: number | null;
}

@ObjectType({ description: 'Points reserved to pay a basket: captured by the purchase that names it, or given back.' })
export class PointsHold {
  @Field(() => ID)
  id!: string;

  @Field(() => Customer)
  customer!: Customer;

  @Field()
  currency!: string;

  @Field(() => GraphQLSafeInt)
  points!: number;

  @Field(() => GraphQLSafeInt, { description: 'The money the points pay, in minor units of `currency`.' })
  amount!: number;

  @Field(() => PointsHoldStatus)
  status!: PointsHoldStatus;

  @Field({ description: 'When the points come back unless captured first.' })
  expiresAt!: Date;

  @Field()
  createdAt!: Date;

  @Field(() => ID, { nullable: true, description: 'The purchase the points paid, once captured.' })
  purchaseId!: string | null;

  @Field(() => GraphQLSafeInt, { description: 'Points returns have refunded so far.' })
  refundedPoints!: number;
}

export const PointsHoldConnection = connectionType('PointsHold', PointsHold);

@InputType({ description: 'Pay part of the order with held points.' })
export class PointsPaymentInput {
  @Field(() => ID, { description: 'The hold (`holdPoints`) to capture: the member’s, in the order’s currency, open.' })
  @IsUuid()
  holdId!: string;
}

@ObjectType({ description: 'The part of an order paid with points.' })
export class PurchasePointsPayment {
  @Field(() => ID)
  holdId!: string;

  @Field(() => GraphQLSafeInt)
  points!: number;

  @Field(() => GraphQLSafeInt, { description: 'The money the points paid, in minor units; the rest was cash.' })
  amount!: number;
}
