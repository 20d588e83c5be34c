import type { Queryable } from '../../../runtime/database/database';
import type { OrderLine } from './purchase.rules';

export interface OrderRow {
  id: string;
  customer_id: string;
  channel: string;
  external_order_id: string;
  store_id: string | null;
  currency: string;
  total_amount: number;
  lines: OrderLine[];
  fingerprint: string;
  points_earned: number;
  balance_after: number;
  /** Until when the points are held (the return window); null when they were credited at once. */
  pending_until: Date | null;
  released_at: Date | null;
  occurred_at: Date;
  recorded_at: Date;
}

export type NewOrder = Omit<OrderRow, 'recorded_at'>;

/** What a purchase's quote depends on besides the order: the member's tier and purchases so far. */
export interface PurchaseHistoryFacts {
  tier: string | null;
  purchasesBefore: number;
  channelsBefore: string[];
}

/** SQL for `ledger.orders`: one row per (channel, store, external order id). */
export const purchaseStore = {
  /** The order with this idempotency key: (channel, store, external order id). */
  async findByKey(
    db: Queryable,
    key: { channel: string; storeId?: string | null; externalOrderId: string },
  ): Promise<OrderRow | undefined> {
    const { rows } = await db.query<OrderRow>(
      `select * from ledger.orders
        where channel = $1 and coalesce(store_id, '') = coalesce($2, '') and external_order_id = $3`,
      [key.channel, key.storeId ?? null, key.externalOrderId],
    );
    return rows[0];
  },

  async historyOf(db: Queryable, customerId: string): Promise<PurchaseHistoryFacts> {
    const { rows } = await db.query<{ purchases: number; channels: string[] | null; tier: string | null }>(
      `select (select count(*)::int from ledger.orders where customer_id = $1) as purchases,
              (select array_agg(distinct channel) from ledger.orders where customer_id = $1) as channels,
              (select tier from ledger.accounts where customer_id = $1) as tier`,
      [customerId],
    );
    const row = rows[0]!;
    return { tier: row.tier, purchasesBefore: row.purchases, channelsBefore: row.channels ?? [] };
  },

  async findById(db: Queryable, id: string): Promise<OrderRow | undefined> {
    const { rows } = await db.query<OrderRow>('select * from ledger.orders where id = $1', [id]);
    return rows[0];
  },

  /** Records when an order's pending points became available (its return window closed). */
  async markReleased(tx: Queryable, orderId: string, at: Date): Promise<void> {
    await tx.query('update ledger.orders set released_at = $2 where id = $1', [orderId, at]);
  },

  async insert(tx: Queryable, order: NewOrder): Promise<OrderRow> {
    const { rows } = await tx.query<OrderRow>(
      `insert into ledger.orders (id, customer_id, channel, external_order_id, store_id, currency, total_amount, lines,
                                  fingerprint, points_earned, balance_after, occurred_at, pending_until)
       values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12, $13)
       returning *`,
      [
        order.id,
        order.customer_id,
        order.channel,
        order.external_order_id,
        order.store_id,
        order.currency,
        order.total_amount,
        JSON.stringify(order.lines),
        order.fingerprint,
        order.points_earned,
        order.balance_after,
        order.occurred_at,
        order.pending_until,
      ],
    );
    return rows[0]!;
  },
};
