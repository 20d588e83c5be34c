import type { Queryable } from '../../../runtime/database/database';

export interface RewardTotals {
  /** Net of returns: a purchase's points shrink by the share of it that was returned. */
  points: number;
  /** Purchases and activities the campaign granted points on. */
  grants: number;
  membersReached: number;
}

/** SQL for what campaigns granted, as the ledger posted it. */
export const performanceStore = {
  async rewards(db: Queryable, campaignId: string, from: Date, to: Date): Promise<RewardTotals> {
    const { rows } = await db.query<{ points: string | number; grants: string | number; members: string | number }>(
      `select coalesce(round(sum(r.points * coalesce(1 - p.returned_amount::numeric / nullif(p.total_amount, 0), 1))), 0)
                as points,
              count(*) as grants, count(distinct r.customer_id) as members
       from campaign.campaign_rewards r left join campaign.purchases p on p.purchase_id = r.source_id
       where r.campaign_id = $1 and r.granted_at >= $2 and r.granted_at < $3`,
      [campaignId, from, to],
    );
    const row = rows[0]!;
    return { points: Number(row.points), grants: Number(row.grants), membersReached: Number(row.members) };
  },
};
