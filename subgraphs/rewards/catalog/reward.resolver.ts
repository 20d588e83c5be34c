import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { forbidden } from '../../../runtime/auth/authorize';
import { actorOf } from '../../../runtime/auth/principal';
import { userInputError } from '../../../runtime/errors/graphqlErrors';
import { toConnection, type Connection } from '../../../runtime/pagination/connection';
import { checkPageSize, decodeCursor, pageSize } from '../../../runtime/pagination/cursor';
import { isUuid } from '../../../runtime/validation/validators';
import type { RewardsContext } from '../context';
import type { CatalogPosition } from './reward.store';
import { CreateRewardInput, Reward, RewardConnection, RewardFilter } from './reward.type';

function decodePosition(cursor: string): CatalogPosition {
  const [cost, id] = decodeCursor<string>(cursor, 'string').split(':');
  const costPoints = Number(cost);
  if (!Number.isSafeInteger(costPoints) || !isUuid(id))
    throw userInputError('after is not a catalog cursor', { argument: 'after' });
  return { costPoints, id };
}

@Resolver(() => Reward)
export class RewardCatalogResolver {
  @Query(() => RewardConnection, {
    description:
      'Active rewards, cheapest first, optionally filtered (marketers and admins: inactive ones too, on asking).',
  })
  async rewardCatalog(
    @Arg('first', () => Int, { defaultValue: pageSize.default }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => RewardFilter, { nullable: true }) filter: RewardFilter | null,
    @Ctx() ctx: RewardsContext,
  ): Promise<Connection<Reward>> {
    checkPageSize(first);
    const role = ctx.principal?.role;
    if (filter?.includeInactive && role !== 'marketer' && role !== 'admin') {
      throw forbidden('Only marketers and admins see inactive rewards');
    }
    const rows = await ctx.rewards.activePage(after ? decodePosition(after) : null, first + 1, filter ?? {});
    return toConnection(
      rows,
      first,
      (reward) => `${reward.costPoints}:${reward.id}`,
      (reward) => reward,
    );
  }

  @Query(() => Reward, { nullable: true })
  async reward(@Arg('id', () => ID) id: string, @Ctx() ctx: RewardsContext): Promise<Reward | null> {
    if (!isUuid(id)) throw userInputError(`"${id}" is not a reward id`, { argument: 'id' });
    return ctx.loaders.rewardById.load(id);
  }

  @Authorized('marketer', 'admin')
  @Mutation(() => Reward, { description: 'Adds a reward to the catalog, active at once (marketers).' })
  createReward(@Arg('input') input: CreateRewardInput, @Ctx() ctx: RewardsContext): Promise<Reward> {
    return ctx.rewards.create(input, actorOf(ctx.principal));
  }

  @Authorized('marketer', 'admin')
  @Mutation(() => Reward, {
    description: 'Takes a reward out of the catalog, or puts it back; vouchers already issued stay valid.',
  })
  setRewardActive(
    @Arg('id', () => ID) id: string,
    @Arg('active') active: boolean,
    @Ctx() ctx: RewardsContext,
  ): Promise<Reward> {
    if (!isUuid(id)) throw userInputError(`"${id}" is not a reward id`, { argument: 'id' });
    return ctx.rewards.setActive(id, active, actorOf(ctx.principal));
  }
}
