import { Authorized, Ctx, Field, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { LedgerContext } from '../context';

@ObjectType({ description: 'What one run of the points job did.' })
class PointsJobRun {
  @Field(() => Int, {
    description: 'Accounts that had pending points to release, points to expire or to announce, or a tier review due.',
  })
  accounts!: number;

  @Field(() => Int, { description: 'PointsExpiring events published: one per member and expiry date announced.' })
  expiryNotices!: number;

  @Field({ description: 'The moment the run settled accounts at.' })
  ranAt!: Date;
}

@Resolver()
export class PointsJobResolver {
  @Authorized('admin', 'internal')
  @Mutation(() => PointsJobRun, {
    description:
      'Runs the points job now (it also runs on a timer): releases pending points, expires what is due, announces points that expire soon (PointsExpiring, once per lot), reviews tiers. Safe to run at any time, twice, or on several instances.',
  })
  runPointsJob(@Ctx() ctx: LedgerContext): Promise<PointsJobRun> {
    return ctx.pointsJob.run();
  }
}
