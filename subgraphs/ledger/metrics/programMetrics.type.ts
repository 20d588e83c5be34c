import { GraphQLSafeInt } from 'graphql-scalars';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Figures for one channel, store or tier in the range.' })
export class GroupMetrics {
  @Field({ description: 'The channel, store id or tier name.' })
  key!: string;

  @Field(() => Int)
  activeMembers!: number;

  @Field(() => Int)
  purchases!: number;

  @Field(() => GraphQLSafeInt)
  netSpend!: number;

  @Field(() => GraphQLSafeInt)
  averageOrderValue!: number;
}

@ObjectType({
  description:
    "The program's figures for a range of UTC days, from aggregates the ledger keeps (see `lastEventId` for how far they reach). Money in minor units of the asked currency. The campaign subgraph adds the segment breakdown, the profile subgraph the enrolment and NPS figures.",
})
// The ledger answers programMetrics; the other subgraphs extend it by the range it was asked for.
@Directive('@key(fields: "from to currency", resolvable: false)')
export class ProgramMetrics {
  @Field({ description: "The first day counted: `from`'s UTC day, at midnight." })
  from!: Date;

  @Field({ description: "The end of the days counted (not included): `to`'s UTC day, at midnight." })
  to!: Date;

  @Field({ description: 'The currency money figures count in.' })
  currency!: string;

  @Field(() => Int, { description: 'Members with a purchase in the range.' })
  activeMembers!: number;

  @Field(() => Int)
  purchases!: number;

  @Field(() => GraphQLSafeInt, { description: 'Spend less refunds of returns made in the range.' })
  netSpend!: number;

  @Field(() => GraphQLSafeInt, { description: 'netSpend / purchases.' })
  averageOrderValue!: number;

  @Field(() => Float, { description: 'Purchases per active member.' })
  purchaseFrequency!: number;

  @Field(() => Int, { description: 'Active members who bought in two channels or more in the range.' })
  multiChannelMembers!: number;

  @Field(() => Float, { description: 'multiChannelMembers / activeMembers.' })
  multiChannelShare!: number;

  @Field(() => GraphQLSafeInt, { description: 'Net spend per multi-channel member in the range.' })
  multiChannelAverageSpend!: number;

  @Field(() => GraphQLSafeInt, { description: 'Net spend per single-channel member in the range.' })
  singleChannelAverageSpend!: number;

  @Field(() => GraphQLSafeInt, { description: 'EARN and BONUS points posted (when they became spendable).' })
  pointsIssued!: number;

  @Field(() => GraphQLSafeInt, { description: 'Points taken back by returns.' })
  pointsReversed!: number;

  @Field(() => GraphQLSafeInt, { description: 'Points spent on rewards, less redemptions refunded.' })
  pointsRedeemed!: number;

  @Field(() => GraphQLSafeInt)
  pointsExpired!: number;

  @Field(() => GraphQLSafeInt, {
    description: "The points liability at the range's end: every point posted before it and not spent.",
  })
  pointsOutstanding!: number;

  @Field(() => Float, { description: 'pointsRedeemed / pointsIssued.' })
  redemptionRate!: number;

  @Field(() => GraphQLSafeInt, {
    description:
      'Historic CLV per active member: everything they spent, net of refunds, up to `to` (in this currency).',
  })
  averageClv!: number;

  @Field(() => GraphQLSafeInt, {
    description: 'averageClv of the active members who have ever bought in two channels or more.',
  })
  multiChannelAverageClv!: number;

  @Field(() => GraphQLSafeInt, {
    description: 'averageClv of the active members who have only ever bought in one channel.',
  })
  singleChannelAverageClv!: number;

  @Field(() => Int, { description: 'Members who bought in the churn window (churnAfterDays) before `from`.' })
  churnBase!: number;

  @Field(() => Int, { description: 'Members of churnBase with no purchase in the range.' })
  churnedMembers!: number;

  @Field(() => Float, { description: 'churnedMembers / churnBase.' })
  churnRate!: number;

  @Field(() => [GroupMetrics])
  byChannel!: GroupMetrics[];

  @Field(() => [GroupMetrics], { description: 'In-store purchases by store.' })
  byStore!: GroupMetrics[];

  @Field(() => [GroupMetrics], {
    description:
      'By the tier the member held when they bought (NONE without one); refunds in the tier held at the return.',
  })
  byTier!: GroupMetrics[];

  @Field(() => ID, { description: 'The last ledger event the aggregates include.' })
  lastEventId!: number;
}

@ObjectType({ description: 'What one run of the metrics aggregation folded in.' })
export class MetricsRefresh {
  @Field(() => Int)
  events!: number;

  @Field(() => ID)
  lastEventId!: number;
}
