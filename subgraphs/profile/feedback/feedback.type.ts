import { IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsCode, IsUuid } from '../../../runtime/validation/validators';

@ObjectType({ description: 'An NPS answer: how likely the member is to recommend us, 0 to 10.' })
export class Feedback {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  score!: number;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field()
  channel!: string;

  @Field()
  createdAt!: Date;
}

@InputType()
export class RecordFeedbackInput {
  @Field(() => ID)
  @IsUuid()
  customerId!: string;

  @Field(() => Int, { description: '0 (not at all likely) to 10 (extremely likely).' })
  @IsInt()
  @Min(0)
  @Max(10)
  score!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  comment?: string | null;

  @Field({ description: 'Where it was given: IN_STORE, ONLINE, MOBILE_APP, ...' })
  @IsCode()
  channel!: string;
}

@ObjectType({ description: "The program's Net Promoter Score over a period." })
export class NpsScore {
  @Field(() => Int)
  responses!: number;

  @Field(() => Int)
  promoters!: number;

  @Field(() => Int)
  passives!: number;

  @Field(() => Int)
  detractors!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Percent promoters minus percent detractors; null without answers.',
  })
  score!: number | null;
}
