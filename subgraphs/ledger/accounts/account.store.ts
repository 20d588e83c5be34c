import type { Queryable } from '../../../runtime/database/database';

export interface AccountRow {
  customer_id: string;
  balance: number;
  lifetime_points: number;
}

/** SQL for `ledger.accounts`, the per-customer balance kept equal to the sum of its entries. */
export const accountStore = {
  async findByCustomerIds(db: Queryable, customerIds: readonly string[]): Promise<AccountRow[]> {
    const { rows } = await db.query<AccountRow>(
      'select customer_id, balance, lifetime_points from ledger.accounts where customer_id = any($1::uuid[])',
      [customerIds],
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
