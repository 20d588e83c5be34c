import type { Queryable } from '../../../runtime/database/database';
import type { OrderTotals } from './customerMetrics.rules';

interface TotalsRow {
  customer_id: string;
  currency: string;
  orders: number;
  gross: number;
  refunded: number;
  first_at: Date;
  last_at: Date;
  channels: string[];
}

/** SQL for members' metrics: their orders, per currency, read by the customer index. */
export const customerMetricsStore = {
  async orderTotals(db: Queryable, customerIds: readonly string[]): Promise<Map<string, OrderTotals[]>> {
    const { rows } = await db.query<TotalsRow>(
      `select o.customer_id, o.currency, count(*)::int as orders, sum(o.total_amount)::bigint as gross,
              coalesce(sum(r.refunded), 0)::bigint as refunded, min(o.occurred_at) as first_at,
              max(o.occurred_at) as last_at, array_agg(distinct o.channel) as channels
         from ledger.orders o
         left join lateral (select sum(refund_amount) as refunded from ledger.returns where order_id = o.id) r on true
        where o.customer_id = any($1::uuid[])
        group by o.customer_id, o.currency`,
      [[...customerIds]],
    );
    const totals = new Map<string, OrderTotals[]>();
    for (const row of rows) {
      const list = totals.get(row.customer_id) ?? [];
      list.push({
        currency: row.currency.trim(),
        orders: row.orders,
        gross: row.gross,
        refunded: row.refunded,
        firstAt: row.first_at,
        lastAt: row.last_at,
        channels: row.channels,
      });
      totals.set(row.customer_id, list);
    }
    return totals;
  },
};
