import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { NpsScore } from '../feedback/feedback.type';

@ObjectType({ description: 'Members who enrolled through one channel in the range.' })
export class EnrolmentsByChannel {
  @Field()
  channel!: string;

  @Field(() => Int)
  members!: number;
}

@ObjectType({ description: 'NPS answers given in one channel in the range.' })
export class NpsByChannel {
  @Field()
  channel!: string;

  @Field(() => NpsScore)
  nps!: NpsScore;
}

// Each extending subgraph declares its own stub of the entity: type-graphql keeps field resolvers
// per class for the whole process, so a class shared with the campaign subgraph would
// carry that subgraph's fields into this schema under npm start.
@ObjectType({ description: "The program's figures for a range; the profile subgraph adds membership and NPS." })
@Directive('@key(fields: "from to currency")')
export class ProgramMetrics {
  @Field()
  from!: Date;

  @Field()
  to!: Date;

  @Field()
  currency!: string;
}
