import { Length } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Mutation, Resolver } from 'type-graphql';
import { actorOf } from '../../../runtime/auth/principal';
import type { LedgerContext } from '../context';
import { DebitPointsInput, PointsDebit } from './redemption.type';

@ArgsType()
class RefundPointsArgs {
  @Field(() => ID)
  @Length(1, 128)
  redemptionId!: string;

  @Field({ description: "Why the redemption is cancelled, for the member's history." })
  @Length(3, 500)
  reason!: string;
}

/** The ledger's side of a redemption: the rewards service debits, and refunds on cancellation. */
@Resolver(() => PointsDebit)
export class RedemptionResolver {
  @Authorized('internal', 'admin')
  @Mutation(() => PointsDebit, {
    description:
      'Debits points for a redemption (the rewards service calls this). Idempotent by redemptionId; a debit larger than the balance fails with INSUFFICIENT_POINTS and changes nothing.',
  })
  debitPoints(@Arg('input') input: DebitPointsInput, @Ctx() ctx: LedgerContext): Promise<PointsDebit> {
    return ctx.redemptions.debit(input, actorOf(ctx.principal));
  }

  @Authorized('internal', 'admin')
  @Mutation(() => PointsDebit, {
    description: "Gives a redemption's points back (a cancelled voucher). Idempotent: a second refund changes nothing.",
  })
  refundPoints(@Args() { redemptionId, reason }: RefundPointsArgs, @Ctx() ctx: LedgerContext): Promise<PointsDebit> {
    return ctx.redemptions.refund(redemptionId, reason, actorOf(ctx.principal));
  }
}
