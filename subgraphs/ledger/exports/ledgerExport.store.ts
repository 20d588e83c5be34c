import type { Queryable } from '../../../runtime/database/database';
import type { AccountRow } from '../accounts/account.store';
import type { ExportFilter } from '../../../runtime/exports/exportEndpoint';

/** `where` conditions of a batch: after the key, in the time range, among the customers. */
function conditions(
  filter: ExportFilter,
  key: { column: string; type: string; after: unknown },
  time: string | null,
  customer = 'customer_id',
): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  const parts: string[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (key.after !== null) parts.push(`${key.column} > ${param(key.after)}::${key.type}`);
  if (time && filter.from) parts.push(`${time} >= ${param(filter.from)}`);
  if (time && filter.to) parts.push(`${time} < ${param(filter.to)}`);
  if (filter.customerIds) parts.push(`${customer} = any(${param(filter.customerIds)}::uuid[])`);
  return { where: parts.length ? `where ${parts.join(' and ')}` : '', params };
}

/** An account as the balances export reads it: the row AccountBook holds, with its opening time. */
export type BalanceRow = AccountRow & { opened_at: Date };

export interface LotRow {
  id: number;
  customer_id: string;
  order_id: string | null;
  status: string;
  points: number;
  remaining: number;
  earned_at: Date;
  available_at: Date;
  expires_at: Date | null;
}

export interface JournalRow {
  id: number;
  customer_id: string;
  kind: string;
  points: number;
  balance_after: number;
  reason: string;
  source_type: string;
  source_id: string;
  rule_id: string | null;
  created_at: Date;
}

export interface OrderRow {
  id: string;
  customer_id: string;
  channel: string;
  store_id: string | null;
  external_order_id: string;
  currency: string;
  total_amount: number;
  refunded_amount: number;
  points_earned: number;
  lines: unknown[];
  occurred_at: Date;
  recorded_at: Date;
}

/** The ledger's rows for bulk export, one keyset batch at a time (a primary key orders each). */
export const ledgerExportStore = {
  async balances(db: Queryable, filter: ExportFilter, after: string | null, limit: number): Promise<BalanceRow[]> {
    const { where, params } = conditions(filter, { column: 'customer_id', type: 'uuid', after }, null);
    const { rows } = await db.query<BalanceRow>(
      `select customer_id, balance, pending, lifetime_points, tier, tier_since, tier_review_at, last_activity_at,
              opened_at, merged_into
         from ledger.accounts ${where} order by customer_id limit ${Number(limit)}`,
      params,
    );
    return rows;
  },

  /** Lots that still hold points: ACTIVE ones add up to the balances, PENDING ones to the pending points. */
  async lots(db: Queryable, filter: ExportFilter, after: number | null, limit: number): Promise<LotRow[]> {
    const { where, params } = conditions(filter, { column: 'id', type: 'bigint', after }, null);
    const { rows } = await db.query<LotRow>(
      `select id, customer_id, order_id, status, points, remaining, earned_at, available_at, expires_at
         from ledger.lots ${where ? `${where} and` : 'where'} remaining > 0 order by id limit ${Number(limit)}`,
      params,
    );
    return rows;
  },

  async journal(db: Queryable, filter: ExportFilter, after: number | null, limit: number): Promise<JournalRow[]> {
    const { where, params } = conditions(filter, { column: 'id', type: 'bigint', after }, 'created_at');
    const { rows } = await db.query<JournalRow>(
      `select id, customer_id, kind, points, balance_after, reason, source_type, source_id, rule_id, created_at
         from ledger.entries ${where} order by id limit ${Number(limit)}`,
      params,
    );
    return rows;
  },

  async orders(db: Queryable, filter: ExportFilter, after: string | null, limit: number): Promise<OrderRow[]> {
    const { where, params } = conditions(
      filter,
      { column: 'o.id', type: 'uuid', after },
      'o.occurred_at',
      'o.customer_id',
    );
    const { rows } = await db.query<OrderRow>(
      `select o.id, o.customer_id, o.channel, o.store_id, o.external_order_id, o.currency, o.total_amount,
              coalesce((select sum(r.refund_amount) from ledger.returns r where r.order_id = o.id), 0)::bigint
                as refunded_amount,
              o.points_earned, o.lines, o.occurred_at, o.recorded_at
         from ledger.orders o ${where} order by o.id limit ${Number(limit)}`,
      params,
    );
    return rows;
  },
};
