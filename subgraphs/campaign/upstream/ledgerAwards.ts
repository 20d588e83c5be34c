import type { InternalCredential } from '../../../runtime/auth/tokens';
import { callOperation } from '../../../runtime/http/operation';
import {
  awardPoints,
  recordReferralActivity,
  type AwardPointsInput,
  type ReferralActivityInput,
} from '../../ledger/contract/internalApi';

/** Asks the ledger to credit points the campaign subgraph awards (a completed badge) and to record referrals. */
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

  async recordReferral(input: ReferralActivityInput): Promise<void> {
    await callOperation(
      this.ledgerUrl(),
      recordReferralActivity,
      { input },
      { headers: { authorization: await this.credential.authorization() }, service: 'ledger service' },
    );
  }
}
