import { createHash } from 'node:crypto';
import type { Database } from '../../../runtime/database/database';
import { ErrorCode } from '../../../runtime/errors/errorCodes';
import type { ImportBatchRequest, ImportBatchResult } from '../../../runtime/imports/importBatch';
import { RecordReader } from '../../../runtime/imports/recordReader';
import { lotExpiry } from '../lots/lot.rules';
import {
  inBatchTransaction,
  notInFuture,
  outcome,
  resolveOnePerMember,
  type LedgerImportContext,
  type Parsed,
} from './importCommon';
import { balanceImportStore } from './balanceImport.store';

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
  const customers = await resolveOnePerMember(context, parsed);
  return inBatchTransaction(db, request.dryRun, async (tx) => {
    const candidates = parsed.filter((p) => p.reader.ok);
    const existing = await balanceImportStore.fingerprints(
      tx,
      candidates.map((p) => customers.get(p.value.memberKey)!),
    );
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
    if (members.length > 0) await balanceImportStore.write(tx, members, lots, request.jobId, now);
    return outcome(parsed, skipped);
  });
}
