import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { userInputError } from '../../../runtime/errors/graphqlErrors';
import { isUuid } from '../../../runtime/validation/validators';
import type { ProfileContext } from '../context';
import { bornOn } from './birthday.rules';
import { customerStore } from './customer.store';

@Resolver()
export class BirthdayResolver {
  @Authorized('internal')
  @Query(() => [ID], {
    description:
      'Ids of members whose birthday is on a month and day (29 February counts on 28 February in other years), after an id, in id order (internal: the rewards job).',
  })
  async customersWithBirthday(
    @Arg('month', () => Int) month: number,
    @Arg('day', () => Int) day: number,
    @Arg('leapYear') leapYear: boolean,
    @Arg('after', () => ID, { nullable: true }) after: string | null,
    @Arg('first', () => Int) first: number,
    @Ctx() ctx: ProfileContext,
  ): Promise<string[]> {
    if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > 31) {
      throw userInputError('month and day must be a calendar date', { argument: 'month' });
    }
    if (after != null && !isUuid(after)) throw userInputError('after must be a customer id', { argument: 'after' });
    if (!Number.isInteger(first) || first < 1 || first > 1000) {
      throw userInputError('first must be between 1 and 1000', { argument: 'first' });
    }
    return customerStore.idsBornOn(ctx.db, bornOn(month, day, leapYear), after, first);
  }
}
