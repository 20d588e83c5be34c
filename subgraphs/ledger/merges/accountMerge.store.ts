import type { Queryable } from '../../../runtime/database/database';

/** SQL of a merge of accounts: who was merged, and the rows that follow the survivor. */
export const accountMergeStore = {
  /** True when the account `customerId` was already merged into another. */
  async isMerged(tx: Queryable, customerId: string): Promise<boolean> {
    const { rows } = await tx.query<{ merged_into: string | null }>(
      'select merged_into from ledger.accounts where customer_id = $1',
      [customerId],
    );
    return Boolean(rows[0]?.merged_into);
  },

  /** Moves the merged member's orders and returns to the survivor. */
  async moveOrdersAndReturns(tx: Queryable, mergedId: string, survivorId: string): Promise<void> {
    for (const table of ['orders', 'returns']) {
      await tx.query(`update ledger.${table} set customer_id = $1 where customer_id = $2`, [survivorId, mergedId]);
    }
  },

  /** Points the merged account, and the accounts merged into it before, at the survivor. */
  async markMerged(tx: Queryable, mergedId: string, survivorId: string, at: Date): Promise<void> {
    await tx.query(
      'update ledger.accounts set merged_into = $1, merged_at = $3 where customer_id = $2 or merged_into = $2',
      [survivorId, mergedId, at],
    );
  },
};
