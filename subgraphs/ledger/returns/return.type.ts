import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsCode, IsUuid } from '../../../runtime/validation/validators';
import { Customer } from '../accounts/account.type';
import { EntryKind } from '../journal/journal.rules';
import { LateEventEffects } from '../program/lateEvent.type';
import { BatchItemError } from '../purchases/batch';

@InputType({ description: 'Units of one SKU brought back.' })
export class ReturnLineInput {
  @Field()
  @Length(1, 64)
  sku!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(10_000)
  quantity!: number;
}

@InputType({ description: "A purchase named by its channel's own key." })
export class OrderKeyInput {
  @Field()
  @IsCode()
  channel!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 64)
  storeId?: string | null;

  @Field()
  @Length(1, 128)
  externalOrderId!: string;
}

@InputType({
  description:
    'A return, in any channel, of (part of) a purchase made in any channel. Name the purchase with purchaseId or originalOrder.',
})
export class RecordReturnInput {
  @Field({ description: 'Where the goods came back: IN_STORE, ONLINE, ... (UPPER_SNAKE_CASE).' })
  @IsCode()
  channel!: string;

  @Field(() => String, { nullable: true, description: 'The store taking the return, for IN_STORE.' })
  @IsOptional()
  @Length(1, 64)
  storeId?: string | null;

  @Field({
    description: "The return's id in the channel's own system. With the channel and store, the idempotency key.",
  })
  @Length(1, 128)
  externalReturnId!: string;

  @Field(() => ID, { nullable: true, description: 'The purchase, by the id recordPurchase answered with.' })
  @IsOptional()
  @IsUuid()
  purchaseId?: string | null;

  @Field(() => OrderKeyInput, { nullable: true, description: 'The purchase, by its channel, store and order id.' })
  @IsOptional()
  @ValidateNested()
  originalOrder?: OrderKeyInput | null;

  @Field(() => [ReturnLineInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested()
  lines!: ReturnLineInput[];

  @Field(() => Date, {
    nullable: true,
    description:
      'When the goods came back (an offline till syncing its queue); absent: now. At most `LEDGER_MAX_LATENESS_DAYS` (default 30) days ago, not in the future (5 minutes of clock skew allowed) and not before the purchase, else BAD_USER_INPUT. The points are taken back from the balance as it is at recording.',
  })
  @IsOptional()
  occurredAt?: Date | null;
}

@ObjectType({ description: 'Points a return took back from one earning rule of the purchase.' })
export class ReturnReversal {
  @Field(() => EntryKind, { description: 'What the points were: EARN (base rate) or BONUS (a campaign or tier).' })
  kind!: EntryKind;

  @Field(() => GraphQLSafeInt)
  points!: number;

  @Field({ description: 'Why the purchase had earned them.' })
  reason!: string;

  @Field(() => ID, { nullable: true })
  ruleId!: string | null;

  @Field({ description: 'True when the points were still pending and were cancelled rather than debited.' })
  wasPending!: boolean;
}

@ObjectType({ description: 'A recorded return and the points it took back.' })
export class ProductReturn {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The purchase returned from.' })
  purchaseId!: string;

  @Field()
  externalOrderId!: string;

  @Field(() => Customer)
  customer!: Customer;

  @Field()
  channel!: string;

  @Field(() => String, { nullable: true })
  storeId!: string | null;

  @Field()
  externalReturnId!: string;

  @Field()
  currency!: string;

  @Field(() => GraphQLSafeInt, { description: 'Value of the returned units in minor units.' })
  refundAmount!: number;

  @Field(() => GraphQLSafeInt, { description: 'Spendable points debited.' })
  pointsReversed!: number;

  @Field(() => GraphQLSafeInt, { description: 'Pending points cancelled (the purchase was inside its return window).' })
  pendingPointsCancelled!: number;

  @Field(() => GraphQLSafeInt, {
    description:
      'Points the returned units had earned that the member had already spent; the balance never goes below zero.',
  })
  pointsNotRecovered!: number;

  @Field(() => GraphQLSafeInt, {
    description:
      'Points given back of what paid the order (issue 29): its share, pro rata to the value of the goods returned so far, rounded down; the return that completes the order gives back the rest. 0 when the order was paid in cash.',
  })
  pointsRefunded!: number;

  @Field(() => GraphQLSafeInt, {
    description:
      'The money those points had paid, in minor units. What wallets paid comes back to them (`walletRefunds`); the rest of `refundAmount` is refunded in cash.',
  })
  pointsRefundAmount!: number;

  @Field(() => GraphQLSafeInt, {
    nullable: true,
    description: 'The balance right after the return: for the member and staff who may read balances.',
  })
  balanceAfter!: number | null;

  @Field(() => [ReturnReversal])
  reversals!: ReturnReversal[];

  @Field()
  recordedAt!: Date;

  @Field(() => LateEventEffects, {
    nullable: true,
    description:
      'What the lateness did when the return is late (`occurredAt` earlier than recording by more than the clock skew): the tier it counts in; null when on time.',
  })
  late!: LateEventEffects | null;
}

@ObjectType({ description: 'One item of `recordReturns`: the return, or why it was not recorded.' })
export class ReturnBatchResult {
  @Field(() => Int, { description: 'The position of the item in `inputs`, from 0.' })
  index!: number;

  @Field(() => ProductReturn, {
    nullable: true,
    description: 'The return (a retry: the first result); null on failure.',
  })
  return!: ProductReturn | null;

  @Field(() => BatchItemError, { nullable: true, description: 'Why the item was not recorded; null on success.' })
  error!: BatchItemError | null;
}
