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

  /**
   * Locks the accounts merged into `customerId` before (those markMerged points on), in id order. A
   * merge takes these before the two accounts it merges: opening a merged id's book locks that
   * account and then its survivor's, so taking them after the survivor's could wait in a cycle.
   */
  async lockMergedInto(tx: Queryable, customerId: string): Promise<void> {
    await tx.query('select customer_id from ledger.accounts where merged_into = $1 order by customer_id for update', [
      customerId,
    ]);
  },

  /** Points the merged account, and the accounts merged into it before, at the survivor. */
  async markMerged(tx: Queryable, mergedId: string, survivorId: string, at: Date): Promise<void> {
    await tx.query(
      'update ledger.accounts set merged_into = $1, merged_at = $3 where customer_id = $2 or merged_into = $2',
      [survivorId, mergedId, at],
    );
  },
};
