import { ArrayMaxSize, IsInt, IsOptional, IsUrl, Length, Max, MaxLength, Min } from 'class-validator';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType } from '../../../runtime/pagination/connection';
import { IsCode, IsCurrencyCode } from '../../../runtime/validation/validators';

export enum RewardKind {
  FIXED_DISCOUNT = 'FIXED_DISCOUNT',
  PERCENT_DISCOUNT = 'PERCENT_DISCOUNT',
  FREE_PRODUCT = 'FREE_PRODUCT',
  EXPERIENCE = 'EXPERIENCE',
  DONATION = 'DONATION',
}

registerEnumType(RewardKind, { name: 'RewardKind' });

@ObjectType({ description: 'Something members can spend points on.' })
@Directive('@key(fields: "id")')
export class Reward {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field(() => RewardKind)
  kind!: RewardKind;

  @Field(() => Int)
  costPoints!: number;

  @Field({ description: 'Inactive rewards stay visible to history but cannot be redeemed.' })
  active!: boolean;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'FIXED_DISCOUNT: minor units of valueCurrency off.' })
  valueAmount!: number | null;

  @Field(() => String, { nullable: true })
  valueCurrency!: string | null;

  @Field(() => Int, { nullable: true, description: 'PERCENT_DISCOUNT: percent off.' })
  percentOff!: number | null;

  @Field(() => String, { nullable: true, description: 'FREE_PRODUCT: the SKU given.' })
  sku!: string | null;

  @Field(() => String, { nullable: true })
  imageUrl!: string | null;

  @Field(() => [String], { description: 'Tiers that may redeem it; none means every tier.' })
  tiers!: string[];

  @Field(() => [String], { description: 'Channels it can be redeemed and used in; none means every channel.' })
  channels!: string[];

  @Field(() => Date, { nullable: true })
  validFrom!: Date | null;

  @Field(() => Date, { nullable: true })
  validUntil!: Date | null;

  @Field(() => Int, { nullable: true, description: 'Units left; null is unlimited.' })
  stockLeft!: number | null;

  @Field(() => Int, { nullable: true, description: 'Redemptions one member may make; null is unlimited.' })
  perCustomerLimit!: number | null;

  @Field(() => Int, { description: 'Days a voucher stays valid after it is issued.' })
  voucherValidDays!: number;

  @Field()
  createdAt!: Date;
}

export const RewardConnection = connectionType('Reward', Reward);

@InputType()
export class CreateRewardInput {
  @Field()
  @Length(1, 120)
  name!: string;

  @Field({ defaultValue: '' })
  @MaxLength(2000)
  description!: string;

  @Field(() => RewardKind)
  kind!: RewardKind;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  costPoints!: number;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'FIXED_DISCOUNT: minor units off (required for it).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  valueAmount?: number | null;

  @Field(() => String, { nullable: true, description: 'FIXED_DISCOUNT: the currency of valueAmount.' })
  @IsOptional()
  @IsCurrencyCode()
  valueCurrency?: string | null;

  @Field(() => Int, { nullable: true, description: 'PERCENT_DISCOUNT: 1 to 100 (required for it).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  percentOff?: number | null;

  @Field(() => String, { nullable: true, description: 'FREE_PRODUCT: the SKU given, when it is one product.' })
  @IsOptional()
  @Length(1, 64)
  sku?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true })
  @MaxLength(2000)
  imageUrl?: string | null;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(20)
  @Length(1, 64, { each: true })
  tiers!: string[];

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(20)
  @IsCode({ each: true })
  channels!: string[];

  @Field(() => Date, { nullable: true })
  @IsOptional()
  validFrom?: Date | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  validUntil?: Date | null;

  @Field(() => Int, { nullable: true, description: 'Units to redeem in all; null is unlimited.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  stock?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  perCustomerLimit?: number | null;

  @Field(() => Int, { defaultValue: 30 })
  @IsInt()
  @Min(1)
  @Max(3650)
  voucherValidDays!: number;
}

@InputType({ description: 'Narrows the catalog; every condition must hold.' })
export class RewardFilter {
  @Field(() => [RewardKind], { nullable: true })
  @IsOptional()
  kinds?: RewardKind[] | null;

  @Field(() => Int, { nullable: true, description: 'At most this many points.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  maxCostPoints?: number | null;

  @Field(() => String, { nullable: true, description: 'Redeemable in this channel.' })
  @IsOptional()
  @IsCode()
  channel?: string | null;

  @Field(() => String, { nullable: true, description: 'Redeemable by this tier.' })
  @IsOptional()
  @Length(1, 64)
  tier?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Inactive rewards too, to put one back in the catalog (marketers and admins; others FORBIDDEN).',
  })
  @IsOptional()
  includeInactive?: boolean | null;
}
