import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { userInputError } from '../../../runtime/errors/graphqlErrors';
import { isUuid } from '../../../runtime/validation/validators';
import type { ProfileContext } from '../context';
import { privacyStore } from './privacy.store';

@Resolver()
export class ErasedCustomersResolver {
  @Authorized('internal')
  @Query(() => [ID], {
    description:
      "Which of the ids (at most 1000) name an erased profile, in id order (internal: the ledger's bulk adjustments leave them out).",
  })
  async erasedCustomerIds(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: ProfileContext): Promise<string[]> {
    if (ids.length > 1000) throw userInputError('ids takes at most 1000 ids', { argument: 'ids' });
    const valid = ids.filter(isUuid);
    return valid.length > 0 ? privacyStore.erasedAmong(ctx.db, valid) : [];
  }
}
