import { Directive, Field, ID, Int, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType } from '../../../runtime/pagination/connection';
import { TimelineEntryKind } from './timelineEntry.rules';

registerEnumType(TimelineEntryKind, {
  name: 'TimelineEntryKind',
  description: 'What a timeline entry is; each kind is one type implementing `TimelineEntry`.',
  valuesConfig: {
    CUSTOM_EVENT: { description: 'A custom event (`CustomerEvent`): its type and properties.' },
    PURCHASE: { description: 'An order recorded on the ledger, or imported (`PurchaseEntry`).' },
    RETURN: { description: 'Goods of an order brought back and their points taken back (`ReturnEntry`).' },
    REDEMPTION: { description: 'A reward redeemed for points, or granted (`RedemptionEntry`).' },
    MESSAGE: { description: 'A message the program sent the member, and what they did with it (`MessageEntry`).' },
  },
});

/** The GraphQL type of each kind, for `resolveType`. */
const typeOfKind: Record<TimelineEntryKind, string> = {
  CUSTOM_EVENT: 'CustomerEvent',
  PURCHASE: 'PurchaseEntry',
  RETURN: 'ReturnEntry',
  REDEMPTION: 'RedemptionEntry',
  MESSAGE: 'MessageEntry',
};

@InterfaceType({
  description:
    'One thing in a customer’s timeline. Switch on `kind` (or `__typename`) and select each type’s own fields with `... on PurchaseEntry { … }`.',
  resolveType: (entry: { kind: TimelineEntryKind }) => typeOfKind[entry.kind],
})
export class TimelineEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => TimelineEntryKind)
  kind!: TimelineEntryKind;

  @Field({ description: 'When it happened (the till’s or app’s time where it gave one); the timeline’s order.' })
  occurredAt!: Date;

  @Field(() => String, {
    nullable: true,
    description:
      'Where it happened (ONLINE, IN_STORE, ...); null where the producer does not say (a redemption, a return).',
  })
  channel!: string | null;
}

@ObjectType({ description: 'A purchase in a customer’s timeline.', implements: TimelineEntry })
export class PurchaseEntry extends TimelineEntry {
  @Field(() => ID, { description: 'The ledger’s id of the order.' })
  orderId!: string;

  @Field(() => String, { nullable: true })
  storeId!: string | null;

  @Field(() => Int, { description: 'The order total in minor units of `currency`.' })
  totalAmount!: number;

  @Field({ description: 'ISO 4217.' })
  currency!: string;

  @Field(() => Int, {
    description: 'Points the order earned (spendable, or pending until its return window closes); 0 when imported.',
  })
  pointsEarned!: number;

  @Field({ description: 'History imported from another engine (`OrdersImported`): it earned no points here.' })
  imported!: boolean;
}

@ObjectType({ description: 'A return in a customer’s timeline.', implements: TimelineEntry })
export class ReturnEntry extends TimelineEntry {
  @Field(() => ID)
  returnId!: string;

  @Field(() => ID, { description: 'The ledger’s id of the returned order.' })
  orderId!: string;

  @Field(() => Int, { description: 'The refund in minor units of `refundCurrency`.' })
  refundAmount!: number;

  @Field(() => String, {
    nullable: true,
    description:
      'The order’s currency; null when the order is not in the timeline (history imported before the timeline listed it).',
  })
  refundCurrency!: string | null;

  @Field(() => Int, { description: 'Points taken back for the returned units; 0 when imported.' })
  pointsReversed!: number;

  @Field({ description: 'History imported from another engine (`OrdersImported`): it took no points back here.' })
  imported!: boolean;
}

// The rewards subgraph's entity, by id: the gateway asks rewards for the fields a query selects.
@ObjectType()
@Directive('@key(fields: "id", resolvable: false)')
export class Reward {
  @Field(() => ID)
  id!: string;
}

@ObjectType({ description: 'A reward redeemed (or granted) in a customer’s timeline.', implements: TimelineEntry })
export class RedemptionEntry extends TimelineEntry {
  @Field(() => ID, { description: 'The redemption (or grant) that issued the voucher.' })
  redemptionId!: string;

  @Field(() => Reward, { description: 'The reward: select its `name` and more here, resolved by rewards.' })
  reward!: Reward;

  @Field(() => ID)
  voucherId!: string;

  @Field(() => Int, { description: 'Points spent; 0 for a reward granted (a campaign’s, the birthday reward).' })
  pointsSpent!: number;

  @Field(() => Date, { nullable: true, description: 'When the voucher was used at a till or checkout; null: not yet.' })
  usedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Where the voucher was used; null: not yet.' })
  usedChannel!: string | null;

  @Field({ description: 'Whether the voucher was cancelled unused and its points given back.' })
  cancelled!: boolean;
}

@ObjectType({ description: 'The voucher a message carries.' })
export class MessageOffer {
  @Field(() => Reward, { description: 'Its reward: select its `name` and more here, resolved by rewards.' })
  reward!: Reward;

  @Field(() => ID, {
    nullable: true,
    description: 'The voucher; null when it was not issued yet when the message went.',
  })
  voucherId!: string | null;
}

@ObjectType({
  description:
    'A message a provider took to the member (suppressed and failed ones are not shown), with their responses to it.',
  implements: TimelineEntry,
})
export class MessageEntry extends TimelineEntry {
  @Field(() => ID, { description: 'The message (`Notification.id` in `Customer.notifications`).' })
  messageId!: string;

  @Field({
    description: 'What it is about: a `NotificationKind` (`POINTS_EARNED`, `VOUCHER_ISSUED`, `ABSENCE_OFFER`, ...).',
  })
  messageKind!: string;

  @Field(() => String, {
    nullable: true,
    description: "The campaign's key it was sent for (an absence trigger's); null for the program's own messages.",
  })
  campaignKey!: string | null;

  @Field(() => MessageOffer, { nullable: true, description: 'The voucher it carries; null: none.' })
  offer!: MessageOffer | null;

  @Field(() => Date, { nullable: true, description: 'When the member first opened it; null: not (yet) reported.' })
  openedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the member first clicked it; null: not (yet) reported.' })
  clickedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the voucher it carried was used; null: not (yet), or none.' })
  redeemedAt!: Date | null;
}

export const TimelineEntryConnection = connectionType('TimelineEntry', TimelineEntry);
