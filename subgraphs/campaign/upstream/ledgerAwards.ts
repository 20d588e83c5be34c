import type { InternalCredential } from '../../../runtime/auth/tokens';
import { callOperation } from '../../../runtime/http/operation';
import { awardPoints, type AwardPointsInput } from '../../ledger/contract/internalApi';

/** Asks the ledger to credit points the campaign subgraph awards (a completed badge). */
export class LedgerAwards {
  constructor(
    private readonly ledgerUrl: () => string,
    private readonly credential: InternalCredential,
  ) {}

  async award(request: AwardPointsInput): Promise<void> {
    await callOperation(
      this.ledgerUrl(),
      awardPoints,
      { input: request },
      { headers: { authorization: await this.credential.authorization() }, service: 'ledger service' },
    );
  }
}
