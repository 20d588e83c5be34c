import {
  ArrayMaxSize,
  IsInt,
  IsOptional,
  Length,
  Min,
  validate,
  ValidateNested,
  type ValidationError,
} from 'class-validator';
import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { DomainError } from '../../../runtime/errors/domainError';
import { ErrorCode } from '../../../runtime/errors/errorCodes';
import { userInputError } from '../../../runtime/errors/graphqlErrors';
import { IsCode, IsUuid } from '../../../runtime/validation/validators';
import { ActivityKind } from '../campaigns/campaign.rules';
import type { CampaignContext } from '../context';
import { campaignErrorCodes } from '../errors';
import type { PurchaseClaim } from '../quotes/quote.service';
import { PointsQuote, QuoteOrderInput, QuoteTierInput } from '../quotes/quote.type';

/** The most claims one `claimPurchasesPoints` takes: the ledger's largest batch (`LEDGER_BATCH_MAX_ITEMS`). */
const maxClaimsPerCall = 1000;

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

@ObjectType({ description: 'Why one claim of a list was not taken; the other claims are not affected.' })
class ClaimError {
  @Field({
    description: 'The code `claimPurchasePoints` answers with for this claim: BAD_USER_INPUT, SERVICE_UNAVAILABLE, ...',
  })
  code!: string;

  @Field()
  message!: string;
}

@ObjectType({ description: "One claim's answer in a list of claims: its quote, or why it was not taken." })
class PointsQuoteOrError {
  @Field(() => PointsQuote, { nullable: true, description: 'What the purchase earns; null when the claim failed.' })
  quote!: PointsQuote | null;

  @Field(() => ClaimError, { nullable: true, description: 'Why the claim was not taken; null on success.' })
  error!: ClaimError | null;
}

/** A claim's failure as `claimPurchasePoints` would code it; a fault of ours is not described. */
function claimError(error: unknown): ClaimError {
  if (error instanceof DomainError && Object.prototype.hasOwnProperty.call(campaignErrorCodes, error.kind)) {
    return { code: campaignErrorCodes[error.kind as keyof typeof campaignErrorCodes], message: error.message };
  }
  return { code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Unexpected error; the claim was not taken, retry it' };
}

/** The first validation failure, its field path first (`order.lines.0.quantity must not be less than 1`). */
function firstProblem(errors: readonly ValidationError[], prefix = ''): string | null {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const constraint = error.constraints && Object.values(error.constraints)[0];
    if (constraint) return `${path}: ${constraint}`;
    const nested = firstProblem(error.children ?? [], path);
    if (nested) return nested;
  }
  return null;
}

const toClaim = (claim: PurchaseClaimInput): PurchaseClaim => ({
  key: claim.key,
  order: claim.order,
  tier: claim.tier ?? null,
  history: { purchasesBefore: claim.purchasesBefore, channelsBefore: claim.channelsBefore },
  at: claim.at,
});

@Resolver()
export class ClaimResolver {
  @Authorized('internal')
  @Mutation(() => PointsQuote, {
    description:
      "The ledger's claim for a purchase it posts: the quote, with campaign budgets and caps taken. Idempotent by key (internal).",
  })
  claimPurchasePoints(@Arg('claim') claim: PurchaseClaimInput, @Ctx() ctx: CampaignContext): Promise<PointsQuote> {
    return ctx.quotes.claimPurchase(toClaim(claim), ctx.claimReads);
  }

  @Authorized('internal')
  @Mutation(() => [PointsQuoteOrError], {
    description: `The ledger's claims for purchases it posts together: one answer per claim, in order, each as \`claimPurchasePoints\` would answer it (idempotent by key, a failure only its own), the saved claims and the members' figures read once for all. At most ${maxClaimsPerCall} claims (internal).`,
  })
  async claimPurchasesPoints(
    @Arg('claims', () => [PurchaseClaimInput], { validate: false }) claims: PurchaseClaimInput[],
    @Ctx() ctx: CampaignContext,
  ): Promise<PointsQuoteOrError[]> {
    if (claims.length > maxClaimsPerCall) {
      throw userInputError(`A list takes at most ${maxClaimsPerCall} claims; this one has ${claims.length}`, {
        argument: 'claims',
      });
    }
    // Each claim is checked as claimPurchasePoints checks its argument; only the good ones are taken.
    const invalid = await Promise.all(
      claims.map(async (claim) => {
        const problem = firstProblem(await validate(claim, { forbidUnknownValues: false }));
        return problem && `Invalid input: ${problem}`;
      }),
    );
    const valid = claims.filter((_, index) => invalid[index] === null);
    const taken = (await ctx.quotes.claimPurchases(valid.map(toClaim), ctx.claimReads)).values();
    return claims.map((_, index) => {
      const problem = invalid[index];
      if (problem) return { quote: null, error: { code: ErrorCode.BAD_USER_INPUT, message: problem } };
      const outcome = taken.next().value!;
      return outcome.ok ? { quote: outcome.quote, error: null } : { quote: null, error: claimError(outcome.error) };
    });
  }

  @Authorized('internal')
  @Mutation(() => PointsQuote, {
    description: "The ledger's claim for an activity it posts. Idempotent by key (internal).",
  })
  claimActivityPoints(@Arg('claim') claim: ActivityClaimInput, @Ctx() ctx: CampaignContext): Promise<PointsQuote> {
    return ctx.quotes.claimActivity({ ...claim, tier: claim.tier ?? null }, ctx.claimReads);
  }
}
