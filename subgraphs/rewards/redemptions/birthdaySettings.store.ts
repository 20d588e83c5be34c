import type { Queryable } from '../../../runtime/database/database';

/** The program's birthday reward and the last day it was granted (`rewards.settings`, one row). */
export const birthdaySettingsStore = {
  async rewardId(db: Queryable): Promise<string | null> {
    const { rows } = await db.query<{ birthday_reward_id: string | null }>(
      'select birthday_reward_id from rewards.settings',
    );
    return rows[0]?.birthday_reward_id ?? null;
  },

  /** The reward to grant on `day` (YYYY-MM-DD), and whether that day's grants are done. */
  async dueOn(db: Queryable, day: string): Promise<{ rewardId: string | null; done: boolean }> {
    const { rows } = await db.query<{ birthday_reward_id: string | null; done: boolean }>(
      `select birthday_reward_id, coalesce(birthday_granted_on = $1::date, false) as done from rewards.settings`,
      [day],
    );
    return { rewardId: rows[0]?.birthday_reward_id ?? null, done: rows[0]?.done ?? false };
  },

  /** Sets the reward (null: none); today's grants run again for a new one. */
  async setReward(tx: Queryable, rewardId: string | null): Promise<void> {
    await tx.query(
      'update rewards.settings set birthday_reward_id = $1, birthday_granted_on = null, updated_at = now()',
      [rewardId],
    );
  },

  async markGranted(db: Queryable, day: string): Promise<void> {
    await db.query('update rewards.settings set birthday_granted_on = $1::date, updated_at = now()', [day]);
  },
};
