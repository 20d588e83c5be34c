import { createHash, randomUUID } from 'node:crypto';
import { hasSqlState, SqlState } from '../../../runtime/database/database';
import { ErrorCode } from '../../../runtime/errors/errorCodes';
import { isDatabaseUnavailable } from '../../../runtime/errors/maskUnexpectedErrors';
import type { NewEvent } from '../../../runtime/events/outbox';
import { PeriodicJob } from '../../../runtime/jobs/periodicJob';
import type { Logger } from '../../../runtime/logging/logger';
import type { AdjustmentService } from '../adjustments/adjustment.service';
import { LedgerError, LedgerErrorKind } from '../errors';
import type { LedgerCore } from '../ledgerCore';
import { runGrouped } from '../purchases/batch';
import type { ProfileDirectory } from '../../profile/contract/profileDirectory';
import type { CampaignSegments } from '../upstream/campaignSegments';
import { bulkAdjustmentStore, type BulkAdjustmentItemRow, type BulkAdjustmentRow } from './bulkAdjustment.store';
import {
  maxBulkAdjustmentMembers,
  type BulkAdjustment,
  type BulkAdjustmentPreview,
  type BulkAdjustmentPreviewInput,
  type BulkAdjustmentState,
  type StartBulkAdjustmentInput,
} from './bulkAdjustment.type';

export interface BulkAdjustmentOptions {
  /** Members per chunk: their outcomes and the job's progress are written together. Default 500, at most 1000. */
  chunkSize?: number;
  /** Members of a chunk adjusted side by side. Default 4. */
  concurrency?: number;
  /** How long an instance holds a job before another may take it over (renewed each chunk). Default 60 s. */
  leaseMs?: number;
  /** The most members one job takes (a list, or a segment's members). Default `maxBulkAdjustmentMembers`. */
  maxMembers?: number;
}

export const toBulkAdjustment = (row: BulkAdjustmentRow): BulkAdjustment => ({
  id: row.id,
  state: row.state as BulkAdjustmentState,
  segmentKey: row.segment_key,
  total: row.total,
  processed: row.processed,
  failed: row.failed,
  points: Number(row.points),
  reason: row.reason,
  actor: `${row.actor.role}:${row.actor.subject}`,
  createdAt: row.created_at,
  finishedAt: row.finished_at,
});

/** A member's failure that a later run cures (a service or the database away): the member stays pending. */
class Transient extends Error {}

/**
 * Adjusts the points of many members (a segment or a list) in the background: the members are
 * fixed when the job starts; each is adjusted by `AdjustmentService.adjust`, exactly as `adjustPoints`
 * would (journal, lots, balance, BalanceUpdated), idempotent by `<job key>:<customer id>`, so a job
 * resumed after a restart adjusts no one twice. A member that cannot be adjusted (unknown, erased,
 * too few points for a debit) fails alone.
 */
export class BulkAdjustmentService {
  readonly job: PeriodicJob<number>;
  private stopping = false;
  private readonly chunkSize: number;
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly maxMembers: number;

  constructor(
    private readonly core: LedgerCore,
    private readonly adjustments: AdjustmentService,
    private readonly segments: CampaignSegments,
    private readonly profiles: ProfileDirectory,
    logger: Logger,
    options: BulkAdjustmentOptions = {},
  ) {
    this.chunkSize = Math.min(options.chunkSize ?? 500, 1000);
    this.concurrency = options.concurrency ?? 4;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.maxMembers = options.maxMembers ?? maxBulkAdjustmentMembers;
    this.job = new PeriodicJob('bulk adjustments', () => this.runDue(), logger);
  }

  /** Runs every `intervalMs` (0: only on request) and at once, for the jobs a stopped instance left. */
  async start(intervalMs: number): Promise<void> {
    this.stopping = false;
    await this.job.start(intervalMs);
    this.job.wake(0);
  }

  /** Stops after the chunk under way and gives its job back, for the next run anywhere. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.job.stop();
  }

  async preview(input: BulkAdjustmentPreviewInput): Promise<BulkAdjustmentPreview> {
    const members = await this.membersOf(input);
    return {
      members: members.length,
      totalPoints: members.length * input.points,
      wouldOverdraw: input.points < 0 ? await bulkAdjustmentStore.countBelow(this.core.db, members, -input.points) : 0,
    };
  }

  async startJob(input: StartBulkAdjustmentInput, actor: NewEvent['actor']): Promise<BulkAdjustment> {
    if (!actor) throw new LedgerError(LedgerErrorKind.InvalidInput, 'A bulk adjustment needs a signed-in caller');
    const list = input.customerIds ? this.checkedList(input) : null;
    const fingerprint = createHash('sha256')
      .update(
        JSON.stringify({ segmentKey: input.segmentKey ?? null, list, points: input.points, reason: input.reason }),
      )
      .digest('hex');
    const existing = await bulkAdjustmentStore.findByKey(this.core.db, input.idempotencyKey);
    if (existing) return this.replay(existing, fingerprint);
    const members = list ?? (await this.membersOf(input));
    let row: BulkAdjustmentRow;
    try {
      row = await this.core.db.transaction((tx) =>
        bulkAdjustmentStore.insert(
          tx,
          {
            id: randomUUID(),
            idempotencyKey: input.idempotencyKey,
            fingerprint,
            segmentKey: input.segmentKey ?? null,
            points: input.points,
            reason: input.reason,
            actor,
            at: this.core.clock(),
          },
          members,
        ),
      );
    } catch (error) {
      if (!hasSqlState(error, SqlState.uniqueViolation)) throw error;
      // A retry that raced the first request answers with the job that got there first.
      const winner = await bulkAdjustmentStore.findByKey(this.core.db, input.idempotencyKey);
      if (!winner) throw error;
      return this.replay(winner, fingerprint);
    }
    this.job.wake(0);
    return toBulkAdjustment(row);
  }

  /** Runs the RUNNING jobs no instance holds, oldest first; the members it tried. */
  async runDue(): Promise<number> {
    let members = 0;
    while (!this.stopping) {
      const now = new Date();
      const job = await bulkAdjustmentStore.claimNext(this.core.db, now, this.leaseEnd());
      if (!job) break;
      members += await this.runJob(job);
    }
    return members;
  }

  private async runJob(job: BulkAdjustmentRow): Promise<number> {
    const { db } = this.core;
    let tried = 0;
    try {
      for (;;) {
        if (this.stopping) {
          await bulkAdjustmentStore.release(db, job.id);
          return tried;
        }
        const items = await bulkAdjustmentStore.pendingItems(db, job.id, this.chunkSize);
        if (items.length === 0) {
          await bulkAdjustmentStore.finish(db, job.id, this.core.clock());
          return tried;
        }
        // An erased member keeps an account but is no longer a member to adjust (a service away: later).
        const erased = await this.core.upstream(
          () => this.profiles.erasedAmong(items.map((item) => item.customer_id)),
          'the bulk adjustment',
        );
        const failed: Array<{ seq: number; code: string; message: string }> = [];
        for (const item of items) {
          if (erased.has(item.customer_id)) {
            failed.push({
              seq: item.seq,
              code: ErrorCode.NOT_FOUND,
              message: `Customer ${item.customer_id} was erased`,
            });
          }
        }
        const live = items.filter((item) => !erased.has(item.customer_id));
        // Members whose adjustment waits for a service or the database: left pending for a later run.
        const paused = new Set<number>();
        const outcomes = await runGrouped(
          live,
          (item) => item.customer_id,
          async (item) => {
            try {
              await this.adjustOne(job, item);
            } catch (error) {
              if (error instanceof Transient) paused.add(item.seq);
              throw error;
            }
          },
          this.concurrency,
        );
        const done: number[] = [];
        outcomes.forEach((outcome, index) => {
          const { seq } = live[index]!;
          if (outcome.ok) done.push(seq);
          else if (paused.has(seq) || outcome.error.code === ErrorCode.SERVICE_UNAVAILABLE) paused.add(seq);
          else failed.push({ seq, code: outcome.error.code, message: outcome.error.message });
        });
        await db.transaction((tx) => bulkAdjustmentStore.recordChunk(tx, job.id, done, failed, this.leaseEnd()));
        tried += done.length + failed.length;
        // Requests waiting for the database (one connection, with PGlite) go first.
        await new Promise((resolve) => setImmediate(resolve));
        // The run fails (and the job's next run comes after a backoff) rather than spin on them.
        if (paused.size > 0) throw new Error(`bulk adjustment ${job.id}: ${paused.size} members wait; retrying later`);
      }
    } catch (error) {
      await bulkAdjustmentStore.release(db, job.id).catch(() => undefined);
      throw error;
    }
  }

  private async adjustOne(job: BulkAdjustmentRow, item: BulkAdjustmentItemRow): Promise<void> {
    try {
      await this.adjustments.adjust(
        {
          customerId: item.customer_id,
          points: Number(job.points),
          reason: job.reason,
          idempotencyKey: `${job.idempotency_key}:${item.customer_id}`,
        },
        job.actor as NewEvent['actor'],
      );
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw new Transient('the database is unavailable', { cause: error });
      throw error;
    }
  }

  private leaseEnd(): Date {
    return new Date(Date.now() + this.leaseMs);
  }

  private replay(existing: BulkAdjustmentRow, fingerprint: string): BulkAdjustment {
    if (existing.fingerprint !== fingerprint) {
      throw new LedgerError(
        LedgerErrorKind.OrderConflict,
        `Bulk adjustment ${existing.idempotency_key} was already started with different content`,
      );
    }
    return toBulkAdjustment(existing);
  }

  /** The members: the list without repeats, or the segment's members now. */
  private async membersOf(input: BulkAdjustmentPreviewInput): Promise<string[]> {
    if (input.customerIds) return this.checkedList(input);
    const key = input.segmentKey;
    if (!key) {
      throw new LedgerError(LedgerErrorKind.InvalidInput, 'Give either segmentKey or customerIds', {
        argument: 'input.segmentKey',
      });
    }
    const members = await this.core.upstream(() => this.segments.memberIds(key), 'the bulk adjustment');
    if (!members) throw new LedgerError(LedgerErrorKind.UnknownSegment, `No segment has the key ${key}`);
    if (members.length > this.maxMembers) {
      throw new LedgerError(
        LedgerErrorKind.InvalidInput,
        `Segment ${key} has ${members.length} members; a bulk adjustment takes at most ${this.maxMembers}`,
        { argument: 'input.segmentKey' },
      );
    }
    return members;
  }

  private checkedList(input: BulkAdjustmentPreviewInput): string[] {
    if (input.segmentKey) {
      throw new LedgerError(LedgerErrorKind.InvalidInput, 'Give either segmentKey or customerIds, not both', {
        argument: 'input.customerIds',
      });
    }
    const ids = [...new Set((input.customerIds ?? []).map((id) => id.toLowerCase()))];
    if (ids.length > this.maxMembers) {
      throw new LedgerError(
        LedgerErrorKind.InvalidInput,
        `A bulk adjustment takes at most ${this.maxMembers} members; this one has ${ids.length}. Split it.`,
        { argument: 'input.customerIds', maxItems: this.maxMembers },
      );
    }
    return ids;
  }
}
