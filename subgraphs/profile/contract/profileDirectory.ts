import type { InternalCredential } from '../../../runtime/auth/tokens';
import { callOperation } from '../../../runtime/http/operation';
import { customerExists, erasedCustomerIds } from './internalApi';

const SERVICE = 'profile service';

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
    const data = await callOperation(
      this.profileUrl(),
      customerExists,
      { id: customerId },
      { headers: { authorization: await this.credential.authorization() }, service: SERVICE },
    );
    return data.customer !== null;
  }

  /** Which of `ids` name an erased profile. */
  async erasedAmong(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const data = await callOperation(
      this.profileUrl(),
      erasedCustomerIds,
      { ids },
      { headers: { authorization: await this.credential.authorization() }, service: SERVICE },
    );
    return new Set(data.erasedCustomerIds);
  }
}
