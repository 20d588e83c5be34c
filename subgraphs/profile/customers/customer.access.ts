import { requireCustomerAccess } from '../../../runtime/auth/authorize';
import type { Principal, Role } from '../../../runtime/auth/principal';

/** Who may read a profile besides its member: staff at the till, admins, and this graph's services. */
export const profileReaders: readonly Role[] = ['associate', 'admin', 'internal'];

export function requireProfileAccess(principal: Principal | null, customerId: string): void {
  requireCustomerAccess(principal, customerId, profileReaders);
}

/** A member's own identifiers in full: the member, admins and this graph's services; staff see them masked. */
export function seesIdentifiers(principal: Principal | null, customerId: string): boolean {
  if (!principal) return false;
  if (principal.role === 'member') return principal.subject === customerId;
  return principal.role === 'admin' || principal.role === 'internal';
}
