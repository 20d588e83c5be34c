-- Balances imported from another loyalty engine: one per member, so that a re-run of an import
-- skips it (same fingerprint) and a different balance for the same member is refused.
create table ledger.imported_balances (
  customer_id uuid primary key references ledger.accounts (customer_id),
  member_key text not null,
  -- sha256 of the record's lots and lifetime points, as the import read them.
  fingerprint text not null,
  points bigint not null,
  pending bigint not null,
  job_id text not null,
  imported_at timestamptz not null default now()
);

-- Tiers imported with the qualifying points the old engine had counted: those count for the tier
-- (instead of the imported balance's entries, which the old engine's figure already holds) until
-- they leave the tier window, measured from the import.
create table ledger.imported_tiers (
  customer_id uuid primary key references ledger.accounts (customer_id),
  member_key text not null,
  tier text not null,
  qualifying_points bigint check (qualifying_points >= 0),
  job_id text not null,
  imported_at timestamptz not null default now()
);
