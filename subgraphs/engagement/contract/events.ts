import {
  defineEvent,
  described,
  eventContracts,
  nullable,
  object,
  oneOf,
  string,
  time,
  type Decoded,
} from '../../../runtime/events/eventContract';

/** How a member answered a message: first open, first click, and the use of the offer it carried. */
export const messageResponses = ['OPENED', 'CLICKED', 'REDEEMED'] as const;
export type MessageResponseKind = (typeof messageResponses)[number];

const messageSent = object({
  messageId: described(string, 'The message (`Notification.id`).'),
  customerId: string,
  kind: described(string, 'What it is about (`NotificationKind`: `VOUCHER_ISSUED`, `ABSENCE_OFFER`, ...).'),
  channel: described(string, '`EMAIL`, `SMS` or `PUSH`.'),
  campaignKey: described(
    nullable(string),
    "The campaign side's key it was sent for (an absence trigger's key); null for the program's own messages.",
  ),
  rewardId: described(nullable(string), 'The reward of the voucher it carries, or null.'),
  voucherId: described(
    nullable(string),
    'The voucher it carries (null when none, or when the voucher was not issued yet at sending).',
  ),
  sentAt: described(time, 'When the provider took it.'),
});

const messageResponded = object({
  messageId: described(string, 'The message (`Notification.id`).'),
  customerId: string,
  kind: described(string, 'What the message was about (`NotificationKind`).'),
  campaignKey: described(nullable(string), 'As in its `MessageSent`.'),
  response: described(oneOf(...messageResponses), 'What the member did; each is recorded once per message.'),
  occurredAt: described(time, 'When they did it (the provider or app says; the voucher use for `REDEEMED`).'),
});

export type MessageSentPayload = Decoded<typeof messageSent>;
export type MessageRespondedPayload = Decoded<typeof messageResponded>;

/**
 * The events the engagement subgraph writes to its outbox: the contract its consumers decode with
 * (docs/reference/events.md is generated from it).
 */
export const engagementEvents = eventContracts('engagement', {
  MessageSent: defineEvent({
    owner: 'engagement',
    type: 'MessageSent',
    aggregate: 'customer id',
    description: 'A provider took a message to a member (once per message; suppressed and failed ones are not sent).',
    payload: messageSent,
  }),
  MessageResponded: defineEvent({
    owner: 'engagement',
    type: 'MessageResponded',
    aggregate: 'customer id',
    description:
      'A member opened or clicked a message, or used the voucher it carried: once per message and response (the first open wins).',
    payload: messageResponded,
  }),
});
