import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EventTriggerShape } from '../campaigns/campaign.type';
import { BadgeCounting, BadgeEvent, BadgePeriod } from './badge.rules';
import { BadgeStreakUnit } from './badgeStreak.rules';

registerEnumType(BadgeEvent, {
  name: 'BadgeEvent',
  description: 'What a badge counts.',
  valuesConfig: {
    PURCHASE: { description: 'Purchases.' },
    CUSTOM_EVENT: { description: "Custom events of the type and property conditions of the rule's eventTrigger." },
  },
});
registerEnumType(BadgeStreakUnit, {
  name: 'BadgeStreakUnit',
  description:
    "The calendar unit of a streak, in the program's time zone (weeks start on Monday): a streak of count WEEKs is at least one qualifying purchase or event in each of count consecutive weeks.",
});
registerEnumType(BadgeCounting, {
  name: 'BadgeCounting',
  description: 'What count counts among the qualifying purchases or events.',
  valuesConfig: {
    PURCHASES: { description: 'Purchases, or custom events for CUSTOM_EVENT badges; for a streak, consecutive units.' },
    CHANNELS: { description: 'Distinct channels bought in ("a purchase in three channels").' },
    STORES: { description: 'Distinct stores bought in.' },
  },
});
registerEnumType(BadgePeriod, {
  name: 'BadgePeriod',
  description: "Over which time the count must be reached, in the program's time zone (weeks start on Monday).",
  valuesConfig: {
    EVER: { description: 'Any time since the badge was defined (or within withinDays, if set).' },
    WEEK: { description: 'Within one calendar week.' },
    MONTH: { description: 'Within one calendar month ("five store visits in a month").' },
  },
});

@ObjectType('BadgeRule', { description: 'Which purchases count, how, and over which time.' })
export class BadgeRuleView {
  @Field(() => BadgeEvent)
  event!: BadgeEvent;

  @Field(() => Int, { description: 'How many of what `counting` counts complete the badge.' })
  count!: number;

  @Field(() => BadgeCounting)
  counting!: BadgeCounting;

  @Field(() => [String], { description: 'Only purchases in these channels count; empty: every channel.' })
  channels!: string[];

  @Field(() => String, { nullable: true, description: 'Only purchases in this store count.' })
  storeId!: string | null;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Only orders of at least this total (minor units).' })
  minAmount!: number | null;

  @Field(() => String, { nullable: true })
  minAmountCurrency!: string | null;

  @Field(() => BadgePeriod)
  period!: BadgePeriod;

  @Field(() => Int, { nullable: true, description: 'Within any span of this many days (a rolling window).' })
  withinDays!: number | null;

  @Field(() => EventTriggerShape, { nullable: true, description: 'CUSTOM_EVENT: the event type and its conditions.' })
  eventTrigger?: EventTriggerShape | null;

  @Field(() => BadgeStreakUnit, { nullable: true, description: 'A streak of count consecutive units of this.' })
  streak?: BadgeStreakUnit | null;
}

@ObjectType({ description: "Where a member's streak stands (streak badges)." })
export class BadgeStreakProgress {
  @Field(() => BadgeStreakUnit)
  unit!: BadgeStreakUnit;

  @Field(() => Int, {
    description: 'Consecutive units up to this one, or up to the last one while this one may still extend it.',
  })
  current!: number;

  @Field(() => Int, { description: 'The longest run of consecutive units so far.' })
  best!: number;

  @Field(() => Int, { description: 'Consecutive units that complete the badge.' })
  target!: number;

  @Field({ description: 'When the current unit (day, week, month) ends.' })
  unitEndsAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When the current streak breaks if no qualifying purchase or event comes; null without one.',
  })
  breaksAt!: Date | null;
}

@InputType({ description: 'Which purchases count, how, and over which time.' })
export class BadgeRuleInput {
  @Field(() => BadgeEvent, { defaultValue: BadgeEvent.PURCHASE })
  event!: BadgeEvent;

  @Field(() => Int, { description: 'How many of what `counting` counts complete the badge: 1 to 1000.' })
  count!: number;

  @Field(() => BadgeCounting, { defaultValue: BadgeCounting.PURCHASES })
  counting!: BadgeCounting;

  @Field(() => [String], {
    defaultValue: [],
    description: 'Only purchases in these channels count; none: every channel.',
  })
  channels!: string[];

  @Field(() => String, { nullable: true, description: 'Only purchases in this store count.' })
  storeId?: string | null;

  @Field(() => GraphQLSafeInt, {
    nullable: true,
    description: 'Only orders of at least this total, in minor units of minAmountCurrency.',
  })
  minAmount?: number | null;

  @Field(() => String, { nullable: true, description: "Default: the program's currency." })
  minAmountCurrency?: string | null;

  @Field(() => BadgePeriod, { defaultValue: BadgePeriod.EVER })
  period!: BadgePeriod;

  @Field(() => Int, {
    nullable: true,
    description: 'Within any span of this many days (1 to 366), instead of a calendar period.',
  })
  withinDays?: number | null;

  @Field(() => EventTriggerShape, {
    nullable: true,
    description:
      'CUSTOM_EVENT badges: the event type and conditions on its properties, as EVENT campaigns have them (no oncePer).',
  })
  eventTrigger?: EventTriggerShape | null;

  @Field(() => BadgeStreakUnit, {
    nullable: true,
    description:
      'A streak: at least one qualifying purchase or event in each of count consecutive units; period stays EVER, counting PURCHASES.',
  })
  streak?: BadgeStreakUnit | null;
}

@InputType({ description: 'A badge a marketer defines. Its key is never reused, even once retired.' })
export class BadgeInput {
  @Field({ description: 'lower-kebab-case, 2 to 48 characters.' })
  key!: string;

  @Field({ description: 'What members see, 1 to 80 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'How to earn it, in words members read; up to 500 characters.' })
  description?: string | null;

  @Field(() => BadgeRuleInput)
  rule!: BadgeRuleInput;

  @Field(() => Date, { nullable: true, description: 'A challenge: only what happens from this instant counts.' })
  startsAt?: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'A challenge: only what happens before this instant counts; it cannot complete after. In the future.',
  })
  endsAt?: Date | null;

  @Field(() => Int, {
    defaultValue: 0,
    description: "Points credited to the member's account on completion, once (0 to 1,000,000).",
  })
  pointsOnCompletion!: number;
}

@InputType({
  description: 'What may change on a badge: the fields given. Its rule stays; define a new badge to change it.',
})
export class BadgeUpdateInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Int, { nullable: true, description: 'Applies to completions from now on.' })
  pointsOnCompletion?: number | null;
}

@ObjectType({ description: 'An achievement members earn from what they do, defined by marketers.' })
export class Badge {
  @Field()
  key!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => BadgeRuleView)
  rule!: BadgeRuleView;

  @Field(() => Int, { description: 'Points credited on completion; 0 for none.' })
  pointsOnCompletion!: number;

  @Field({ description: 'Purchases from this instant count (when the badge was defined).' })
  countsFrom!: Date;

  @Field(() => Date, { nullable: true, description: 'Retired: nothing counts towards it any more.' })
  retiredAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'A challenge: what happens from this instant counts.' })
  startsAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'A challenge: its deadline; nothing from this instant counts.' })
  endsAt!: Date | null;
}

@ObjectType({ description: 'Where a member stands with one badge.' })
export class BadgeProgress {
  @Field(() => Badge)
  badge!: Badge;

  @Field(() => Int, { description: 'What counts so far in the current window (the target once completed).' })
  current!: number;

  @Field(() => Int)
  target!: number;

  @Field(() => [String], { description: 'Channels of the purchases counted (at completion, once completed).' })
  channels!: string[];

  @Field()
  completed!: boolean;

  @Field(() => Date, { nullable: true, description: 'When the purchase or event that completed it happened.' })
  completedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: "A challenge's deadline: it cannot complete from then on; null for badges without one.",
  })
  endsAt!: Date | null;

  @Field(() => BadgeStreakProgress, { nullable: true, description: 'Streak badges: the streak; null for others.' })
  streak!: BadgeStreakProgress | null;
}
