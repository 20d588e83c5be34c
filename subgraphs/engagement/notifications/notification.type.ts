import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType } from '../../../runtime/pagination/connection';
import { MessageResponse } from '../responses/messageResponse.type';
import { NotificationChannel, NotificationKind, NotificationStatus } from './notification.rules';

registerEnumType(NotificationKind, { name: 'NotificationKind', description: 'What a message to a member is about.' });
registerEnumType(NotificationChannel, { name: 'NotificationChannel' });
registerEnumType(NotificationStatus, {
  name: 'NotificationStatus',
  description: 'Where a message is: waiting, handed to the provider, sent, failed, or not sent and why.',
});

@ObjectType({ description: 'A message the program sent a member, or decided not to send.' })
export class Notification {
  @Field(() => ID)
  id!: string;

  @Field(() => NotificationKind)
  kind!: NotificationKind;

  @Field(() => NotificationChannel, { nullable: true, description: 'None when the message was suppressed.' })
  channel!: NotificationChannel | null;

  @Field(() => NotificationStatus)
  status!: NotificationStatus;

  @Field(() => String, {
    nullable: true,
    description:
      'Why it was not sent: NO_CONSENT, NO_ADDRESS, ERASED (suppressed); PROVIDER_REFUSED, INTERRUPTED (failed).',
  })
  reason!: string | null;

  @Field({ description: 'The template language used, e.g. en or de.' })
  language!: string;

  @Field(() => String, { nullable: true, description: 'The address it went to (removed on erasure).' })
  recipient!: string | null;

  @Field(() => String, { nullable: true, description: 'Email only.' })
  subject!: string | null;

  @Field(() => String, { nullable: true })
  body!: string | null;

  @Field(() => Int)
  attempts!: number;

  @Field(() => String, {
    nullable: true,
    description: 'The provider that took it: smtp, sms-webhook, push-webhook, log.',
  })
  provider!: string | null;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @Field({ description: 'Not before this: the end of quiet hours, or the next retry.' })
  sendAfter!: Date;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  sentAt!: Date | null;

  @Field(() => [MessageResponse], {
    description: 'What the member did with it, oldest first: opened, clicked, used the voucher it carried (each once).',
  })
  responses!: MessageResponse[];
}

export const NotificationConnection = connectionType('Notification', Notification);

@ObjectType({ description: 'The text of one kind of message on one channel in one language.' })
export class NotificationTemplate {
  @Field(() => NotificationKind)
  kind!: NotificationKind;

  @Field(() => NotificationChannel)
  channel!: NotificationChannel;

  @Field({ description: 'ISO 639-1, e.g. en.' })
  language!: string;

  @Field(() => String, { nullable: true, description: 'Email only.' })
  subject!: string | null;

  @Field({ description: 'With {{placeholders}}: see `placeholders`.' })
  body!: string;

  @Field(() => [String], { description: 'The values this kind of message may use.' })
  placeholders!: string[];

  @Field({ description: "False for the built-in text; true once a marketer set this one's text." })
  custom!: boolean;

  @Field(() => Date, { nullable: true })
  updatedAt!: Date | null;
}

@InputType()
export class SetNotificationTemplateInput {
  @Field(() => NotificationKind)
  kind!: NotificationKind;

  @Field(() => NotificationChannel)
  channel!: NotificationChannel;

  @Field({ description: 'ISO 639-1, e.g. en, de, fr: members whose language starts with it get this text.' })
  language!: string;

  @Field(() => String, { nullable: true, description: 'Required for EMAIL; not used by SMS and push.' })
  subject?: string | null;

  @Field()
  body!: string;
}

@ObjectType({ description: 'What one run of the notifications job did.' })
export class NotificationRunReport {
  @Field(() => Int)
  eventsRead!: number;

  @Field(() => Int, { description: 'Messages decided: to send, or suppressed.' })
  decided!: number;

  @Field(() => Int)
  sent!: number;

  @Field(() => Int, { description: 'Attempts a provider refused (retried later, or FAILED).' })
  refused!: number;

  @Field(() => Int, { description: "Rewards' voucher events read for the redemptions of vouchers messages carried." })
  voucherEventsRead!: number;
}
