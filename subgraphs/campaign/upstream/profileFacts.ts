import type { InternalCredential } from '../../../runtime/auth/tokens';
import { graphqlRequest } from '../../../runtime/http/graphqlRequest';

const enrolledQuery = /* GraphQL */ `
  query CampaignCustomerEnrolled($id: ID!) {
    customer(id: $id) {
      enrolledAt
    }
  }
`;

/** Asks the profile subgraph when a member enrolled (for new-member campaigns). */
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
}
