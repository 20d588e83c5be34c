import type { Queryable } from '../../../runtime/database/database';
import type { ProgramSettings } from './programSettings';

interface ProgramRow {
  time_zone: string;
  currency: string;
}

/** SQL for `campaign.program`: one row once a marketer has saved settings. */
export const programStore = {
  async load(db: Queryable, defaults: ProgramSettings): Promise<ProgramSettings> {
    const { rows } = await db.query<ProgramRow>('select time_zone, currency from campaign.program');
    const row = rows[0];
    return row ? { timeZone: row.time_zone, currency: row.currency } : defaults;
  },

  async save(tx: Queryable, settings: ProgramSettings): Promise<void> {
    await tx.query(
      `insert into campaign.program (id, time_zone, currency) values (true, $1, $2)
       on conflict (id) do update set time_zone = excluded.time_zone, currency = excluded.currency, updated_at = now()`,
      [settings.timeZone, settings.currency],
    );
  },
};
