-- Gamification (issue 13): badges marketers define from rules over purchases, and opt-in
-- leaderboards per store and period.

-- Points each purchase earned (PurchaseRecorded.pointsEarned) and lost to returns
-- (ReturnRecorded.pointsReversed): leaderboards rank by them. Purchases read before this
-- migration count 0.
alter table campaign.purchases
  add column points_earned bigint not null default 0,
  add column points_reversed bigint not null default 0;
create index purchases_store_time_idx on campaign.purchases (store_id, occurred_at) where store_id is not null;

create table campaign.badges (
  key text primary key,
  name text not null,
  description text,
  rule jsonb not null,
  points_on_completion integer not null default 0 check (points_on_completion >= 0),
  -- Purchases from this instant count (the badge's definition).
  counts_from timestamptz not null,
  -- Retired: nothing counts any more; completions stay.
  retired_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- One row per member and badge they completed, written with the purchase history's batch and
-- cursor, so each completion happens once.
create table campaign.badge_completions (
  badge_key text not null references campaign.badges (key),
  customer_id uuid not null,
  -- When the purchase that completed it happened.
  completed_at timestamptz not null,
  purchase_id uuid not null,
  primary key (badge_key, customer_id)
);
create index badge_completions_customer_idx on campaign.badge_completions (customer_id);

-- Points a completion credits through the ledger: PENDING until the ledger has answered, retried
-- after every history run. award_key is the ledger's idempotency key, so asking again after a
-- failure (or a crash after the ledger credited) never credits twice. Kept by the id the member had
-- at completion: the ledger posts a merged id's points to the survivor.
create table campaign.badge_awards (
  award_key text primary key,
  badge_key text not null references campaign.badges (key),
  customer_id uuid not null,
  points integer not null check (points > 0),
  reason text not null,
  status text not null check (status in ('PENDING', 'CREDITED')),
  attempts integer not null default 0,
  last_error text,
  created_at timestamptz not null default now(),
  credited_at timestamptz
);
create index badge_awards_pending_idx on campaign.badge_awards (attempts, created_at, award_key) where status = 'PENDING';

-- Members who chose to appear on leaderboards, under a display name they chose (or one derived
-- from their given name and initial); nobody else ever appears.
create table campaign.leaderboard_members (
  customer_id uuid primary key,
  display_name text not null,
  joined_at timestamptz not null default now()
);
