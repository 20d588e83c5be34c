import { Arg, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { OutboxEvent } from '../../../runtime/events/outbox';
import { subscribeToLedgerEvents } from '../accounts/customerEvents';
import { ledgerEvents } from '../contract/events';
import { BalanceUpdate } from './balanceUpdate.type';

@Resolver()
export class BalanceUpdateResolver {
  @Subscription(() => BalanceUpdate, {
    subscribe: subscribeToLedgerEvents(ledgerEvents.BalanceUpdated),
    description:
      "Every change of the member's balance or pending points, in order, as it commits. With `after` (an eventId already seen), first the changes missed since then.",
  })
  balanceUpdated(
    @Root() event: OutboxEvent,
    @Arg('customerId', () => ID) _customerId: string,
    @Arg('after', () => ID, { nullable: true }) _after: string | null,
  ): BalanceUpdate {
    // Any version, upgraded: events from before pending points existed read as none pending.
    const payload = ledgerEvents.BalanceUpdated.decode(event);
    return {
      eventId: String(event.id),
      customerId: payload.customerId,
      customer: { id: payload.customerId },
      balance: payload.balance,
      change: payload.change,
      pending: payload.pending,
      pendingChange: payload.pendingChange,
      reason: payload.reason,
      transactionId: payload.transactionId,
      occurredAt: event.createdAt,
    };
  }
}
