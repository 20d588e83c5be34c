import type { Queryable } from '../../../runtime/database/database';
import { balanceUpdatedEvent } from '../balanceUpdates/balanceUpdate.events';

export interface AccountWithCursor {
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
export const accountStore = {
  async findByCustomerIds(db: Queryable, customerIds: readonly string[]): Promise<AccountWithCursor[]> {
    const { rows } = await db.query<AccountWithCursor>(
      `select a.customer_id, a.balance, a.pending, a.lifetime_points, a.tier, a.tier_since, a.tier_review_at,
              a.last_activity_at,
              (select max(e.id) from ledger.events e
                where e.aggregate_id = a.customer_id::text and e.type = $2) as last_event_id
         from ledger.accounts a
        where a.customer_id = any($1::uuid[])`,
      [customerIds, balanceUpdatedEvent],
    );
    return rows;
  },

  async exists(db: Queryable, customerId: string): Promise<boolean> {
    const { rows } = await db.query('select 1 from ledger.accounts where customer_id = $1', [customerId]);
    return rows.length > 0;
  },
};
