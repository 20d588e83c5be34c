import { IsInt, IsOptional, Length, Max, Min } from 'class-validator';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { connectionType } from '../../../runtime/pagination/connection';
import { IsUuid } from '../../../runtime/validation/validators';
import { Customer } from '../accounts/account.type';

@InputType({ description: 'Points a member gives another member (a household, a gift). Sending it again gives once.' })
export class TransferPointsInput {
  @Field(() => ID, { description: 'The member who receives the points.' })
  @IsUuid()
  toCustomerId!: string;

  @Field(() => GraphQLSafeInt, { description: 'At least 1, and no more than the program allows per transfer.' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  points!: number;

  @Field({
    description:
      "The giver's key for this transfer: a retry with it answers with the first transfer; the same key for another transfer is a CONFLICT.",
  })
  @Length(1, 128)
  idempotencyKey!: string;

  @Field(() => String, { nullable: true, description: 'A message for the recipient.' })
  @IsOptional()
  @Length(1, 280)
  note?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The member who gives the points: admins only, who must name one. A member always gives their own.',
  })
  @IsOptional()
  @IsUuid()
  fromCustomerId?: string | null;
}

@ObjectType({ description: 'Points one member gave another, with who made the transfer.' })
export class PointTransfer {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  fromCustomerId!: string;

  @Field(() => ID)
  toCustomerId!: string;

  @Field(() => Customer, { description: 'The member who gave the points.' })
  from!: Customer;

  @Field(() => Customer, { description: 'The member who received them.' })
  to!: Customer;

  @Field(() => GraphQLSafeInt)
  points!: number;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'role:subject of who made the transfer: the giver, or an admin on their behalf.',
  })
  actor!: string | null;

  @Field()
  createdAt!: Date;
}

export const PointTransferConnection = connectionType('PointTransfer', PointTransfer);
