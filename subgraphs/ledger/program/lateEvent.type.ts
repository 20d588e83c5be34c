import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { LateEffectsRecord } from './lateEvent.rules';

export enum LateCampaignEffectKind {
  CAPPED = 'CAPPED',
  BUDGET = 'BUDGET',
  ENDED_SINCE = 'ENDED_SINCE',
}

registerEnumType(LateCampaignEffectKind, {
  name: 'LateCampaignEffectKind',
  description: 'What judging a late event as of its time did to a campaign.',
  valuesConfig: {
    CAPPED: {
      description:
        "The campaign's per-customer cap, counted in the period of the event's time, lowered or removed its award.",
    },
    BUDGET: { description: "The campaign's remaining budget lowered or removed its award." },
    ENDED_SINCE: { description: "The campaign applied at the event's time and has ended since." },
  },
});

@ObjectType({
  description: 'A campaign whose cap, budget or schedule, judged as of a late event, changed what it gave.',
})
export class LateCampaignEffect {
  @Field(() => LateCampaignEffectKind)
  kind!: LateCampaignEffectKind;

  @Field(() => ID)
  campaignId!: string;

  @Field()
  campaignName!: string;

  @Field({ description: 'The period the cap counts in: DAY, WEEK, MONTH or CAMPAIGN (a budget: CAMPAIGN).' })
  capPeriod!: string;

  @Field(() => Date, { nullable: true, description: "When that period, the one holding the event's time, began." })
  periodStart!: Date | null;

  @Field(() => GraphQLSafeInt, { description: 'Points the campaign would have given without its limit.' })
  wouldHaveGiven!: number;

  @Field(() => GraphQLSafeInt, { description: 'Points it gave (0: the limit excluded it).' })
  gave!: number;
}

@ObjectType({
  description:
    "What a late event's lateness did: one whose `occurredAt` is earlier than its recording by more than the 5 minutes of clock skew.",
})
export class LateEventEffects {
  @Field({
    description: "The time it was judged as of (its `occurredAt`): campaigns, caps, budgets, the lot's expiry.",
  })
  judgedAsOf!: Date;

  @Field({ description: 'When the ledger recorded it.' })
  recordedAt!: Date;

  @Field(() => String, {
    nullable: true,
    description:
      "The tier it was judged with: the member's at recording (null without a tier program). No past tier is re-evaluated; its tier-qualifying points count from `recordedAt`.",
  })
  tier!: string | null;

  @Field(() => [LateCampaignEffect], {
    description:
      'Campaigns whose cap or budget in the period of `judgedAsOf` limited or excluded their award, or that applied then and have ended since.',
  })
  campaigns!: LateCampaignEffect[];
}

/** The stored effects as the graph shows them; null (on time) stays null. */
export function toLateEffects(record: LateEffectsRecord | null | undefined): LateEventEffects | null {
  if (!record) return null;
  return {
    judgedAsOf: new Date(record.judgedAsOf),
    recordedAt: new Date(record.recordedAt),
    tier: record.tier,
    campaigns: record.campaigns.map((effect) => ({
      ...effect,
      kind: effect.kind as LateCampaignEffectKind,
      periodStart: effect.periodStart === null ? null : new Date(effect.periodStart),
    })),
  };
}
