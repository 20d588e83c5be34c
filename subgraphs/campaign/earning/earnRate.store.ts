import type { Queryable } from '../../../runtime/database/database';
import type { EarnRate } from '../quotes/quote.engine';

export interface EarnRateRecord extends EarnRate {
  updatedAt: Date;
}

interface EarnRateRow {
  currency: string;
  points: number;
  per_amount: number;
  updated_at: Date;
}

const toRecord = (row: EarnRateRow): EarnRateRecord => ({
  currency: row.currency,
  points: row.points,
  perAmount: row.per_amount,
  updatedAt: row.updated_at,
});

/** SQL for `campaign.earn_rates`. */
export const earnRateStore = {
  async all(db: Queryable): Promise<EarnRateRecord[]> {
    const { rows } = await db.query<EarnRateRow>('select * from campaign.earn_rates order by currency');
    return rows.map(toRecord);
  },

  async find(db: Queryable, currency: string): Promise<EarnRateRecord | undefined> {
    const { rows } = await db.query<EarnRateRow>('select * from campaign.earn_rates where currency = $1', [currency]);
    return rows[0] && toRecord(rows[0]);
  },

  async upsert(tx: Queryable, rate: EarnRate): Promise<EarnRateRecord> {
    const { rows } = await tx.query<EarnRateRow>(
      `insert into campaign.earn_rates (currency, points, per_amount) values ($1, $2, $3)
       on conflict (currency) do update set points = excluded.points, per_amount = excluded.per_amount, updated_at = now()
       returning *`,
      [rate.currency, rate.points, rate.perAmount],
    );
    return toRecord(rows[0]!);
  },
};
