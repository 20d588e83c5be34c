import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A loyalty member: one profile across every channel.' })
@Directive('@key(fields: "id")')
export class Customer {
  @Field(() => ID)
  id!: string;
}

@ObjectType({ description: 'A way to earn that applies to this member now or within a week, ranked for them.' })
export class Offer {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field(() => ID, { nullable: true, description: 'The campaign behind it; null for the base earn rate.' })
  campaignId!: string | null;

  @Field({ description: 'Why this member sees it, e.g. "Your first purchase in store".' })
  why!: string;

  @Field({ description: 'Whether it applies right now (else it starts at startsAt).' })
  liveNow!: boolean;

  @Field(() => Date, { nullable: true })
  startsAt!: Date | null;

  @Field(() => Date, { nullable: true })
  endsAt!: Date | null;
}
