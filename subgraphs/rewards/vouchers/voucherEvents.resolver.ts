import { Arg, Ctx, Field, FieldResolver, ID, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import { requireCustomerAccess } from '../../../runtime/auth/authorize';
import { subscribeToCustomerEvents, type CustomerEventSource } from '../../../runtime/events/customerEventSubscription';
import type { OutboxEvent } from '../../../runtime/events/outbox';
import { Reward } from '../catalog/reward.type';
import type { RewardsContext } from '../context';
import { Customer } from '../customerRewards/customerRewards.type';
import { currentCustomerId } from '../merges/customerMerge.store';
import { rewardsEvents } from '../contract/events';

/** The rewards events a member's voucher subscriptions read (its own outbox). */
export const voucherSubscriptionEvents = [rewardsEvents.RewardIssued, rewardsEvents.VoucherConsumed];

@ObjectType({ description: "A change to a member's vouchers: a reward issued, or a voucher used." })
class VoucherEvent {
  @Field(() => ID, { description: 'Pass as `after` to resume from here.' })
  eventId!: string;

  @Field(() => Customer)
  customer!: Customer;

  @Field(() => ID)
  voucherId!: string;

  @Field(() => Reward)
  reward!: Pick<Reward, 'id'>;

  @Field(() => String, { nullable: true, description: 'voucherConsumed: where it was used.' })
  channel!: string | null;

  @Field(() => String, { nullable: true, description: 'voucherConsumed: the order it was used on.' })
  orderReference!: string | null;

  @Field({
    description:
      'When it happened: a use’s time at the till (its `occurredAt`, an offline till syncing late), else when it was recorded.',
  })
  occurredAt!: Date;
}

/** A member's voucher events, for the member, associates and admins. */
const voucherEvents: CustomerEventSource<RewardsContext> = {
  authorize: (context, customerId) => requireCustomerAccess(context.principal, customerId, ['associate', 'admin']),
  async currentId(context, customerId) {
    const current = await currentCustomerId(context.db, customerId);
    if (current !== customerId) return current;
    return (await context.profiles.customerExists(customerId)) ? customerId : null;
  },
};

const subscribeTo = (type: string) => subscribeToCustomerEvents([type], voucherEvents);

const issuedEvent = (event: OutboxEvent): VoucherEvent => {
  const issued = rewardsEvents.RewardIssued.decode(event);
  return {
    eventId: String(event.id),
    customer: { id: issued.customerId },
    voucherId: issued.voucherId,
    reward: { id: issued.rewardId },
    channel: null,
    orderReference: null,
    occurredAt: event.createdAt,
  };
};

const consumedEvent = (event: OutboxEvent): VoucherEvent => {
  const consumed = rewardsEvents.VoucherConsumed.decode(event);
  return {
    eventId: String(event.id),
    customer: { id: consumed.customerId },
    voucherId: consumed.voucherId,
    reward: { id: consumed.rewardId },
    channel: consumed.channel,
    orderReference: consumed.orderReference,
    occurredAt: consumed.occurredAt ? new Date(consumed.occurredAt) : event.createdAt,
  };
};

@Resolver()
export class VoucherEventsResolver {
  @Subscription(() => VoucherEvent, {
    subscribe: subscribeTo(rewardsEvents.RewardIssued.type),
    description:
      'Each reward issued to the member (redeemed or granted), as it commits; with `after`, first those missed.',
  })
  rewardIssued(
    @Root() event: OutboxEvent,
    @Arg('customerId', () => ID) _customerId: string,
    @Arg('after', () => ID, { nullable: true }) _after: string | null,
  ): VoucherEvent {
    return issuedEvent(event);
  }

  @Subscription(() => VoucherEvent, {
    subscribe: subscribeTo(rewardsEvents.VoucherConsumed.type),
    description:
      "Each of the member's vouchers used at a till or checkout, as it commits; with `after`, first those missed.",
  })
  voucherConsumed(
    @Root() event: OutboxEvent,
    @Arg('customerId', () => ID) _customerId: string,
    @Arg('after', () => ID, { nullable: true }) _after: string | null,
  ): VoucherEvent {
    return consumedEvent(event);
  }
}

@Resolver(() => VoucherEvent)
export class VoucherEventFieldsResolver {
  @FieldResolver(() => Reward)
  async reward(@Root() event: VoucherEvent, @Ctx() ctx: RewardsContext): Promise<Reward> {
    return (await ctx.loaders.rewardById.load(event.reward.id))!;
  }
}
