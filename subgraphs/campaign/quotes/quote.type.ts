import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsCode, IsCurrencyCode, IsUuid } from '../../../runtime/validation/validators';
import { CapPeriod } from '../campaigns/campaign.rules';
import { CampaignNoteKind, QuoteLineKind } from './quote.engine';

registerEnumType(QuoteLineKind, { name: 'QuoteLineKind', description: 'Base rate or a campaign bonus.' });
registerEnumType(CampaignNoteKind, {
  name: 'CampaignNoteKind',
  description: 'What a campaign note says about a quote.',
  valuesConfig: {
    CAPPED: {
      description: "The campaign's per-customer cap, in the period of the time judged, lowered or removed its award.",
    },
    BUDGET: { description: "The campaign's remaining budget lowered or removed its award." },
    ENDED_SINCE: { description: 'The campaign applied at the time judged but has ended since.' },
  },
});

@InputType()
export class QuoteOrderLineInput {
  @Field()
  @Length(1, 64)
  sku!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 64)
  category?: string | null;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(10_000)
  quantity!: number;

  @Field(() => GraphQLSafeInt, { description: 'Minor units of the currency.' })
  @IsInt()
  @Min(0)
  unitPrice!: number;
}

@InputType({ description: "The member's tier and its earning multiplier, as the ledger quotes a purchase with it." })
export class QuoteTierInput {
  @Field()
  @Length(1, 64)
  name!: string;

  @Field(() => Int, { description: 'Percent of the base points the tier earns: 150 earns half as much again.' })
  @IsInt()
  @Min(100)
  @Max(1000)
  multiplierPercent!: number;
}

@InputType({ description: 'An order to quote, before or while it is recorded.' })
export class QuoteOrderInput {
  @Field(() => ID)
  @IsUuid()
  customerId!: string;

  @Field()
  @IsCode()
  channel!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 64)
  storeId?: string | null;

  @Field()
  @IsCurrencyCode()
  currency!: string;

  @Field(() => [QuoteOrderLineInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested()
  lines!: QuoteOrderLineInput[];
}

@ObjectType({ description: 'Points from one rule, with the reason a member can read.' })
export class QuoteLine {
  @Field(() => QuoteLineKind)
  kind!: QuoteLineKind;

  @Field(() => GraphQLSafeInt)
  points!: number;

  @Field()
  reason!: string;

  @Field(() => ID, { nullable: true })
  ruleId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The wallet this line credits instead of points (its units), when the campaign names one.',
  })
  wallet?: string | null;
}

@ObjectType({
  description:
    'A campaign that its limits or the time told on in a quote: capped or out of budget, or ended since the time judged.',
})
export class CampaignNote {
  @Field(() => CampaignNoteKind)
  kind!: CampaignNoteKind;

  @Field(() => ID)
  campaignId!: string;

  @Field()
  campaignName!: string;

  @Field(() => CapPeriod, { description: 'The period the limit counts in (CAMPAIGN for a budget).' })
  capPeriod!: CapPeriod;

  @Field(() => Date, {
    nullable: true,
    description: 'When the period containing the time judged began; null for CAMPAIGN.',
  })
  periodStart!: string | null;

  @Field(() => GraphQLSafeInt, { description: 'The points the campaign would have given without the limit.' })
  wouldGive!: number;

  @Field(() => GraphQLSafeInt, { description: 'The points it gave (0 when the limit removed it).' })
  gave!: number;
}

@ObjectType({ description: 'What an order earns, line by line.' })
export class PointsQuote {
  @Field(() => GraphQLSafeInt)
  totalPoints!: number;

  @Field(() => [QuoteLine])
  lines!: QuoteLine[];

  @Field(() => [CampaignNote], {
    description: 'Campaigns whose cap or budget limited their award, or (a late event) that have ended since.',
  })
  campaignNotes!: CampaignNote[];
}
