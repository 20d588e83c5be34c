import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Customer } from '../accounts/account.type';

@ObjectType({ description: "A change of a member's balance, pushed the moment it commits." })
export class BalanceUpdate {
  @Field(() => ID, { description: 'Outbox event id; pass it as `after` to resume from here.' })
  eventId!: string;

  @Field(() => ID)
  customerId!: string;

  @Field(() => Customer)
  customer!: Customer;

  @Field(() => GraphQLSafeInt, { description: 'The balance after the change.' })
  balance!: number;

  @Field(() => GraphQLSafeInt, { description: 'Signed change in points.' })
  change!: number;

  @Field(() => GraphQLSafeInt, { description: 'Points pending after the change.' })
  pending!: number;

  @Field(() => GraphQLSafeInt, {
    description: 'Signed change in pending points (a held purchase, a release, a return).',
  })
  pendingChange!: number;

  @Field()
  reason!: string;

  @Field(() => ID, { description: 'The purchase, return, redemption or adjustment that changed the balance.' })
  transactionId!: string;

  @Field()
  occurredAt!: Date;
}
