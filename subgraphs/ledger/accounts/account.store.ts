import type { Queryable } from '../../../runtime/database/database';
import { appendEvents, appendEventsSql, type NewEvent } from '../../../runtime/events/outbox';
import { ledgerEvents } from '../contract/events';
import { heldLots, heldLotsSql, type LotRow } from '../lots/lot.store';

export interface AccountWithCursor {
  /** The id asked for; `customer_id` is the account it resolves to (the survivor of a merge). */
  asked_id: string;
  customer_id: string;
  balance: number;
  pending: number;
  lifetime_points: number;
  tier: string | null;
  tier_since: Date | null;
  tier_review_at: Date | null;
  last_activity_at: Date | null;
  /** The newest BalanceUpdated event of this account, read in the same snapshot as the balance. */
  last_event_id: number | null;
}

/** An account as AccountBook holds it while the account is locked. */
export interface AccountRow {
  customer_id: string;
  balance: number;
  pending: number;
  lifetime_points: number;
  tier: string | null;
  tier_since: Date | null;
  tier_review_at: Date | null;
  last_activity_at: Date | null;
  merged_into: string | null;
}

/** SQL for `ledger.accounts`; postings go through AccountBook, which saves its totals here. */
/**
 * SQL: the account `customerId` (an SQL expression of type uuid) and the accounts merged into it,
 * as rows of `account_id`: what a member's history and totals read.
 */
export const accountAndMerged = (customerId: string): string =>
  `(select ${customerId} as account_id union all select m.customer_id from ledger.accounts m where m.merged_into = ${customerId})`;

export const accountStore = {
  /** Accounts by customer id, a merged id answering with its survivor's account. */
  async findByCustomerIds(db: Queryable, customerIds: readonly string[]): Promise<AccountWithCursor[]> {
    const { rows } = await db.query<AccountWithCursor>(
      `select asked.customer_id as asked_id, a.customer_id, a.balance, a.pending, a.lifetime_points, a.tier, a.tier_since, a.tier_review_at,
              a.last_activity_at,
              (select max(e.id) from ledger.events e
                where e.aggregate_id = a.customer_id::text and e.type = $2) as last_event_id
         from ledger.accounts asked
         join ledger.accounts a on a.customer_id = coalesce(asked.merged_into, asked.customer_id)
        where asked.customer_id = any($1::uuid[])`,
      [customerIds, ledgerEvents.BalanceUpdated.type],
    );
    return rows;
  },

  /** The account an id posts to: itself, or the survivor it was merged into; undefined for no account. */
  async currentId(db: Queryable, customerId: string): Promise<string | undefined> {
    const { rows } = await db.query<{ id: string }>(
      'select coalesce(merged_into, customer_id) as id from ledger.accounts where customer_id = $1',
      [customerId],
    );
    return rows[0]?.id;
  },

  /** Opens the account if it is new. */
  async open(tx: Queryable, customerId: string): Promise<void> {
    await tx.query('insert into ledger.accounts (customer_id) values ($1) on conflict (customer_id) do nothing', [
      customerId,
    ]);
  },

  /** The member's tier now; null without an account or a tier. */
  async tierOf(db: Queryable, customerId: string): Promise<string | null> {
    const { rows } = await db.query<{ tier: string | null }>(
      'select tier from ledger.accounts where customer_id = $1',
      [customerId],
    );
    return rows[0]?.tier ?? null;
  },

  /** Locks the accounts of `customerIds` that exist (none is opened), in id order; their rows in that order. */
  async lockExisting(tx: Queryable, customerIds: readonly string[]): Promise<AccountRow[]> {
    const { rows } = await tx.query<AccountRow>(
      `select customer_id, balance, pending, lifetime_points, tier, tier_since, tier_review_at, last_activity_at,
              merged_into
         from ledger.accounts where customer_id = any($1::uuid[]) order by customer_id for update`,
      [customerIds],
    );
    return rows;
  },

  /**
   * `lockExisting` with what `lotStore.heldBy` reads of those accounts at `now`, in one statement
   * (issue 27). A statement that waited for a lock reads its other tables as of before the wait:
   * the lots come back only when no transaction that committed after this statement's snapshot
   * wrote one of these accounts (each row's version under the lock is the one of the snapshot);
   * null otherwise, for the caller to read them again now. A transaction that changes a member's
   * lots writes their account row too (see lotStore), so an account unchanged means lots unchanged.
   */
  async lockWithLots(
    tx: Queryable,
    customerIds: readonly string[],
    now: Date,
  ): Promise<{ rows: AccountRow[]; held: ReturnType<typeof heldLots> | null }> {
    const { rows } = await tx.query<AccountRow & { changed: boolean; lot_id: number | null } & Omit<LotRow, 'id'>>(
      `with locked as materialized (
         select customer_id, balance, pending, lifetime_points, tier, tier_since, tier_review_at, last_activity_at,
                merged_into, xmin::text as version
           from ledger.accounts where customer_id = any($1::uuid[]) order by customer_id for update
       ),
       seen as (select customer_id, xmin::text as version from ledger.accounts where customer_id = any($1::uuid[]))
       select l.customer_id, l.balance, l.pending, l.lifetime_points, l.tier, l.tier_since, l.tier_review_at,
              l.last_activity_at, l.merged_into, s.version is distinct from l.version as changed,
              h.id as lot_id, h.order_id, h.status, h.points, h.remaining, h.earned_at, h.available_at, h.expires_at
         from locked l
         left join seen s on s.customer_id = l.customer_id
         left join (${heldLotsSql('$1', '$2')}) h on h.customer_id = l.customer_id
        order by l.customer_id, h.id`,
      [customerIds, now],
    );
    const accounts = new Map<string, AccountRow>();
    for (const row of rows) {
      accounts.set(row.customer_id, {
        customer_id: row.customer_id,
        balance: row.balance,
        pending: row.pending,
        lifetime_points: row.lifetime_points,
        tier: row.tier,
        tier_since: row.tier_since,
        tier_review_at: row.tier_review_at,
        last_activity_at: row.last_activity_at,
        merged_into: row.merged_into,
      });
    }
    const held = rows.some((row) => row.changed)
      ? null
      : heldLots(rows.flatMap((row) => (row.lot_id === null ? [] : [{ ...row, id: row.lot_id }])));
    return { rows: [...accounts.values()], held };
  },

  /** Opens the account if it is new and locks it until the transaction ends. */
  async openForUpdate(tx: Queryable, customerId: string): Promise<AccountRow> {
    // Most accounts exist: lock first, and insert (then lock) only for a new one.
    const [existing] = await accountStore.lockExisting(tx, [customerId]);
    if (existing) return existing;
    await accountStore.open(tx, customerId);
    return (await accountStore.lockExisting(tx, [customerId]))[0]!;
  },

  /** Writes a locked account's totals; `earnedDelta` adds to its lifetime points (never below zero). */
  async saveTotals(tx: Queryable, row: AccountRow, earnedDelta: number): Promise<void> {
    await tx.query(
      `update ledger.accounts
          set balance = $2, pending = $3, lifetime_points = greatest(lifetime_points + $4, 0), tier = $5,
              tier_since = $6, tier_review_at = $7, last_activity_at = $8, updated_at = now()
        where customer_id = $1`,
      [
        row.customer_id,
        row.balance,
        row.pending,
        earnedDelta,
        row.tier,
        row.tier_since,
        row.tier_review_at,
        row.last_activity_at,
      ],
    );
  },

  /**
   * `saveTotals` for several locked accounts (distinct) in one statement, which also appends
   * `events` to the ledger's outbox (appendEventsSql: its lock, the events, one `NOTIFY`), the last
   * write of a posting.
   */
  async saveAllTotals(
    tx: Queryable,
    accounts: ReadonlyArray<{ row: AccountRow; earnedDelta: number }>,
    events: ReadonlyArray<NewEvent<unknown>> = [],
  ): Promise<void> {
    if (accounts.length === 0) {
      await appendEvents(tx, 'ledger', events);
      return;
    }
    if (accounts.length === 1 && events.length === 0) {
      return accountStore.saveTotals(tx, accounts[0]!.row, accounts[0]!.earnedDelta);
    }
    const outbox = events.length > 0 ? appendEventsSql('ledger', events, 9) : null;
    await tx.query(
      `with saved as (
         update ledger.accounts a
            set balance = t.balance, pending = t.pending, lifetime_points = greatest(a.lifetime_points + t.earned_delta, 0),
                tier = t.tier, tier_since = t.tier_since, tier_review_at = t.tier_review_at,
                last_activity_at = t.last_activity_at, updated_at = now()
           from unnest($1::uuid[], $2::bigint[], $3::bigint[], $4::bigint[], $5::text[], $6::timestamptz[], $7::timestamptz[], $8::timestamptz[])
                as t(customer_id, balance, pending, earned_delta, tier, tier_since, tier_review_at, last_activity_at)
          where a.customer_id = t.customer_id
       )${outbox ? `, ${outbox.ctes}` : ''}
       select ${outbox ? '(select count(*) from appended) as appended, (select count(*) from outbox_notice) as notices' : '1'}`,
      [
        accounts.map(({ row }) => row.customer_id),
        accounts.map(({ row }) => row.balance),
        accounts.map(({ row }) => row.pending),
        accounts.map(({ earnedDelta }) => earnedDelta),
        accounts.map(({ row }) => row.tier),
        accounts.map(({ row }) => row.tier_since),
        accounts.map(({ row }) => row.tier_review_at),
        accounts.map(({ row }) => row.last_activity_at),
        ...(outbox?.params ?? []),
      ],
    );
  },

  /**
   * The next `limit` accounts after `after` (by id) with something due at `now`: pending points to
   * release, points to expire, a tier review, inactivity since `inactiveBefore`, or lots expiring by
   * `noticeUntil` not yet announced.
   */
  async dueForSettling(
    db: Queryable,
    due: { now: Date; inactiveBefore: Date | null; noticeUntil: Date | null; after: string; limit: number },
  ): Promise<Array<{ customer_id: string }>> {
    const { rows } = await db.query<{ customer_id: string }>(
      `select customer_id from (
         select customer_id from ledger.lots where status = 'PENDING' and available_at <= $1
         union select customer_id from ledger.lots where status = 'ACTIVE' and remaining > 0 and expires_at <= $1
         union select customer_id from ledger.accounts where tier_review_at <= $1
         union select customer_id from ledger.accounts where balance > 0 and last_activity_at <= $2
         union select customer_id from ledger.lots
                where status = 'ACTIVE' and remaining > 0 and expiry_noticed_at is null and expires_at <= $5
       ) due
       where customer_id > $3
       order by customer_id
       limit $4`,
      [due.now, due.inactiveBefore, due.after, due.limit, due.noticeUntil],
    );
    return rows;
  },
};
