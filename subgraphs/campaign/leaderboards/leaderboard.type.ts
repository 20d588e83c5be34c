import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LeaderboardPeriod } from './leaderboard.rules';

registerEnumType(LeaderboardPeriod, {
  name: 'LeaderboardPeriod',
  description: "A calendar period in the program's time zone (weeks start on Monday).",
});

@ObjectType({ description: 'One opted-in member on a leaderboard.' })
export class LeaderboardEntry {
  @Field(() => Int, { description: 'Equal points share a rank (1, 2, 2, 4).' })
  rank!: number;

  @Field({ description: 'The name the member chose to appear under.' })
  displayName!: string;

  @Field(() => GraphQLSafeInt, {
    description: 'Points earned on purchases in the store in the period, net of returns.',
  })
  points!: number;
}

@ObjectType({ description: 'Members who opted in, ranked by points earned in one store in one period.' })
export class Leaderboard {
  @Field()
  storeId!: string;

  @Field(() => LeaderboardPeriod)
  period!: LeaderboardPeriod;

  @Field({ description: 'Start of the period (inclusive).' })
  from!: Date;

  @Field({ description: 'End of the period (exclusive).' })
  to!: Date;

  @Field(() => [LeaderboardEntry])
  entries!: LeaderboardEntry[];
}

@ObjectType({ description: "A member's choice to appear on leaderboards." })
export class LeaderboardMembership {
  @Field()
  displayName!: string;

  @Field()
  joinedAt!: Date;
}
