import { ArrayMaxSize, IsInt, IsOptional, Length, Min, ValidateNested } from 'class-validator';
import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { IsCode, IsUuid } from '../../../runtime/validation/validators';
import { ActivityKind } from '../campaigns/campaign.rules';
import type { CampaignContext } from '../context';
import { PointsQuote, QuoteOrderInput, QuoteTierInput } from '../quotes/quote.type';

@InputType({ description: "A purchase the ledger is posting, with the member's history it knows exactly." })
class PurchaseClaimInput {
  @Field({ description: "The ledger's idempotency key of the purchase." })
  @Length(1, 400)
  key!: string;

  @Field(() => QuoteOrderInput)
  @ValidateNested()
  order!: QuoteOrderInput;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  purchasesBefore!: number;

  @Field(() => [String])
  @ArrayMaxSize(100)
  @IsCode({ each: true })
  channelsBefore!: string[];

  @Field(() => QuoteTierInput, { nullable: true, description: "The member's tier; its multiplier adds a bonus line." })
  @IsOptional()
  @ValidateNested()
  tier?: QuoteTierInput | null;

  @Field()
  at!: Date;
}

@InputType({ description: 'An activity the ledger is posting.' })
class ActivityClaimInput {
  @Field()
  @Length(1, 400)
  key!: string;

  @Field(() => ID)
  @IsUuid()
  customerId!: string;

  @Field(() => ActivityKind)
  kind!: ActivityKind;

  @Field()
  @IsCode()
  channel!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 64)
  tier?: string | null;

  @Field()
  at!: Date;
}

@Resolver()
export class ClaimResolver {
  @Authorized('internal')
  @Mutation(() => PointsQuote, {
    description:
      "The ledger's claim for a purchase it posts: the quote, with campaign budgets and caps taken. Idempotent by key (internal).",
  })
  claimPurchasePoints(@Arg('claim') claim: PurchaseClaimInput, @Ctx() ctx: CampaignContext): Promise<PointsQuote> {
    return ctx.quotes.claimPurchase(
      {
        key: claim.key,
        order: claim.order,
        tier: claim.tier ?? null,
        history: { purchasesBefore: claim.purchasesBefore, channelsBefore: claim.channelsBefore },
        at: claim.at,
      },
      ctx.claimReads,
    );
  }

  @Authorized('internal')
  @Mutation(() => PointsQuote, {
    description: "The ledger's claim for an activity it posts. Idempotent by key (internal).",
  })
  claimActivityPoints(@Arg('claim') claim: ActivityClaimInput, @Ctx() ctx: CampaignContext): Promise<PointsQuote> {
    return ctx.quotes.claimActivity({ ...claim, tier: claim.tier ?? null }, ctx.claimReads);
  }
}
