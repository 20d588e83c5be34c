import type { Database } from '../../../runtime/database/database';
import { appendEvent } from '../../../runtime/events/outbox';
import { ErrorCode } from '../../../runtime/errors/errorCodes';
import type { ImportBatchRequest, ImportBatchResult } from '../../../runtime/imports/importBatch';
import { RecordReader } from '../../../runtime/imports/recordReader';
import { ledgerEvents } from '../contract/events';
import { addMonths } from '../lots/lot.rules';
import { rankOf } from '../tiers/tier.rules';
import { tierStore } from '../tiers/tier.store';
import {
  inBatchTransaction,
  notInFuture,
  outcome,
  resolveOnePerMember,
  type LedgerImportContext,
  type Parsed,
} from './importCommon';
import { tierImportStore } from './tierImport.store';

interface TierRecord {
  memberKey: string;
  tier: string;
  qualifyingPoints: number | null;
  since: Date | null;
  reviewAt: Date | null;
}

function readTier(reader: RecordReader, now: Date): TierRecord {
  const record = {
    memberKey: reader.text('memberKey', { required: true, maxLength: 200 }) ?? '',
    tier: reader.text('tier', { required: true, maxLength: 100 }) ?? '',
    qualifyingPoints: reader.integer('qualifyingPoints', { min: 0 }) ?? null,
    since: reader.time('since') ?? null,
    reviewAt: reader.time('reviewAt') ?? null,
  };
  notInFuture(reader, 'since', record.since ?? undefined, now);
  if (record.since && record.reviewAt && record.reviewAt <= record.since) {
    reader.fail('reviewAt', ErrorCode.BAD_USER_INPUT, 'reviewAt must be later than since');
  }
  return record;
}

const sameTime = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/**
 * TIERS: sets each member's tier as the old engine had it (since, next review, the qualifying points
 * it had counted) without a TierChanged: nothing reacts as if the member had just moved. One
 * TiersImported event per batch tells the campaign subgraph (segments by tier).
 */
export async function importTiers(
  context: LedgerImportContext,
  db: Database,
  request: ImportBatchRequest,
): Promise<ImportBatchResult> {
  const now = context.clock();
  const parsed: Parsed<TierRecord>[] = request.records.map((record) => {
    const reader = new RecordReader(record);
    return { reader, value: readTier(reader, now) };
  });
  const program = await tierStore.load(db);
  for (const { reader, value } of parsed) {
    if (reader.ok && !program?.tiers.some((tier) => tier.name === value.tier)) {
      reader.fail(
        'tier',
        ErrorCode.NOT_FOUND,
        program
          ? `No tier is named ${value.tier} (the program's tiers: ${program.tiers.map((tier) => tier.name).join(', ')})`
          : 'The program has no tiers: define them (setTierProgram) before importing tiers',
      );
    }
  }
  const customers = await resolveOnePerMember(context, parsed);
  return inBatchTransaction(db, request.dryRun, async (tx) => {
    const candidates = parsed.filter((p) => p.reader.ok);
    const accounts = await tierImportStore.states(
      tx,
      candidates.map((p) => customers.get(p.value.memberKey)!),
    );
    let skipped = 0;
    const changes: Array<Record<string, unknown>> = [];
    for (const { value } of candidates) {
      const customerId = customers.get(value.memberKey)!;
      const account = accounts.get(customerId);
      const since = value.since ?? (account?.tier === value.tier ? account.tier_since : null) ?? now;
      const reviewAt =
        value.reviewAt ?? (rankOf(program!, value.tier) > 0 ? addMonths(since, program!.windowMonths) : null);
      if (
        account?.imported &&
        account.tier === value.tier &&
        sameTime(account.tier_since, since) &&
        sameTime(account.tier_review_at, reviewAt) &&
        (account.qualifying_points === null ? null : Number(account.qualifying_points)) === value.qualifyingPoints
      ) {
        skipped += 1;
        continue;
      }
      changes.push({
        customer_id: customerId,
        member_key: value.memberKey,
        tier: value.tier,
        since: since.toISOString(),
        review_at: reviewAt?.toISOString() ?? null,
        qualifying_points: value.qualifyingPoints,
      });
    }
    if (changes.length > 0) {
      await tierImportStore.write(tx, changes, request.jobId, now);
      await appendEvent(
        tx,
        'ledger',
        ledgerEvents.TiersImported.event(
          request.jobId,
          {
            jobId: request.jobId,
            tiers: changes.map((change) => ({ customerId: String(change.customer_id), tier: String(change.tier) })),
          },
          null,
        ),
      );
    }
    return outcome(parsed, skipped);
  });
}
