import type { Database, Queryable } from '../../../runtime/database/database';
import type { TierProgram } from './tier.rules';
import { accountAndMerged } from '../accounts/account.store';

/** Whether the entry `e` counts toward its member's tier (see `qualifyingPoints`). */
const qualifies = (e: string): string =>
  `(${e}.kind in ('EARN', 'BONUS') or (${e}.kind = 'REVERSE' and ${e}.source_type = 'RETURN'))
   -- An imported tier's qualifying points already hold what its imported balance earned.
   and not (${e}.source_type = 'ACTOR' and ${e}.source_id like 'import:%' and exists (
     select 1 from ledger.imported_tiers t
      where t.customer_id = ${e}.customer_id and t.qualifying_points is not null))`;

/**
 * SQL: `customer_id, points`, the qualifying points (see `qualifyingPoints`) of each member of
 * `ids` (an SQL uuid[]) in the window from `since`. `written` names a CTE of entries the same
 * statement inserts (`customer_id, created_at, kind, points, source_type, source_id`), which its
 * snapshot does not show: they count as well.
 */
export const qualifyingPointsSql = (ids: string, since: string, written: string | null): string =>
  `select c.customer_id, q.points
     from unnest(${ids}::uuid[]) as c(customer_id)
     cross join lateral (
       select coalesce((select sum(e.points)
                          from ${accountAndMerged('c.customer_id')} accounts
                          join ledger.entries e on e.customer_id = accounts.account_id and e.created_at > ${since}
                         where ${qualifies('e')}), 0)::bigint
              ${
                written
                  ? `+ coalesce((select sum(w.points)
                                   from ${accountAndMerged('c.customer_id')} accounts
                                   join ${written} w on w.customer_id = accounts.account_id and w.created_at > ${since}
                                  where ${qualifies('w')}), 0)::bigint`
                  : ''
              }
              + coalesce((select sum(t.qualifying_points)
                            from ${accountAndMerged('c.customer_id')} accounts
                            join ledger.imported_tiers t
                              on t.customer_id = accounts.account_id and t.imported_at > ${since}), 0)::bigint as points
     ) q`;

/** Rows of `qualifyingPointsSql` by customer (never below zero). */
export const qualifyingByCustomer = (rows: ReadonlyArray<{ customer_id: string; points: number | string }>) =>
  new Map(rows.map((row) => [row.customer_id, Math.max(0, Number(row.points))]));

/** SQL for the tier program (`ledger.tier_program`, `ledger.tiers`). */
export const tierStore = {
  /** The program, or `null` when none is defined (every member is then without a tier). */
  async load(db: Queryable): Promise<TierProgram | null> {
    const { rows } = await db.query<{ window_months: number; tiers: TierProgram['tiers'] }>(
      `select p.window_months,
              coalesce((select jsonb_agg(jsonb_build_object('name', t.name, 'qualifyingPoints', t.qualifying_points,
                                                            'multiplierPercent', t.multiplier_percent)
                                         order by t.position)
                          from ledger.tiers t), '[]'::jsonb) as tiers
         from ledger.tier_program p`,
    );
    const program = rows[0];
    return program ? { windowMonths: program.window_months, tiers: program.tiers } : null;
  },

  async replace(db: Database, program: TierProgram): Promise<void> {
    await db.transaction(async (tx) => {
      await tx.query(
        `insert into ledger.tier_program (singleton, window_months) values (true, $1)
         on conflict (singleton) do update set window_months = excluded.window_months, updated_at = now()`,
        [program.windowMonths],
      );
      await tx.query('delete from ledger.tiers');
      await tx.query(
        `insert into ledger.tiers (position, name, qualifying_points, multiplier_percent)
         select (ord - 1)::int, name, points, multiplier
           from unnest($1::text[], $2::bigint[], $3::int[]) with ordinality as t(name, points, multiplier, ord)`,
        [
          program.tiers.map((t) => t.name),
          program.tiers.map((t) => t.qualifyingPoints),
          program.tiers.map((t) => t.multiplierPercent),
        ],
      );
    });
  },

  /**
   * Qualifying points of a member in the window that starts at `since`: points earned from
   * purchases (base and bonus) less what returns took back, on the member's account and those
   * merged into it, plus the qualifying points an imported tier brought while they are in the
   * window (counted from the import). Expiry, redemptions and transfers do not count.
   */
  async qualifyingPoints(db: Queryable, customerId: string, since: Date): Promise<number> {
    return (await this.qualifyingPointsOf(db, [customerId], since)).get(customerId) ?? 0;
  },

  /** `qualifyingPoints` of several members in one query. */
  async qualifyingPointsOf(db: Queryable, customerIds: readonly string[], since: Date): Promise<Map<string, number>> {
    const { rows } = await db.query<{ customer_id: string; points: number }>(qualifyingPointsSql('$1', '$2', null), [
      customerIds,
      since,
    ]);
    return qualifyingByCustomer(rows);
  },
};
