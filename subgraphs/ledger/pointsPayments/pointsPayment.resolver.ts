import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphQLSafeInt } from 'graphql-scalars';
import {
  forbidden,
  requireChannelAccess,
  requireCustomerAccess,
  requirePrincipal,
} from '../../../runtime/auth/authorize';
import { actorOf, type Principal } from '../../../runtime/auth/principal';
import { userInputError } from '../../../runtime/errors/graphqlErrors';
import { checkPageSize, decodeCursor, pageSize } from '../../../runtime/pagination/cursor';
import { toConnection, type Connection } from '../../../runtime/pagination/connection';
import { isUuid } from '../../../runtime/validation/validators';
import { ledgerReaders } from '../accounts/account.access';
import { Loyalty } from '../accounts/account.type';
import type { LedgerContext } from '../context';
import { LedgerError, LedgerErrorKind } from '../errors';
import type { HoldRow, HoldStatus } from './pointsPayment.store';
import {
  HoldPointsInput,
  PointsHold,
  PointsHoldConnection,
  PointsHoldStatus,
  PointsPaymentQuote,
  PointsPaymentRate,
  SetPointsPaymentRateInput,
} from './pointsPayment.type';

const toHold = (row: HoldRow): PointsHold => ({
  id: row.id,
  customer: { id: row.customer_id },
  currency: row.currency,
  points: row.points,
  amount: row.amount,
  status: row.status as PointsHoldStatus,
  expiresAt: row.expires_at,
  createdAt: row.created_at,
  purchaseId: row.order_id,
  refundedPoints: row.refunded_points,
});

/** Staff who may quote a member's points payment besides the member (it shows what their balance pays). */
const quoteReaders = [...ledgerReaders, 'service'] as const;

/**
 * Who may act on a hold: the member on their own; an associate for IN_STORE in their store, or in
 * any store for a hold that names none (the member's, taken in the app to show at a till); an
 * integration for its channel, as for the purchase it pays; admins. No other member.
 */
function requireHoldAccess(
  principal: Principal | null,
  hold: { customerId: string; channel: string; storeId: string | null },
): void {
  const caller = requirePrincipal(principal);
  if (caller.role === 'member') {
    if (caller.subject !== hold.customerId) throw forbidden('A member may only hold or release their own points');
    return;
  }
  if (caller.role === 'associate' && caller.storeId && hold.channel === 'IN_STORE' && hold.storeId === null) return;
  requireChannelAccess(caller, hold.channel, hold.storeId);
}

@Resolver(() => PointsHold)
export class PointsPaymentResolver {
  @Authorized()
  @Query(() => [PointsPaymentRate], { description: 'How points pay for baskets, per currency (the burn rates).' })
  pointsPaymentRates(@Ctx() ctx: LedgerContext): Promise<PointsPaymentRate[]> {
    return ctx.pointsPayments.rates();
  }

  @Authorized('marketer', 'admin')
  @Mutation(() => PointsPaymentRate, {
    description:
      'Sets how points pay for baskets in a currency (marketers): the burn rate, the minimum points per payment, the largest share of a basket, the rounding step and better rates per tier. Applies to holds taken from now on.',
  })
  setPointsPaymentRate(
    @Arg('input') input: SetPointsPaymentRateInput,
    @Ctx() ctx: LedgerContext,
  ): Promise<PointsPaymentRate> {
    return ctx.pointsPayments.setRate(
      { ...input, tierRates: input.tierRates.map((rate) => ({ ...rate })) },
      actorOf(ctx.principal),
    );
  }

  @Authorized('member', 'associate', 'service', 'admin')
  @Query(() => PointsPaymentQuote, {
    description:
      "How many of the member's points may pay a basket of `amount` minor units in `currency`, and what they pay: by the burn rate (their tier's if better), the basket's maximum share, the balance, rounded down to the step; none below the minimum.",
  })
  async quotePointsPayment(
    @Arg('customerId', () => ID) customerId: string,
    @Arg('currency') currency: string,
    @Arg('amount', () => GraphQLSafeInt) amount: number,
    @Ctx() ctx: LedgerContext,
  ): Promise<PointsPaymentQuote> {
    if (!isUuid(customerId)) throw userInputError('customerId must be a UUID', { argument: 'customerId' });
    if (!Number.isSafeInteger(amount) || amount < 0) {
      throw userInputError('amount must be 0 or more minor units', { argument: 'amount' });
    }
    requireCustomerAccess(ctx.principal, customerId, quoteReaders);
    const quote = await ctx.pointsPayments.quote(customerId, currency, amount);
    return {
      currency: quote.currency,
      ratePoints: quote.rate.points,
      ratePerAmount: quote.rate.perAmount,
      rateTier: quote.rate.tier,
      maxPoints: quote.maxPoints,
      maxAmount: quote.maxAmount,
      minPoints: quote.minPoints,
      pointsStep: quote.pointsStep,
      unavailableReason: quote.unavailableReason,
    };
  }

  @Authorized('member', 'associate', 'service', 'admin')
  @Mutation(() => PointsHold, {
    description:
      'Reserves points to pay a basket (authorize): they leave the spendable balance (`Loyalty.held`) until a purchase captures them (`recordPurchase` with `pointsPayment`), `releasePointsHold` gives them back, or the hold expires. Idempotent by (member, idempotencyKey). More than the balance: INSUFFICIENT_POINTS; below the minimum or not a multiple of the step: BAD_USER_INPUT. The member for themself (from the app), an associate in their store, an integration for its channel, admins.',
  })
  async holdPoints(@Arg('input') input: HoldPointsInput, @Ctx() ctx: LedgerContext): Promise<PointsHold> {
    const principal = requirePrincipal(ctx.principal);
    const storeId = input.storeId ?? (principal.role === 'associate' ? (principal.storeId ?? null) : null);
    requireHoldAccess(principal, { customerId: input.customerId, channel: input.channel, storeId });
    return toHold(await ctx.pointsPayments.hold({ ...input, storeId }, actorOf(principal)));
  }

  @Authorized('member', 'associate', 'service', 'admin')
  @Mutation(() => PointsHold, {
    description:
      'Gives a hold’s points back (the basket was not paid with them). Idempotent: a released or expired hold answers as it is; a captured one is a CONFLICT (a return refunds its points). Who may hold it may release it.',
  })
  async releasePointsHold(@Arg('holdId', () => ID) holdId: string, @Ctx() ctx: LedgerContext): Promise<PointsHold> {
    const hold = await this.requireHold(holdId, ctx);
    return toHold(await ctx.pointsPayments.release(hold, actorOf(ctx.principal)));
  }

  @Authorized('member', 'associate', 'service', 'admin')
  @Query(() => PointsHold, { description: 'A points hold, for who may hold or release it.' })
  async pointsHold(@Arg('id', () => ID) id: string, @Ctx() ctx: LedgerContext): Promise<PointsHold> {
    return toHold(await this.requireHold(id, ctx));
  }

  private async requireHold(holdId: string, ctx: LedgerContext): Promise<HoldRow> {
    if (!isUuid(holdId)) throw userInputError('holdId must be a UUID', { argument: 'holdId' });
    const hold = await ctx.pointsPayments.find(holdId);
    if (!hold) throw new LedgerError(LedgerErrorKind.UnknownHold, `No points hold has the id ${holdId}`);
    requireHoldAccess(ctx.principal, { customerId: hold.customer_id, channel: hold.channel, storeId: hold.store_id });
    return hold;
  }
}

/** A page of holds ends at one: its creation time and id (newest first), as the cursor says. */
const holdCursor = (row: HoldRow): string => `${row.created_at.toISOString()}/${row.id}`;

function afterHold(cursor: string | null | undefined): { createdAt: Date; id: string } | null {
  if (cursor == null) return null;
  const [at, id] = decodeCursor<string>(cursor, 'string').split('/');
  const createdAt = new Date(at ?? '');
  if (Number.isNaN(createdAt.getTime()) || !id || !isUuid(id)) {
    throw userInputError('after is not a cursor of this list', { argument: 'after' });
  }
  return { createdAt, id };
}

@Resolver(() => Loyalty)
export class LoyaltyHoldsResolver {
  @FieldResolver(() => PointsHoldConnection, {
    description:
      "The member's points holds, newest first; `statuses: [HELD]` lists the open ones (an app shows its hold again after a reload). A HELD hold past `expiresAt` pays nothing and comes back with the points job.",
  })
  async holds(
    @Root() loyalty: Loyalty,
    @Arg('statuses', () => [PointsHoldStatus], { nullable: true, description: 'Only these; null: every status.' })
    statuses: PointsHoldStatus[] | null,
    @Arg('first', () => Int, { defaultValue: pageSize.default }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: LedgerContext,
  ): Promise<Connection<PointsHold>> {
    checkPageSize(first);
    const rows = await ctx.loaders.holdsPage.load({
      customerId: loyalty.customerId,
      statuses: (statuses ?? Object.values(PointsHoldStatus)) as HoldStatus[],
      after: afterHold(after),
      limit: first + 1,
    });
    return toConnection(rows, first, holdCursor, toHold);
  }
}
