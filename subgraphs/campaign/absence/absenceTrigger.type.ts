import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AbsenceStart } from './absenceTrigger.rules';

registerEnumType(AbsenceStart, {
  name: 'AbsenceStart',
  description: "What starts an absence trigger's timer for a member.",
  valuesConfig: {
    CUSTOM_EVENT: {
      description:
        'A custom event of `eventType` (e.g. `cart.updated`); a later one of the same type restarts the wait.',
    },
    LAST_PURCHASE: { description: 'Each purchase (win-back): the wait runs from the last one.' },
  },
});

@InputType({
  description: 'An absence trigger: what starts the wait, how long it is, and what it gives when it runs out.',
})
export class AbsenceTriggerInput {
  @Field({ description: 'Lowercase letters, digits and dashes, at most 64; never reused.' })
  key!: string;

  @Field()
  name!: string;

  @Field(() => AbsenceStart)
  start!: AbsenceStart;

  @Field(() => String, { nullable: true, description: 'The custom event type that starts it (CUSTOM_EVENT only).' })
  eventType?: string | null;

  @Field(() => Int, { description: 'How long after the start, without a purchase, it fires: 1 minute to 366 days.' })
  waitMinutes!: number;

  @Field(() => Int, { defaultValue: 0, description: 'Points the ledger credits when it fires (0: none).' })
  bonusPoints!: number;

  @Field(() => ID, { nullable: true, description: 'A reward granted (a voucher) when it fires, without points.' })
  rewardId?: string | null;

  @Field({
    defaultValue: true,
    description: 'Whether the member is told (an ABSENCE_OFFER message, on their consented, preferred channel).',
  })
  sendMessage!: boolean;
}

@ObjectType({
  description:
    'Gives a member something when a wait runs out without a purchase: an abandoned cart, a lapsed customer (win-back).',
})
export class AbsenceTrigger {
  @Field()
  key!: string;

  @Field()
  name!: string;

  @Field(() => AbsenceStart)
  start!: AbsenceStart;

  @Field(() => String, { nullable: true })
  eventType!: string | null;

  @Field(() => Int)
  waitMinutes!: number;

  @Field(() => Int)
  bonusPoints!: number;

  @Field(() => ID, { nullable: true })
  rewardId!: string | null;

  @Field()
  sendMessage!: boolean;

  @Field(() => Date, { nullable: true, description: 'When it was retired; null while live.' })
  retiredAt!: Date | null;
}

@ObjectType({ description: "An absence trigger's timers, by state." })
export class AbsenceTimerCounts {
  @Field(() => Int, { description: 'Members whose wait is running.' })
  pending!: number;

  @Field(() => Int, { description: 'Waits that ran out: the member was given what the trigger gives.' })
  fired!: number;

  @Field(() => Int, { description: 'Waits a purchase (or a retirement, a merge) ended.' })
  cancelled!: number;
}

@ObjectType({ description: 'What a run of the absence scheduler did.' })
export class AbsenceRun {
  @Field(() => Int, { description: 'Timers fired.' })
  fired!: number;

  @Field(() => Int, { description: 'Points and rewards of fired timers credited.' })
  delivered!: number;

  @Field(() => Int, { description: 'Deliveries that failed and will be retried.' })
  failed!: number;
}
