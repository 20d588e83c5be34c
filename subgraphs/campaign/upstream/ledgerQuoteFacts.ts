import type { InternalCredential } from '../../../runtime/auth/tokens';
import { callOperation } from '../../../runtime/http/operation';
import { memberQuoteFacts, type MemberQuoteFacts } from '../../ledger/contract/internalApi';

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
    const data = await callOperation(
      this.ledgerUrl(),
      memberQuoteFacts,
      { customerId },
      { headers: { authorization: await this.credential.authorization() }, service: 'ledger service' },
    );
    return data.memberQuoteFacts;
  }
}
