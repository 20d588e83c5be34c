import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType } from '../../../runtime/pagination/connection';
import { EntryKind } from './journal.rules';

registerEnumType(EntryKind, { name: 'JournalEntryKind', description: 'What a journal entry records.' });

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

  @Field()
  createdAt!: Date;
}

export const JournalEntryConnection = connectionType('JournalEntry', JournalEntry);
