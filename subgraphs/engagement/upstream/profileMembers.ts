import type { InternalCredential } from '../../../runtime/auth/tokens';
import { graphqlRequest } from '../../../runtime/http/graphqlRequest';

// The profile resolves a merged id to the profile it was merged into, so `id` may differ from the
// id asked for; every id of a request is read in one statement there.
const membersQuery = /* GraphQL */ `
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
`;

const birthdaysQuery = /* GraphQL */ `
  query EngagementBirthdays($month: Int!, $day: Int!, $leapYear: Boolean!, $after: ID, $first: Int!) {
    customersWithBirthday(month: $month, day: $day, leapYear: $leapYear, after: $after, first: $first)
  }
`;

/** What the profile tells engagement about a member it writes to (consent it keeps itself). */
export interface ProfileMember {
  id: string;
  givenName: string;
  language: string | null;
  preferredChannel: string | null;
  birthday: string | null;
  identities: Array<{ type: string; value: string }>;
}

/** Asks the profile subgraph, through its federated entry points, for members' names and addresses and for birthdays. */
export class ProfileMembers {
  constructor(
    private readonly profileUrl: () => string,
    private readonly credential: InternalCredential,
  ) {}

  /** The members behind `ids` (a merged id answers with its survivor), keyed by the id asked for. */
  async byIds(ids: readonly string[]): Promise<Map<string, ProfileMember>> {
    const asked = [...new Set(ids)];
    if (asked.length === 0) return new Map();
    const data = await this.request<{ _entities: Array<ProfileMember | null> }>(membersQuery, {
      representations: asked.map((id) => ({ __typename: 'Customer', id })),
    });
    const found = new Map<string, ProfileMember>();
    data._entities.forEach((member, index) => {
      if (member) found.set(asked[index]!, member);
    });
    return found;
  }

  /** Ids of members born on a month and day, not erased or merged away, a page at a time in id order. */
  async birthdays(
    date: { month: number; day: number; leapYear: boolean },
    after: string | null,
    first: number,
  ): Promise<string[]> {
    const data = await this.request<{ customersWithBirthday: string[] }>(birthdaysQuery, { ...date, after, first });
    return data.customersWithBirthday;
  }

  private async request<Data>(query: string, variables: Record<string, unknown>): Promise<Data> {
    return graphqlRequest<Data>(this.profileUrl(), query, variables, {
      headers: { authorization: await this.credential.authorization() },
      service: 'profile service',
    });
  }
}
