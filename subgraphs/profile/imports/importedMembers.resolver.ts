import { Arg, Authorized, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { userInputError } from '../../../runtime/errors/graphqlErrors';
import type { ProfileContext } from '../context';
import { memberImportStore } from './memberImport.store';

/** The most keys one call may ask for (a few import batches' worth). */
export const maxImportedMemberKeys = 10_000;

@ObjectType({ description: 'A member imported from another loyalty engine: their key there and their profile here.' })
export class ImportedMember {
  @Field({ description: 'The memberKey of the import (identifier LEGACY_MEMBER_ID).' })
  key!: string;

  @Field(() => ID, { description: 'The profile it stands for now (the survivor, for a merged profile).' })
  customerId!: string;
}

@Resolver()
export class ImportedMembersResolver {
  @Authorized('internal')
  @Query(() => [ImportedMember], {
    description:
      "The profiles of imported members by their memberKey, one statement for all keys; unknown keys are left out (internal: the ledger's balance, tier and order imports).",
  })
  async importedMemberIds(
    @Arg('keys', () => [String]) keys: string[],
    @Ctx() ctx: ProfileContext,
  ): Promise<ImportedMember[]> {
    if (keys.length > maxImportedMemberKeys) {
      throw userInputError(`At most ${maxImportedMemberKeys} keys at once, got ${keys.length}`);
    }
    return memberImportStore.idsByKey(ctx.db, keys);
  }
}
