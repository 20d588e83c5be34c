import { requireCustomerAccess } from '../../../runtime/auth/authorize';
import type { Principal, Role } from '../../../runtime/auth/principal';

/** Who may read a member's points besides the member: staff at the till, admins, this graph's services. */
export const ledgerReaders: readonly Role[] = ['associate', 'admin', 'internal'];

export function requireLedgerAccess(principal: Principal | null, customerId: string): void {
  requireCustomerAccess(principal, customerId, ledgerReaders);
}
