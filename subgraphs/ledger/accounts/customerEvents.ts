import { GraphQLError } from 'graphql';
import { subscribeToCustomerEvents, type CustomerEventSource } from '../../../runtime/events/customerEventSubscription';
import type { LedgerContext } from '../context';
import { LedgerError, ledgerErrorCodes, LedgerErrorKind } from '../errors';
import { requireLedgerAccess } from './account.access';

/** A member's ledger events, for the member and staff who may read their points. */
const ledgerCustomerEvents: CustomerEventSource<LedgerContext> = {
  authorize: (context, customerId) => requireLedgerAccess(context.principal, customerId),
  async currentId(context, customerId) {
    try {
      // A merged member's id follows the account it was merged into.
      return await context.core.requireCustomer(customerId, 'the subscription');
    } catch (error) {
      if (!(error instanceof LedgerError)) throw error;
      if (error.kind === LedgerErrorKind.UnknownCustomer) return null;
      throw new GraphQLError(error.message, { extensions: { code: ledgerErrorCodes[error.kind] } });
    }
  },
};

/**
 * Subscribes to one member's ledger events of one contract's type (the resolver decodes them with
 * it); with `after`, first the events since that id.
 */
export const subscribeToLedgerEvents = (contract: { type: string }) =>
  subscribeToCustomerEvents([contract.type], ledgerCustomerEvents);
