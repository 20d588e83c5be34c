import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { actorOf } from '../../../runtime/auth/principal';
import type { LedgerContext } from '../context';
import { AdjustPointsInput, PointsAdjustment } from './adjustment.type';

@Resolver(() => PointsAdjustment)
export class AdjustmentResolver {
  @Authorized('admin')
  @Mutation(() => PointsAdjustment, {
    description:
      'Credits or debits points by hand, with a required reason; the admin is recorded. A debit larger than the balance fails with INSUFFICIENT_POINTS.',
  })
  adjustPoints(@Arg('input') input: AdjustPointsInput, @Ctx() ctx: LedgerContext): Promise<PointsAdjustment> {
    return ctx.adjustments.adjust(input, actorOf(ctx.principal));
  }
}
