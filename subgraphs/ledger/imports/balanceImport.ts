import { createHash } from 'node:crypto';
import type { Database, Queryable } from '../../../runtime/database/database';
import { ErrorCode } from '../../../runtime/errors/errorCodes';
import type { ImportBatchRequest, ImportBatchResult } from '../../../runtime/imports/importBatch';
import { RecordReader } from '../../../runtime/imports/recordReader';
import { importedBalanceReason } from '../journal/journal.rules';
import { lotExpiry } from '../lots/lot.rules';
import {
  inBatchTransaction,
  notInFuture,
  outcome,
  refuseDuplicates,
  resolveMembers,
  type LedgerImportContext,
  type Parsed,
} from './importCommon';

interface ImportedLot {
  points: number;
  earnedAt: Date;
  expiresAt: Date | null;
  availableAt: Date;
  pending: boolean;
}

interface BalanceRecord {
  memberKey: string;
  lots: ImportedLot[];
  lifetimePoints: number;
  fingerprint: string;
}

function readBalance(reader: RecordReader, context: LedgerImportContext, now: Date): BalanceRecord {
  const memberKey = reader.text('memberKey', { required: true, maxLength: 200 });
  const lots: ImportedLot[] = [];
  for (const lot of reader.list('lots', { required: true }) ?? []) {
    const points = lot.integer('points', { required: true, min: 1 });
    const earnedAt = lot.time('earnedAt', { required: true });
    const expiresAt = lot.time('expiresAt');
    const availableAt = lot.time('availableAt');
    notInFuture(lot, 'earnedAt', earnedAt, now);
    if (earnedAt && expiresAt && expiresAt <= earnedAt) {
      lot.fail('expiresAt', ErrorCode.BAD_USER_INPUT, 'expiresAt must be later than earnedAt');
    }
    const expiry = expiresAt ?? (earnedAt ? lotExpiry(context.policy.expiry, earnedAt) : null);
    if (expiry && expiry <= now) {
      lot.fail(
        expiresAt ? 'expiresAt' : 'earnedAt',
        ErrorCode.BAD_USER_INPUT,
        `The lot expired on ${expiry.toISOString()}: leave expired points out of the import`,
      );
    }
    reader.adopt(lot);
    if (points !== undefined && earnedAt) {
      const available = availableAt && availableAt > earnedAt ? availableAt : earnedAt;
      lots.push({ points, earnedAt, expiresAt: expiry, availableAt: available, pending: available > now });
    }
  }
  const total = lots.reduce((sum, lot) => sum + lot.points, 0);
  const lifetime = reader.integer('lifetimePoints', { min: 0 });
  if (lifetime !== undefined && lifetime < total) {
    reader.fail(
      'lifetimePoints',
      ErrorCode.BAD_USER_INPUT,
      `lifetimePoints must be at least the lots' ${total} points`,
    );
  }
  const lifetimePoints = lifetime ?? total;
  const fingerprint = createHash('sha256')
    .update(
      JSON.stringify([
        lots.map((lot) => [
          lot.points,
          lot.earnedAt.toISOString(),
          lot.expiresAt?.toISOString() ?? null,
          lot.availableAt.toISOString(),
        ]),
        lifetimePoints,
      ]),
    )
    .digest('hex');
  return { memberKey: memberKey ?? '', lots, lifetimePoints, fingerprint };
}

/**
 * BALANCES: each member's points as lots with their own dates; spendable ones post one EARN entry
 * each (dated when earned, so they count for tiers like native earnings), pending ones are held as
 * native pending points are and released by the points job. Opens the account if missing.
 */
export async function importBalances(
  context: LedgerImportContext,
  db: Database,
  request: ImportBatchRequest,
): Promise<ImportBatchResult> {
  const now = context.clock();
  const parsed: Parsed<BalanceRecord>[] = request.records.map((record) => {
    const reader = new RecordReader(record);
    return { reader, value: readBalance(reader, context, now) };
  });
  refuseDuplicates(parsed, (value) => value.memberKey, 'memberKey');
  const customers = await resolveMembers(context, parsed);
  refuseDuplicates(parsed, (value) => customers.get(value.memberKey)!, 'memberKey');
  return inBatchTransaction(db, request.dryRun, async (tx) => {
    const candidates = parsed.filter((p) => p.reader.ok);
    const { rows: imported } = await tx.query<{ customer_id: string; fingerprint: string }>(
      'select customer_id, fingerprint from ledger.imported_balances where customer_id = any($1::uuid[])',
      [candidates.map((p) => customers.get(p.value.memberKey)!)],
    );
    const existing = new Map(imported.map((row) => [row.customer_id, row.fingerprint]));
    let skipped = 0;
    const members: Array<Record<string, unknown>> = [];
    const lots: Array<Record<string, unknown>> = [];
    for (const { reader, value } of candidates) {
      const customerId = customers.get(value.memberKey)!;
      const before = existing.get(customerId);
      if (before === value.fingerprint) {
        skipped += 1;
        continue;
      }
      if (before !== undefined) {
        reader.fail(
          null,
          ErrorCode.CONFLICT,
          `A different balance was already imported for memberKey ${value.memberKey}: adjust points instead`,
        );
        continue;
      }
      const active = value.lots.filter((lot) => !lot.pending).reduce((sum, lot) => sum + lot.points, 0);
      const pending = value.lots.filter((lot) => lot.pending).reduce((sum, lot) => sum + lot.points, 0);
      const earned = value.lots.map((lot) => lot.earnedAt.getTime());
      members.push({
        customer_id: customerId,
        member_key: value.memberKey,
        fingerprint: value.fingerprint,
        active,
        pending,
        lifetime: value.lifetimePoints,
        opened_at: new Date(Math.min(now.getTime(), ...earned)).toISOString(),
        last_earned_at: earned.length > 0 ? new Date(Math.max(...earned)).toISOString() : null,
      });
      for (const lot of value.lots) {
        lots.push({
          customer_id: customerId,
          points: lot.points,
          earned_at: lot.earnedAt.toISOString(),
          available_at: lot.availableAt.toISOString(),
          expires_at: lot.expiresAt?.toISOString() ?? null,
          pending: lot.pending,
          ord: lots.length,
        });
      }
    }
    if (members.length > 0) await writeBalances(tx, members, lots, request.jobId, now);
    return outcome(parsed, skipped);
  });
}

const memberColumns = `customer_id uuid, member_key text, fingerprint text, active bigint, pending bigint, lifetime bigint,
  opened_at timestamptz, last_earned_at timestamptz`;
const lotColumns =
  'customer_id uuid, points bigint, earned_at timestamptz, available_at timestamptz, expires_at timestamptz, pending boolean';

async function writeBalances(
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
}
