import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ChurnRisk } from './customerMetrics.rules';

registerEnumType(ChurnRisk, {
  name: 'ChurnRisk',
  description:
    'LOW: bought within half the churn window (CHURN_AFTER_DAYS); MEDIUM: within it; HIGH: not within it (churned).',
});

@ObjectType({
  description:
    "A member's value and habits, from their orders. Money is in minor units of `currency`, the currency of most of their orders.",
})
export class CustomerMetrics {
  @Field(() => Int, { description: 'Orders recorded, returned or not.' })
  purchases!: number;

  @Field(() => String, { nullable: true, description: 'Null before the first purchase.' })
  currency!: string | null;

  @Field(() => GraphQLSafeInt, { description: 'What they spent, net of refunds.' })
  netSpend!: number;

  @Field(() => GraphQLSafeInt, { description: 'Net spend per order.' })
  averageOrderValue!: number;

  @Field(() => GraphQLSafeInt, { description: 'Historic customer lifetime value: their net spend so far.' })
  historicClv!: number;

  @Field(() => GraphQLSafeInt, {
    description:
      'Expected spend in the next 12 months: average order value × their purchases a year, × 1, ½ or 0 by churn risk.',
  })
  predictedNext12Months!: number;

  @Field(() => GraphQLSafeInt, { description: 'Predictive lifetime value: historicClv + predictedNext12Months.' })
  predictedClv!: number;

  @Field(() => Float, { description: 'Purchases per 30 days since their first purchase (over at least 30 days).' })
  purchaseFrequency!: number;

  @Field(() => Date, { nullable: true })
  firstPurchaseAt!: Date | null;

  @Field(() => Date, { nullable: true })
  lastPurchaseAt!: Date | null;

  @Field(() => Int, { nullable: true })
  daysSinceLastPurchase!: number | null;

  @Field(() => [String], { description: 'Channels they bought in, alphabetically.' })
  channels!: string[];

  @Field(() => ChurnRisk, { nullable: true, description: 'Null before the first purchase.' })
  churnRisk!: ChurnRisk | null;
}
