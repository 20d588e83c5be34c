import { GraphQLSafeInt } from 'graphql-scalars';
import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: "One segment's figures in a range; segments overlap, so they do not add up." })
export class SegmentMetrics {
  @Field()
  key!: string;

  @Field()
  name!: string;

  @Field(() => Int, { description: 'Members in the segment now.' })
  members!: number;

  @Field(() => Int, { description: 'Of them, members with a purchase in the range.' })
  activeMembers!: number;

  @Field(() => Int)
  purchases!: number;

  @Field(() => GraphQLSafeInt, { description: 'Spend on those purchases, less what was returned of them.' })
  netSpend!: number;

  @Field(() => GraphQLSafeInt, { description: 'netSpend / purchases.' })
  averageOrderValue!: number;

  @Field(() => Float, { description: 'Purchases per active member.' })
  purchaseFrequency!: number;
}

// Each extending subgraph declares its own stub of the entity: type-graphql keeps field resolvers
// per class for the whole process, so a class shared with the profile (or campaign) subgraph would
// carry that subgraph's fields into this schema under npm start.
@ObjectType({ description: "The program's figures for a range; the campaign subgraph adds the segment breakdown." })
@Directive('@key(fields: "from to currency")')
export class ProgramMetrics {
  @Field()
  from!: Date;

  @Field()
  to!: Date;

  @Field()
  currency!: string;
}
