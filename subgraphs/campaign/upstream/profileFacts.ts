import type { InternalCredential } from '../../../runtime/auth/tokens';
import { graphqlRequest } from '../../../runtime/http/graphqlRequest';

const enrolledQuery = /* GraphQL */ `
  query CampaignCustomerEnrolled($id: ID!) {
    customer(id: $id) {
      enrolledAt
    }
  }
`;

const nameQuery = /* GraphQL */ `
  query CampaignCustomerName($id: ID!) {
    customer(id: $id) {
      givenName
      familyName
    }
  }
`;

export interface PersonName {
  givenName: string;
  familyName: string | null;
}

/** Asks the profile subgraph when a member enrolled (for new-member campaigns) and their name (leaderboards). */
export class ProfileFacts {
  constructor(
    private readonly profileUrl: () => string,
    private readonly credential: InternalCredential,
  ) {}

  async enrolledAt(customerId: string): Promise<Date | null> {
    const data = await graphqlRequest<{ customer: { enrolledAt: string } | null }>(
      this.profileUrl(),
      enrolledQuery,
      { id: customerId },
      { headers: { authorization: await this.credential.authorization() }, service: 'profile service' },
    );
    return data.customer ? new Date(data.customer.enrolledAt) : null;
  }

  /** The member's name, to derive a leaderboard display name from and to keep it out of one; null if unknown. */
  async nameOf(customerId: string): Promise<PersonName | null> {
    const data = await graphqlRequest<{ customer: PersonName | null }>(
      this.profileUrl(),
      nameQuery,
      { id: customerId },
      { headers: { authorization: await this.credential.authorization() }, service: 'profile service' },
    );
    return data.customer;
  }
}
