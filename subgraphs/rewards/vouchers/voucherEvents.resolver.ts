import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  ObjectType,
  Resolver,
  Root,
  Subscription,
  type SubscribeResolverData,
} from 'type-graphql';
import { requireCustomerAccess } from '../../../runtime/auth/authorize';
import { userInputError } from '../../../runtime/errors/graphqlErrors';
import type { OutboxEvent } from '../../../runtime/events/outbox';
import { isUuid } from '../../../runtime/validation/validators';
import { Reward } from '../catalog/reward.type';
import type { RewardsContext } from '../context';
import { Customer } from '../customerRewards/customerRewards.type';
import { rewardIssuedEvent } from '../redemptions/redemption.service';
import { voucherConsumedEvent } from './voucher.service';

interface VoucherEventPayload {
  customerId: string;
  voucherId: string;
  rewardId: string;
  redemptionId?: string;
  points?: number;
  channel?: string;
  storeId?: string | null;
  orderReference?: string;
}

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

  @Field()
  occurredAt!: Date;
}

function subscribeTo(type: string) {
  return ({
    args,
    context,
  }: SubscribeResolverData<unknown, { customerId: string; after?: string | null }, RewardsContext>) => {
    if (!isUuid(args.customerId))
      throw userInputError('customerId must be a customer id (UUID)', { argument: 'customerId' });
    requireCustomerAccess(context.principal, args.customerId, ['associate', 'admin']);
    let after: number | undefined;
    if (args.after !== undefined && args.after !== null) {
      after = Number(args.after);
      if (!Number.isSafeInteger(after) || after < 0)
        throw userInputError('after must be an event id', { argument: 'after' });
    }
    return context.events.subscribe({ after, filter: { aggregateId: args.customerId, types: [type] } });
  };
}

const toEvent = (event: OutboxEvent<VoucherEventPayload>): VoucherEvent => ({
  eventId: String(event.id),
  customer: { id: event.payload.customerId },
  voucherId: event.payload.voucherId,
  reward: { id: event.payload.rewardId },
  channel: event.payload.channel ?? null,
  orderReference: event.payload.orderReference ?? null,
  occurredAt: event.createdAt,
});

@Resolver()
export class VoucherEventsResolver {
  @Subscription(() => VoucherEvent, {
    subscribe: subscribeTo(rewardIssuedEvent),
    description:
      'Each reward issued to the member (redeemed or granted), as it commits; with `after`, first those missed.',
  })
  rewardIssued(
    @Root() event: OutboxEvent<VoucherEventPayload>,
    @Arg('customerId', () => ID) _customerId: string,
    @Arg('after', () => ID, { nullable: true }) _after: string | null,
  ): VoucherEvent {
    return toEvent(event);
  }

  @Subscription(() => VoucherEvent, {
    subscribe: subscribeTo(voucherConsumedEvent),
    description:
      "Each of the member's vouchers used at a till or checkout, as it commits; with `after`, first those missed.",
  })
  voucherConsumed(
    @Root() event: OutboxEvent<VoucherEventPayload>,
    @Arg('customerId', () => ID) _customerId: string,
    @Arg('after', () => ID, { nullable: true }) _after: string | null,
  ): VoucherEvent {
    return toEvent(event);
  }
}

@Resolver(() => VoucherEvent)
export class VoucherEventFieldsResolver {
  @FieldResolver(() => Reward)
  async reward(@Root() event: VoucherEvent, @Ctx() ctx: RewardsContext): Promise<Reward> {
    return (await ctx.loaders.rewardById.load(event.reward.id))!;
  }
}
