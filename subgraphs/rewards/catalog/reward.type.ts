import { IsInt, Length, Max, MaxLength, Min } from 'class-validator';
import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType } from '../../../runtime/pagination/connection';

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
}
