import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    "What a campaign granted in a range and the spend it caused, measured against its random holdout. Money in minor units of the program's currency.",
})
export class CampaignPerformance {
  @Field()
  from!: Date;

  @Field({ description: 'The end of the range (not included).' })
  to!: Date;

  @Field({ description: "The program's currency, which spend and cost count in." })
  currency!: string;

  @Field(() => GraphQLSafeInt, { description: 'Points it granted, less the share of each purchase later returned.' })
  pointsGranted!: number;

  @Field(() => Int, { description: 'Purchases and activities it granted points on.' })
  grants!: number;

  @Field(() => Int, { description: 'Members it granted points to.' })
  membersReached!: number;

  @Field(() => Int)
  holdoutPercent!: number;

  @Field(() => Int, {
    description:
      'Members of its audience (tiers and segments as they are now) that campaigns knew of before `to`, holdout included.',
  })
  audienceMembers!: number;

  @Field(() => Int, { description: 'Audience members outside the holdout: those who could get it.' })
  treatmentMembers!: number;

  @Field(() => Int, { description: 'Audience members held out at random.' })
  holdoutMembers!: number;

  @Field(() => Int, { description: 'Treatment members who bought in the range.' })
  treatmentBuyers!: number;

  @Field(() => Int, { description: 'Holdout members who bought in the range.' })
  holdoutBuyers!: number;

  @Field(() => GraphQLSafeInt, {
    description: "Net spend in the range per treatment member (in the campaign's channels, if it names any).",
  })
  treatmentSpendPerMember!: number;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'The same per holdout member; null without a holdout.' })
  holdoutSpendPerMember!: number | null;

  @Field(() => GraphQLSafeInt, {
    nullable: true,
    description: '(treatmentSpendPerMember − holdoutSpendPerMember) × treatmentMembers; null without a holdout.',
  })
  incrementalSpend!: number | null;

  @Field(() => Float, { description: 'What one point costs the program, in minor units (the pointCost asked).' })
  pointCost!: number;

  @Field(() => GraphQLSafeInt, { description: 'pointsGranted × pointCost.' })
  cost!: number;

  @Field(() => Float, {
    nullable: true,
    description: '(incrementalSpend − cost) / cost; null without a holdout or a cost.',
  })
  roi!: number | null;
}
