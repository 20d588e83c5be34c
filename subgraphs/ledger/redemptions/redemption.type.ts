import { IsInt, Length, Max, Min } from 'class-validator';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { IsUuid } from '../../../runtime/validation/validators';
import { Customer } from '../accounts/account.type';

@InputType({ description: 'A debit for a redemption. Sending it again debits once.' })
export class DebitPointsInput {
  @Field(() => ID)
  @IsUuid()
  customerId!: string;

  @Field(() => ID, { description: "The rewards service's redemption id: the idempotency key." })
  @Length(1, 128)
  redemptionId!: string;

  @Field(() => GraphQLSafeInt)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  points!: number;

  @Field({ description: 'What the points were spent on, as the member reads it in their history.' })
  @Length(3, 500)
  reason!: string;
}

@ObjectType({ description: 'Points debited for a redemption, and whether they were refunded.' })
export class PointsDebit {
  @Field(() => ID)
  redemptionId!: string;

  @Field(() => Customer)
  customer!: Customer;

  @Field(() => GraphQLSafeInt)
  points!: number;

  @Field()
  reason!: string;

  @Field(() => GraphQLSafeInt, { description: 'The balance after the debit, or after the refund once refunded.' })
  balanceAfter!: number;

  @Field()
  debitedAt!: Date;

  @Field(() => Date, { nullable: true })
  refundedAt!: Date | null;
}
