import { Arg, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { OutboxEvent } from '../../../runtime/events/outbox';
import { subscribeToLedgerEvents } from '../accounts/customerEvents';
import { balanceUpdatedEvent, type BalanceUpdatedPayload } from './balanceUpdate.events';
import { BalanceUpdate } from './balanceUpdate.type';

@Resolver()
export class BalanceUpdateResolver {
  @Subscription(() => BalanceUpdate, {
    subscribe: subscribeToLedgerEvents(balanceUpdatedEvent),
    description:
      "Every change of the member's balance or pending points, in order, as it commits. With `after` (an eventId already seen), first the changes missed since then.",
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
      // Events from before pending points existed had none.
      pending: payload.pending ?? 0,
      pendingChange: payload.pendingChange ?? 0,
      reason: payload.reason,
      transactionId: payload.transactionId,
      occurredAt: event.createdAt,
    };
  }
}
