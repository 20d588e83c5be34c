import type { Queryable } from '../../../runtime/database/database';
import type { LateEffectsRecord } from '../program/lateEvent.rules';
import type { NewLot } from '../lots/lot.store';
import type { AccountBook } from '../accounts/accountBook';
import { entriesInsertSql } from '../journal/journal.store';
import { qualifyingByCustomer, qualifyingPointsSql } from '../tiers/tier.store';
import type { NewOrderEarning } from './orderEarning.store';
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
  /** What the sale's lateness did; null when it was on time (and for imported orders). */
  late: LateEffectsRecord | null;
  /** The points hold that paid part of the order (issue 29), the points and the money they paid. */
  points_hold_id?: string | null;
  points_paid?: number;
  points_amount?: number;
}

export type NewOrder = Omit<OrderRow, 'recorded_at' | 'points_hold_id' | 'points_paid' | 'points_amount'>;

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

  /** `findByKey` for many keys in one query: the orders recorded, by the index of their key. */
  async findByKeys(
    db: Queryable,
    keys: ReadonlyArray<{ channel: string; storeId?: string | null; externalOrderId: string }>,
  ): Promise<Map<number, OrderRow>> {
    if (keys.length === 0) return new Map();
    const { rows } = await db.query<OrderRow & { key_index: number }>(
      `select k.key_index::int as key_index, o.*
         from unnest($1::text[], $2::text[], $3::text[]) with ordinality as k(channel, store, external_order_id, key_index)
         join ledger.orders o
           on o.channel = k.channel and coalesce(o.store_id, '') = k.store and o.external_order_id = k.external_order_id`,
      [keys.map((k) => k.channel), keys.map((k) => k.storeId ?? ''), keys.map((k) => k.externalOrderId)],
    );
    return new Map(rows.map(({ key_index, ...order }) => [key_index - 1, order]));
  },

  /**
   * For many customer ids in one query: the account each posts to (itself, or a merge's survivor),
   * for the ids that have an account.
   */
  async currentIds(db: Queryable, customerIds: readonly string[]): Promise<Map<string, string>> {
    if (customerIds.length === 0) return new Map();
    const { rows } = await db.query<{ asked: string; id: string }>(
      `select customer_id as asked, coalesce(merged_into, customer_id) as id
         from ledger.accounts where customer_id = any($1::uuid[])`,
      [[...new Set(customerIds)]],
    );
    return new Map(rows.map((row) => [row.asked, row.id]));
  },

  /** `historyOf` for many accounts in one query (the accounts that exist). */
  async historiesOf(db: Queryable, customerIds: readonly string[]): Promise<Map<string, PurchaseHistoryFacts>> {
    if (customerIds.length === 0) return new Map();
    const { rows } = await db.query<{
      customer_id: string;
      purchases: number;
      channels: string[] | null;
      tier: string | null;
    }>(
      `select a.customer_id, a.tier,
              (select count(*)::int from ledger.orders o where o.customer_id = a.customer_id) as purchases,
              (select array_agg(distinct o.channel) from ledger.orders o where o.customer_id = a.customer_id) as channels
         from ledger.accounts a where a.customer_id = any($1::uuid[])`,
      [[...new Set(customerIds)]],
    );
    return new Map(
      rows.map((row) => [
        row.customer_id,
        { tier: row.tier, purchasesBefore: row.purchases, channelsBefore: row.channels ?? [] },
      ]),
    );
  },

  async historyOf(db: Queryable, customerId: string): Promise<PurchaseHistoryFacts> {
    const { accountId: _accountId, ...history } = await purchaseStore.currentHistoryOf(db, customerId);
    return history;
  },

  /**
   * `historyOf` the account an id posts to (itself, or the survivor it was merged into, as
   * accountStore.currentId resolves it), with that account's id, in one query.
   */
  async currentHistoryOf(db: Queryable, customerId: string): Promise<PurchaseHistoryFacts & { accountId: string }> {
    const { rows } = await db.query<{
      account_id: string;
      purchases: number;
      channels: string[] | null;
      tier: string | null;
    }>(
      `with account as (
         select coalesce((select merged_into from ledger.accounts where customer_id = $1), $1::uuid) as id
       )
       select account.id as account_id,
              (select count(*)::int from ledger.orders o where o.customer_id = account.id) as purchases,
              (select array_agg(distinct o.channel) from ledger.orders o where o.customer_id = account.id) as channels,
              (select a.tier from ledger.accounts a where a.customer_id = account.id) as tier
         from account`,
      [customerId],
    );
    const row = rows[0]!;
    return {
      accountId: row.account_id,
      tier: row.tier,
      purchasesBefore: row.purchases,
      channelsBefore: row.channels ?? [],
    };
  },

  async findById(db: Queryable, id: string): Promise<OrderRow | undefined> {
    const { rows } = await db.query<OrderRow>('select * from ledger.orders where id = $1', [id]);
    return rows[0];
  },

  /** Records when an order's pending points became available (its return window closed). */
  async markReleased(tx: Queryable, orderId: string, at: Date): Promise<void> {
    await tx.query('update ledger.orders set released_at = $2 where id = $1', [orderId, at]);
  },

  /**
   * Writes orders (of distinct members), their earnings (`ledger.order_earnings`), the lots they
   * credit and the books' journal entries (AccountBook.journalOf) in one statement: the orders
   * written, in the order given, the history of each order's member before it (for a purchase made
   * under the member's lock, the history it was posted on), and the qualifying points the journal
   * asked for, the entries written included (null when it asked none).
   */
  async insertWithEarnings(
    tx: Queryable,
    orders: readonly NewOrder[],
    earnings: readonly NewOrderEarning[],
    lots: readonly NewLot[] = [],
    journal: ReturnType<typeof AccountBook.journalOf> | null = null,
  ): Promise<{
    saved: OrderRow[];
    purchasesBefore: Array<Omit<PurchaseHistoryFacts, 'tier'>>;
    qualifying: Map<string, number> | null;
  }> {
    const entries =
      journal && journal.postings.some((posting) => posting.entries.length > 0)
        ? entriesInsertSql(journal.postings, 29)
        : null;
    const qualifying = journal?.qualifying
      ? qualifyingPointsSql(
          `$${29 + (entries?.params.length ?? 0)}`,
          `$${30 + (entries?.params.length ?? 0)}`,
          entries && 'written',
        )
      : null;
    const { rows } = await tx.query<
      OrderRow & { purchases_before: number; channels_before: string[]; qualifying: Record<string, number> | null }
    >(
      `with earned as (
         insert into ledger.order_earnings (order_id, position, kind, points, reason, rule_id, line_points)
         select order_id, position, kind, points, reason, rule_id, line_points
           from unnest($15::uuid[], $16::int[], $17::text[], $18::bigint[], $19::text[], $20::text[], $21::jsonb[])
             as e(order_id, position, kind, points, reason, rule_id, line_points)
       ),
       credited as (
         insert into ledger.lots (customer_id, order_id, status, points, remaining, earned_at, available_at, expires_at)
         select customer_id, order_id, status, points, points, earned_at, available_at, expires_at
           from unnest($22::uuid[], $23::uuid[], $24::text[], $25::bigint[], $26::timestamptz[], $27::timestamptz[], $28::timestamptz[])
                with ordinality as l(customer_id, order_id, status, points, earned_at, available_at, expires_at, position)
          order by position
       ),
       ${entries ? `written as (${entries.insert} returning customer_id, created_at, kind, points, source_type, source_id),` : ''}
       saved as (
         insert into ledger.orders (id, customer_id, channel, external_order_id, store_id, currency, total_amount, lines,
                                    fingerprint, points_earned, balance_after, occurred_at, pending_until, late)
         select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[],
                              $8::jsonb[], $9::text[], $10::bigint[], $11::bigint[], $12::timestamptz[],
                              $13::timestamptz[], $14::jsonb[])
         returning *
       ),
       -- One statement reads one snapshot: these counts do not include the orders it writes.
       before as (
         select customer_id, count(*)::int as purchases, array_agg(distinct channel) as channels
           from ledger.orders where customer_id = any($2::uuid[]) group by customer_id
       )
       select saved.*, coalesce(before.purchases, 0) as purchases_before, before.channels as channels_before,
              ${qualifying ? `(select jsonb_object_agg(q.customer_id, q.points) from (${qualifying}) q)` : 'null'} as qualifying
         from saved left join before on before.customer_id = saved.customer_id`,
      [
        orders.map((o) => o.id),
        orders.map((o) => o.customer_id),
        orders.map((o) => o.channel),
        orders.map((o) => o.external_order_id),
        orders.map((o) => o.store_id),
        orders.map((o) => o.currency),
        orders.map((o) => o.total_amount),
        orders.map((o) => JSON.stringify(o.lines)),
        orders.map((o) => o.fingerprint),
        orders.map((o) => o.points_earned),
        orders.map((o) => o.balance_after),
        orders.map((o) => o.occurred_at),
        orders.map((o) => o.pending_until),
        orders.map((o) => (o.late ? JSON.stringify(o.late) : null)),
        earnings.map((e) => e.order_id),
        earnings.map((e) => e.position),
        earnings.map((e) => e.kind),
        earnings.map((e) => e.points),
        earnings.map((e) => e.reason),
        earnings.map((e) => e.rule_id),
        earnings.map((e) => JSON.stringify(e.line_points)),
        lots.map((lot) => lot.customerId),
        lots.map((lot) => lot.orderId),
        lots.map((lot) => (lot.pending ? 'PENDING' : 'ACTIVE')),
        lots.map((lot) => lot.points),
        lots.map((lot) => lot.earnedAt),
        lots.map((lot) => lot.availableAt),
        lots.map((lot) => lot.expiresAt),
        ...(entries?.params ?? []),
        ...(journal?.qualifying ? [journal.qualifying.customerIds, journal.qualifying.since] : []),
      ],
    );
    const byId = new Map(
      rows.map(({ purchases_before, channels_before, qualifying: _qualifying, ...row }) => [
        row.id,
        { row, purchases_before, channels_before },
      ]),
    );
    const qualified = rows[0]?.qualifying;
    const written = orders.map((order) => byId.get(order.id)!);
    return {
      saved: written.map(({ row }) => row),
      purchasesBefore: written.map(({ purchases_before, channels_before }) => ({
        purchasesBefore: purchases_before,
        channelsBefore: channels_before ?? [],
      })),
      qualifying: journal?.qualifying
        ? qualifyingByCustomer(
            Object.entries(qualified ?? {}).map(([customer_id, points]) => ({ customer_id, points })),
          )
        : null,
    };
  },
};
