import type { InternalCredential } from '../../../runtime/auth/tokens';
import { graphqlRequest } from '../../../runtime/http/graphqlRequest';

const quoteFactsQuery = /* GraphQL */ `
  query CampaignMemberQuoteFacts($customerId: ID!) {
    memberQuoteFacts(customerId: $customerId) {
      customerId
      tier {
        name
        multiplierPercent
      }
      purchasesBefore
      channelsBefore
    }
  }
`;

/** What the ledger quotes a member's next purchase with: the account it posts to, the tier, the purchases before it. */
export interface MemberQuoteFacts {
  customerId: string;
  tier: { name: string; multiplierPercent: number } | null;
  purchasesBefore: number;
  channelsBefore: string[];
}

/**
 * Asks the ledger, which owns tiers and purchases, what it will claim a member's next purchase with,
 * so that a `pointsQuote` is the quote of the purchase that follows it.
 */
export class LedgerQuoteFacts {
  constructor(
    private readonly ledgerUrl: () => string,
    private readonly credential: InternalCredential,
  ) {}

  async of(customerId: string): Promise<MemberQuoteFacts> {
    const data = await graphqlRequest<{ memberQuoteFacts: MemberQuoteFacts }>(
      this.ledgerUrl(),
      quoteFactsQuery,
      { customerId },
      { headers: { authorization: await this.credential.authorization() }, service: 'ledger service' },
    );
    return data.memberQuoteFacts;
  }
}
