import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { requireChannelAccess } from '../../../runtime/auth/authorize';
import { actorOf } from '../../../runtime/auth/principal';
import type { LedgerContext } from '../context';
import { Activity, RecordActivityInput } from './activity.type';

@Resolver(() => Activity)
export class ActivityResolver {
  @Authorized('service', 'associate', 'admin', 'internal')
  @Mutation(() => Activity, {
    description:
      'Records something a member did besides buying (sign-up, referral, product review, social share, birthday) and credits what running campaigns grant for it: an integration for its channel, an associate in their store. Idempotent on (customerId, kind, externalId).',
  })
  recordActivity(@Arg('input') input: RecordActivityInput, @Ctx() ctx: LedgerContext): Promise<Activity> {
    const principal = ctx.principal!;
    requireChannelAccess(principal, input.channel, principal.role === 'associate' ? principal.storeId : null);
    return ctx.activities.record(input, actorOf(principal));
  }
}
