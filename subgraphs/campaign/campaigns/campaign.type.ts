import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsInt,
  IsOptional,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsCode, IsCurrencyCode } from '../../../runtime/validation/validators';
import { Weekday } from '../schedules/schedule.rules';
import { AttributeConditionShape } from '../segments/segment.type';
import { ActivityKind, CampaignStatus, CampaignTrigger, CapPeriod, RewardKind } from './campaign.rules';

registerEnumType(CampaignStatus, {
  name: 'CampaignStatus',
  valuesConfig: {
    DRAFT: { description: 'Being written; grants nothing.' },
    SCHEDULED: { description: 'Grants whenever its schedule is live.' },
    PAUSED: { description: 'Grants nothing until scheduled again.' },
    ENDED: { description: 'Grants nothing, for good.' },
  },
});
registerEnumType(CampaignTrigger, { name: 'CampaignTrigger', description: 'What a campaign rewards.' });
registerEnumType(ActivityKind, {
  name: 'ActivityKind',
  description: 'Something a member did besides buying that campaigns can reward.',
});
registerEnumType(RewardKind, {
  name: 'CampaignRewardKind',
  valuesConfig: {
    MULTIPLIER: { description: 'multiplierPercent of the base points of the qualifying lines (200 = double points).' },
    FIXED_BONUS: { description: 'points once per qualifying purchase or activity.' },
    RATE: { description: 'points per perAmount minor units of currency spent on the qualifying lines.' },
  },
});
registerEnumType(CapPeriod, {
  name: 'CapPeriod',
  description: "The period a per-customer cap counts over, in the program's time zone.",
});
registerEnumType(Weekday, { name: 'Weekday' });

const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;
const codes = { each: true, message: 'each channel must be UPPER_SNAKE_CASE' } as const;

@ObjectType('EventTrigger', {
  description:
    "What an EVENT campaign rewards: a custom event of eventType whose properties meet every condition, at most once per member and value of the oncePer property. The type's name is not checked against the profile's event types (the campaign cannot see them): a type no one tracks rewards nothing.",
})
@InputType('EventTriggerInput')
export class EventTriggerShape {
  @Field({ description: 'The custom event type, e.g. review.submitted.' })
  @Length(1, 64)
  eventType!: string;

  @Field(() => [AttributeConditionShape], {
    defaultValue: [],
    description: 'Conditions on the properties, all to hold; path from the top (["price", "amount"]).',
  })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  conditions!: AttributeConditionShape[];

  @Field(() => [String], {
    nullable: true,
    description:
      'A property path: rewarded once per member and value of it (["productId"]); an event without it earns nothing.',
  })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @Length(1, 64, { each: true })
  oncePer!: string[] | null;
}

@ObjectType('CampaignReward')
@InputType('CampaignRewardInput')
export class CampaignRewardShape {
  @Field(() => RewardKind)
  kind!: RewardKind;

  @Field(() => Int, { nullable: true, description: 'MULTIPLIER: percent of base points, above 100.' })
  @IsOptional()
  @IsInt()
  @Min(101)
  @Max(10_000)
  multiplierPercent!: number | null;

  @Field(() => Int, { nullable: true, description: 'FIXED_BONUS and RATE: points.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  points!: number | null;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'RATE: minor units that earn `points`.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  perAmount!: number | null;

  @Field(() => String, { nullable: true, description: 'RATE: the currency perAmount is counted in.' })
  @IsOptional()
  @IsCurrencyCode()
  currency!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'PURCHASE campaigns: the code of a ledger wallet (walletTypes) credited instead of points, in its units (stamps or minor units); `points` is then that amount. Null: points.',
  })
  @IsOptional()
  @Length(2, 32)
  wallet?: string | null;
}

@ObjectType('CampaignAudience', { description: 'Who and what qualifies; empty lists and nulls do not restrict.' })
@InputType('CampaignAudienceInput')
export class CampaignAudienceShape {
  @Field(() => [String], { description: 'Channels it runs in, all at once; none means every channel.' })
  @ArrayMaxSize(20)
  @IsCode(codes)
  channels!: string[];

  @Field(() => [String], { description: 'Tier names that qualify.' })
  @ArrayMaxSize(20)
  @Length(1, 64, { each: true })
  tiers!: string[];

  @Field(() => [String], { description: 'Segment keys; a member of any qualifies.' })
  @ArrayMaxSize(20)
  @Length(1, 64, { each: true })
  segments!: string[];

  @Field({ description: "Only the member's first purchase ever (granted once)." })
  @IsBoolean()
  firstPurchase!: boolean;

  @Field({ description: "Only the member's first purchase in the order's channel (granted once)." })
  @IsBoolean()
  firstPurchaseInChannel!: boolean;

  @Field(() => GraphQLSafeInt, {
    nullable: true,
    description: 'Minimum order total, in minor units of minSpendCurrency.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  minSpend!: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsCurrencyCode()
  minSpendCurrency!: string | null;

  @Field(() => [String], { description: 'SKUs whose lines qualify; with categories, none means every line.' })
  @ArrayMaxSize(500)
  @Length(1, 64, { each: true })
  skus!: string[];

  @Field(() => [String])
  @ArrayMaxSize(100)
  @Length(1, 64, { each: true })
  categories!: string[];

  @Field(() => Int, { nullable: true, description: 'Only members who enrolled at most this many days ago.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  newMemberWithinDays!: number | null;
}

@ObjectType('WeeklyWindow', { description: 'A weekly window in local time; endTime counts to the end of its minute.' })
@InputType('WeeklyWindowInput')
export class WeeklyWindowShape {
  @Field(() => Weekday)
  startDay!: Weekday;

  @Field({ description: 'HH:MM, 24-hour.' })
  @Matches(hhmm, { message: 'startTime must be HH:MM' })
  startTime!: string;

  @Field(() => Weekday)
  endDay!: Weekday;

  @Field({ description: 'HH:MM, 24-hour; 23:59 runs to midnight.' })
  @Matches(hhmm, { message: 'endTime must be HH:MM' })
  endTime!: string;
}

@ObjectType('CampaignSchedule', { description: "When it grants, in the program's time zone." })
@InputType('CampaignScheduleInput')
export class CampaignScheduleShape {
  @Field(() => Date, { nullable: true })
  @IsOptional()
  startsAt!: Date | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  endsAt!: Date | null;

  @Field(() => [WeeklyWindowShape], { description: 'None: live all the time between startsAt and endsAt.' })
  @ArrayMaxSize(28)
  @ValidateNested()
  weekly!: readonly WeeklyWindowShape[];
}

@ObjectType('CampaignLimits')
@InputType('CampaignLimitsInput')
export class CampaignLimitsShape {
  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Points one customer may get per capPeriod.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  perCustomerPoints!: number | null;

  @Field(() => Int, { nullable: true, description: 'Grants one customer may get per capPeriod.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  perCustomerGrants!: number | null;

  @Field(() => CapPeriod)
  capPeriod!: CapPeriod;

  @Field(() => GraphQLSafeInt, {
    nullable: true,
    description: 'Points the campaign may grant in all; never overspent.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  budgetPoints!: number | null;
}

@InputType({ description: 'A campaign as a marketer writes it.' })
export class CampaignInput {
  @Field()
  @Length(1, 120)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  description?: string | null;

  @Field(() => CampaignTrigger, { defaultValue: CampaignTrigger.PURCHASE })
  trigger!: CampaignTrigger;

  @Field(() => ActivityKind, { nullable: true, description: 'ACTIVITY campaigns: the activity rewarded.' })
  @IsOptional()
  activityKind?: ActivityKind | null;

  @Field(() => EventTriggerShape, { nullable: true, description: 'EVENT campaigns: the custom event rewarded.' })
  @IsOptional()
  @ValidateNested()
  eventTrigger?: EventTriggerShape | null;

  @Field(() => CampaignRewardShape)
  @ValidateNested()
  reward!: CampaignRewardShape;

  @Field(() => CampaignAudienceShape, { nullable: true, description: 'Default: everyone, every channel.' })
  @IsOptional()
  @ValidateNested()
  audience?: CampaignAudienceShape | null;

  @Field(() => CampaignScheduleShape, { nullable: true, description: 'Default: always.' })
  @IsOptional()
  @ValidateNested()
  schedule?: CampaignScheduleShape | null;

  @Field(() => CampaignLimitsShape, { nullable: true, description: 'Default: no caps, no budget.' })
  @IsOptional()
  @ValidateNested()
  limits?: CampaignLimitsShape | null;

  @Field({ defaultValue: false, description: 'An exclusive campaign never combines with others on one order.' })
  exclusive!: boolean;

  @Field(() => Int, { defaultValue: 0, description: 'Higher wins when exclusive campaigns compete.' })
  @IsInt()
  @Min(-1000)
  @Max(1000)
  priority!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      "Percent of members (0 to 50) held out at random: they get nothing from this campaign, and its performance compares their spend with the others'. Omitted: 0 for a new campaign, unchanged on update; fixed once scheduled.",
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(50)
  holdoutPercent?: number | null;
}

@ObjectType({ description: 'An interval during which a campaign grants.' })
export class LiveInterval {
  @Field()
  start!: Date;

  @Field(() => Date, { nullable: true, description: 'Null: open-ended.' })
  end!: Date | null;
}

@ObjectType({ description: 'An earning campaign: what it rewards, for whom, when, and within which limits.' })
export class Campaign {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => CampaignStatus)
  status!: CampaignStatus;

  @Field(() => CampaignTrigger)
  trigger!: CampaignTrigger;

  @Field(() => ActivityKind, { nullable: true })
  activityKind!: ActivityKind | null;

  @Field(() => EventTriggerShape, { nullable: true })
  eventTrigger?: EventTriggerShape | null;

  @Field(() => CampaignRewardShape)
  reward!: CampaignRewardShape;

  @Field(() => CampaignAudienceShape)
  audience!: CampaignAudienceShape;

  @Field(() => CampaignScheduleShape)
  schedule!: CampaignScheduleShape;

  @Field(() => CampaignLimitsShape)
  limits!: CampaignLimitsShape;

  @Field()
  exclusive!: boolean;

  @Field(() => Int)
  priority!: number;

  @Field(() => Int, { description: 'Percent of members held out at random (they get nothing from it).' })
  holdoutPercent!: number;

  @Field(() => GraphQLSafeInt, {
    description:
      'Points granted so far, counted for campaigns with a budget, a cap or a first-purchase condition (others are not counted here).',
  })
  spentPoints!: number;

  @Field(() => Int, { description: 'Goes up with every change; pass it as expectedVersion to update safely.' })
  version!: number;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

@ObjectType({ description: "The program's settings for campaigns." })
@InputType('CampaignProgramInput')
export class CampaignProgram {
  @Field({ description: 'IANA time zone of schedules and cap periods, e.g. Europe/Paris.' })
  @Length(1, 64)
  timeZone!: string;

  @Field({ description: "The currency RFM's monetary score and segment spend count in." })
  @IsCurrencyCode()
  currency!: string;
}
