import type { Queryable } from '../../../runtime/database/database';
import { importedBalanceReason } from '../journal/journal.rules';

const memberColumns = `customer_id uuid, member_key text, fingerprint text, active bigint, pending bigint, lifetime bigint,
  opened_at timestamptz, last_earned_at timestamptz`;
const lotColumns =
  'customer_id uuid, points bigint, earned_at timestamptz, available_at timestamptz, expires_at timestamptz, pending boolean';

/** SQL of the BALANCES import. */
export const balanceImportStore = {
  /** The fingerprints of the balances imported before, by customer. */
  async fingerprints(db: Queryable, customerIds: readonly string[]): Promise<Map<string, string>> {
    const { rows } = await db.query<{ customer_id: string; fingerprint: string }>(
      'select customer_id, fingerprint from ledger.imported_balances where customer_id = any($1::uuid[])',
      [customerIds],
    );
    return new Map(rows.map((row) => [row.customer_id, row.fingerprint]));
  },

  /** Writes the balances: one statement per table (accounts, lots, entries, imported balances, metrics). */
  async write(
    tx: Queryable,
    members: Array<Record<string, unknown>>,
    lots: Array<Record<string, unknown>>,
    jobId: string,
    now: Date,
  ): Promise<void> {
    const membersJson = JSON.stringify(members);
    const lotsJson = JSON.stringify(lots);
    await tx.query(
      `insert into ledger.accounts as a (customer_id, balance, pending, lifetime_points, opened_at, updated_at, last_activity_at)
     select customer_id, active, pending, lifetime, opened_at, $2, last_earned_at
       from jsonb_to_recordset($1::jsonb) as m (${memberColumns})
     on conflict (customer_id) do update
       set balance = a.balance + excluded.balance, pending = a.pending + excluded.pending,
           lifetime_points = a.lifetime_points + excluded.lifetime_points,
           opened_at = least(a.opened_at, excluded.opened_at),
           last_activity_at = greatest(a.last_activity_at, excluded.last_activity_at), updated_at = excluded.updated_at`,
      [membersJson, now],
    );
    await tx.query(
      `insert into ledger.lots (customer_id, status, points, remaining, earned_at, available_at, expires_at)
     select customer_id, case when pending then 'PENDING' else 'ACTIVE' end, points, points, earned_at, available_at, expires_at
       from jsonb_to_recordset($1::jsonb) as l (${lotColumns}) order by customer_id, earned_at`,
      [lotsJson],
    );
    // The accounts already hold the imported points: each entry's running balance counts up to it.
    await tx.query(
      `insert into ledger.entries (customer_id, kind, points, balance_after, reason, source_type, source_id, created_at)
     select l.customer_id, 'EARN', l.points,
            a.balance - m.active + sum(l.points) over (partition by l.customer_id order by l.earned_at, l.ord),
            $3, 'ACTOR', $4, l.earned_at
       from jsonb_to_recordset($1::jsonb) as l (${lotColumns}, ord int)
       join jsonb_to_recordset($2::jsonb) as m (${memberColumns}) using (customer_id)
       join ledger.accounts a using (customer_id)
      where not l.pending
      order by l.customer_id, l.earned_at, l.ord`,
      [lotsJson, membersJson, importedBalanceReason, `import:${jobId}`],
    );
    await tx.query(
      `insert into ledger.imported_balances (customer_id, member_key, fingerprint, points, pending, job_id, imported_at)
     select customer_id, member_key, fingerprint, active, pending, $2, $3 from jsonb_to_recordset($1::jsonb) as m (${memberColumns})`,
      [membersJson, jobId, now],
    );
    // Program metrics count the spendable points as issued on the day they were earned, as the fold
    // counts a native credit's BalanceUpdated; pending ones count when the points job releases them.
    await tx.query(
      `insert into ledger.metrics_points_days as d (day, kind, points)
     select (earned_at at time zone 'UTC')::date, 'EARN', sum(points)
       from jsonb_to_recordset($1::jsonb) as l (${lotColumns}) where not pending group by 1
     on conflict (day, kind) do update set points = d.points + excluded.points`,
      [lotsJson],
    );
  },
};
