import type { Queryable } from '../../../runtime/database/database';
import type { Lot, LotTake } from './lot.rules';

export interface LotRow {
  id: number;
  order_id: string | null;
  status: 'PENDING' | 'ACTIVE';
  points: number;
  remaining: number;
  earned_at: Date;
  available_at: Date;
  expires_at: Date | null;
}

export interface PendingLot {
  id: number;
  orderId: string | null;
  remaining: number;
  availableAt: Date;
}

export interface NewLot {
  customerId: string;
  orderId: string | null;
  pending: boolean;
  points: number;
  earnedAt: Date;
  availableAt: Date;
  expiresAt: Date | null;
}

const toLot = (row: LotRow): Lot => ({
  id: row.id,
  remaining: row.remaining,
  earnedAt: row.earned_at,
  expiresAt: row.expires_at,
  orderId: row.order_id,
});

/** What a book's opening settles, of `heldBy`'s rows (or rows of the same columns): due pending lots, active lots. */
export function heldLots(rows: ReadonlyArray<LotRow & { customer_id: string }>): {
  due: Map<string, PendingLot[]>;
  active: Map<string, Lot[]>;
} {
  const due = new Map<string, PendingLot[]>();
  const active = new Map<string, Lot[]>();
  for (const row of rows) {
    if (row.status === 'PENDING') {
      const lot = { id: row.id, orderId: row.order_id, remaining: row.remaining, availableAt: row.available_at };
      due.set(row.customer_id, [...(due.get(row.customer_id) ?? []), lot]);
    } else {
      active.set(row.customer_id, [...(active.get(row.customer_id) ?? []), toLot(row)]);
    }
  }
  return { due, active };
}

/** SQL: the lots `heldBy` reads, of the members `ids` (an SQL uuid[]) at `now` (an SQL timestamptz). */
export const heldLotsSql = (ids: string, now: string): string =>
  `select * from ledger.lots
    where customer_id = any(${ids}::uuid[])
      and ((status = 'PENDING' and available_at <= ${now}) or (status = 'ACTIVE' and remaining > 0))`;

/**
 * SQL for `ledger.lots`. Callers hold the account's lock: lots change only under it, and a
 * transaction that changes a member's lots also writes their account row (AccountBook saves it;
 * the imports upsert it), which accountStore.lockWithLots relies on.
 */
export const lotStore = {
  async insert(tx: Queryable, lot: NewLot): Promise<Lot> {
    const { rows } = await tx.query<LotRow>(
      `insert into ledger.lots (customer_id, order_id, status, points, remaining, earned_at, available_at, expires_at)
       values ($1, $2, $3, $4, $4, $5, $6, $7) returning *`,
      [
        lot.customerId,
        lot.orderId,
        lot.pending ? 'PENDING' : 'ACTIVE',
        lot.points,
        lot.earnedAt,
        lot.availableAt,
        lot.expiresAt,
      ],
    );
    return toLot(rows[0]!);
  },

  /** `insert` for several lots in one statement: the lots written, in the order given. */
  async insertMany(tx: Queryable, lots: readonly NewLot[]): Promise<Lot[]> {
    if (lots.length === 0) return [];
    if (lots.length === 1) return [await lotStore.insert(tx, lots[0]!)];
    const { rows } = await tx.query<LotRow & { position: number }>(
      `with added as (
         insert into ledger.lots (customer_id, order_id, status, points, remaining, earned_at, available_at, expires_at)
         select customer_id, order_id, status, points, points, earned_at, available_at, expires_at
           from unnest($1::uuid[], $2::uuid[], $3::text[], $4::bigint[], $5::timestamptz[], $6::timestamptz[], $7::timestamptz[])
                with ordinality as l(customer_id, order_id, status, points, earned_at, available_at, expires_at, position)
          order by position
         returning *
       )
       select * from added order by id`,
      [
        lots.map((lot) => lot.customerId),
        lots.map((lot) => lot.orderId),
        lots.map((lot) => (lot.pending ? 'PENDING' : 'ACTIVE')),
        lots.map((lot) => lot.points),
        lots.map((lot) => lot.earnedAt),
        lots.map((lot) => lot.availableAt),
        lots.map((lot) => lot.expiresAt),
      ],
    );
    // Ids are given in insertion order, which is the order of `lots`.
    return rows.map(toLot);
  },

  /** The member's spendable lots that still hold points. */
  async active(tx: Queryable, customerId: string): Promise<Lot[]> {
    const { rows } = await tx.query<LotRow>(
      `select * from ledger.lots where customer_id = $1 and status = 'ACTIVE' and remaining > 0`,
      [customerId],
    );
    return rows.map(toLot);
  },

  /**
   * What opening the books of `customerIds` settles, in one query: each member's pending lots due
   * for release at `now` (oldest first, as `dueForRelease`) and spendable lots (as `active`).
   */
  async heldBy(
    tx: Queryable,
    customerIds: readonly string[],
    now: Date,
  ): Promise<{ due: Map<string, PendingLot[]>; active: Map<string, Lot[]> }> {
    const { rows } = await tx.query<LotRow & { customer_id: string }>(`${heldLotsSql('$1', '$2')} order by id`, [
      customerIds,
      now,
    ]);
    return heldLots(rows);
  },

  async pendingOfOrder(tx: Queryable, orderId: string): Promise<PendingLot | undefined> {
    const { rows } = await tx.query<LotRow>(`select * from ledger.lots where order_id = $1 and status = 'PENDING'`, [
      orderId,
    ]);
    const row = rows[0];
    return row && { id: row.id, orderId: row.order_id, remaining: row.remaining, availableAt: row.available_at };
  },

  /**
   * Moves every lot of one member to another (a merge), spent and pending ones included: a lot a
   * redemption emptied is where its refund puts the points back, and a pending lot a return emptied
   * is still released (to nothing) when its hold ends. Left behind, either would sit on the merged
   * account, which no book settles any more (its id opens the survivor's).
   */
  async moveLots(tx: Queryable, fromCustomerId: string, toCustomerId: string): Promise<void> {
    await tx.query('update ledger.lots set customer_id = $1 where customer_id = $2', [toCustomerId, fromCustomerId]);
  },

  /**
   * Releases the member's pending lot `lotId`: the points it holds, or null, nothing changed, when
   * it is no longer a pending lot of theirs (a read of it went stale: another transaction released
   * or moved it already).
   */
  async activate(tx: Queryable, lotId: number, customerId: string): Promise<number | null> {
    const { rows } = await tx.query<{ remaining: number }>(
      `update ledger.lots set status = 'ACTIVE' where id = $1 and customer_id = $2 and status = 'PENDING'
       returning remaining`,
      [lotId, customerId],
    );
    return rows[0]?.remaining ?? null;
  },

  /**
   * Adds `delta` (signed) to each lot's remaining points; with `ownerId`, only to lots of that
   * member, and throws (nothing may be posted) when one of the lots is not theirs.
   */
  async change(tx: Queryable, changes: readonly LotTake[], ownerId?: string): Promise<void> {
    if (changes.length === 0) return;
    const { rowCount } = await tx.query(
      `update ledger.lots l set remaining = l.remaining + c.delta
         from unnest($1::bigint[], $2::bigint[]) as c(id, delta)
        where l.id = c.id and ($3::uuid is null or l.customer_id = $3::uuid)`,
      [changes.map((c) => c.lotId), changes.map((c) => c.points), ownerId ?? null],
    );
    if (ownerId !== undefined && rowCount !== new Set(changes.map((c) => c.lotId)).size) {
      throw new Error(`ledger lots ${changes.map((c) => c.lotId).join(', ')} are not all lots of ${ownerId}`);
    }
  },

  /**
   * Marks the member's spendable lots that expire after `now` and by `until`, and were not announced
   * yet, as announced at `now`; returns them. A lot is marked once, however often this runs.
   */
  async markExpiryNoticed(tx: Queryable, customerId: string, now: Date, until: Date): Promise<Lot[]> {
    const { rows } = await tx.query<LotRow>(
      `update ledger.lots set expiry_noticed_at = $2
        where customer_id = $1 and status = 'ACTIVE' and remaining > 0 and expiry_noticed_at is null
          and expires_at > $2 and expires_at <= $3
       returning *`,
      [customerId, now, until],
    );
    return rows.map(toLot);
  },

  /** Spendable points by expiry date, soonest first (lots that expire by date only). */
  async expiringByDate(
    db: Queryable,
    customerIds: readonly string[],
  ): Promise<Array<{ customer_id: string; expires_at: Date; points: number }>> {
    const { rows } = await db.query<{ customer_id: string; expires_at: Date; points: number }>(
      `select customer_id, expires_at, sum(remaining)::bigint as points
         from ledger.lots
        where customer_id = any($1::uuid[]) and status = 'ACTIVE' and remaining > 0 and expires_at is not null
        group by customer_id, expires_at
        order by customer_id, expires_at`,
      [customerIds],
    );
    return rows;
  },

  /** Points on hold, by the date they become spendable. */
  async pendingByDate(
    db: Queryable,
    customerIds: readonly string[],
  ): Promise<Array<{ customer_id: string; order_id: string | null; available_at: Date; points: number }>> {
    const { rows } = await db.query<{
      customer_id: string;
      order_id: string | null;
      available_at: Date;
      points: number;
    }>(
      `select customer_id, order_id, available_at, remaining as points
         from ledger.lots
        where customer_id = any($1::uuid[]) and status = 'PENDING' and remaining > 0
        order by customer_id, available_at, id`,
      [customerIds],
    );
    return rows;
  },
};
