import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { requireChannelAccess } from '../../../runtime/auth/authorize';
import { actorOf } from '../../../runtime/auth/principal';
import type { ProfileContext } from '../context';
import { requireProfileAccess } from './customer.access';
import { Customer, EnrollCustomerInput } from './customer.type';
import { IdentifierType } from './identifier.rules';

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
}
