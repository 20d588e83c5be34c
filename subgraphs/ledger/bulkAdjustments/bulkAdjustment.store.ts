import type { Queryable } from '../../../runtime/database/database';

export type BulkAdjustmentState = 'RUNNING' | 'COMPLETED' | 'FAILED';

export interface BulkAdjustmentRow {
  id: string;
  position: string;
  idempotency_key: string;
  fingerprint: string;
  segment_key: string | null;
  points: string;
  reason: string;
  actor: { role: string; subject: string };
  state: BulkAdjustmentState;
  total: number;
  processed: number;
  failed: number;
  leased_until: Date | null;
  created_at: Date;
  finished_at: Date | null;
}

export interface BulkAdjustmentItemRow {
  seq: number;
  customer_id: string;
  error_code: string | null;
  error_message: string | null;
}

/** SQL for `ledger.bulk_adjustments` and their members (`ledger.bulk_adjustment_items`). */
export const bulkAdjustmentStore = {
  /** Inserts a job and its members (in the given order) in one statement each, set-based. */
  async insert(
    tx: Queryable,
    job: {
      id: string;
      idempotencyKey: string;
      fingerprint: string;
      segmentKey: string | null;
      points: number;
      reason: string;
      actor: { role: string; subject: string };
      at: Date;
    },
    customerIds: readonly string[],
  ): Promise<BulkAdjustmentRow> {
    const { rows } = await tx.query<BulkAdjustmentRow>(
      `insert into ledger.bulk_adjustments
         (id, idempotency_key, fingerprint, segment_key, points, reason, actor, state, total, created_at)
       values ($1, $2, $3, $4, $5, $6, $7::jsonb, 'RUNNING', $8, $9) returning *`,
      [
        job.id,
        job.idempotencyKey,
        job.fingerprint,
        job.segmentKey,
        job.points,
        job.reason,
        JSON.stringify(job.actor),
        customerIds.length,
        job.at,
      ],
    );
    if (customerIds.length > 0) {
      await tx.query(
        `insert into ledger.bulk_adjustment_items (job_id, seq, customer_id)
         select $1, ordinality::int, id from unnest($2::uuid[]) with ordinality as ids(id, ordinality)`,
        [job.id, customerIds],
      );
    }
    return rows[0]!;
  },

  async findByKey(db: Queryable, key: string): Promise<BulkAdjustmentRow | undefined> {
    const { rows } = await db.query<BulkAdjustmentRow>(
      'select * from ledger.bulk_adjustments where idempotency_key = $1',
      [key],
    );
    return rows[0];
  },

  async findById(db: Queryable, id: string): Promise<BulkAdjustmentRow | undefined> {
    const { rows } = await db.query<BulkAdjustmentRow>('select * from ledger.bulk_adjustments where id = $1', [id]);
    return rows[0];
  },

  /** Jobs newest first, before `beforePosition` (a page's cursor) when given. */
  async page(db: Queryable, beforePosition: number | null, limit: number): Promise<BulkAdjustmentRow[]> {
    const { rows } = await db.query<BulkAdjustmentRow>(
      `select * from ledger.bulk_adjustments where ($1::bigint is null or position < $1)
       order by position desc limit $2`,
      [beforePosition, limit],
    );
    return rows;
  },

  /** The members of a job that failed, in job order, after `afterSeq` (a page's cursor) when given. */
  async failedItems(db: Queryable, jobId: string, afterSeq: number | null, limit: number) {
    const { rows } = await db.query<BulkAdjustmentItemRow>(
      `select seq, customer_id, error_code, error_message from ledger.bulk_adjustment_items
       where job_id = $1 and state = 'FAILED' and ($2::int is null or seq > $2) order by seq limit $3`,
      [jobId, afterSeq, limit],
    );
    return rows;
  },

  /**
   * Takes the oldest RUNNING job no instance holds (none ever did, or its lease passed) and leases
   * it until `leaseUntil`; another instance's claim at the same moment skips it.
   */
  async claimNext(db: Queryable, now: Date, leaseUntil: Date): Promise<BulkAdjustmentRow | undefined> {
    const { rows } = await db.query<BulkAdjustmentRow>(
      `update ledger.bulk_adjustments set leased_until = $2
       where id = (select id from ledger.bulk_adjustments
                   where state = 'RUNNING' and (leased_until is null or leased_until < $1)
                   order by position limit 1 for update skip locked)
       returning *`,
      [now, leaseUntil],
    );
    return rows[0];
  },

  async pendingItems(db: Queryable, jobId: string, limit: number): Promise<BulkAdjustmentItemRow[]> {
    const { rows } = await db.query<BulkAdjustmentItemRow>(
      `select seq, customer_id, error_code, error_message from ledger.bulk_adjustment_items
       where job_id = $1 and state = 'PENDING' order by seq limit $2`,
      [jobId, limit],
    );
    return rows;
  },

  /** Records a chunk's outcomes and the job's progress, and renews its lease; set-based. */
  async recordChunk(
    tx: Queryable,
    jobId: string,
    done: readonly number[],
    failed: ReadonlyArray<{ seq: number; code: string; message: string }>,
    leaseUntil: Date,
  ): Promise<void> {
    const { rows } = await tx.query<{ changed: number; failed: number }>(
      `with outcome as (
         select seq, null::text as code, null::text as message from unnest($2::int[]) as d(seq)
         union all
         select * from unnest($3::int[], $4::text[], $5::text[]) as f(seq, code, message)
       ), changed as (
         update ledger.bulk_adjustment_items i
            set state = case when o.code is null then 'DONE' else 'FAILED' end,
                error_code = o.code, error_message = o.message
           from outcome o
          where i.job_id = $1 and i.seq = o.seq and i.state = 'PENDING'
         returning i.state
       )
       select count(*)::int as changed, count(*) filter (where state = 'FAILED')::int as failed from changed`,
      [jobId, done, failed.map((f) => f.seq), failed.map((f) => f.code), failed.map((f) => f.message)],
    );
    const counts = rows[0]!;
    await tx.query(
      `update ledger.bulk_adjustments set processed = processed + $2, failed = failed + $3, leased_until = $4
       where id = $1`,
      [jobId, counts.changed, counts.failed, leaseUntil],
    );
  },

  /**
   * Ends a job whose every member was tried: COMPLETED, or FAILED when not one member could be
   * adjusted. Nothing when members are still pending.
   */
  async finish(db: Queryable, jobId: string, at: Date): Promise<void> {
    await db.query(
      `update ledger.bulk_adjustments
          set state = case when total > 0 and failed = total then 'FAILED' else 'COMPLETED' end,
              finished_at = $2, leased_until = null
        where id = $1 and state = 'RUNNING'
          and not exists (select 1 from ledger.bulk_adjustment_items where job_id = $1 and state = 'PENDING')`,
      [jobId, at],
    );
  },

  /** Gives a job back (this instance stops), so that the next run anywhere picks it up at once. */
  async release(db: Queryable, jobId: string): Promise<void> {
    await db.query('update ledger.bulk_adjustments set leased_until = null where id = $1', [jobId]);
  },

  /** How many of `customerIds` have fewer than `points` points (no account: none). */
  async countBelow(db: Queryable, customerIds: readonly string[], points: number): Promise<number> {
    const { rows } = await db.query<{ below: number }>(
      `select count(*)::int as below from unnest($1::uuid[]) as ids(id)
       left join ledger.accounts a on a.customer_id = ids.id
       where coalesce(a.balance, 0) < $2`,
      [customerIds, points],
    );
    return rows[0]!.below;
  },
};
