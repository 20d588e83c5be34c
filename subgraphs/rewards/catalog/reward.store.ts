import type { Queryable } from '../../../runtime/database/database';
import type { Reward, RewardKind } from './reward.type';

interface RewardRow {
  id: string;
  name: string;
  description: string;
  kind: RewardKind;
  cost_points: number;
  active: boolean;
  created_at: Date;
}

export const toReward = (row: RewardRow): Reward => ({
  id: row.id,
  name: row.name,
  description: row.description,
  kind: row.kind,
  costPoints: row.cost_points,
  active: row.active,
  createdAt: row.created_at,
});

/** Position in the catalog, which is ordered by cost then id. */
export interface CatalogPosition {
  costPoints: number;
  id: string;
}

/** SQL for `rewards.rewards`. */
export const rewardStore = {
  async findByIds(db: Queryable, ids: readonly string[]): Promise<Reward[]> {
    const { rows } = await db.query<RewardRow>('select * from rewards.rewards where id = any($1::uuid[])', [ids]);
    return rows.map(toReward);
  },

  /** Active rewards from the cheapest, after `position`; reads `limit` rows. */
  async activePage(db: Queryable, after: CatalogPosition | null, limit: number): Promise<Reward[]> {
    const { rows } = await db.query<RewardRow>(
      `select * from rewards.rewards
        where active and ($1::int is null or (cost_points, id) > ($1::int, $2::uuid))
        order by cost_points, id
        limit $3`,
      [after?.costPoints ?? null, after?.id ?? null, limit],
    );
    return rows.map(toReward);
  },

  async insert(tx: Queryable, reward: Omit<Reward, 'createdAt' | 'active'>): Promise<Reward> {
    const { rows } = await tx.query<RewardRow>(
      `insert into rewards.rewards (id, name, description, kind, cost_points) values ($1, $2, $3, $4, $5) returning *`,
      [reward.id, reward.name, reward.description, reward.kind, reward.costPoints],
    );
    return toReward(rows[0]!);
  },
};
