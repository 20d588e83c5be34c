import {
  array,
  boolean,
  defineEvent,
  described,
  eventContracts,
  integer,
  json,
  nullable,
  object,
  optional,
  record,
  string,
  time,
  type Decoded,
} from '../../../runtime/events/eventContract';

const customerId = described(string, 'The profile the event is about (its current id).');

const customerEnrolledPayload = object({
  customerId: described(string, 'The new profile.'),
  channel: described(string, 'Where the member signed up (`IN_STORE`, `ONLINE`, `MOBILE_APP`, ...).'),
  storeId: described(nullable(string), 'The store of an in-store sign-up; null elsewhere.'),
});

const customerPayload = object({ customerId });

const profileUpdatedPayload = object({
  customerId,
  // Written since campaign segments on attributes (issue 26); older events name only the customer.
  attributes: described(
    optional(record(json)),
    "The member's free-form attributes after the change, whole; absent on older events.",
  ),
});

const consentChangedPayload = object({
  customerId,
  // Written since engagement keeps its own view of consent (issue 24); older events name only the customer.
  channel: described(optional(string), 'The channel answered for (`EMAIL`, `SMS`, `PUSH`); absent on older events.'),
  granted: described(optional(boolean), 'Whether the member may be written to on it; absent on older events.'),
});

const customersMergedPayload = object({
  survivorId: described(string, 'The profile that remains: the merged id answers with it from now on.'),
  mergedId: described(string, 'The profile merged into the survivor; no longer a profile of its own.'),
  reason: described(string, 'Why the profiles were merged, as the admin gave it.'),
});

const customerErasedPayload = object({
  customerId: described(string, 'The erased profile (and the profiles merged into it, erased with it).'),
  reason: described(string, 'Why the data was erased, as the admin gave it (the audit entry).'),
});

const feedbackRecordedPayload = object({
  customerId,
  score: described(integer, 'The NPS answer, 0 to 10.'),
  channel: described(string, 'Where the answer was given (`IN_STORE`, `ONLINE`, `MOBILE_APP`, ...).'),
});

const membersImportedPayload = object({
  jobId: described(string, 'The import job the batch belongs to.'),
  imported: described(integer, 'How many members the batch created.'),
  consents: described(
    array(
      object({
        channel: described(string, 'The channel answered for (`EMAIL`, `SMS`, `PUSH`).'),
        granted: described(boolean, 'Whether they may be written to on it, as the old engine knew.'),
        customerIds: described(array(string), 'The imported profiles that gave this answer on this channel.'),
      }),
    ),
    "The imported members' consent, grouped by channel and answer (at most one group of each; members without an answer are in none).",
  ),
});

const customerEventTrackedPayload = object({
  customerId: described(string, 'The profile the event is about (the survivor, when it was sent for a merged id).'),
  eventId: described(string, "The event in the customer's timeline (`CustomerEvent.id`)."),
  type: described(string, 'The event type: `cart.updated`, `review.submitted`, ...'),
  typeVersion: described(integer, 'The version of the type the properties were checked against.'),
  properties: described(
    record(json),
    'The properties as the type defines them: strings, numbers, booleans, money (`{ amount, currency }`, minor units) and SKU lists; emptied (`{}`) when the customer is erased.',
  ),
  occurredAt: described(time, 'When it happened, as the sender said (or when it was recorded).'),
  channel: described(string, 'Where it happened (`ONLINE`, `MOBILE_APP`, `IN_STORE`, ...).'),
});

export type CustomerEnrolledPayload = Decoded<typeof customerEnrolledPayload>;
export type ProfileChangedPayload = Decoded<typeof customerPayload>;
export type ProfileUpdatedPayload = Decoded<typeof profileUpdatedPayload>;
export type ConsentChangedPayload = Decoded<typeof consentChangedPayload>;
export type CustomersMergedPayload = Decoded<typeof customersMergedPayload>;
export type CustomerErasedPayload = Decoded<typeof customerErasedPayload>;
export type FeedbackRecordedPayload = Decoded<typeof feedbackRecordedPayload>;
export type MembersImportedPayload = Decoded<typeof membersImportedPayload>;
export type CustomerEventTrackedPayload = Decoded<typeof customerEventTrackedPayload>;

/** A MembersImported batch's consent as one answer per member and channel (the payload groups them). */
export function importedConsentAnswers(
  payload: MembersImportedPayload,
): Array<{ customerId: string; channel: string; granted: boolean }> {
  return payload.consents.flatMap(({ channel, granted, customerIds }) =>
    customerIds.map((customerId) => ({ customerId, channel, granted })),
  );
}

/**
 * The events the profile subgraph writes to its outbox: the contract its consumers decode with
 * (docs/reference/events.md is generated from it).
 */
export const profileEvents = eventContracts('profile', {
  CustomerEnrolled: defineEvent({
    owner: 'profile',
    type: 'CustomerEnrolled',
    aggregate: 'customer',
    description: 'A new member enrolled, with a new card number: the sign-up the campaign engine can reward.',
    payload: customerEnrolledPayload,
  }),
  ProfileUpdated: defineEvent({
    owner: 'profile',
    type: 'ProfileUpdated',
    aggregate: 'customer',
    description:
      "A member's name, birthday, preferences or attributes changed (the attributes ride in it; read the profile for the rest).",
    payload: profileUpdatedPayload,
  }),
  ConsentChanged: defineEvent({
    owner: 'profile',
    type: 'ConsentChanged',
    aggregate: 'customer',
    description: 'A member answered whether they may be written to on a channel (the history is kept).',
    payload: consentChangedPayload,
  }),
  MemberCardRotated: defineEvent({
    owner: 'profile',
    type: 'MemberCardRotated',
    aggregate: 'customer',
    description: 'A member got a new card number; the old number and its scan code stopped resolving.',
    payload: customerPayload,
  }),
  CustomersMerged: defineEvent({
    owner: 'profile',
    type: 'CustomersMerged',
    aggregate: 'customer (the merged one)',
    description: 'Two profiles of one person became one; the other subgraphs move their records to the survivor.',
    payload: customersMergedPayload,
  }),
  CustomerErased: defineEvent({
    owner: 'profile',
    type: 'CustomerErased',
    aggregate: 'customer',
    description: "A member's personal data was erased (GDPR); the event is the audit entry.",
    payload: customerErasedPayload,
  }),
  FeedbackRecorded: defineEvent({
    owner: 'profile',
    type: 'FeedbackRecorded',
    aggregate: 'customer',
    description: 'A member answered the NPS question.',
    payload: feedbackRecordedPayload,
  }),
  MembersImported: defineEvent({
    owner: 'profile',
    type: 'MembersImported',
    aggregate: 'import job',
    description:
      'A batch of members came from another loyalty engine (an import job): history, not sign-ups, so nothing welcomes them; engagement takes their consent from it.',
    payload: membersImportedPayload,
  }),
  CustomerEventTracked: defineEvent({
    owner: 'profile',
    type: 'CustomerEventTracked',
    aggregate: 'customer',
    description:
      "A custom event (`trackEvent`) was recorded in a customer's timeline: what campaign triggers and segments will follow.",
    payload: customerEventTrackedPayload,
  }),
});
