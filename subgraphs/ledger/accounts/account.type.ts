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

  @Field(() => GraphQLSafeInt, { description: 'Points available to spend now.' })
  balance!: number;

  @Field(() => GraphQLSafeInt, { description: 'All points ever earned, whatever was spent since.' })
  lifetimePoints!: number;

  @Field(() => ID, {
    nullable: true,
    description:
      'The newest balance event of this member, read together with the balance. Subscribe to balanceUpdated with `after` set to it (or "0" when null) to get every later change, with no gap.',
  })
  lastEventId!: string | null;
}
