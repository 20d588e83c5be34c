import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A loyalty member: one profile across every channel.' })
@Directive('@key(fields: "id")')
export class Customer {
  @Field(() => ID)
  id!: string;
}

@ObjectType({ description: 'A way to earn that applies to this member now.' })
export class Offer {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  description!: string;
}
