import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { CampaignContext } from '../context';
import { audienceStore, type AudienceRecord } from './audience.store';
import { Audience, AudienceInput, AudienceMembersChange, AudienceMembersInput } from './audience.type';

const managers = ['marketer', 'admin'] as const;
/** A CDP pushes members with a service token; it does not define audiences. */
const memberWriters = ['marketer', 'admin', 'service'] as const;

@Resolver(() => Audience)
export class AudienceResolver {
  @Authorized(...managers)
  @Query(() => [Audience], { description: 'Static audiences, by key (marketers).' })
  audiences(@Ctx() ctx: CampaignContext): Promise<AudienceRecord[]> {
    return audienceStore.all(ctx.db);
  }

  @FieldResolver(() => Int, { description: 'Members in the audience now.' })
  members(@Root() audience: AudienceRecord, @Ctx() ctx: CampaignContext): Promise<number> {
    return ctx.loaders.audienceMembers.load(audience.key);
  }

  @Authorized(...managers)
  @Mutation(() => Audience, { description: 'Creates (or renames) a static audience.' })
  defineAudience(@Arg('input') input: AudienceInput, @Ctx() ctx: CampaignContext): Promise<AudienceRecord> {
    return ctx.audiences.define({ key: input.key, name: input.name, description: input.description ?? null });
  }

  @Authorized(...managers)
  @Mutation(() => Boolean, {
    description: 'Removes a static audience and its members; segments naming it then match nobody by it.',
  })
  async removeAudience(@Arg('key') key: string, @Ctx() ctx: CampaignContext): Promise<boolean> {
    await ctx.audiences.remove(key);
    return true;
  }

  @Authorized(...memberWriters)
  @Mutation(() => AudienceMembersChange, {
    description:
      'Adds members to a static audience by customer id (up to 1000 a call); an id already in changes nothing, so a retry is safe. A merged id adds its survivor.',
  })
  addAudienceMembers(@Arg('input') input: AudienceMembersInput, @Ctx() ctx: CampaignContext) {
    return ctx.audiences.change(input.audience, input.customerIds, 'add');
  }

  @Authorized(...memberWriters)
  @Mutation(() => AudienceMembersChange, {
    description:
      'Removes members from a static audience by customer id (up to 1000 a call); ids not in change nothing.',
  })
  removeAudienceMembers(@Arg('input') input: AudienceMembersInput, @Ctx() ctx: CampaignContext) {
    return ctx.audiences.change(input.audience, input.customerIds, 'remove');
  }
}
