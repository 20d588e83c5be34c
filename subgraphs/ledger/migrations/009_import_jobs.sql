-- Import jobs: a file of members, balances, tiers or orders uploaded to the gateway, which applies
-- it batch by batch through the owning subgraphs and records here how far it got, so that an
-- upload cut off (or a gateway killed) resumes after the last batch that went in.
create table ledger.import_jobs (
  id uuid primary key,
  -- Orders the jobs newest first, and is the cursor of their pages.
  position bigint generated always as identity unique,
  kind text not null check (kind in ('MEMBERS', 'BALANCES', 'TIERS', 'ORDERS')),
  format text not null check (format in ('ndjson', 'csv')),
  dry_run boolean not null,
  file_name text,
  state text not null check (state in ('WAITING_FOR_FILE', 'RUNNING', 'INTERRUPTED', 'COMPLETED')),
  -- Each upload of the file takes the next attempt; progress from an older attempt is refused.
  attempt int not null default 0,
  -- Every line up to this one has been applied (or reported): a resumed upload starts after it.
  through_line bigint not null default 0,
  -- Records in the file, as the uploader announced them, then as counted when the upload ended.
  total bigint,
  applied bigint not null default 0,
  skipped bigint not null default 0,
  failed bigint not null default 0,
  bytes_received bigint not null default 0,
  bytes_total bigint,
  message text,
  created_by jsonb not null,
  created_at timestamptz not null,
  started_at timestamptz,
  updated_at timestamptz not null,
  finished_at timestamptz
);

-- Each line's faults, as the owner reported them: a batch sent again after a crash adds none twice.
create table ledger.import_errors (
  job_id uuid not null references ledger.import_jobs (id),
  line bigint not null,
  field text not null,
  code text not null,
  message text not null,
  primary key (job_id, line, field)
);
