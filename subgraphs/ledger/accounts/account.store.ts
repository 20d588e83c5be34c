import type { Queryable } from '../../../runtime/database/database';
import { balanceUpdatedEvent } from '../balanceUpdates/balanceUpdate.events';

export interface AccountRow {
  customer_id: string;
  balance: number;
  lifetime_points: number;
}

export interface AccountWithCursor extends AccountRow {
  /** The newest BalanceUpdated event of this account, read in the same snapshot as the balance. */
  last_event_id: number | null;
}

/** SQL for `ledger.accounts`, the per-customer balance kept equal to the sum of its entries. */
export const accountStore = {
  async findByCustomerIds(db: Queryable, customerIds: readonly string[]): Promise<AccountWithCursor[]> {
    const { rows } = await db.query<AccountWithCursor>(
      `select a.customer_id, a.balance, a.lifetime_points,
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

  /**
   * Opens the account if needed and locks it until the transaction ends, so concurrent postings to
   * one customer apply one after another on the current balance.
   */
  async lock(tx: Queryable, customerId: string): Promise<AccountRow> {
    await tx.query('insert into ledger.accounts (customer_id) values ($1) on conflict (customer_id) do nothing', [
      customerId,
    ]);
    const { rows } = await tx.query<AccountRow>(
      'select customer_id, balance, lifetime_points from ledger.accounts where customer_id = $1 for update',
      [customerId],
    );
    return rows[0]!;
  },

  async update(tx: Queryable, customerId: string, balance: number, earned: number): Promise<void> {
    await tx.query(
      `update ledger.accounts
          set balance = $2, lifetime_points = lifetime_points + $3, updated_at = now()
        where customer_id = $1`,
      [customerId, balance, earned],
    );
  },
};
