import type { InternalCredential } from '../../../runtime/auth/tokens';
import { graphqlRequest } from '../../../runtime/http/graphqlRequest';

const awardMutation = /* GraphQL */ `
  mutation CampaignAwardPoints($input: AwardPointsInput!) {
    awardPoints(input: $input) {
      awardKey
    }
  }
`;

export interface PointsAwardRequest {
  /** The ledger's idempotency key: asking again credits nothing more. */
  awardKey: string;
  customerId: string;
  points: number;
  /** What the member reads in their history. */
  reason: string;
}

/** Asks the ledger to credit points the campaign subgraph awards (a completed badge). */
export class LedgerAwards {
  constructor(
    private readonly ledgerUrl: () => string,
    private readonly credential: InternalCredential,
  ) {}

  async award(request: PointsAwardRequest): Promise<void> {
    await graphqlRequest(
      this.ledgerUrl(),
      awardMutation,
      { input: request },
      { headers: { authorization: await this.credential.authorization() }, service: 'ledger service' },
    );
  }
}
