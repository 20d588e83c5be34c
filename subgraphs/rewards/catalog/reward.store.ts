import type { Queryable } from '../../../runtime/database/database';
import type { Reward, RewardKind } from './reward.type';

interface RewardRow {
  id: string;
  name: string;
  description: string;
  kind: RewardKind;
  cost_points: number;
  active: boolean;
  value_amount: string | number | null;
  value_currency: string | null;
  percent_off: number | null;
  sku: string | null;
  image_url: string | null;
  tiers: string[];
  channels: string[];
  valid_from: Date | null;
  valid_until: Date | null;
  stock_left: number | null;
  per_customer_limit: number | null;
  voucher_valid_days: number;
  created_at: Date;
}

export const toReward = (row: RewardRow): Reward => ({
  id: row.id,
  name: row.name,
  description: row.description,
  kind: row.kind,
  costPoints: row.cost_points,
  active: row.active,
  valueAmount: row.value_amount === null ? null : Number(row.value_amount),
  valueCurrency: row.value_currency,
  percentOff: row.percent_off,
  sku: row.sku,
  imageUrl: row.image_url,
  tiers: row.tiers,
  channels: row.channels,
  validFrom: row.valid_from,
  validUntil: row.valid_until,
  stockLeft: row.stock_left,
  perCustomerLimit: row.per_customer_limit,
  voucherValidDays: row.voucher_valid_days,
  createdAt: row.created_at,
});

/** Position in the catalog, which is ordered by cost then id. */
export interface CatalogPosition {
  costPoints: number;
  id: string;
}

export interface CatalogFilter {
  kinds?: readonly RewardKind[] | null;
  maxCostPoints?: number | null;
  channel?: string | null;
  tier?: string | null;
  /** Only rewards redeemable at this moment (dates and stock). */
  redeemableAt?: Date | null;
  /** Taken-out rewards too (the console's catalog). */
  includeInactive?: boolean | null;
}

export type NewReward = Omit<Reward, 'createdAt' | 'active' | 'stockLeft'> & { stock: number | null };

/** SQL for `rewards.rewards`. */
export const rewardStore = {
  async findByIds(db: Queryable, ids: readonly string[]): Promise<Reward[]> {
    const { rows } = await db.query<RewardRow>('select * from rewards.rewards where id = any($1::uuid[])', [ids]);
    return rows.map(toReward);
  },

  /** Active rewards from the cheapest, after `position`, that pass `filter`; reads `limit` rows. */
  async activePage(
    db: Queryable,
    after: CatalogPosition | null,
    limit: number,
    filter: CatalogFilter = {},
  ): Promise<Reward[]> {
    const { rows } = await db.query<RewardRow>(
      `select * from rewards.rewards
        where (active or $9::boolean) and ($1::int is null or (cost_points, id) > ($1::int, $2::uuid))
          and ($4::text[] is null or kind = any($4::text[]))
          and ($5::int is null or cost_points <= $5)
          and ($6::text is null or cardinality(channels) = 0 or $6 = any(channels))
          and ($7::text is null or cardinality(tiers) = 0 or $7 = any(tiers))
          and ($8::timestamptz is null or ((valid_from is null or valid_from <= $8)
               and (valid_until is null or valid_until > $8) and (stock_left is null or stock_left > 0)))
        order by cost_points, id
        limit $3`,
      [
        after?.costPoints ?? null,
        after?.id ?? null,
        limit,
        filter.kinds && filter.kinds.length > 0 ? [...filter.kinds] : null,
        filter.maxCostPoints ?? null,
        filter.channel ?? null,
        filter.tier ?? null,
        filter.redeemableAt ?? null,
        filter.includeInactive === true,
      ],
    );
    return rows.map(toReward);
  },

  async insert(tx: Queryable, reward: NewReward): Promise<Reward> {
    const { rows } = await tx.query<RewardRow>(
      `insert into rewards.rewards (id, name, description, kind, cost_points, value_amount, value_currency, percent_off,
         sku, image_url, tiers, channels, valid_from, valid_until, stock_left, stock_total, per_customer_limit,
         voucher_valid_days)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, $16, $17) returning *`,
      [
        reward.id,
        reward.name,
        reward.description,
        reward.kind,
        reward.costPoints,
        reward.valueAmount,
        reward.valueCurrency,
        reward.percentOff,
        reward.sku,
        reward.imageUrl,
        reward.tiers,
        reward.channels,
        reward.validFrom,
        reward.validUntil,
        reward.stock,
        reward.perCustomerLimit,
        reward.voucherValidDays,
      ],
    );
    return toReward(rows[0]!);
  },

  /** The reward, locked until the transaction ends (stock is taken under this lock). */
  async lock(tx: Queryable, id: string): Promise<Reward | undefined> {
    const { rows } = await tx.query<RewardRow>('select * from rewards.rewards where id = $1 for update', [id]);
    return rows[0] && toReward(rows[0]);
  },

  async takeStock(tx: Queryable, id: string, units: number): Promise<void> {
    await tx.query(
      'update rewards.rewards set stock_left = stock_left - $2, updated_at = now() where id = $1 and stock_left is not null',
      [id, units],
    );
  },

  /** Puts units back (a refused redemption, a cancelled voucher). */
  async returnStock(tx: Queryable, id: string, units: number): Promise<void> {
    await rewardStore.takeStock(tx, id, -units);
  },

  async setActive(tx: Queryable, id: string, active: boolean): Promise<Reward | undefined> {
    const { rows } = await tx.query<RewardRow>(
      'update rewards.rewards set active = $2, updated_at = now() where id = $1 returning *',
      [id, active],
    );
    return rows[0] && toReward(rows[0]);
  },
};
