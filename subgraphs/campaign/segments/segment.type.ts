import { ArrayMaxSize, IsInt, IsOptional, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { IsCode } from '../../../runtime/validation/validators';

const score = (field: string) => ({ nullable: true, description: `${field} score, 1 to 5 (5 is best).` });

@ObjectType('SegmentRule', { description: 'Conditions a member meets all of; nulls and empty lists do not restrict.' })
@InputType('SegmentRuleInput')
export class SegmentRuleShape {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  minPurchases!: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  maxPurchases!: number | null;

  @Field(() => GraphQLSafeInt, { nullable: true, description: "Net spend, minor units of the program's currency." })
  @IsOptional()
  @IsInt()
  @Min(0)
  minSpend!: number | null;

  @Field(() => GraphQLSafeInt, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  maxSpend!: number | null;

  @Field(() => Int, { nullable: true, description: 'Bought within this many days.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  purchasedWithinDays!: number | null;

  @Field(() => Int, { nullable: true, description: 'Has bought, but not for this many days.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  notPurchasedForDays!: number | null;

  @Field(() => [String], { description: 'Bought in at least one of these channels.' })
  @ArrayMaxSize(20)
  @IsCode({ each: true })
  channelsAny!: string[];

  @Field(() => [String], { description: 'Bought in every one of these channels.' })
  @ArrayMaxSize(20)
  @IsCode({ each: true })
  channelsAll!: string[];

  @Field(() => Int, { nullable: true, description: 'Bought in at least this many channels (2: omnichannel).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  minChannels!: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  maxChannels!: number | null;

  @Field(() => [String])
  @ArrayMaxSize(20)
  @Length(1, 64, { each: true })
  tiers!: string[];

  @Field(() => Int, score('Minimum recency'))
  @IsOptional()
  @IsInt()
  minRecency!: number | null;

  @Field(() => Int, score('Maximum recency'))
  @IsOptional()
  @IsInt()
  maxRecency!: number | null;

  @Field(() => Int, score('Minimum frequency'))
  @IsOptional()
  @IsInt()
  minFrequency!: number | null;

  @Field(() => Int, score('Maximum frequency'))
  @IsOptional()
  @IsInt()
  maxFrequency!: number | null;

  @Field(() => Int, score('Minimum monetary'))
  @IsOptional()
  @IsInt()
  minMonetary!: number | null;

  @Field(() => Int, score('Maximum monetary'))
  @IsOptional()
  @IsInt()
  maxMonetary!: number | null;
}

@ObjectType({ description: 'A group of members campaigns can target, recomputed from purchases as they happen.' })
export class Segment {
  @Field({ description: 'Stable key campaigns name in audience.segments.' })
  key!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field({ description: 'Built in (RFM groups, omnichannel, single-channel) or defined by a marketer.' })
  builtIn!: boolean;

  @Field(() => SegmentRuleShape)
  rule!: SegmentRuleShape;
}

@InputType({ description: 'A segment a marketer defines. Defining an existing key replaces it.' })
export class SegmentInput {
  @Field({ description: 'lower-kebab-case, 2 to 48 characters.' })
  @Matches(/^[a-z][a-z0-9-]{1,47}$/, { message: 'key must be lower-kebab-case, 2 to 48 characters' })
  key!: string;

  @Field()
  @Length(1, 120)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  description?: string | null;

  @Field(() => SegmentRuleShape)
  @ValidateNested()
  rule!: SegmentRuleShape;
}

@ObjectType({ description: 'What reading the ledger history did.' })
export class HistoryRefresh {
  @Field(() => Int, { description: 'Ledger events read.' })
  events!: number;

  @Field(() => GraphQLSafeInt, { description: 'The last ledger event read so far.' })
  lastEventId!: number;
}

@ObjectType({ description: 'How many members a segment holds now.' })
export class SegmentSize {
  @Field()
  key!: string;

  @Field(() => Int)
  members!: number;
}
