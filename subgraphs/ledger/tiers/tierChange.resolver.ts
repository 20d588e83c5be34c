import { Arg, Field, ID, ObjectType, registerEnumType, Resolver, Root, Subscription } from 'type-graphql';
import type { OutboxEvent } from '../../../runtime/events/outbox';
import { Customer } from '../accounts/account.type';
import { subscribeToLedgerEvents } from '../accounts/customerEvents';
import { GraphQLSafeInt } from 'graphql-scalars';
import { ledgerEvents } from '../contract/events';

export enum TierDirection {
  UP = 'UP',
  DOWN = 'DOWN',
}

registerEnumType(TierDirection, { name: 'TierDirection' });

@ObjectType({ description: "A member's move to another tier." })
export class TierChange {
  @Field(() => ID, { description: 'Outbox event id; pass it as `after` to resume from here.' })
  eventId!: string;

  @Field(() => ID)
  customerId!: string;

  @Field(() => Customer)
  customer!: Customer;

  @Field()
  from!: string;

  @Field()
  to!: string;

  @Field(() => TierDirection)
  direction!: TierDirection;

  @Field(() => GraphQLSafeInt)
  qualifyingPoints!: number;

  @Field(() => Date, { nullable: true, description: 'When the new tier is reviewed.' })
  reviewAt!: Date | null;

  @Field()
  occurredAt!: Date;
}

@Resolver()
export class TierChangeResolver {
  @Subscription(() => TierChange, {
    subscribe: subscribeToLedgerEvents(ledgerEvents.TierChanged),
    description: "Every change of the member's tier, in order. With `after`, first the changes missed since then.",
  })
  tierChanged(
    @Root() event: OutboxEvent,
    @Arg('customerId', () => ID) _customerId: string,
    @Arg('after', () => ID, { nullable: true }) _after: string | null,
  ): TierChange {
    const payload = ledgerEvents.TierChanged.decode(event);
    return {
      eventId: String(event.id),
      customerId: payload.customerId,
      customer: { id: payload.customerId },
      from: payload.from,
      to: payload.to,
      direction: payload.direction as TierDirection,
      qualifyingPoints: payload.qualifyingPoints,
      reviewAt: payload.reviewAt ? new Date(payload.reviewAt) : null,
      occurredAt: event.createdAt,
    };
  }
}
