import { ArrayMaxSize, ArrayMinSize, IsInt, Length, Max, Min, ValidateNested } from 'class-validator';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A status level, reached with qualifying points in the rolling window.' })
export class Tier {
  @Field()
  name!: string;

  @Field(() => GraphQLSafeInt, { description: 'Qualifying points needed in the window.' })
  qualifyingPoints!: number;

  @Field(() => Int, { description: 'Earning multiplier in percent applied to base points (150 = 1.5×).' })
  multiplierPercent!: number;
}

@ObjectType({ description: 'The tiers and how they are earned and kept.' })
export class TierProgramView {
  @Field(() => Int, {
    description: 'Qualifying points count over this many months; a tier is reviewed this long after it was reached.',
  })
  windowMonths!: number;

  @Field(() => [Tier], { description: 'Lowest first.' })
  tiers!: Tier[];
}

@InputType()
export class TierInput {
  @Field()
  @Length(1, 64)
  name!: string;

  @Field(() => GraphQLSafeInt)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  qualifyingPoints!: number;

  @Field(() => Int, { defaultValue: 100 })
  @IsInt()
  @Min(100)
  @Max(1000)
  multiplierPercent!: number;
}

@InputType({ description: 'Replaces the tier program. The first tier needs 0 points; each next one more.' })
export class TierProgramInput {
  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(60)
  windowMonths!: number;

  @Field(() => [TierInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested()
  tiers!: TierInput[];
}

@ObjectType({ description: 'Where a member stands in the tier program.' })
export class TierProgress {
  @Field(() => GraphQLSafeInt, { description: 'Points earned from purchases in the window, less returns.' })
  qualifyingPoints!: number;

  @Field(() => Int)
  windowMonths!: number;

  @Field(() => GraphQLSafeInt, {
    nullable: true,
    description: 'Qualifying points still needed for the next tier; null at the top.',
  })
  pointsToNextTier!: number | null;

  @Field(() => Date, { nullable: true, description: 'When the current tier was reached.' })
  tierSince!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'When the tier is reviewed: it goes down then if the window no longer reaches it. Null for the first tier.',
  })
  reviewAt!: Date | null;
}
