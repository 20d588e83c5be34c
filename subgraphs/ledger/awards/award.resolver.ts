import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { actorOf } from '../../../runtime/auth/principal';
import type { LedgerContext } from '../context';
import { awardPoints } from './award.service';
import { AwardPointsInput, PointsAward } from './award.type';

@Resolver(() => PointsAward)
export class AwardResolver {
  @Authorized('internal')
  @Mutation(() => PointsAward, {
    description:
      "Credits points another service awards a member (the campaign subgraph, when a badge is completed), shown in the member's history with its reason. Idempotent by awardKey (internal).",
  })
  awardPoints(@Arg('input') input: AwardPointsInput, @Ctx() ctx: LedgerContext): Promise<PointsAward> {
    return awardPoints(ctx.core, input, actorOf(ctx.principal));
  }
}
