import { IsInt, IsOptional, Length, Max, Min, NotEquals } from 'class-validator';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { IsUuid } from '../../../runtime/validation/validators';
import { Customer } from '../accounts/account.type';

@InputType({ description: "A manual correction of a member's points." })
export class AdjustPointsInput {
  @Field(() => ID)
  @IsUuid()
  customerId!: string;

  @Field(() => GraphQLSafeInt, { description: 'Signed: positive credits, negative debits. Not zero.' })
  @IsInt()
  @NotEquals(0)
  @Min(-Number.MAX_SAFE_INTEGER)
  @Max(Number.MAX_SAFE_INTEGER)
  points!: number;

  @Field({ description: 'Why; the member sees it in their history and it is kept with your name.' })
  @Length(3, 500)
  reason!: string;

  @Field(() => String, { nullable: true, description: 'Send the same key again to retry without adjusting twice.' })
  @IsOptional()
  @Length(1, 128)
  idempotencyKey?: string | null;
}

@ObjectType({ description: 'A manual adjustment, with who made it.' })
export class PointsAdjustment {
  @Field(() => ID)
  id!: string;

  @Field(() => Customer)
  customer!: Customer;

  @Field(() => GraphQLSafeInt)
  points!: number;

  @Field()
  reason!: string;

  @Field(() => String, { nullable: true, description: 'role:subject of the admin who made it.' })
  actor!: string | null;

  @Field(() => GraphQLSafeInt)
  balanceAfter!: number;

  @Field()
  createdAt!: Date;
}
