import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireChannelAccess, requireCustomerAccess } from '../../../runtime/auth/authorize';
import { actorOf } from '../../../runtime/auth/principal';
import type { ProfileContext } from '../context';
import { requireProfileAccess, seesIdentifiers } from './customer.access';
import {
  Customer,
  EnrollCustomerInput,
  Identity,
  MemberCard,
  profileFieldReaders,
  SetConsentInput,
  UpdateProfileInput,
} from './customer.type';
import { IdentifierType, maskEmail, maskIdentifier, maskPhone, scanPayloadPrefix } from './identifier.rules';

@Resolver(() => Customer)
export class CustomerResolver {
  @Query(() => Customer, {
    nullable: true,
    description: 'A customer by id; null when there is none. Members read their own; associates and admins any.',
  })
  async customer(@Arg('id', () => ID) id: string, @Ctx() ctx: ProfileContext): Promise<Customer | null> {
    const customerId = ctx.customers.requireValidId(id);
    requireProfileAccess(ctx.principal, customerId);
    return ctx.loaders.customerById.load(customerId);
  }

  @Authorized('member')
  @Query(() => Customer, { nullable: true, description: "The signed-in member's own profile." })
  me(@Ctx() ctx: ProfileContext): Promise<Customer | null> {
    return ctx.loaders.customerById.load(ctx.principal!.subject);
  }

  @Authorized('associate', 'service', 'admin', 'internal')
  @Query(() => Customer, {
    nullable: true,
    description: 'Finds a customer by any identifier they own, as typed at a till or a login form.',
  })
  async customerByIdentifier(
    @Arg('type', () => IdentifierType) type: IdentifierType,
    @Arg('value') value: string,
    @Ctx() ctx: ProfileContext,
  ): Promise<Customer | null> {
    const id = await ctx.customers.idByIdentifier(type, value);
    return id ? ctx.loaders.customerById.load(id) : null;
  }

  @Authorized('associate', 'service', 'admin')
  @Mutation(() => Customer, {
    description:
      'Enrolls a new member: an associate for their store (IN_STORE), an integration for its channel, an admin anywhere.',
  })
  async enrollCustomer(@Arg('input') input: EnrollCustomerInput, @Ctx() ctx: ProfileContext): Promise<Customer> {
    const principal = ctx.principal!;
    const storeId = input.storeId ?? (principal.role === 'associate' ? principal.storeId : null);
    requireChannelAccess(principal, input.channel, storeId);
    const id = await ctx.customers.enroll({ ...input, storeId }, actorOf(principal));
    return (await ctx.loaders.customerById.load(id))!;
  }

  @Authorized(...profileFieldReaders)
  @FieldResolver(() => MemberCard, {
    nullable: true,
    description:
      'The loyalty card: in full for the member (to show in the app) and admins; the last four digits for staff.',
  })
  memberCard(@Root() customer: Customer, @Ctx() ctx: ProfileContext): MemberCard | null {
    if (!customer.cardNumber) return null;
    if (seesIdentifiers(ctx.principal, customer.id)) {
      return { number: customer.cardNumber, scanPayload: `${scanPayloadPrefix}${customer.cardNumber}` };
    }
    const masked = maskIdentifier(IdentifierType.MEMBER_CARD, customer.cardNumber);
    return { number: masked, scanPayload: masked };
  }

  @Authorized('member', 'associate', 'admin')
  @Mutation(() => Customer, {
    description:
      'Gives the member a new card number and scan code (a lost card, a code someone copied); the old ones stop working. The member, staff at a till, or an admin.',
  })
  async rotateMemberCard(@Arg('customerId', () => ID) id: string, @Ctx() ctx: ProfileContext): Promise<Customer> {
    const customerId = ctx.customers.requireValidId(id);
    requireProfileAccess(ctx.principal, customerId);
    await ctx.customers.rotateCard(customerId, actorOf(ctx.principal));
    return this.reload(ctx, customerId);
  }

  @Authorized('member', 'admin')
  @Mutation(() => Customer, { description: 'Updates a profile: the member their own, or an admin.' })
  async updateProfile(
    @Arg('customerId', () => ID) id: string,
    @Arg('input') input: UpdateProfileInput,
    @Ctx() ctx: ProfileContext,
  ): Promise<Customer> {
    const customerId = ctx.customers.requireValidId(id);
    requireCustomerAccess(ctx.principal, customerId, ['admin']);
    await ctx.customers.update(customerId, input, actorOf(ctx.principal));
    return this.reload(ctx, customerId);
  }

  @Authorized('member', 'associate', 'admin')
  @Mutation(() => Customer, {
    description:
      'Records a consent answer for one channel, with its source and time (the history is kept): the member, an associate at the till, or an admin.',
  })
  async setConsent(
    @Arg('customerId', () => ID) id: string,
    @Arg('input') input: SetConsentInput,
    @Ctx() ctx: ProfileContext,
  ): Promise<Customer> {
    const customerId = ctx.customers.requireValidId(id);
    requireProfileAccess(ctx.principal, customerId);
    await ctx.customers.setConsent(customerId, input, actorOf(ctx.principal));
    return this.reload(ctx, customerId);
  }

  private async reload(ctx: ProfileContext, customerId: string): Promise<Customer> {
    ctx.loaders.customerById.clear(customerId);
    return (await ctx.loaders.customerById.load(customerId))!;
  }

  @Authorized(...profileFieldReaders)
  @FieldResolver(() => String, { nullable: true, description: 'In full for the member and admins; masked for staff.' })
  email(@Root() customer: Customer, @Ctx() ctx: ProfileContext): string | null {
    if (!customer.email || seesIdentifiers(ctx.principal, customer.id)) return customer.email;
    return maskEmail(customer.email);
  }

  @Authorized(...profileFieldReaders)
  @FieldResolver(() => String, {
    nullable: true,
    description: 'E.164, e.g. +4915112345678. In full for the member and admins; masked for staff.',
  })
  phone(@Root() customer: Customer, @Ctx() ctx: ProfileContext): string | null {
    if (!customer.phone || seesIdentifiers(ctx.principal, customer.id)) return customer.phone;
    return maskPhone(customer.phone);
  }

  @Authorized(...profileFieldReaders)
  @FieldResolver(() => [Identity], { description: 'In full for the member and admins; masked for staff.' })
  identities(@Root() customer: Customer, @Ctx() ctx: ProfileContext): Identity[] {
    if (seesIdentifiers(ctx.principal, customer.id)) return customer.identities;
    return customer.identities.map((identity) => ({
      ...identity,
      value: maskIdentifier(identity.type, identity.value),
    }));
  }
}
