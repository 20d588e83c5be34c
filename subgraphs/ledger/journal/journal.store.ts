import type { Queryable } from '../../../runtime/database/database';
import { SourceType, type PostedEntry } from './journal.rules';
import type { JournalEntry } from './journal.type';
import type { EntryKind } from './journal.rules';
import { accountAndMerged } from '../accounts/account.store';
import { qualifyingByCustomer, qualifyingPointsSql, tierStore } from '../tiers/tier.store';

interface EntryRow {
  id: number;
  customer_id: string;
  kind: EntryKind;
  points: number;
  balance_after: number;
  reason: string;
  source_type: SourceType;
  source_id: string;
  rule_id: string | null;
  created_at: Date;
}

export interface HistoryFilter {
  kinds?: EntryKind[] | null;
  since?: Date | null;
  until?: Date | null;
}

export interface HistoryRequest {
  customerId: string;
  filter: HistoryFilter | null;
  /** Entries with an id below this one (newest first); `null` starts from the newest. */
  beforeId: number | null;
  /** Rows to read (page size + 1). */
  limit: number;
}

export function toJournalEntry(row: EntryRow): JournalEntry {
  return {
    id: String(row.id),
    kind: row.kind,
    points: row.points,
    balanceAfter: row.balance_after,
    reason: row.reason,
    orderId: row.source_type === SourceType.ORDER ? row.source_id : null,
    sourceType: row.source_type,
    sourceId: row.source_id,
    ruleId: row.rule_id,
    createdAt: row.created_at,
  };
}

/** A book's entries to append (AccountBook), posted at `at`. */
export interface EntriesPosting {
  customerId: string;
  entries: readonly PostedEntry[];
  at: Date;
}

/**
 * SQL: the insert of `postings`' entries (at least one), its parameters numbered from `$first`;
 * a statement that reads `written` entries names the insert `written` with `returning
 * customer_id, created_at, kind, points, source_type, source_id` (see qualifyingPointsSql).
 */
export function entriesInsertSql(
  postings: readonly EntriesPosting[],
  first: number,
): { insert: string; params: unknown[] } {
  const rows = postings.flatMap(({ customerId, entries, at }) => entries.map((entry) => ({ customerId, at, entry })));
  const $ = (offset: number) => `$${first + offset}`;
  return {
    insert: `insert into ledger.entries (customer_id, created_at, kind, points, balance_after, reason, source_type, source_id, rule_id)
       select customer_id, created_at, kind, points, balance_after, reason, source_type, source_id, rule_id
         from unnest(${$(0)}::uuid[], ${$(1)}::timestamptz[], ${$(2)}::text[], ${$(3)}::bigint[], ${$(4)}::bigint[],
                     ${$(5)}::text[], ${$(6)}::text[], ${$(7)}::text[], ${$(8)}::text[])
              with ordinality as e(customer_id, created_at, kind, points, balance_after, reason, source_type, source_id, rule_id, position)
        order by position`,
    params: [
      rows.map((r) => r.customerId),
      rows.map((r) => r.at),
      rows.map((r) => r.entry.kind),
      rows.map((r) => r.entry.points),
      rows.map((r) => r.entry.balanceAfter),
      rows.map((r) => r.entry.reason),
      rows.map((r) => r.entry.sourceType),
      rows.map((r) => r.entry.sourceId),
      rows.map((r) => r.entry.ruleId ?? null),
    ],
  };
}

/** SQL for `ledger.entries`, the append-only journal. */
export const journalStore = {
  async append(tx: Queryable, customerId: string, entries: readonly PostedEntry[], at: Date): Promise<void> {
    if (entries.length === 0) return;
    await tx.query(
      `insert into ledger.entries (customer_id, created_at, kind, points, balance_after, reason, source_type, source_id, rule_id)
       select $1::uuid, $9::timestamptz, * from unnest($2::text[], $3::bigint[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[])`,
      [
        customerId,
        entries.map((e) => e.kind),
        entries.map((e) => e.points),
        entries.map((e) => e.balanceAfter),
        entries.map((e) => e.reason),
        entries.map((e) => e.sourceType),
        entries.map((e) => e.sourceId),
        entries.map((e) => e.ruleId ?? null),
        at,
      ],
    );
  },

  /** `append` for several accounts in one statement: their entries in this order (ids increase in it). */
  /**
   * Appends several members' entries in one statement. With `qualifying`, the same statement reads
   * the qualifying points of those members in the window from `since` (qualifyingPointsSql), the
   * entries written included: what a posting's tier is decided on, one round trip fewer.
   */
  async appendMany(
    tx: Queryable,
    postings: readonly EntriesPosting[],
    qualifying?: { customerIds: readonly string[]; since: Date },
  ): Promise<Map<string, number> | null> {
    if (postings.every(({ entries }) => entries.length === 0)) {
      return qualifying ? tierStore.qualifyingPointsOf(tx, qualifying.customerIds, qualifying.since) : null;
    }
    const { insert, params } = entriesInsertSql(postings, 1);
    if (!qualifying) {
      await tx.query(insert, params);
      return null;
    }
    const { rows: points } = await tx.query<{ customer_id: string; points: number }>(
      `with written as (${insert} returning customer_id, created_at, kind, points, source_type, source_id)
       ${qualifyingPointsSql('$10', '$11', 'written')}`,
      [...params, qualifying.customerIds, qualifying.since],
    );
    return qualifyingByCustomer(points);
  },

  /**
   * Pages of several customers' histories, newest first, in one query. A history includes the
   * entries of accounts merged into the customer's (each entry's balanceAfter is of its own account).
   */
  async historyPages(db: Queryable, requests: readonly HistoryRequest[]): Promise<Map<string, EntryRow[]>> {
    const { rows } = await db.query<EntryRow & { request_index: number }>(
      `select r.request_index, e.id, e.customer_id, e.kind, e.points, e.balance_after, e.reason, e.source_type, e.source_id, e.rule_id, e.created_at
         from unnest($1::uuid[], $2::bigint[], $3::int[], $4::jsonb[])
              with ordinality as r(customer_id, before_id, row_limit, filter, request_index)
         cross join lateral (
           select x.* from ${accountAndMerged('r.customer_id')} accounts
           cross join lateral (
             select * from ledger.entries
              where customer_id = accounts.account_id and (r.before_id is null or id < r.before_id)
                and (r.filter->'kinds' is null or kind in (select jsonb_array_elements_text(r.filter->'kinds')))
                and (r.filter->>'since' is null or created_at >= (r.filter->>'since')::timestamptz)
                and (r.filter->>'until' is null or created_at < (r.filter->>'until')::timestamptz)
              order by id desc
              limit r.row_limit
           ) x
           order by x.id desc
           limit r.row_limit
         ) e
        order by r.request_index, e.id desc`,
      [
        requests.map((r) => r.customerId),
        requests.map((r) => r.beforeId),
        requests.map((r) => r.limit),
        requests.map((r) => filterJson(r.filter)),
      ],
    );
    const pages = new Map<string, EntryRow[]>();
    requests.forEach((request, index) =>
      pages.set(
        historyKey(request),
        rows.filter((row) => row.request_index === index + 1),
      ),
    );
    return pages;
  },

  async bySource(db: Queryable, sourceType: SourceType, sourceId: string): Promise<EntryRow[]> {
    const { rows } = await db.query<EntryRow>(
      'select * from ledger.entries where source_type = $1 and source_id = $2 order by id',
      [sourceType, sourceId],
    );
    return rows;
  },
};

/** The filter as the query reads it: only the conditions that are set. */
function filterJson(filter: HistoryFilter | null): string {
  const set: Record<string, unknown> = {};
  if (filter?.kinds) set.kinds = filter.kinds;
  if (filter?.since) set.since = filter.since.toISOString();
  if (filter?.until) set.until = filter.until.toISOString();
  return JSON.stringify(set);
}

export function historyKey(request: HistoryRequest): string {
  return `${request.customerId}:${request.beforeId ?? ''}:${request.limit}:${filterJson(request.filter)}`;
}

export type { EntryRow };
