import type { Database, Queryable } from '../../../runtime/database/database';
import { ErrorCode } from '../../../runtime/errors/errorCodes';
import type { ImportBatchResult, ImportLineError } from '../../../runtime/imports/importBatch';
import type { RecordReader } from '../../../runtime/imports/recordReader';
import { maxClockSkewMs } from '../../../runtime/validation/occurredAt';
import type { LedgerPolicy } from '../program/ledgerPolicy';
import type { MemberKeyResolver } from './memberKeys';

/** What the ledger's appliers need besides the database. */
export interface LedgerImportContext {
  policy: LedgerPolicy;
  clock: () => Date;
  members: MemberKeyResolver;
}

/** A record read whole, with its reader (whose errors make it fail). */
export interface Parsed<T> {
  reader: RecordReader;
  value: T;
}

/** Fails every record after the first with the same key (a CONFLICT on `field`). */
export function refuseDuplicates<T>(parsed: Parsed<T>[], keyOf: (value: T) => string, field: string): void {
  const seen = new Set<string>();
  for (const { reader, value } of parsed) {
    if (!reader.ok) continue;
    const key = keyOf(value);
    if (seen.has(key)) reader.fail(field, ErrorCode.CONFLICT, `${field} ${key} appears twice in this batch`);
    seen.add(key);
  }
}

/** Resolves the records' member keys through the profile; unknown ones fail with NOT_FOUND. */
export async function resolveMembers<T extends { memberKey: string }>(
  context: LedgerImportContext,
  parsed: Parsed<T>[],
): Promise<Map<string, string>> {
  const keys = [...new Set(parsed.filter((p) => p.reader.ok).map((p) => p.value.memberKey))];
  const customers = await context.members(keys);
  for (const { reader, value } of parsed) {
    if (reader.ok && !customers.has(value.memberKey)) {
      reader.fail('memberKey', ErrorCode.NOT_FOUND, `No imported member has memberKey ${value.memberKey}`);
    }
  }
  return customers;
}

/**
 * For kinds with one record per member (balances, tiers): resolves the member keys and fails a
 * second record of one member, named by its key or by another key of the same (merged) member.
 */
export async function resolveOnePerMember<T extends { memberKey: string }>(
  context: LedgerImportContext,
  parsed: Parsed<T>[],
): Promise<Map<string, string>> {
  refuseDuplicates(parsed, (value) => value.memberKey, 'memberKey');
  const customers = await resolveMembers(context, parsed);
  refuseDuplicates(parsed, (value) => customers.get(value.memberKey)!, 'memberKey');
  return customers;
}

class DryRun extends Error {
  constructor(readonly result: ImportBatchResult) {
    super('dry run');
  }
}

/**
 * Runs `work` in one transaction; it returns the records' outcome. A dry run rolls it back, so a
 * dry run reads exactly what the real run would and writes nothing.
 */
export async function inBatchTransaction(
  db: Database,
  dryRun: boolean,
  work: (tx: Queryable) => Promise<ImportBatchResult>,
): Promise<ImportBatchResult> {
  try {
    return await db.transaction(async (tx) => {
      const result = await work(tx);
      if (dryRun) throw new DryRun(result);
      return result;
    });
  } catch (error) {
    if (error instanceof DryRun) return error.result;
    throw error;
  }
}

/** The batch's outcome: the failed records' errors, the others applied or skipped. */
export function outcome(parsed: Parsed<unknown>[], skipped: number): ImportBatchResult {
  const errors: ImportLineError[] = parsed.flatMap((p) => p.reader.errors);
  const failed = parsed.filter((p) => !p.reader.ok).length;
  return { applied: parsed.length - failed - skipped, skipped, errors };
}

/** Refuses a time after `now` (a little clock skew allowed, as recordPurchase does). */
export function notInFuture(reader: RecordReader, field: string, time: Date | undefined, now: Date): void {
  if (time && time.getTime() > now.getTime() + maxClockSkewMs) {
    reader.fail(field, ErrorCode.BAD_USER_INPUT, `${field} is in the future: an import brings past history`);
  }
}
