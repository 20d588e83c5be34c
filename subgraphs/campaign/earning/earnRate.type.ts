import { IsInt, Max, Min } from 'class-validator';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { IsCurrencyCode } from '../../../runtime/validation/validators';

@ObjectType({ description: 'The base earn rate of a currency: `points` for every `perAmount` minor units spent.' })
export class EarnRate {
  @Field()
  currency!: string;

  @Field(() => Int)
  points!: number;

  @Field(() => GraphQLSafeInt, { description: 'Minor units (cents) that earn `points`.' })
  perAmount!: number;

  @Field({ description: 'Human-readable, e.g. "1 point per €1.00".' })
  description!: string;

  @Field()
  updatedAt!: Date;
}

@InputType()
export class SetEarnRateInput {
  @Field({ description: 'ISO 4217 code, e.g. EUR.' })
  @IsCurrencyCode()
  currency!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  points!: number;

  @Field(() => GraphQLSafeInt, { description: 'Minor units (cents) that earn `points`, e.g. 100 for one euro.' })
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  perAmount!: number;
}
