import { forbidden, requireCustomerAccess } from '../../../runtime/auth/authorize';
import type { Principal, Role } from '../../../runtime/auth/principal';
import { userInputError } from '../../../runtime/errors/graphqlErrors';

/**
 * Who may read a member's transfers besides the member: admins and this graph's services. Not staff
 * at the till: a transfer's note is a personal message (the journal shows the points to them).
 */
export const transferReaders: readonly Role[] = ['admin', 'internal'];

export function requireTransferAccess(principal: Principal | null, customerId: string): void {
  requireCustomerAccess(principal, customerId, transferReaders);
}

/**
 * The member a caller may give points from: a member their own (naming another is FORBIDDEN), an
 * admin the member they name. Callers in other roles are refused before this (`@Authorized`).
 */
export function transferGiver(principal: Principal, fromCustomerId: string | null): string {
  switch (principal.role) {
    case 'member':
      if (fromCustomerId !== null && fromCustomerId !== principal.subject) {
        throw forbidden('A member may only give their own points');
      }
      return principal.subject;
    case 'admin':
      if (fromCustomerId === null) {
        throw userInputError('Name the member who gives the points', { argument: 'fromCustomerId' });
      }
      return fromCustomerId;
    default:
      throw forbidden(`A ${principal.role} may not transfer points`);
  }
}
