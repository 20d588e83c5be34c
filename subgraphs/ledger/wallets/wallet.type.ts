import { IsBoolean, IsIn, IsInt, IsOptional, Length, Matches, Max, Min, NotEquals } from 'class-validator';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsCurrencyCode, IsUuid } from '../../../runtime/validation/validators';
import { WalletKind } from './wallet.rules';

registerEnumType(WalletKind, {
  name: 'WalletKind',
  description:
    'STAMPS: a card of stamps that completes into reward points; CASHBACK: money earned as a share of purchases; STORE_CREDIT: money given (refunds, goodwill, campaigns). Money is in minor units of the wallet currency.',
});

@ObjectType({
  description: 'A wallet the program defines besides the points balance, with its earning, pending and expiry.',
})
export class WalletType {
  @Field({ description: 'The wallet’s code (capitals, digits, underscores), e.g. COFFEE_CARD.' })
  code!: string;

  @Field(() => WalletKind)
  kind!: WalletKind;

  @Field()
  name!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Money wallets: the currency of their minor units. A stamp card with a currency stamps only purchases in it (minPurchaseAmount in its minor units); without one, purchases in any currency.',
  })
  currency!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'STAMPS: stamps per purchase whose cash part reaches minPurchaseAmount.',
  })
  stampsPerPurchase!: number | null;

  @Field(() => GraphQLSafeInt, { description: 'STAMPS: the smallest cash part (minor units) that earns a stamp.' })
  minPurchaseAmount!: number;

  @Field(() => Int, { nullable: true, description: 'STAMPS: stamps that fill a card.' })
  stampsPerCard!: number | null;

  @Field(() => GraphQLSafeInt, {
    nullable: true,
    description: 'STAMPS: points a full card pays into the points balance.',
  })
  cardRewardPoints!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'CASHBACK: basis points (1/100 %) of a purchase’s cash part in the wallet currency.',
  })
  cashbackBasisPoints!: number | null;

  @Field(() => Int, {
    description: 'Days a purchase’s earning stays pending (returns cancel it) before it can be used.',
  })
  pendingDays!: number;

  @Field(() => Int, { nullable: true, description: 'Days an earning can be used before it expires; null: never.' })
  expiryDays!: number | null;

  @Field(() => Int, {
    description: 'Members besides the owner who may earn into one member’s wallet (a household); 0: not shared.',
  })
  maxHouseholdMembers!: number;

  @Field({ description: 'Inactive wallets earn nothing new; balances stay.' })
  active!: boolean;
}

@InputType({ description: 'A wallet to define or change (by code; its kind cannot change).' })
export class DefineWalletInput {
  @Field()
  @Matches(/^[A-Z][A-Z0-9_]{1,31}$/, { message: 'code must be 2 to 32 capitals, digits or underscores' })
  code!: string;

  @Field(() => WalletKind)
  @IsIn(Object.values(WalletKind))
  kind!: WalletKind;

  @Field()
  @Length(1, 80)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsCurrencyCode()
  currency?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  stampsPerPurchase?: number | null;

  @Field(() => GraphQLSafeInt, { defaultValue: 0 })
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  minPurchaseAmount!: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  stampsPerCard?: number | null;

  @Field(() => GraphQLSafeInt, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  cardRewardPoints?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  cashbackBasisPoints?: number | null;

  @Field(() => Int, { defaultValue: 0 })
  @IsInt()
  @Min(0)
  @Max(365)
  pendingDays!: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  expiryDays?: number | null;

  @Field(() => Int, { defaultValue: 0 })
  @IsInt()
  @Min(0)
  @Max(20)
  maxHouseholdMembers!: number;

  @Field({ defaultValue: true })
  @IsBoolean()
  active!: boolean;
}

@ObjectType({ description: 'Part of a wallet balance that expires on one date.' })
export class WalletExpiring {
  @Field(() => GraphQLSafeInt)
  amount!: number;

  @Field()
  expiresAt!: Date;
}

@ObjectType({ description: 'One line of a wallet’s history. Never changed, only added.' })
export class WalletEntry {
  @Field(() => ID)
  id!: string;

  @Field({
    description:
      'EARN, RELEASE (pending became usable), REVERSE (a return took an earning back), REFUND (a return gave a wallet payment back), SPEND, ADJUST, AWARD (a campaign), EXPIRE, CARD_COMPLETED, MERGE_IN, MERGE_OUT.',
  })
  kind!: string;

  @Field(() => GraphQLSafeInt, { description: 'Signed.' })
  amount!: number;

  @Field(() => GraphQLSafeInt)
  balanceAfter!: number;

  @Field()
  reason!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The household member whose purchase earned it, when not the owner.',
  })
  earnedBy!: string | null;

  @Field()
  createdAt!: Date;
}

@ObjectType({
  description: 'A member’s balance in one wallet (their household owner’s, when they earn into a shared one).',
})
export class WalletBalance {
  customerId!: string;

  @Field(() => WalletType)
  type!: WalletType;

  @Field(() => ID, { description: 'Whose wallet it is: the member, or the household owner they earn into.' })
  ownerId!: string;

  @Field({ description: 'Whether this member may spend it (the owner; household members only earn).' })
  canSpend!: boolean;

  @Field(() => [ID], { description: 'The household members who earn into it besides the owner.' })
  householdMembers!: string[];

  @Field(() => GraphQLSafeInt, { description: 'Usable now: stamps on the current card, or minor units.' })
  balance!: number;

  @Field(() => GraphQLSafeInt, { description: 'Earned by purchases still in their pending window.' })
  pending!: number;

  @Field(() => GraphQLSafeInt, { description: 'All ever earned by purchases, less what returns took back.' })
  lifetime!: number;

  @Field(() => Int, { description: 'STAMPS: cards completed so far.' })
  cardsCompleted!: number;

  /** Read by the `expiring` field. */
  expiringByDate!: WalletExpiring[];
}

@ObjectType({ description: 'What a purchase earned into a wallet, and what its returns took back.' })
export class PurchaseWalletEarning {
  @Field()
  wallet!: string;

  @Field(() => ID)
  ownerId!: string;

  @Field(() => GraphQLSafeInt)
  amount!: number;

  @Field(() => GraphQLSafeInt, {
    description:
      'What returns were due to take back so far, taken as far as the wallet still held it (spent cashback, and stamps on a completed card, are not recovered).',
  })
  reversed!: number;
}

@ObjectType({ description: 'What a return gave back to a wallet that paid the purchase.' })
export class WalletRefund {
  @Field()
  wallet!: string;

  @Field(() => GraphQLSafeInt)
  amount!: number;
}

@ObjectType({ description: 'A change of a wallet balance.' })
export class WalletChange {
  @Field()
  wallet!: string;

  @Field(() => ID)
  ownerId!: string;

  @Field(() => GraphQLSafeInt, { description: 'Signed.' })
  amount!: number;

  @Field(() => GraphQLSafeInt)
  balanceAfter!: number;

  @Field()
  at!: Date;
}

@InputType({ description: 'Money spent from a wallet (store credit or cashback), idempotent by key.' })
export class SpendWalletInput {
  @Field(() => ID)
  @IsUuid()
  customerId!: string;

  @Field()
  @Length(2, 32)
  wallet!: string;

  @Field(() => GraphQLSafeInt, { description: 'Minor units of the wallet currency.' })
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  amount!: number;

  @Field({ description: 'Send the same key again to retry without spending twice.' })
  @Length(1, 128)
  idempotencyKey!: string;

  @Field({ description: 'What it paid, shown in the wallet history.' })
  @Length(3, 200)
  reason!: string;
}

@InputType({ description: 'Part of an order paid from one of the member’s money wallets (store credit, cashback).' })
export class WalletPaymentInput {
  @Field({ description: 'The wallet’s code: a STORE_CREDIT or CASHBACK wallet in the order’s currency.' })
  @Length(2, 32)
  wallet!: string;

  @Field(() => GraphQLSafeInt, { description: 'Minor units of the order’s currency.' })
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  amount!: number;
}

@ObjectType({ description: 'The part of an order a wallet paid, and what returns gave back to it.' })
export class PurchaseWalletPayment {
  @Field()
  wallet!: string;

  @Field(() => GraphQLSafeInt)
  amount!: number;

  @Field(() => GraphQLSafeInt)
  refunded!: number;
}

@InputType({ description: 'A hand-made or campaign change of a wallet (signed), idempotent by key.' })
export class AdjustWalletInput {
  @Field(() => ID)
  @IsUuid()
  customerId!: string;

  @Field()
  @Length(2, 32)
  wallet!: string;

  @Field(() => GraphQLSafeInt, { description: 'Signed, not zero: stamps or minor units.' })
  @IsInt()
  @NotEquals(0)
  @Min(-1_000_000_000)
  @Max(1_000_000_000)
  amount!: number;

  @Field()
  @Length(3, 200)
  reason!: string;

  @Field()
  @Length(1, 128)
  idempotencyKey!: string;
}

@InputType({ description: 'A member who earns into another member’s wallet.' })
export class JoinWalletHouseholdInput {
  @Field()
  @Length(2, 32)
  wallet!: string;

  @Field(() => ID, { description: 'The wallet’s owner, who alone may spend it.' })
  @IsUuid()
  ownerId!: string;

  @Field(() => ID, { description: 'The member whose purchases earn into the owner’s wallet from now on.' })
  @IsUuid()
  memberId!: string;
}

@ObjectType({ description: 'A household member of a shared wallet.' })
export class WalletHouseholdMember {
  @Field()
  wallet!: string;

  @Field(() => ID)
  ownerId!: string;

  @Field(() => ID)
  memberId!: string;

  @Field()
  joinedAt!: Date;
}
