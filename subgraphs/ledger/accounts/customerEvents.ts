import type { SubscribeResolverData } from 'type-graphql';
import { userInputError } from '../../../runtime/errors/graphqlErrors';
import { isUuid } from '../../../runtime/validation/validators';
import type { LedgerContext } from '../context';
import { requireLedgerAccess } from './account.access';
import { accountStore } from './account.store';

export interface CustomerEventArgs {
  customerId: string;
  after?: string | null;
}

/**
 * Subscribes to one member's events of `type` from the ledger's outbox, for the member and staff
 * who may read their points; with `after`, first the events since that id.
 */
export function subscribeToCustomerEvents(type: string) {
  return async ({ args, context }: SubscribeResolverData<unknown, CustomerEventArgs, LedgerContext>) => {
    if (!isUuid(args.customerId)) {
      throw userInputError('customerId must be a customer id (UUID)', { argument: 'customerId' });
    }
    requireLedgerAccess(context.principal, args.customerId);
    let after: number | undefined;
    if (args.after !== undefined && args.after !== null) {
      after = Number(args.after);
      if (!Number.isSafeInteger(after) || after < 0) {
        throw userInputError('after must be an event id', { argument: 'after' });
      }
      // A cursor from the future would silently skip every event up to it.
      const { rows } = await context.db.query<{ newest: number | null }>('select max(id) as newest from ledger.events');
      if (after > (rows[0]?.newest ?? 0)) {
        throw userInputError('after is newer than any event; pass an eventId or lastEventId you received', {
          argument: 'after',
        });
      }
    }
    // A merged member's id follows the account it was merged into.
    const accountId = (await accountStore.currentId(context.db, args.customerId)) ?? args.customerId;
    return context.events.subscribe({ after, filter: { aggregateId: accountId, types: [type] } });
  };
}
