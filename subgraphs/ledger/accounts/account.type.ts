import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A loyalty member: one profile across every channel.' })
@Directive('@key(fields: "id")')
export class Customer {
  @Field(() => ID)
  id!: string;
}

@ObjectType({ description: "A member's points: what they can spend and what they have done." })
export class Loyalty {
  customerId!: string;

  @Field(() => Int, { description: 'Points available to spend now.' })
  balance!: number;

  @Field(() => Int, { description: 'All points ever earned, whatever was spent since.' })
  lifetimePoints!: number;
}
