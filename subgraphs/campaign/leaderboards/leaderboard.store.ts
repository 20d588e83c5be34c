import type { Queryable } from '../../../runtime/database/database';

export interface Membership {
  customerId: string;
  displayName: string;
  joinedAt: Date;
}

export interface Standing {
  rank: number;
  displayName: string;
  points: number;
}

interface MemberRow {
  customer_id: string;
  display_name: string;
  joined_at: Date;
}

const toMembership = (row: MemberRow): Membership => ({
  customerId: row.customer_id,
  displayName: row.display_name,
  joinedAt: row.joined_at,
});

/** SQL for who opted in to leaderboards, and the standings of a store and period. */
export const leaderboardStore = {
  /** Opts a member in, or changes their display name (keeping when they joined). */
  async join(tx: Queryable, customerId: string, displayName: string, at: Date): Promise<Membership> {
    const { rows } = await tx.query<MemberRow>(
      `insert into campaign.leaderboard_members (customer_id, display_name, joined_at) values ($1, $2, $3)
       on conflict (customer_id) do update set display_name = excluded.display_name
       returning customer_id, display_name, joined_at`,
      [customerId, displayName, at],
    );
    return toMembership(rows[0]!);
  },

  async leave(tx: Queryable, customerId: string): Promise<boolean> {
    const { rows } = await tx.query('delete from campaign.leaderboard_members where customer_id = $1 returning 1', [
      customerId,
    ]);
    return rows.length > 0;
  },

  async membershipsOf(db: Queryable, customerIds: readonly string[]): Promise<Map<string, Membership>> {
    const { rows } = await db.query<MemberRow>(
      'select customer_id, display_name, joined_at from campaign.leaderboard_members where customer_id = any($1::uuid[])',
      [[...customerIds]],
    );
    return new Map(rows.map((row) => [row.customer_id, toMembership(row)]));
  },

  /**
   * Opted-in members by points earned (net of returns) on purchases in a store in [from, to), most
   * first; equal points share a rank, and the member who joined first is listed first among them.
   */
  async standings(db: Queryable, board: { storeId: string; from: Date; to: Date; first: number }): Promise<Standing[]> {
    const { rows } = await db.query<{ rank: number; display_name: string; points: number }>(
      `select rank() over (order by points desc)::int as rank, display_name, points
       from (
         select m.customer_id, m.display_name, m.joined_at, sum(p.points_earned - p.points_reversed)::bigint as points
         from campaign.purchases p join campaign.leaderboard_members m on m.customer_id = p.customer_id
         where p.store_id = $1 and p.occurred_at >= $2 and p.occurred_at < $3
         group by m.customer_id, m.display_name, m.joined_at
       ) totals
       where points > 0
       order by points desc, joined_at, customer_id
       limit $4`,
      [board.storeId, board.from, board.to, board.first],
    );
    return rows.map((row) => ({ rank: row.rank, displayName: row.display_name, points: row.points }));
  },

  /**
   * A profile merge the ledger applied: a merged member who had opted in stays opted in as the
   * survivor, unless the survivor had opted in too (whose display name stays).
   */
  async mergeCustomer(tx: Queryable, survivorId: string, mergedId: string): Promise<void> {
    await tx.query(
      `insert into campaign.leaderboard_members (customer_id, display_name, joined_at)
       select $1, display_name, joined_at from campaign.leaderboard_members where customer_id = $2
       on conflict (customer_id) do nothing`,
      [survivorId, mergedId],
    );
    await tx.query('delete from campaign.leaderboard_members where customer_id = $1', [mergedId]);
  },
};
