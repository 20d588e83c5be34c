import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { forbidden, requirePrincipal } from '../../../runtime/auth/authorize';
import type { Role } from '../../../runtime/auth/principal';
import { Customer } from '../accounts/account.type';
import type { LedgerContext } from '../context';
import { customerMetrics } from './customerMetrics.rules';
import { CustomerMetrics } from './customerMetrics.type';

/** A member's value and churn risk are for the program's staff, not for the member. */
const metricsReaders: readonly Role[] = ['associate', 'marketer', 'admin', 'internal'];

@Resolver(() => Customer)
export class CustomerMetricsResolver {
  @FieldResolver(() => CustomerMetrics, {
    // Nullable so that the rest of a customer still answers while this subgraph is down.
    nullable: true,
    description: "The member's value and habits (CLV, frequency, channels, churn risk). Staff only.",
  })
  async metrics(@Root() customer: Customer, @Ctx() ctx: LedgerContext): Promise<CustomerMetrics> {
    const caller = requirePrincipal(ctx.principal);
    if (!metricsReaders.includes(caller.role)) throw forbidden(`A ${caller.role} may not see a member's metrics`);
    // A merged id reads the survivor's orders.
    const account = await ctx.loaders.accountByCustomerId.load(customer.id);
    const totals = await ctx.loaders.orderTotals.load(account?.customer_id ?? customer.id);
    return customerMetrics(totals, ctx.core.clock(), ctx.core.policy.churnAfterDays);
  }
}
