import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { actorOf } from '../../../runtime/auth/principal';
import { userInputError } from '../../../runtime/errors/graphqlErrors';
import { toConnection, type Connection } from '../../../runtime/pagination/connection';
import { checkPageSize, decodeCursor, pageSize } from '../../../runtime/pagination/cursor';
import { isUuid } from '../../../runtime/validation/validators';
import type { LedgerContext } from '../context';
import { requireTransferAccess, transferGiver } from './transfer.access';
import { toTransfer } from './transfer.service';
import { PointTransfer, PointTransferConnection, TransferPointsInput } from './transfer.type';

@Resolver(() => PointTransfer)
export class TransferResolver {
  @Authorized('member', 'admin')
  @Mutation(() => PointTransfer, {
    description:
      "Gives points to another member (a household, a gift): a member from their own balance, an admin from the member named in fromCustomerId. Both members' balances change at once; both histories show it. Limited per transfer and per 24 hours (BAD_USER_INPUT naming points); more than the balance is INSUFFICIENT_POINTS; an unknown recipient NOT_FOUND. Idempotent by (giver, idempotencyKey).",
  })
  transferPoints(@Arg('input') input: TransferPointsInput, @Ctx() ctx: LedgerContext): Promise<PointTransfer> {
    const principal = ctx.principal!;
    const fromCustomerId = transferGiver(principal, input.fromCustomerId ?? null);
    return ctx.transfers.transfer(
      {
        fromCustomerId,
        toCustomerId: input.toCustomerId,
        points: input.points,
        idempotencyKey: input.idempotencyKey,
        note: input.note ?? null,
      },
      actorOf(principal),
    );
  }

  @Query(() => PointTransferConnection, {
    description:
      'The transfers a member gave or received, newest first: for the member and admins (a note is a personal message).',
  })
  async pointTransfers(
    @Arg('customerId', () => ID) customerId: string,
    @Arg('first', () => Int, { defaultValue: pageSize.default }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: LedgerContext,
  ): Promise<Connection<PointTransfer>> {
    requireTransferAccess(ctx.principal, customerId);
    if (!isUuid(customerId))
      throw userInputError('customerId must be a customer id (UUID)', { argument: 'customerId' });
    checkPageSize(first);
    const beforePosition = after ? decodeCursor<number>(after, 'number') : null;
    const rows = await ctx.transfers.pageOf(customerId, beforePosition, first + 1);
    return toConnection(rows, first, (row) => row.position, toTransfer);
  }
}
