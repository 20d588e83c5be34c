import type { Queryable } from '../../../runtime/database/database';
import type { OrderLine } from '../purchases/purchase.rules';

/** An order's idempotency key (channel, store, external id) as one string. */
export const orderStoreKey = (channel: string, storeId: string | null, key: string): string =>
  JSON.stringify([channel, storeId ?? '', key]);

export interface StoredOrder {
  id: string;
  customer_id: string;
  channel: string;
  store_id: string | null;
  external_order_id: string;
  currency: string;
  total_amount: string | number;
  lines: OrderLine[];
  fingerprint: string;
  occurred_at: Date;
  /** Units returned so far per line (null without returns). */
  returned: number[] | null;
  refunded: string | number;
}

type Key = { channel: string; storeId: string | null; key: string };

const returnColumns = `id uuid, order_id uuid, customer_id uuid, channel text, store_id text, external_return_id text,
  lines jsonb, fingerprint text, refund_amount bigint, occurred_at timestamptz`;

/** SQL of the ORDERS import. */
export const orderImportStore = {
  /**
   * The stored orders with these keys, and those named `returnOf` among some members' orders, with
   * what was returned of them so far.
   */
  async ordersByKeys(
    db: Queryable,
    keys: readonly Key[],
    returnOf: readonly string[],
    customerIds: readonly string[],
  ): Promise<StoredOrder[]> {
    const { rows } = await db.query<StoredOrder>(
      `select o.id, o.customer_id, o.channel, o.store_id, o.external_order_id, o.currency, o.total_amount, o.lines,
            o.fingerprint, o.occurred_at, r.returned, coalesce(r.refunded, 0) as refunded
       from ledger.orders o
       left join lateral (
         select sum(x.refund_amount) as refunded,
                (select array_agg(coalesce(u.units, 0) order by i.n)
                   from generate_series(0, jsonb_array_length(o.lines) - 1) as i(n)
                   left join (select (l->>'line')::int as line, sum((l->>'quantity')::int) as units
                                from ledger.returns y, jsonb_array_elements(y.lines) l
                               where y.order_id = o.id group by 1) u on u.line = i.n) as returned
           from ledger.returns x where x.order_id = o.id
       ) r on true
      where o.id in (
              -- By the idempotency key's index.
              select k.id from unnest($1::text[], $2::text[], $3::text[]) as wanted (channel, store_id, key)
                join ledger.orders k
                  on k.channel = wanted.channel and coalesce(k.store_id, '') = wanted.store_id
                 and k.external_order_id = wanted.key
              union all
              select r.id from ledger.orders r where r.customer_id = any($5::uuid[]) and r.external_order_id = any($4::text[]))`,
      [keys.map((k) => k.channel), keys.map((k) => k.storeId ?? ''), keys.map((k) => k.key), returnOf, customerIds],
    );
    return rows;
  },

  /** The fingerprints of the stored returns with these keys, by `orderStoreKey`. */
  async returnFingerprints(db: Queryable, keys: readonly Key[]): Promise<Map<string, string>> {
    const { rows } = await db.query<{
      channel: string;
      store_id: string;
      external_return_id: string;
      fingerprint: string;
    }>(
      `select channel, coalesce(store_id, '') as store_id, external_return_id, fingerprint
         from ledger.returns
        where (channel, coalesce(store_id, ''), external_return_id) in (select * from unnest($1::text[], $2::text[], $3::text[]))`,
      [keys.map((k) => k.channel), keys.map((k) => k.storeId ?? ''), keys.map((k) => k.key)],
    );
    return new Map(
      rows.map((row) => [orderStoreKey(row.channel, row.store_id || null, row.external_return_id), row.fingerprint]),
    );
  },

  /** Writes the purchases and returns: accounts, orders, returns (program metrics fold their OrdersImported event). */
  async write(
    tx: Queryable,
    purchases: ReadonlyArray<Record<string, unknown>>,
    returns: ReadonlyArray<Record<string, unknown>>,
    now: Date,
  ): Promise<void> {
    // Typed column arrays (unnest), not a JSON document to parse: the orders are most of an import.
    const columns = {
      id: [] as unknown[],
      customer: [] as unknown[],
      channel: [] as unknown[],
      key: [] as unknown[],
      store: [] as unknown[],
      currency: [] as unknown[],
      total: [] as unknown[],
      lines: [] as string[],
      fingerprint: [] as unknown[],
      at: [] as unknown[],
    };
    for (const p of purchases) {
      columns.id.push(p.id);
      columns.customer.push(p.customer_id);
      columns.channel.push(p.channel);
      columns.key.push(p.external_order_id);
      columns.store.push(p.store_id);
      columns.currency.push(p.currency);
      columns.total.push(p.total_amount);
      columns.lines.push(JSON.stringify(p.lines));
      columns.fingerprint.push(p.fingerprint);
      columns.at.push(p.occurred_at);
    }
    if (purchases.length > 0) {
      await tx.query(
        `insert into ledger.accounts as a (customer_id, opened_at, updated_at, last_activity_at)
       select customer_id, least(min(occurred_at), $2), $2, max(occurred_at)
         from unnest($1::uuid[], $3::timestamptz[]) as p (customer_id, occurred_at)
        group by customer_id
        -- Accounts locked in one order by every batch: two batches applied at once wait, never deadlock.
        order by customer_id
       on conflict (customer_id) do update
         set opened_at = least(a.opened_at, excluded.opened_at),
             last_activity_at = greatest(a.last_activity_at, excluded.last_activity_at)
         where a.opened_at > excluded.opened_at or a.last_activity_at is null
            or a.last_activity_at < excluded.last_activity_at`,
        [columns.customer, now, columns.at],
      );
      await tx.query(
        `insert into ledger.orders (id, customer_id, channel, external_order_id, store_id, currency, total_amount, lines,
                                  fingerprint, points_earned, balance_after, occurred_at, recorded_at)
       select p.id, p.customer_id, p.channel, p.external_order_id, p.store_id, p.currency, p.total_amount, p.lines,
              p.fingerprint, 0, a.balance, p.occurred_at, $11
         from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::jsonb[],
                     $9::text[], $10::timestamptz[])
           as p (id, customer_id, channel, external_order_id, store_id, currency, total_amount, lines, fingerprint,
                 occurred_at)
         join ledger.accounts a using (customer_id)`,
        [
          columns.id,
          columns.customer,
          columns.channel,
          columns.key,
          columns.store,
          columns.currency,
          columns.total,
          columns.lines,
          columns.fingerprint,
          columns.at,
          now,
        ],
      );
    }
    if (returns.length === 0) return;
    const returnsJson = JSON.stringify(returns);
    await tx.query(
      `insert into ledger.returns (id, order_id, customer_id, channel, store_id, external_return_id, lines, fingerprint,
                                 refund_amount, points_reversed, pending_cancelled, points_not_recovered,
                                 balance_after, reversals, occurred_at, recorded_at)
     select r.id, r.order_id, r.customer_id, r.channel, r.store_id, r.external_return_id, r.lines, r.fingerprint,
            r.refund_amount, 0, 0, 0, a.balance, '[]'::jsonb, r.occurred_at, $2
       from jsonb_to_recordset($1::jsonb) as r (${returnColumns}) join ledger.accounts a using (customer_id)`,
      [returnsJson, now],
    );
  },
};
