import { IsInt, Length, Max, Min } from 'class-validator';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { IsUuid } from '../../../runtime/validation/validators';

@InputType({ description: "Points another service of this graph awards a member (a badge's completion)." })
export class AwardPointsInput {
  @Field({ description: 'The idempotency key, e.g. badge:<badge key>:<customer id>; asking again credits nothing.' })
  @Length(1, 200)
  awardKey!: string;

  @Field(() => ID)
  @IsUuid()
  customerId!: string;

  @Field(() => GraphQLSafeInt)
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  points!: number;

  @Field({ description: "What the member sees in their history, e.g. 'Badge earned: Omnichannel shopper'." })
  @Length(3, 500)
  reason!: string;
}

@ObjectType({ description: 'An award as the journal holds it.' })
export class PointsAward {
  @Field()
  awardKey!: string;

  @Field(() => ID, { description: 'The account credited (the survivor, for a merged member).' })
  customerId!: string;

  @Field(() => GraphQLSafeInt)
  points!: number;

  @Field(() => GraphQLSafeInt)
  balanceAfter!: number;

  @Field()
  createdAt!: Date;
}
