import { defineOperation } from '../../../runtime/http/operation';

/*
 * The profile's internal API: the operations other subgraphs call on it (role `internal`), declared
 * here once, with the types of their variables and results. Callers send them with
 * `callOperation`; subgraphs/internalApi.test.ts validates each against the profile schema.
 */

/** The outbox events query field other subgraphs read the profile's events from (merges, consent, ...). */
export const profileEventsField = 'profileEvents';

/** Whether a customer exists (a merged id answers with its survivor). */
export const customerExists = defineOperation<{ id: string }, { customer: { id: string } | null }>(/* GraphQL */ `
  query CustomerExists($id: ID!) {
    customer(id: $id) {
      id
    }
  }
`);

/** Which of the ids name an erased profile (the ledger's bulk adjustments leave those members out). */
export const erasedCustomerIds = defineOperation<{ ids: string[] }, { erasedCustomerIds: string[] }>(/* GraphQL */ `
  query ErasedCustomerIds($ids: [ID!]!) {
    erasedCustomerIds(ids: $ids)
  }
`);

/**
 * The profiles of imported members by their key in the engine they came from (identifier
 * `LEGACY_MEMBER_ID`), for the ledger's balance, tier and order imports; unknown keys are left out.
 */
export const importedMemberIds = defineOperation<
  { keys: string[] },
  { importedMemberIds: Array<{ key: string; customerId: string }> }
>(/* GraphQL */ `
  query ImportedMemberIds($keys: [String!]!) {
    importedMemberIds(keys: $keys) {
      key
      customerId
    }
  }
`);

/** When a member enrolled (the campaign subgraph's new-member campaigns). */
export const customerEnrolled = defineOperation<{ id: string }, { customer: { enrolledAt: string } | null }>(
  /* GraphQL */ `
    query CampaignCustomerEnrolled($id: ID!) {
      customer(id: $id) {
        enrolledAt
      }
    }
  `,
);

export interface PersonName {
  givenName: string;
  familyName: string | null;
}

/** A member's name (the campaign subgraph's leaderboard display names). */
export const customerName = defineOperation<{ id: string }, { customer: PersonName | null }>(/* GraphQL */ `
  query CampaignCustomerName($id: ID!) {
    customer(id: $id) {
      givenName
      familyName
    }
  }
`);

/** What the campaign subgraph judges a referral by: when each side enrolled and their identities. */
export interface ReferralMember {
  id: string;
  enrolledAt: string;
  identities: Array<{ type: string; value: string }>;
}

/** The referrer and the friend of a referral, through the federated entry point (merged ids answer with their survivor). */
export const referralMembers = defineOperation<
  { representations: Array<{ __typename: 'Customer'; id: string }> },
  { _entities: Array<ReferralMember | null> }
>(/* GraphQL */ `
  query CampaignReferralMembers($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Customer {
        id
        enrolledAt
        identities {
          type
          value
        }
      }
    }
  }
`);

/** What the profile tells engagement about a member it writes to (consent it keeps itself). */
export interface ProfileMember {
  id: string;
  givenName: string;
  language: string | null;
  preferredChannel: string | null;
  birthday: string | null;
  identities: Array<{ type: string; value: string }>;
}

/**
 * Members by id through the federated entry point. A merged id resolves to the profile it was
 * merged into, so `id` may differ from the id asked for; every id of a request is read in one statement.
 */
export const members = defineOperation<
  { representations: Array<{ __typename: 'Customer'; id: string }> },
  { _entities: Array<ProfileMember | null> }
>(/* GraphQL */ `
  query EngagementMembers($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Customer {
        id
        givenName
        language
        preferredChannel
        birthday
        identities {
          type
          value
        }
      }
    }
  }
`);

/** Ids of members born on a month and day, not erased or merged away, a page at a time in id order. */
export const customersWithBirthday = defineOperation<
  { month: number; day: number; leapYear: boolean; after: string | null; first: number },
  { customersWithBirthday: string[] }
>(/* GraphQL */ `
  query CustomersWithBirthday($month: Int!, $day: Int!, $leapYear: Boolean!, $after: ID, $first: Int!) {
    customersWithBirthday(month: $month, day: $day, leapYear: $leapYear, after: $after, first: $first)
  }
`);
