import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsCode, IsCurrencyCode, IsUuid } from '../../../runtime/validation/validators';
import { Customer } from '../accounts/account.type';
import { EntryKind } from '../journal/journal.rules';
import { LateEventEffects } from '../program/lateEvent.type';
import { PointsPaymentInput, PurchasePointsPayment } from '../pointsPayments/pointsPayment.type';
import { BatchItemError } from './batch';
import { WalletPaymentInput } from '../wallets/wallet.type';

@InputType({ description: 'One line of an order.' })
export class OrderLineInput {
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

  @Field(() => GraphQLSafeInt, { description: 'Price of one unit in minor units of the currency (cents).' })
  @IsInt()
  @Min(0)
  unitPrice!: number;
}

@InputType({ description: 'A purchase from any channel. Recording it twice records it once.' })
export class RecordPurchaseInput {
  @Field(() => ID)
  @IsUuid()
  customerId!: string;

  @Field({ description: 'IN_STORE, ONLINE, MOBILE_APP or another channel name (UPPER_SNAKE_CASE).' })
  @IsCode()
  channel!: string;

  @Field({
    description:
      'The order id in the channel\'s own system, unique within the channel and store (e.g. a till\'s "till-7/0042"). With the channel and store, the idempotency key.',
  })
  @Length(1, 128)
  externalOrderId!: string;

  @Field(() => String, { nullable: true, description: 'The store, for IN_STORE purchases.' })
  @IsOptional()
  @Length(1, 64)
  storeId?: string | null;

  @Field({ description: 'ISO 4217 code, e.g. EUR.' })
  @IsCurrencyCode()
  currency!: string;

  @Field(() => [OrderLineInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested()
  lines!: OrderLineInput[];

  @Field(() => Date, {
    nullable: true,
    description:
      'When the sale happened at the till (an offline till syncing its queue); absent: now. At most `LEDGER_MAX_LATENESS_DAYS` (default 30) days ago and not in the future (5 minutes of clock skew allowed), else BAD_USER_INPUT. Points, campaigns (schedules, windows, channels, caps per period), the return window and expiry count from it; the tier and first-purchase facts are those at recording. Not part of the idempotency check: a retry answers with the first result.',
  })
  @IsOptional()
  occurredAt?: Date | null;

  @Field(() => PointsPaymentInput, {
    nullable: true,
    description:
      'Pays part of the order with points held for it (`holdPoints`), captured with the purchase: only the cash part (total less what the points pay) earns points. A hold released, expired or already captured: CONFLICT; another member’s, in another currency, or paying more than the rate’s share of the total: BAD_USER_INPUT; nothing is recorded either way. Part of the idempotency check.',
  })
  @IsOptional()
  @ValidateNested()
  pointsPayment?: PointsPaymentInput | null;

  @Field(() => [WalletPaymentInput], {
    nullable: true,
    description:
      'Pays part of the order from the member’s store credit or cashback, spent in the purchase’s transaction (the sale and the spend commit together, or neither): only the cash part (total less points and wallets) earns points, stamps and cashback, and returns give the wallets their share back pro rata. At most 3 wallets, each once. More than a wallet holds: INSUFFICIENT_POINTS; not a money wallet of the order’s currency, a household member paying the owner’s wallet, or more than the total: BAD_USER_INPUT; nothing is recorded either way. Part of the idempotency check.',
  })
  @IsOptional()
  @ArrayMaxSize(3)
  @ValidateNested()
  walletPayments?: WalletPaymentInput[] | null;
}

@ObjectType({ description: 'Points one purchase earned, with the reason (base rate or a campaign).' })
export class PointsEarning {
  @Field(() => EntryKind)
  kind!: EntryKind;

  @Field(() => GraphQLSafeInt)
  points!: number;

  @Field()
  reason!: string;

  @Field(() => ID, { nullable: true, description: 'The earning rule or campaign that gave the points.' })
  ruleId!: string | null;
}

@ObjectType({ description: 'A recorded purchase and what it earned.' })
export class Purchase {
  @Field(() => ID)
  id!: string;

  @Field(() => Customer)
  customer!: Customer;

  @Field()
  channel!: string;

  @Field()
  externalOrderId!: string;

  @Field(() => String, { nullable: true })
  storeId!: string | null;

  @Field()
  currency!: string;

  @Field(() => GraphQLSafeInt, { description: 'Order total in minor units.' })
  totalAmount!: number;

  @Field(() => PurchasePointsPayment, { nullable: true, description: 'The part paid with points; null: all cash.' })
  pointsPayment!: PurchasePointsPayment | null;

  @Field(() => GraphQLSafeInt, {
    description: 'Points the purchase earned, spendable now or pending (see pendingUntil).',
  })
  pointsEarned!: number;

  @Field(() => Date, {
    nullable: true,
    description: 'Until when the points are held as pending (the return window); null once they are spendable.',
  })
  pendingUntil!: Date | null;

  @Field(() => GraphQLSafeInt, {
    nullable: true,
    description:
      'The balance right after this purchase was posted: for the member and staff who may read balances; an integration gets FORBIDDEN.',
  })
  balanceAfter!: number | null;

  @Field(() => [PointsEarning])
  earnings!: PointsEarning[];

  @Field({ description: 'When the sale happened (its `occurredAt`, or when it was recorded).' })
  occurredAt!: Date;

  @Field()
  recordedAt!: Date;

  @Field(() => LateEventEffects, {
    nullable: true,
    description:
      'What the lateness did when the sale is late (`occurredAt` earlier than recording by more than the clock skew): the campaigns its caps or budgets limited, and the tier it was judged with; null when on time.',
  })
  late!: LateEventEffects | null;
}

@ObjectType({ description: 'A tier and the multiplier its members earn with.' })
export class TierBenefit {
  @Field()
  name!: string;

  @Field(() => Int)
  multiplierPercent!: number;
}

@ObjectType({ description: "What a member's next purchase is quoted with besides the order (internal)." })
export class MemberQuoteFacts {
  @Field(() => ID, { description: 'The account the purchase posts to (the survivor of a merge).' })
  customerId!: string;

  @Field(() => TierBenefit, { nullable: true, description: 'Null when no tier program is defined.' })
  tier!: TierBenefit | null;

  @Field(() => Int)
  purchasesBefore!: number;

  @Field(() => [String])
  channelsBefore!: string[];
}

@ObjectType({ description: 'One item of `recordPurchases`: the purchase, or why it was not recorded.' })
export class PurchaseBatchResult {
  @Field(() => Int, { description: 'The position of the item in `inputs`, from 0.' })
  index!: number;

  @Field(() => Purchase, { nullable: true, description: 'The purchase (a retry: the first result); null on failure.' })
  purchase!: Purchase | null;

  @Field(() => BatchItemError, { nullable: true, description: 'Why the item was not recorded; null on success.' })
  error!: BatchItemError | null;
}
