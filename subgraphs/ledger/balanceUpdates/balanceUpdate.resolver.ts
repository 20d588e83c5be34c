import { Arg, ID, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { OutboxEvent } from '../../../runtime/events/outbox';
import { userInputError } from '../../../runtime/errors/graphqlErrors';
import { isUuid } from '../../../runtime/validation/validators';
import { requireLedgerAccess } from '../accounts/account.access';
import type { LedgerContext } from '../context';
import { balanceUpdatedEvent, type BalanceUpdatedPayload } from './balanceUpdate.events';
import { BalanceUpdate } from './balanceUpdate.type';

interface BalanceUpdatedArgs {
  customerId: string;
  after?: string | null;
}

async function subscribeToBalance({
  args,
  context,
}: SubscribeResolverData<unknown, BalanceUpdatedArgs, LedgerContext>) {
  if (!isUuid(args.customerId)) {
    throw userInputError('customerId must be a customer id (UUID)', { argument: 'customerId' });
  }
  requireLedgerAccess(context.principal, args.customerId);
  let after: number | undefined;
  if (args.after !== undefined && args.after !== null) {
    after = Number(args.after);
    if (!Number.isSafeInteger(after) || after < 0) {
      throw userInputError('after must be an event id', { argument: 'after' });
    }
    // A cursor from the future would silently skip every event up to it.
    const { rows } = await context.db.query<{ newest: number | null }>('select max(id) as newest from ledger.events');
    if (after > (rows[0]?.newest ?? 0)) {
      throw userInputError('after is newer than any event; pass an eventId or lastEventId you received', {
        argument: 'after',
      });
    }
  }
  return context.events.subscribe({ after, filter: { aggregateId: args.customerId, types: [balanceUpdatedEvent] } });
}

@Resolver()
export class BalanceUpdateResolver {
  @Subscription(() => BalanceUpdate, {
    subscribe: subscribeToBalance,
    description:
      "Every change of the member's balance, in order, as it commits. With `after` (an eventId already seen), first the changes missed since then.",
  })
  balanceUpdated(
    @Root() event: OutboxEvent<BalanceUpdatedPayload>,
    @Arg('customerId', () => ID) _customerId: string,
    @Arg('after', () => ID, { nullable: true }) _after: string | null,
  ): BalanceUpdate {
    const { payload } = event;
    return {
      eventId: String(event.id),
      customerId: payload.customerId,
      customer: { id: payload.customerId },
      balance: payload.balance,
      change: payload.change,
      reason: payload.reason,
      transactionId: payload.transactionId,
      occurredAt: event.createdAt,
    };
  }
}
