import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType } from '../../../runtime/pagination/connection';
import { WebhookDeliveryStatus } from './webhook.rules';

registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'Where a webhook delivery stands; DEAD deliveries are the dead-letter list.',
});

@ObjectType({ description: "An integration's endpoint: where the program POSTs the events it subscribed to, signed." })
export class WebhookEndpoint {
  @Field(() => ID)
  id!: string;

  @Field()
  url!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => [String], { description: 'Event type names (see webhookEventTypes), or ["*"] for all.' })
  eventTypes!: string[];

  @Field({ description: 'A disabled endpoint gets no new events; its pending deliveries wait until it is enabled.' })
  enabled!: boolean;

  @Field({ description: 'The signing secret is shown once, when issued; this is its last four characters.' })
  secretHint!: string;

  @Field(() => Date, {
    nullable: true,
    description: 'Until when deliveries are also signed with the secret a rotation replaced.',
  })
  previousSecretExpiresAt!: Date | null;

  @Field()
  createdAt!: Date;

  @Field(() => String, { nullable: true, description: 'role:subject of the admin who registered it.' })
  createdBy!: string | null;

  @Field()
  updatedAt!: Date;

  @Field(() => String, { nullable: true, description: 'role:subject of the admin who last changed it.' })
  updatedBy!: string | null;
}

@ObjectType({ description: 'An endpoint with its newly issued signing secret: store it now, it is not shown again.' })
export class WebhookEndpointSecret {
  @Field(() => WebhookEndpoint)
  endpoint!: WebhookEndpoint;

  @Field({ description: 'The HMAC-SHA256 key of the Loyalty-Signature header.' })
  secret!: string;
}

@ObjectType({ description: 'One event on its way to one endpoint: the delivery log.' })
export class WebhookDelivery {
  @Field(() => ID, { description: 'Also sent as the Loyalty-Webhook-Id header, the same on every attempt.' })
  id!: string;

  @Field(() => ID)
  endpointId!: string;

  @Field({ description: 'The service whose outbox has the event: profile, ledger, rewards or campaign.' })
  source!: string;

  @Field(() => Int, { description: "The event's id in its service's outbox." })
  eventId!: number;

  @Field()
  eventType!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The customer the event is about, if any: deliveries to them go in order.',
  })
  customerId!: string | null;

  @Field(() => Int, { description: "0 for the event's delivery as it happened; a replay's number otherwise." })
  replay!: number;

  @Field(() => WebhookDeliveryStatus)
  status!: WebhookDeliveryStatus;

  @Field(() => Int, { description: 'Attempts made (counted when an attempt starts).' })
  attempts!: number;

  @Field(() => Int, { nullable: true, description: "The HTTP status of the last attempt's answer; null without one." })
  lastStatusCode!: number | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed.' })
  lastError!: string | null;

  @Field(() => Date, { nullable: true, description: 'When a PENDING delivery is tried next.' })
  nextAttemptAt!: Date | null;

  @Field(() => Date, { nullable: true })
  deliveredAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'role:subject of the admin who replayed or re-queued it.' })
  requestedBy!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => GraphQLJSONObject, {
    description: 'The body the endpoint receives: { id, source, type, occurredAt, data }.',
  })
  payload!: object;
}

export const WebhookDeliveryConnection = connectionType('WebhookDelivery', WebhookDelivery);

@ObjectType({ description: 'Past events queued again for one endpoint, as new deliveries.' })
export class WebhookReplay {
  @Field(() => Int, { description: "The replay's number, on each of its deliveries." })
  replay!: number;

  @Field(() => Int, { description: 'Deliveries queued.' })
  enqueued!: number;

  @Field(() => Int, {
    description: 'The last event queued (afterEventId when none): pass it as afterEventId to go on.',
  })
  lastEventId!: number;

  @Field({ description: 'True when the cap was reached: more events may follow lastEventId.' })
  hasMore!: boolean;
}

@InputType()
export class RegisterWebhookEndpointInput {
  @Field({ description: 'An http or https URL without credentials.' })
  url!: string;

  @Field(() => [String], { description: 'Event type names (see webhookEventTypes), or ["*"] for all.' })
  eventTypes!: string[];

  @Field(() => String, { nullable: true })
  description?: string | null;
}

@InputType({ description: 'The fields to change; those left out stay as they are.' })
export class UpdateWebhookEndpointInput {
  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => [String], { nullable: true })
  eventTypes?: string[] | null;

  @Field(() => String, { nullable: true, description: 'An empty string clears it.' })
  description?: string | null;
}
