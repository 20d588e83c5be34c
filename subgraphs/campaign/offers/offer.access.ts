import { requireCustomerAccess } from '../../../runtime/auth/authorize';
import type { Principal, Role } from '../../../runtime/auth/principal';

/** Who may see what a member earns besides the member: staff, marketers, this graph's services. */
export const offerReaders: readonly Role[] = ['associate', 'marketer', 'admin', 'internal'];

/** Quotes are also asked by integrations before checkout. */
export const quoteReaders: readonly Role[] = [...offerReaders, 'service'];

export function requireOfferAccess(principal: Principal | null, customerId: string): void {
  requireCustomerAccess(principal, customerId, offerReaders);
}

export function requireQuoteAccess(principal: Principal | null, customerId: string): void {
  requireCustomerAccess(principal, customerId, quoteReaders);
}
