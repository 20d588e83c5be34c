import type { Queryable } from '../../../runtime/database/database';

export interface AccountTier {
  customer_id: string;
  tier: string | null;
  tier_since: Date | null;
  tier_review_at: Date | null;
  qualifying_points: number | null;
  imported: boolean;
}

const columns =
  'customer_id uuid, member_key text, tier text, since timestamptz, review_at timestamptz, qualifying_points bigint';

/** SQL of the TIERS import. */
export const tierImportStore = {
  /** The members' tiers now, and whether one was imported (with its qualifying points). */
  async states(db: Queryable, customerIds: readonly string[]): Promise<Map<string, AccountTier>> {
    const { rows } = await db.query<AccountTier>(
      `select a.customer_id, a.tier, a.tier_since, a.tier_review_at, t.qualifying_points, t.customer_id is not null as imported
         from ledger.accounts a left join ledger.imported_tiers t using (customer_id)
        where a.customer_id = any($1::uuid[])`,
      [customerIds],
    );
    return new Map(rows.map((row) => [row.customer_id, row]));
  },

  /** Sets the tiers (opening accounts that are missing) and keeps what was imported: two statements. */
  async write(tx: Queryable, changes: ReadonlyArray<Record<string, unknown>>, jobId: string, now: Date): Promise<void> {
    const json = JSON.stringify(changes);
    await tx.query(
      `insert into ledger.accounts as a (customer_id, tier, tier_since, tier_review_at, updated_at)
       select customer_id, tier, since, review_at, $2 from jsonb_to_recordset($1::jsonb) as c (${columns})
       on conflict (customer_id) do update
         set tier = excluded.tier, tier_since = excluded.tier_since, tier_review_at = excluded.tier_review_at,
             updated_at = excluded.updated_at`,
      [json, now],
    );
    await tx.query(
      `insert into ledger.imported_tiers as t (customer_id, member_key, tier, qualifying_points, job_id, imported_at)
       select customer_id, member_key, tier, qualifying_points, $2, $3 from jsonb_to_recordset($1::jsonb) as c (${columns})
       on conflict (customer_id) do update
         set member_key = excluded.member_key, tier = excluded.tier, qualifying_points = excluded.qualifying_points,
             job_id = excluded.job_id, imported_at = excluded.imported_at`,
      [json, jobId, now],
    );
  },
};
