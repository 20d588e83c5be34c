import type { Queryable } from '../../../runtime/database/database';
import { anyone, builtInSegments, type CustomerStats, type SegmentDefinition, type SegmentRule } from './segment.rules';

interface StatsRow {
  customer_id: string;
  purchase_count: number;
  first_purchase_at: Date | null;
  last_purchase_at: Date | null;
  spend: string | number;
  channels: string[];
  tier: string | null;
  enrolled_at: Date | null;
  recency_score: number | null;
  frequency_score: number | null;
  monetary_score: number | null;
}

export interface StoredStats extends CustomerStats {
  customerId: string;
  enrolledAt: Date | null;
}

const toStats = (row: StatsRow): StoredStats => ({
  customerId: row.customer_id,
  purchaseCount: row.purchase_count,
  firstPurchaseAt: row.first_purchase_at,
  lastPurchaseAt: row.last_purchase_at,
  spend: Number(row.spend),
  channels: row.channels,
  tier: row.tier,
  enrolledAt: row.enrolled_at,
  recency: row.recency_score,
  frequency: row.frequency_score,
  monetary: row.monetary_score,
});

interface SegmentRow {
  key: string;
  name: string;
  description: string | null;
  rule: SegmentRule;
}

/** SQL for the per-customer figures and the segments marketers define. */
export const segmentStore = {
  async statsOf(db: Queryable, customerIds: readonly string[]): Promise<Map<string, StoredStats>> {
    const { rows } = await db.query<StatsRow>(
      'select * from campaign.customer_stats where customer_id = any($1::uuid[])',
      [[...customerIds]],
    );
    return new Map(rows.map((row) => [row.customer_id, toStats(row)]));
  },

  async allStats(db: Queryable): Promise<StoredStats[]> {
    const { rows } = await db.query<StatsRow>('select * from campaign.customer_stats order by customer_id');
    return rows.map(toStats);
  },

  async rememberEnrollment(db: Queryable, customerId: string, enrolledAt: Date): Promise<void> {
    await db.query(
      `insert into campaign.customer_stats (customer_id, enrolled_at) values ($1, $2)
       on conflict (customer_id) do update set enrolled_at = excluded.enrolled_at`,
      [customerId, enrolledAt],
    );
  },

  async custom(db: Queryable): Promise<SegmentDefinition[]> {
    const { rows } = await db.query<SegmentRow>(
      'select key, name, description, rule from campaign.segments order by key',
    );
    // Rules saved before issue 26 have no conditions.
    return rows.map((row) => ({ ...row, rule: { ...anyone, ...row.rule } }));
  },

  /** Built-in segments, then marketers' own. */
  async all(db: Queryable): Promise<SegmentDefinition[]> {
    return [...builtInSegments, ...(await this.custom(db))];
  },

  async save(tx: Queryable, segment: SegmentDefinition): Promise<void> {
    await tx.query(
      `insert into campaign.segments (key, name, description, rule) values ($1, $2, $3, $4::jsonb)
       on conflict (key) do update set name = excluded.name, description = excluded.description, rule = excluded.rule,
         updated_at = now()`,
      [segment.key, segment.name, segment.description, JSON.stringify(segment.rule)],
    );
  },

  async remove(tx: Queryable, key: string): Promise<boolean> {
    const { rows } = await tx.query<{ key: string }>('delete from campaign.segments where key = $1 returning key', [
      key,
    ]);
    return rows.length > 0;
  },
};

/** A line of the ledger's PurchaseRecorded or ActivityCredited earnings. */
export interface CampaignEarning {
  points: number;
  ruleId: string | null;
}

export interface CustomerSpend {
  purchases: number;
  /** Net of what was returned of those purchases (whenever it was returned). */
  spend: number;
}

/** SQL for the purchases of a range, as the segment breakdown and campaign performance read them. */
export const rangeStore = {
  /** Per customer who bought in [from, to) in `currency` (and, if given, in one of `channels`). */
  async spendByCustomer(
    db: Queryable,
    range: { from: Date; to: Date; currency: string; channels?: readonly string[] },
  ): Promise<Map<string, CustomerSpend>> {
    const channels = range.channels && range.channels.length > 0 ? [...range.channels] : null;
    const { rows } = await db.query<{ customer_id: string; purchases: string | number; spend: string | number }>(
      `select customer_id, count(*) as purchases, sum(total_amount - returned_amount) as spend
       from campaign.purchases
       where occurred_at >= $1 and occurred_at < $2 and currency = $3 and ($4::text[] is null or channel = any($4))
       group by customer_id`,
      [range.from, range.to, range.currency, channels],
    );
    return new Map(
      rows.map((row) => [row.customer_id, { purchases: Number(row.purchases), spend: Number(row.spend) }]),
    );
  },
};

/** SQL that folds the ledger's events into purchases and per-customer figures. */
export const historyStore = {
  async addPurchase(
    tx: Queryable,
    purchase: {
      purchaseId: string;
      customerId: string;
      channel: string;
      storeId: string | null;
      currency: string;
      totalAmount: number;
      lines: unknown;
      /** What the purchase earned in all (leaderboards rank by it). */
      pointsEarned: number;
      occurredAt: string;
    },
  ): Promise<void> {
    await tx.query(
      `insert into campaign.purchases (purchase_id, customer_id, channel, store_id, currency, total_amount, lines, occurred_at, points_earned)
       values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9) on conflict (purchase_id) do nothing`,
      [
        purchase.purchaseId,
        purchase.customerId,
        purchase.channel,
        purchase.storeId,
        purchase.currency,
        purchase.totalAmount,
        JSON.stringify(purchase.lines),
        purchase.occurredAt,
        purchase.pointsEarned,
      ],
    );
  },

  async addReturn(tx: Queryable, purchaseId: string, amount: number, pointsReversed: number): Promise<void> {
    await tx.query(
      `update campaign.purchases set returned_amount = least(total_amount, returned_amount + $2),
         points_reversed = least(points_earned, points_reversed + $3)
       where purchase_id = $1`,
      [purchaseId, amount, pointsReversed],
    );
  },

  /**
   * Purchases and returns imported from another engine (one OrdersImported event): one statement
   * per table. Returns of the batch's own purchases apply after them.
   */
  async addImported(
    tx: Queryable,
    purchases: ReadonlyArray<{
      purchaseId: string;
      customerId: string;
      channel: string;
      storeId: string | null;
      currency: string;
      totalAmount: number;
      lines: unknown;
      occurredAt: string;
    }>,
    returns: ReadonlyArray<{ purchaseId: string; amount: number }>,
  ): Promise<void> {
    if (purchases.length > 0) {
      await tx.query(
        `insert into campaign.purchases (purchase_id, customer_id, channel, store_id, currency, total_amount, lines, occurred_at, points_earned)
         select "purchaseId", "customerId", channel, "storeId", currency, "totalAmount", lines, "occurredAt", 0
           from jsonb_to_recordset($1::jsonb) as p ("purchaseId" uuid, "customerId" uuid, channel text, "storeId" text,
                                                   currency text, "totalAmount" bigint, lines jsonb, "occurredAt" timestamptz)
         on conflict (purchase_id) do nothing`,
        [JSON.stringify(purchases)],
      );
    }
    if (returns.length > 0) {
      await tx.query(
        `update campaign.purchases p set returned_amount = least(p.total_amount, p.returned_amount + r.amount)
           from (select "purchaseId" as purchase_id, sum(amount) as amount
                   from jsonb_to_recordset($1::jsonb) as r ("purchaseId" uuid, amount bigint) group by 1) r
          where p.purchase_id = r.purchase_id`,
        [JSON.stringify(returns)],
      );
    }
  },

  /** Tiers imported from another engine (one TiersImported event), one statement. */
  async setTiers(tx: Queryable, tiers: ReadonlyArray<{ customerId: string; tier: string }>): Promise<void> {
    if (tiers.length === 0) return;
    await tx.query(
      `insert into campaign.customer_stats (customer_id, tier)
       select "customerId", tier from jsonb_to_recordset($1::jsonb) as t ("customerId" uuid, tier text)
       on conflict (customer_id) do update set tier = excluded.tier, updated_at = now()`,
      [JSON.stringify(tiers)],
    );
  },

  async setTier(tx: Queryable, customerId: string, tier: string): Promise<void> {
    await tx.query(
      `insert into campaign.customer_stats (customer_id, tier) values ($1, $2)
       on conflict (customer_id) do update set tier = excluded.tier, updated_at = now()`,
      [customerId, tier],
    );
  },

  /** Recounts the figures of some customers from their purchases. */
  /**
   * A profile merge the ledger applied: the merged member's purchases and campaign grants (which
   * per-customer caps count) become the survivor's, with the claims the grants belong to (a grant
   * references its claim by customer and key, issue 30: moving a claim moves its grants); the caller
   * recounts the survivor.
   */
  async mergeCustomer(tx: Queryable, survivorId: string, mergedId: string): Promise<void> {
    for (const table of ['purchases', 'claims', 'grants', 'campaign_rewards']) {
      await tx.query(`update campaign.${table} set customer_id = $1 where customer_id = $2`, [survivorId, mergedId]);
    }
    await tx.query('delete from campaign.customer_stats where customer_id = $1', [mergedId]);
  },

  /** Points a purchase's or activity's earnings took from campaigns, as the ledger posted them. */
  async addCampaignRewards(
    tx: Queryable,
    source: { id: string; customerId: string; at: string },
    earnings: readonly CampaignEarning[],
  ): Promise<void> {
    const byCampaign = new Map<string, number>();
    for (const earning of earnings) {
      const campaignId = earning.ruleId?.startsWith('campaign:') ? earning.ruleId.slice('campaign:'.length) : null;
      if (campaignId) byCampaign.set(campaignId, (byCampaign.get(campaignId) ?? 0) + earning.points);
    }
    if (byCampaign.size === 0) return;
    await tx.query(
      `insert into campaign.campaign_rewards (source_id, campaign_id, customer_id, points, granted_at)
       select $1, campaign_id, $2, points, $3 from unnest($4::uuid[], $5::bigint[]) as r (campaign_id, points)
       on conflict do nothing`,
      [source.id, source.customerId, source.at, [...byCampaign.keys()], [...byCampaign.values()]],
    );
  },

  async recount(tx: Queryable, customerIds: readonly string[], currency: string): Promise<void> {
    if (customerIds.length === 0) return;
    await tx.query(
      `insert into campaign.customer_stats
         (customer_id, purchase_count, first_purchase_at, last_purchase_at, spend, channels, updated_at)
       select customer_id, count(*), min(occurred_at), max(occurred_at),
              coalesce(sum(total_amount - returned_amount) filter (where currency = $2), 0),
              array_agg(distinct channel order by channel), now()
       from campaign.purchases where customer_id = any($1::uuid[]) group by customer_id
       on conflict (customer_id) do update set purchase_count = excluded.purchase_count,
         first_purchase_at = excluded.first_purchase_at, last_purchase_at = excluded.last_purchase_at,
         spend = excluded.spend, channels = excluded.channels, updated_at = now()`,
      [[...customerIds], currency],
    );
  },

  /**
   * Scores every buyer 1 to 5 on recency, frequency and monetary value by where they stand among all
   * buyers (cumulative distribution, so equal figures score alike).
   */
  async rescoreRfm(tx: Queryable): Promise<void> {
    await tx.query(
      `update campaign.customer_stats s
         set recency_score = r.recency, frequency_score = r.frequency, monetary_score = r.monetary
       from (
         select customer_id,
                ceil(cume_dist() over (order by last_purchase_at) * 5)::smallint as recency,
                ceil(cume_dist() over (order by purchase_count) * 5)::smallint as frequency,
                ceil(cume_dist() over (order by spend) * 5)::smallint as monetary
         from campaign.customer_stats where purchase_count > 0
       ) r
       where s.customer_id = r.customer_id`,
    );
  },
};
