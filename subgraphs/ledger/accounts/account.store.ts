import type { Queryable } from '../../../runtime/database/database';
import { balanceUpdatedEvent } from '../balanceUpdates/balanceUpdate.events';

export interface AccountWithCursor {
  /** The id asked for; `customer_id` is the account it resolves to (the survivor of a merge). */
  asked_id: string;
  customer_id: string;
  balance: number;
  pending: number;
  lifetime_points: number;
  tier: string | null;
  tier_since: Date | null;
  tier_review_at: Date | null;
  last_activity_at: Date | null;
  /** The newest BalanceUpdated event of this account, read in the same snapshot as the balance. */
  last_event_id: number | null;
}

/** SQL for reading `ledger.accounts`; postings go through AccountBook. */
/**
 * SQL: the account `customerId` (an SQL expression of type uuid) and the accounts merged into it,
 * as rows of `account_id`: what a member's history and totals read.
 */
export const accountAndMerged = (customerId: string): string =>
  `(select ${customerId} as account_id union all select m.customer_id from ledger.accounts m where m.merged_into = ${customerId})`;

export const accountStore = {
  /** Accounts by customer id, a merged id answering with its survivor's account. */
  async findByCustomerIds(db: Queryable, customerIds: readonly string[]): Promise<AccountWithCursor[]> {
    const { rows } = await db.query<AccountWithCursor>(
      `select asked.customer_id as asked_id, a.customer_id, a.balance, a.pending, a.lifetime_points, a.tier, a.tier_since, a.tier_review_at,
              a.last_activity_at,
              (select max(e.id) from ledger.events e
                where e.aggregate_id = a.customer_id::text and e.type = $2) as last_event_id
         from ledger.accounts asked
         join ledger.accounts a on a.customer_id = coalesce(asked.merged_into, asked.customer_id)
        where asked.customer_id = any($1::uuid[])`,
      [customerIds, balanceUpdatedEvent],
    );
    return rows;
  },

  /** The account an id posts to: itself, or the survivor it was merged into; undefined for no account. */
  async currentId(db: Queryable, customerId: string): Promise<string | undefined> {
    const { rows } = await db.query<{ id: string }>(
      'select coalesce(merged_into, customer_id) as id from ledger.accounts where customer_id = $1',
      [customerId],
    );
    return rows[0]?.id;
  },
};
