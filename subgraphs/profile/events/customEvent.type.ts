import { IsBoolean, IsOptional, Length, MaxLength, ValidateNested } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BatchItemError } from '../../../runtime/schema/batchItems';
import { IsCode, IsUuid } from '../../../runtime/validation/validators';
import { Customer } from '../customers/customer.type';
import { IdentifierType } from '../customers/identifier.rules';
import { TimelineEntryKind } from '../timeline/timelineEntry.rules';
import { TimelineEntry } from '../timeline/timelineEntry.type';
import { EventPropertyKind } from './eventType.rules';

registerEnumType(EventPropertyKind, {
  name: 'EventPropertyKind',
  description: 'What an event property holds.',
  valuesConfig: {
    STRING: { description: 'A JSON string.' },
    NUMBER: { description: 'A JSON number.' },
    BOOLEAN: { description: 'true or false.' },
    MONEY: { description: 'An amount in minor units with its currency: { "amount": 1299, "currency": "EUR" }.' },
    SKU_LIST: { description: 'A list of SKUs (strings): ["SKU-1", "SKU-2"].' },
  },
});

@ObjectType({ description: 'One property events of a type carry.' })
export class EventProperty {
  @Field()
  name!: string;

  @Field(() => EventPropertyKind)
  kind!: EventPropertyKind;

  @Field({ description: 'Whether every event of the type must carry it.' })
  required!: boolean;
}

@ObjectType({
  description: 'A kind of custom event (cart.updated, review.submitted) and the properties its events carry.',
})
export class EventType {
  @Field({ description: 'Lowercase words joined by dots: cart.updated.' })
  name!: string;

  @Field(() => Int, {
    description: 'Each redefinition is a new version; an event keeps the one it was checked against.',
  })
  version!: number;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => [EventProperty])
  properties!: EventProperty[];

  @Field({ description: 'Whether members may send events of this type themselves (from the app).' })
  membersMaySend!: boolean;

  @Field()
  definedAt!: Date;
}

@InputType()
export class EventPropertyInput {
  @Field({ description: 'A letter, then letters, digits or _: rating, cartValue, sku_list.' })
  @Length(1, 64)
  name!: string;

  @Field(() => EventPropertyKind)
  kind!: EventPropertyKind;

  @Field({ defaultValue: false })
  @IsBoolean()
  required!: boolean;
}

@InputType()
export class DefineEventTypeInput {
  @Field({ description: 'Lowercase words joined by dots, at most 64 characters: cart.updated, review.submitted.' })
  @Length(3, 64)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  description?: string | null;

  @Field(() => [EventPropertyInput], { description: 'At most 50.' })
  @ValidateNested({ each: true })
  properties!: EventPropertyInput[];

  @Field({ defaultValue: false })
  @IsBoolean()
  membersMaySend!: boolean;
}

@InputType({ description: 'A customer by one identifier they own, as `customerByIdentifier` finds them.' })
export class CustomerIdentifierInput {
  @Field(() => IdentifierType)
  type!: IdentifierType;

  @Field()
  @Length(1, 256)
  value!: string;
}

@InputType()
export class TrackEventInput {
  @Field(() => ID, { nullable: true, description: 'The customer, by id; or give `identifier`.' })
  @IsOptional()
  @IsUuid()
  customerId?: string | null;

  @Field(() => CustomerIdentifierInput, { nullable: true, description: 'The customer, by an identifier they own.' })
  @IsOptional()
  @ValidateNested()
  identifier?: CustomerIdentifierInput | null;

  @Field({ description: 'The event type (see `eventTypes`): cart.updated.' })
  @Length(1, 64)
  type!: string;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      "The event's properties, as its type defines them (absent: none); at most `PROFILE_EVENT_MAX_BYTES` (default 8 KiB) as JSON.",
  })
  @IsOptional()
  properties?: Record<string, unknown> | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'When it happened (an app syncing its queue); absent: now. At most `PROFILE_EVENT_MAX_LATENESS_DAYS` (default 30) days ago and not in the future (5 minutes of clock skew allowed).',
  })
  @IsOptional()
  occurredAt?: Date | null;

  @Field({ description: 'Where it happened: ONLINE, MOBILE_APP, IN_STORE or another channel name.' })
  @IsCode()
  channel!: string;

  @Field({
    description:
      'Unique per channel for this event (a UUID the sender makes): a retry with the same key answers the first event; another event under it is a CONFLICT.',
  })
  @Length(1, 128)
  idempotencyKey!: string;
}

@ObjectType({ description: 'A custom event in a customer’s timeline.', implements: TimelineEntry })
export class CustomerEvent implements TimelineEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => TimelineEntryKind)
  kind!: TimelineEntryKind.CUSTOM_EVENT;

  @Field(() => Customer, { description: 'The customer (the survivor, for an event of a profile merged since).' })
  customer!: Customer | Promise<Customer>;

  @Field()
  type!: string;

  @Field(() => Int, { description: 'The version of the type it was checked against.' })
  typeVersion!: number;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Null once the customer was erased.' })
  properties!: Record<string, unknown> | null;

  @Field()
  occurredAt!: Date;

  @Field()
  channel!: string;

  @Field()
  recordedAt!: Date;
}

@ObjectType({ description: 'One item of `trackEvents`: the event, or why it was not recorded.' })
export class TrackEventBatchResult {
  @Field(() => Int, { description: 'The position of the item in `inputs`, from 0.' })
  index!: number;

  @Field(() => CustomerEvent, { nullable: true, description: 'The event (a retry: the first one); null on failure.' })
  event!: CustomerEvent | null;

  @Field(() => BatchItemError, { nullable: true, description: 'Why the item was not recorded; null on success.' })
  error!: BatchItemError | null;
}
