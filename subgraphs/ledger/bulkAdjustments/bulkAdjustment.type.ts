import { ArrayMinSize, IsInt, IsOptional, Length, Max, Min, NotEquals } from 'class-validator';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType } from '../../../runtime/pagination/connection';
import { IsUuid } from '../../../runtime/validation/validators';

/** The most members one bulk adjustment takes by default (a list, or a segment's members when it starts). */
export const maxBulkAdjustmentMembers = 100_000;

export enum BulkAdjustmentState {
  RUNNING = 'RUNNING',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
}

registerEnumType(BulkAdjustmentState, {
  name: 'BulkAdjustmentState',
  description: 'Where a bulk adjustment is.',
  valuesConfig: {
    RUNNING: { description: 'Members are being adjusted, in the background.' },
    COMPLETED: { description: 'Every member was tried; those that could not be adjusted are in `errors`.' },
    FAILED: { description: 'Every member was tried and not one could be adjusted (see `errors`).' },
  },
});

@InputType({ description: 'Who a bulk adjustment is for, and how many points: a segment or a list of members.' })
export class BulkAdjustmentPreviewInput {
  @Field(() => String, {
    nullable: true,
    description: "A segment's key (built-in or a marketer's): its members when the job starts. Or `customerIds`.",
  })
  @IsOptional()
  @Length(1, 100)
  segmentKey?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: `The members, by id (at most ${maxBulkAdjustmentMembers.toLocaleString('en')}; a repeated id counts once). Or \`segmentKey\`.`,
  })
  @IsOptional()
  @ArrayMinSize(1)
  @IsUuid({ each: true })
  customerIds?: string[] | null;

  @Field(() => GraphQLSafeInt, { description: 'Signed, for each member: positive credits, negative debits. Not zero.' })
  @IsInt()
  @NotEquals(0)
  @Min(-Number.MAX_SAFE_INTEGER)
  @Max(Number.MAX_SAFE_INTEGER)
  points!: number;
}

@InputType({ description: "A manual correction of many members' points, run in the background." })
export class StartBulkAdjustmentInput extends BulkAdjustmentPreviewInput {
  @Field({ description: 'Why; each member sees it in their history and it is kept with your name.' })
  @Length(3, 500)
  reason!: string;

  @Field({
    description:
      'Required: the same key again answers with the same job (and adjusts no one twice); with other content, CONFLICT.',
  })
  @Length(1, 128)
  idempotencyKey!: string;
}

@ObjectType({ description: 'What a bulk adjustment would do, now: nothing is changed.' })
export class BulkAdjustmentPreview {
  @Field(() => Int, { description: 'Members it would adjust (distinct ids; a segment: its members now).' })
  members!: number;

  @Field(() => GraphQLSafeInt, { description: 'Points it would credit (positive) or debit (negative) in all.' })
  totalPoints!: number;

  @Field(() => Int, {
    description: 'Members a debit would take below zero (they would fail with INSUFFICIENT_POINTS); 0 for a credit.',
  })
  wouldOverdraw!: number;
}

@ObjectType({ description: 'A member a bulk adjustment could not adjust, and why.' })
export class BulkAdjustmentError {
  @Field(() => ID)
  customerId!: string;

  @Field({ description: 'As `adjustPoints` would answer: NOT_FOUND, INSUFFICIENT_POINTS, CONFLICT, ...' })
  code!: string;

  @Field()
  message!: string;
}

export const BulkAdjustmentErrorConnection = connectionType('BulkAdjustmentError', BulkAdjustmentError);

@ObjectType({ description: 'A bulk adjustment and its progress.' })
export class BulkAdjustment {
  @Field(() => ID)
  id!: string;

  @Field(() => BulkAdjustmentState)
  state!: BulkAdjustmentState;

  @Field(() => String, { nullable: true, description: 'The segment it was for; null for a list.' })
  segmentKey!: string | null;

  @Field(() => Int, { description: 'Members, fixed when it started.' })
  total!: number;

  @Field(() => Int, { description: 'Members tried so far, adjusted or failed.' })
  processed!: number;

  @Field(() => Int, { description: 'Members that could not be adjusted (see `errors`).' })
  failed!: number;

  @Field(() => GraphQLSafeInt, { description: 'Points for each member.' })
  points!: number;

  @Field()
  reason!: string;

  @Field({ description: 'role:subject of who started it.' })
  actor!: string;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;
}

export const BulkAdjustmentConnection = connectionType('BulkAdjustment', BulkAdjustment);
