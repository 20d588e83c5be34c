import { GraphQLSafeInt } from 'graphql-scalars';
import { Arg, Field, ID, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import type { OutboxEvent } from '../../../runtime/events/outbox';
import { subscribeToLedgerEvents } from '../accounts/customerEvents';
import { ledgerEvents } from '../contract/events';

@ObjectType({
  description: "A change of a member's wallet (stamps, cashback, store credit), pushed the moment it commits.",
})
export class WalletUpdate {
  @Field(() => ID, { description: 'Outbox event id; pass it as `after` to resume from here.' })
  eventId!: string;

  @Field(() => ID, { description: 'The wallet’s owner.' })
  customerId!: string;

  @Field({ description: 'The wallet’s code.' })
  wallet!: string;

  @Field({
    description: 'EARN, RELEASE, REVERSE, SPEND, ADJUST, AWARD, EXPIRE, CARD_COMPLETED, MERGE_IN or MERGE_OUT.',
  })
  kind!: string;

  @Field(() => GraphQLSafeInt, { description: 'Signed change of the usable balance.' })
  change!: number;

  @Field(() => GraphQLSafeInt, { description: 'Signed change of the pending amount.' })
  pendingChange!: number;

  @Field(() => GraphQLSafeInt)
  balance!: number;

  @Field(() => GraphQLSafeInt)
  pending!: number;

  @Field()
  reason!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The household member whose purchase earned it, when not the owner.',
  })
  earnedBy!: string | null;

  @Field()
  occurredAt!: Date;
}

@Resolver()
export class WalletUpdateResolver {
  @Subscription(() => WalletUpdate, {
    subscribe: subscribeToLedgerEvents(ledgerEvents.WalletBalanceChanged),
    description:
      "Every change of the member's own wallets besides points (stamps, cashback, store credit), in order, as it commits; a household member's earnings show on the owner's. With `after` (an eventId already seen), first the changes missed since then.",
  })
  walletUpdated(
    @Root() event: OutboxEvent,
    @Arg('customerId', () => ID) _customerId: string,
    @Arg('after', () => ID, { nullable: true }) _after: string | null,
  ): WalletUpdate {
    const payload = ledgerEvents.WalletBalanceChanged.decode(event);
    return {
      eventId: String(event.id),
      customerId: payload.customerId,
      wallet: payload.wallet,
      kind: payload.kind,
      change: payload.change,
      pendingChange: payload.pendingChange,
      balance: payload.balance,
      pending: payload.pending,
      reason: payload.reason,
      earnedBy: payload.earnedBy,
      occurredAt: event.createdAt,
    };
  }
}
