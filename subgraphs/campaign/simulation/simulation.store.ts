import type { Queryable } from '../../../runtime/database/database';
import type { QuoteOrderLine } from '../quotes/quote.engine';

export interface PurchaseRow {
  purchase_id: string;
  customer_id: string;
  channel: string;
  store_id: string | null;
  currency: string;
  lines: QuoteOrderLine[];
  occurred_at: Date;
}

/** SQL a simulation replays: `campaign.purchases`, read in pages. */
export const simulationStore = {
  /** The purchases in [from, to), in time order, after the `after` cursor, at most `limit`. */
  async purchasesBetween(
    db: Queryable,
    from: Date,
    to: Date,
    after: { at: Date; id: string } | null,
    limit: number,
  ): Promise<PurchaseRow[]> {
    const { rows } = await db.query<PurchaseRow>(
      `select purchase_id, customer_id, channel, store_id, currency, lines, occurred_at from campaign.purchases
       where occurred_at >= $1 and occurred_at < $2
         and ($3::timestamptz is null or (occurred_at, purchase_id) > ($3::timestamptz, $4::uuid))
       order by occurred_at, purchase_id limit $5`,
      [from, to, after?.at ?? null, after?.id ?? null, limit],
    );
    return rows;
  },

  /** Per customer, how many purchases they made before `before` and in which channels. */
  async historiesBefore(
    db: Queryable,
    customerIds: readonly string[],
    before: Date,
  ): Promise<Array<{ customer_id: string; purchases: number; channels: string[] }>> {
    const { rows } = await db.query<{ customer_id: string; purchases: number; channels: string[] }>(
      `select customer_id, count(*)::int as purchases, array_agg(distinct channel) as channels
       from campaign.purchases where customer_id = any($1::uuid[]) and occurred_at < $2 group by customer_id`,
      [customerIds, before],
    );
    return rows;
  },
};
