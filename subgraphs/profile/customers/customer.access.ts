import { requireCustomerAccess } from '../../../runtime/auth/authorize';
import type { Principal, Role } from '../../../runtime/auth/principal';

/** Who may read a profile besides its member: staff at the till, admins, and this graph's services. */
export const profileReaders: readonly Role[] = ['associate', 'admin', 'internal'];

export function requireProfileAccess(principal: Principal | null, customerId: string): void {
  requireCustomerAccess(principal, customerId, profileReaders);
}
