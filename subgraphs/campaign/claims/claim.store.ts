import type { Queryable } from '../../../runtime/database/database';
import type { Grant } from '../limits/usage.rules';
import type { Quote } from '../quotes/quote.engine';

export interface ClaimRecord {
  key: string;
  customerId: string;
  fingerprint: string;
  quote: Quote;
}

/** Claims saved before quotes kept notes have none. */
type ClaimRow = {
  key: string;
  customer_id: string;
  fingerprint: string;
  quote: Omit<Quote, 'campaignNotes'> & Partial<Pick<Quote, 'campaignNotes'>>;
};

const toClaim = (row: ClaimRow): ClaimRecord => ({
  key: row.key,
  customerId: row.customer_id,
  fingerprint: row.fingerprint,
  quote: { ...row.quote, campaignNotes: row.quote.campaignNotes ?? [] },
});

/** SQL for `campaign.claims` and `campaign.grants`. */
export const claimStore = {
  /** Serialises claims of one key until the transaction ends. */
  async lockKey(tx: Queryable, key: string): Promise<void> {
    await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`loyalty-graph:claim:${key}`]);
  },

  async find(db: Queryable, key: string): Promise<ClaimRecord | undefined> {
    const { rows } = await db.query<ClaimRow>(
      'select key, customer_id, fingerprint, quote from campaign.claims where key = $1',
      [key],
    );
    const row = rows[0];
    return row && toClaim(row);
  },

  /** The saved claims of `keys` (those that have one), by key: one statement for a request's claims. */
  async findMany(db: Queryable, keys: readonly string[]): Promise<Map<string, ClaimRecord>> {
    if (keys.length === 0) return new Map();
    const { rows } = await db.query<ClaimRow>(
      'select key, customer_id, fingerprint, quote from campaign.claims where key = any($1::text[])',
      [[...keys]],
    );
    return new Map(rows.map((row) => [row.key, toClaim(row)]));
  },

  /**
   * `findMany`, with the id of the campaign outbox's last committed event read in the same
   * statement: what the rule cache must have heard of for its rules to serve these claims.
   */
  async findManyAsOfOutbox(
    db: Queryable,
    keys: readonly string[],
  ): Promise<{ claims: Map<string, ClaimRecord>; outboxHead: number }> {
    const { rows } = await db.query<{ head: number } & { [K in keyof ClaimRow]: ClaimRow[K] | null }>(
      `select h.head, c.key, c.customer_id, c.fingerprint, c.quote
         from (select coalesce(max(id), 0)::int8 as head from campaign.events) h
         left join campaign.claims c on c.key = any($1::text[])`,
      [[...keys]],
    );
    const claims = new Map<string, ClaimRecord>();
    for (const row of rows) if (row.key !== null) claims.set(row.key, toClaim(row as ClaimRow));
    return { claims, outboxHead: rows[0]!.head };
  },

  /**
   * Saves a claim, or replaces the claim of its key (after its grants were removed): the member is
   * the one asking now (a merged member's order asked again is the survivor's), as its grants' are,
   * which reference the claim by customer and key (issue 30).
   */
  async save(tx: Queryable, claim: ClaimRecord): Promise<void> {
    await tx.query(
      `insert into campaign.claims (key, customer_id, fingerprint, quote) values ($1, $2, $3, $4::jsonb)
       on conflict (key) do update set customer_id = excluded.customer_id, fingerprint = excluded.fingerprint,
         quote = excluded.quote, created_at = now()`,
      [claim.key, claim.customerId, claim.fingerprint, JSON.stringify(claim.quote)],
    );
  },

  /** The grants of a claim, to hand back when the claim is replaced. */
  async grantsOfClaim(db: Queryable, key: string): Promise<Grant[]> {
    const { rows } = await db.query<{ campaign_id: string; points: string | number; granted_at: Date }>(
      'select campaign_id, points, granted_at from campaign.grants where claim_key = $1',
      [key],
    );
    return rows.map((row) => ({ campaignId: row.campaign_id, points: Number(row.points), grantedAt: row.granted_at }));
  },

  async removeGrants(tx: Queryable, key: string): Promise<void> {
    await tx.query('delete from campaign.grants where claim_key = $1', [key]);
  },

  async customerGrants(db: Queryable, customerId: string, campaignIds: readonly string[]): Promise<Grant[]> {
    if (campaignIds.length === 0) return [];
    const { rows } = await db.query<{ campaign_id: string; points: string | number; granted_at: Date }>(
      `select campaign_id, points, granted_at from campaign.grants
       where customer_id = $1 and campaign_id = any($2::uuid[])`,
      [customerId, [...campaignIds]],
    );
    return rows.map((row) => ({ campaignId: row.campaign_id, points: Number(row.points), grantedAt: row.granted_at }));
  },

  async addGrant(tx: Queryable, key: string, customerId: string, grant: Grant): Promise<void> {
    await tx.query(
      `insert into campaign.grants (claim_key, campaign_id, customer_id, points, granted_at) values ($1, $2, $3, $4, $5)`,
      [key, grant.campaignId, customerId, grant.points, grant.grantedAt],
    );
  },

  /** Grants of a campaign in all: points and distinct customers. */
  async totals(db: Queryable, campaignId: string): Promise<{ points: number; customers: number; grants: number }> {
    const { rows } = await db.query<{ points: string | number; customers: string | number; grants: string | number }>(
      `select coalesce(sum(points), 0) as points, count(distinct customer_id) as customers, count(*) as grants
       from campaign.grants where campaign_id = $1`,
      [campaignId],
    );
    return { points: Number(rows[0]!.points), customers: Number(rows[0]!.customers), grants: Number(rows[0]!.grants) };
  },
};
