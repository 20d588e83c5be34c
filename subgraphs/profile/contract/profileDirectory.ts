import type { InternalCredential } from '../../../runtime/auth/tokens';
import { graphqlRequest } from '../../../runtime/http/graphqlRequest';

const SERVICE = 'profile service';

const customerQuery = /* GraphQL */ `
  query CustomerExists($id: ID!) {
    customer(id: $id) {
      id
    }
  }
`;

/**
 * Asks the profile subgraph whether a customer exists: before the ledger opens an account for
 * them, and before a subgraph follows the events of a member it has no rows of.
 */
export class ProfileDirectory {
  constructor(
    private readonly profileUrl: () => string,
    private readonly credential: InternalCredential,
  ) {}

  async customerExists(customerId: string): Promise<boolean> {
    const data = await graphqlRequest<{ customer: { id: string } | null }>(
      this.profileUrl(),
      customerQuery,
      { id: customerId },
      { headers: { authorization: await this.credential.authorization() }, service: SERVICE },
    );
    return data.customer !== null;
  }
}
