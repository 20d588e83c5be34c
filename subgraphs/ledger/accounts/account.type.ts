import { GraphQLSafeInt } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A loyalty member: one profile across every channel.' })
@Directive('@key(fields: "id")')
export class Customer {
  @Field(() => ID)
  id!: string;
}

@ObjectType({ description: "A member's points: what they can spend and what they have done." })
export class Loyalty {
  customerId!: string;
  tierName!: string | null;
  tierSince!: Date | null;
  tierReviewAt!: Date | null;
  lastActivityAt!: Date | null;

  @Field(() => GraphQLSafeInt, { description: 'Points available to spend now.' })
  balance!: number;

  @Field(() => GraphQLSafeInt, {
    description:
      'Points from purchases still inside their return window: spendable once it closes (see pendingPoints).',
  })
  pending!: number;

  @Field(() => GraphQLSafeInt, { description: 'All points ever earned from purchases, less what returns took back.' })
  lifetimePoints!: number;

  @Field(() => ID, {
    nullable: true,
    description:
      'The newest balance event of this member, read together with the balance. Subscribe to balanceUpdated with `after` set to it (or "0" when null) to get every later change, with no gap.',
  })
  lastEventId!: string | null;
}

@ObjectType({ description: 'Points that expire together.' })
export class ExpiringPoints {
  @Field(() => GraphQLSafeInt)
  points!: number;

  @Field()
  expiresAt!: Date;
}

@ObjectType({ description: "Points on hold until a purchase's return window closes." })
export class PendingPoints {
  @Field(() => GraphQLSafeInt)
  points!: number;

  @Field({ description: 'When they become spendable.' })
  availableAt!: Date;

  @Field(() => ID, { nullable: true })
  purchaseId!: string | null;
}
