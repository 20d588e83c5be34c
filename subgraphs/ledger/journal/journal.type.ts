import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType } from '../../../runtime/pagination/connection';
import { EntryKind, SourceType } from './journal.rules';

registerEnumType(EntryKind, { name: 'JournalEntryKind', description: 'What a journal entry records.' });
registerEnumType(SourceType, {
  name: 'JournalSourceType',
  description:
    'What caused a journal entry: a purchase, a return, a redemption, a campaign, a person (adjustment), expiry, an activity, a profile merge or a transfer between members.',
});

@ObjectType({ description: "One line of a member's points journal. Entries are never changed, only added." })
export class JournalEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => EntryKind)
  kind!: EntryKind;

  @Field(() => GraphQLSafeInt, { description: 'Signed: credits positive, debits negative.' })
  points!: number;

  @Field(() => GraphQLSafeInt)
  balanceAfter!: number;

  @Field()
  reason!: string;

  @Field(() => ID, { nullable: true, description: 'The order behind the entry, if any.' })
  orderId!: string | null;

  @Field(() => SourceType)
  sourceType!: SourceType;

  @Field(() => ID, {
    description: 'The purchase, return, redemption, adjustment, lot or transfer the entry comes from.',
  })
  sourceId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The earning rule or campaign, for EARN, BONUS and their reversals.',
  })
  ruleId!: string | null;

  @Field()
  createdAt!: Date;
}

export const JournalEntryConnection = connectionType('JournalEntry', JournalEntry);

@InputType({ description: 'Narrows a history to some kinds of entries and a time range.' })
export class JournalFilterInput {
  @Field(() => [EntryKind], { nullable: true })
  kinds?: EntryKind[] | null;

  @Field(() => Date, { nullable: true, description: 'Entries at or after this time.' })
  since?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Entries before this time.' })
  until?: Date | null;
}
