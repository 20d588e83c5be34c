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
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsCode } from '../../../runtime/validation/validators';
import { AttributeOperator, type MessageResponseKind } from './segment.rules';

registerEnumType(AttributeOperator, {
  name: 'AttributeOperator',
  description:
    'How an attribute condition compares. Typed: a value matches only an attribute of its JSON type (the string "5" is not the number 5). Every operator but NOT_EXISTS needs the attribute present and not JSON null.',
  valuesConfig: {
    EQ: { description: 'Equal, of the same type (numbers compare by value: 5 equals 5.0).' },
    NEQ: { description: 'Present and not equal (a value of another type is not equal).' },
    GT: { description: 'Greater: numbers by value, strings by code point; booleans are refused.' },
    GTE: { description: 'Greater or equal.' },
    LT: { description: 'Less.' },
    LTE: { description: 'Less or equal.' },
    IN: { description: 'Equal to one of `values`.' },
    EXISTS: { description: 'Present and not JSON null; takes no value.' },
    NOT_EXISTS: { description: 'Absent or JSON null; takes no value.' },
    CONTAINS: { description: 'An array holding the value (typed), or a string holding the string value.' },
  },
});

/** Segment and audience keys: lower-kebab-case, 2 to 48 characters. */
export const keyPattern = /^[a-z][a-z0-9-]{1,47}$/;

@ObjectType('SegmentValue', { description: 'A typed value: exactly one of string, number, boolean.' })
@InputType('SegmentValueInput')
export class SegmentValueShape {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  string!: string | null;

  @Field(() => Float, { nullable: true, description: 'Attributes are free-form JSON: any finite number.' })
  @IsOptional()
  number!: number | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  boolean!: boolean | null;
}

@ObjectType('AttributeCondition', { description: "A condition on the member's free-form attributes." })
@InputType('AttributeConditionInput')
export class AttributeConditionShape {
  @Field(() => [String], { description: 'Keys from the top: ["address", "city"] is attributes.address.city.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @Length(1, 64, { each: true })
  path!: string[];

  @Field(() => AttributeOperator)
  operator!: AttributeOperator;

  @Field(() => SegmentValueShape, { nullable: true, description: 'For every operator but IN, EXISTS, NOT_EXISTS.' })
  @IsOptional()
  @ValidateNested()
  value!: SegmentValueShape | null;

  @Field(() => [SegmentValueShape], { nullable: true, description: 'For IN (up to 100).' })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  values!: SegmentValueShape[] | null;
}

@ObjectType('ConsentCondition', { description: "A condition on the member's latest consent answer on a channel." })
@InputType('ConsentConditionInput')
export class ConsentConditionShape {
  @Field({ description: 'EMAIL, SMS or PUSH.' })
  channel!: string;

  @Field({ description: 'true: answered yes; false: answered no, or never answered.' })
  granted!: boolean;
}

@ObjectType('BoughtCondition', {
  description:
    'Bought one of the SKUs, or a product of one of the categories, within the last withinDays days (an order returned in full does not count). Negate it to leave out who just bought.',
})
@InputType('BoughtConditionInput')
export class BoughtConditionShape {
  @Field(() => [String])
  @ArrayMaxSize(100)
  @Length(1, 128, { each: true })
  skus!: string[];

  @Field(() => [String])
  @ArrayMaxSize(100)
  @Length(1, 128, { each: true })
  categories!: string[];

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(3650)
  withinDays!: number;
}

@ObjectType('EventCountCondition', {
  description:
    "Tracked at least atLeast and at most atMost custom events of a type within the last withinDays days, counted by UTC day (today and the withinDays - 1 days before). The type's name is not checked: a type no one tracks counts 0.",
})
@InputType('EventCountConditionInput')
export class EventCountConditionShape {
  @Field({ description: 'The custom event type, e.g. review.submitted.' })
  @Length(1, 64)
  type!: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  atLeast!: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  atMost!: number | null;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(3650)
  withinDays!: number;

  @Field(() => [AttributeConditionShape], {
    nullable: true,
    defaultValue: [],
    description:
      'Conditions on the events\' properties, all to hold, as an EVENT campaign\'s (path from the top, ["cartValue", "amount"]): only the events meeting them count. Null (rules saved before them) or empty: every event of the type counts.',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  properties?: AttributeConditionShape[] | null;
}

export enum SegmentMessageResponse {
  OPENED = 'OPENED',
  CLICKED = 'CLICKED',
  REDEEMED = 'REDEEMED',
}
registerEnumType(SegmentMessageResponse, {
  name: 'SegmentMessageResponse',
  description: 'A response to a message a segment condition looks for (a click is also an open).',
});

@ObjectType('MessageCondition', {
  description:
    'Responded to a message, of a kind and of a campaign when given. responded true: did `response` within the last withinDays days. responded false: was sent such a message within the last withinDays days and did `response` to none of them ("was sent one and did not open"). Kept from engagement\'s MessageSent and MessageResponded; the kind and key are not checked.',
})
@InputType('MessageConditionInput')
export class MessageConditionShape {
  @Field(() => SegmentMessageResponse)
  response!: MessageResponseKind;

  @Field({ defaultValue: true, description: 'False: was sent one and did not respond.' })
  @IsBoolean()
  responded!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'A message kind (`NotificationKind`), e.g. ABSENCE_OFFER; absent: any.',
  })
  @IsOptional()
  @Length(1, 64)
  kind!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The campaign side's key the message was for (an absence trigger's key); absent: any.",
  })
  @IsOptional()
  @Length(1, 128)
  campaignKey!: string | null;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(3650)
  withinDays!: number;
}

@ObjectType('SegmentCondition', {
  description:
    'One condition beyond the purchase figures: exactly one of attribute, consent, bought, inAudience, events, message.',
})
@InputType('SegmentConditionInput')
export class SegmentConditionShape {
  @Field({ defaultValue: false, description: 'Takes the members the condition does not match.' })
  negate!: boolean;

  @Field(() => AttributeConditionShape, { nullable: true })
  @IsOptional()
  @ValidateNested()
  attribute!: AttributeConditionShape | null;

  @Field(() => ConsentConditionShape, { nullable: true })
  @IsOptional()
  @ValidateNested()
  consent!: ConsentConditionShape | null;

  @Field(() => BoughtConditionShape, { nullable: true })
  @IsOptional()
  @ValidateNested()
  bought!: BoughtConditionShape | null;

  @Field(() => String, { nullable: true, description: 'In the static audience of this key.' })
  @IsOptional()
  @Matches(keyPattern, { message: 'inAudience must be an audience key (lower-kebab-case)' })
  inAudience!: string | null;

  @Field(() => EventCountConditionShape, { nullable: true, description: 'Custom events tracked in a window.' })
  @IsOptional()
  @ValidateNested()
  events?: EventCountConditionShape | null;

  @Field(() => MessageConditionShape, {
    nullable: true,
    description: 'Responded (or not) to a message within a window.',
  })
  @IsOptional()
  @ValidateNested()
  message?: MessageConditionShape | null;
}

const score = (field: string) => ({ nullable: true, description: `${field} score, 1 to 5 (5 is best).` });

@ObjectType('SegmentRule', { description: 'Conditions a member meets all of; nulls and empty lists do not restrict.' })
@InputType('SegmentRuleInput')
export class SegmentRuleShape {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  minPurchases!: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  maxPurchases!: number | null;

  @Field(() => GraphQLSafeInt, { nullable: true, description: "Net spend, minor units of the program's currency." })
  @IsOptional()
  @IsInt()
  @Min(0)
  minSpend!: number | null;

  @Field(() => GraphQLSafeInt, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  maxSpend!: number | null;

  @Field(() => Int, { nullable: true, description: 'Bought within this many days.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  purchasedWithinDays!: number | null;

  @Field(() => Int, { nullable: true, description: 'Has bought, but not for this many days.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  notPurchasedForDays!: number | null;

  @Field(() => [String], { description: 'Bought in at least one of these channels.' })
  @ArrayMaxSize(20)
  @IsCode({ each: true })
  channelsAny!: string[];

  @Field(() => [String], { description: 'Bought in every one of these channels.' })
  @ArrayMaxSize(20)
  @IsCode({ each: true })
  channelsAll!: string[];

  @Field(() => Int, { nullable: true, description: 'Bought in at least this many channels (2: omnichannel).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  minChannels!: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  maxChannels!: number | null;

  @Field(() => [String])
  @ArrayMaxSize(20)
  @Length(1, 64, { each: true })
  tiers!: string[];

  @Field(() => Int, score('Minimum recency'))
  @IsOptional()
  @IsInt()
  minRecency!: number | null;

  @Field(() => Int, score('Maximum recency'))
  @IsOptional()
  @IsInt()
  maxRecency!: number | null;

  @Field(() => Int, score('Minimum frequency'))
  @IsOptional()
  @IsInt()
  minFrequency!: number | null;

  @Field(() => Int, score('Maximum frequency'))
  @IsOptional()
  @IsInt()
  maxFrequency!: number | null;

  @Field(() => Int, score('Minimum monetary'))
  @IsOptional()
  @IsInt()
  minMonetary!: number | null;

  @Field(() => Int, score('Maximum monetary'))
  @IsOptional()
  @IsInt()
  maxMonetary!: number | null;

  @Field(() => [SegmentConditionShape], {
    defaultValue: [],
    description: 'Conditions on attributes, consent, products bought and audiences (up to 20); every one must hold.',
  })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  conditions!: SegmentConditionShape[];
}

@ObjectType({ description: 'A group of members campaigns can target, recomputed from purchases as they happen.' })
export class Segment {
  @Field({ description: 'Stable key campaigns name in audience.segments.' })
  key!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field({ description: 'Built in (RFM groups, omnichannel, single-channel) or defined by a marketer.' })
  builtIn!: boolean;

  @Field(() => SegmentRuleShape)
  rule!: SegmentRuleShape;
}

@InputType({ description: 'A segment a marketer defines. Defining an existing key replaces it.' })
export class SegmentInput {
  @Field({ description: 'lower-kebab-case, 2 to 48 characters.' })
  @Matches(keyPattern, { message: 'key must be lower-kebab-case, 2 to 48 characters' })
  key!: string;

  @Field()
  @Length(1, 120)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  description?: string | null;

  @Field(() => SegmentRuleShape)
  @ValidateNested()
  rule!: SegmentRuleShape;
}

@ObjectType({ description: 'What reading the ledger history did.' })
export class HistoryRefresh {
  @Field(() => Int, { description: 'Ledger events read.' })
  events!: number;

  @Field(() => GraphQLSafeInt, { description: 'The last ledger event read so far.' })
  lastEventId!: number;
}

@ObjectType({ description: 'How many members a segment holds now.' })
export class SegmentSize {
  @Field()
  key!: string;

  @Field(() => Int)
  members!: number;
}
