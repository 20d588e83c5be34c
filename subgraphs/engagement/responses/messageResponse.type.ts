import { IsOptional } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BatchItemError } from '../../../runtime/schema/batchItems';
import { IsUuid } from '../../../runtime/validation/validators';
import type { MessageResponseKind } from './messageResponse.rules';

/** The GraphQL enum of the contract's responses (the same names). */
export enum MessageResponseType {
  OPENED = 'OPENED',
  CLICKED = 'CLICKED',
  REDEEMED = 'REDEEMED',
}

registerEnumType(MessageResponseType, {
  name: 'MessageResponseType',
  description: 'How a member answered a message.',
  valuesConfig: {
    OPENED: { description: 'Opened it (the provider saw the open, or the app showed it). A click is also an open.' },
    CLICKED: { description: 'Followed a link in it.' },
    REDEEMED: { description: 'Used the voucher it carried: recorded when the voucher is consumed.' },
  },
});

@ObjectType({ description: 'A response to a message, recorded once: the first open, the first click, the redemption.' })
export class MessageResponse {
  @Field(() => ID, { description: 'The message (`Notification.id`).' })
  messageId!: string;

  @Field(() => MessageResponseType)
  response!: MessageResponseKind;

  @Field({ description: 'When the member did it.' })
  occurredAt!: Date;

  @Field({ description: 'When it was recorded.' })
  recordedAt!: Date;
}

@InputType({ description: "A provider's or app's report that a member opened or clicked a message." })
export class RecordMessageResponseInput {
  @Field(() => ID, { description: 'The message (`Notification.id`, sent to the provider as the message id).' })
  @IsUuid()
  messageId!: string;

  @Field(() => MessageResponseType, {
    description: 'OPENED or CLICKED (a click records the open too); REDEEMED for an offer used outside the graph.',
  })
  response!: MessageResponseType;

  @Field(() => Date, {
    nullable: true,
    description:
      'When it happened; absent: now. Not before the message was sent, not in the future (5 minutes of clock skew allowed).',
  })
  @IsOptional()
  occurredAt?: Date | null;
}

@ObjectType()
export class RecordMessageResponseResult {
  @Field(() => Int, { description: 'The position of the item in `inputs`, from 0.' })
  index!: number;

  @Field(() => MessageResponse, {
    nullable: true,
    description: 'The recorded response (a retry: the first); null on failure.',
  })
  response!: MessageResponse | null;

  @Field(() => BatchItemError, { nullable: true, description: 'Why the item was not recorded; null on success.' })
  error!: BatchItemError | null;
}
