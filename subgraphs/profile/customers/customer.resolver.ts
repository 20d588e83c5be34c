import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { ProfileContext } from '../context';
import { Customer, EnrollCustomerInput } from './customer.type';
import { IdentifierType } from './identifier.rules';

@Resolver(() => Customer)
export class CustomerResolver {
  @Query(() => Customer, { nullable: true, description: 'A customer by id; null when there is none.' })
  async customer(@Arg('id', () => ID) id: string, @Ctx() ctx: ProfileContext): Promise<Customer | null> {
    return ctx.loaders.customerById.load(ctx.customers.requireValidId(id));
  }

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

  @Mutation(() => Customer, { description: 'Enrolls a new member from any channel.' })
  async enrollCustomer(@Arg('input') input: EnrollCustomerInput, @Ctx() ctx: ProfileContext): Promise<Customer> {
    const id = await ctx.customers.enroll(input);
    return (await ctx.loaders.customerById.load(id))!;
  }
}
