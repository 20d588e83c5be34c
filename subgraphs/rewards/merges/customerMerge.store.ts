import type { Queryable } from '../../../runtime/database/database';
import type { CustomerMerge } from '../../profile/contract/customerMerges';

/**
 * Applies a profile merge to rewards, in the caller's transaction: the merged member's redemptions
 * and vouchers become the survivor's (per-member limits then count both), and the merged id
 * redeems as the survivor from now on.
 */
export async function mergeRewards(tx: Queryable, merge: CustomerMerge): Promise<void> {
  for (const table of ['redemptions', 'vouchers']) {
    await tx.query(`update rewards.${table} set customer_id = $1 where customer_id = $2`, [
      merge.survivorId,
      merge.mergedId,
    ]);
  }
  await tx.query(
    `insert into rewards.merged_customers (merged_id, survivor_id) values ($2, $1)
     on conflict (merged_id) do update set survivor_id = excluded.survivor_id`,
    [merge.survivorId, merge.mergedId],
  );
  await tx.query('update rewards.merged_customers set survivor_id = $1 where survivor_id = $2', [
    merge.survivorId,
    merge.mergedId,
  ]);
}

/** The member an id redeems as: itself, or the survivor of a merge this subgraph has applied. */
export async function currentCustomerId(db: Queryable, customerId: string): Promise<string> {
  const { rows } = await db.query<{ survivor_id: string }>(
    'select survivor_id from rewards.merged_customers where merged_id = $1',
    [customerId],
  );
  return rows[0]?.survivor_id ?? customerId;
}
