-- Bulk point adjustments: one admin's or marketer's adjustment of many members (a segment or a
-- list), run in the background in chunks. Each member's adjustment is an ordinary row of
-- ledger.adjustments with the idempotency key `<job key>:<customer id>`, so a job that resumes after a
-- restart never adjusts a member twice.
create table ledger.bulk_adjustments (
  id uuid primary key,
  -- Orders the jobs, newest first, and is the cursor of their pages.
  position bigint generated always as identity unique,
  -- The caller's key: the same key again answers with this job.
  idempotency_key text not null unique,
  -- A fingerprint of what was asked (segment or list, points, reason): a retry with the key and other
  -- content is a conflict.
  fingerprint text not null,
  segment_key text,
  points bigint not null check (points <> 0),
  reason text not null,
  -- Who started it ({ role, subject }).
  actor jsonb not null,
  state text not null check (state in ('RUNNING', 'COMPLETED', 'FAILED')),
  total integer not null,
  processed integer not null default 0,
  failed integer not null default 0,
  -- Until when a ledger instance works on it; a RUNNING job whose lease has passed (its instance
  -- stopped or died) is picked up by another run.
  leased_until timestamptz,
  created_at timestamptz not null,
  finished_at timestamptz
);

-- The members of a job, fixed when it starts, in the order they are adjusted.
create table ledger.bulk_adjustment_items (
  job_id uuid not null references ledger.bulk_adjustments (id),
  seq integer not null,
  customer_id uuid not null,
  state text not null default 'PENDING' check (state in ('PENDING', 'DONE', 'FAILED')),
  error_code text,
  error_message text,
  primary key (job_id, seq)
);

create index bulk_adjustment_items_pending on ledger.bulk_adjustment_items (job_id, seq) where state = 'PENDING';
create index bulk_adjustment_items_failed on ledger.bulk_adjustment_items (job_id, seq) where state = 'FAILED';
