-- The program's settings: the IANA time zone schedules and cap periods are read in, and the
-- currency RFM's monetary score counts.
create table campaign.program (
  id boolean primary key default true check (id),
  time_zone text not null,
  currency char(3) not null,
  updated_at timestamptz not null default now()
);

-- Campaigns: earning rules with a schedule, an audience, limits and stacking.
create table campaign.campaigns (
  id uuid primary key,
  name text not null,
  description text,
  status text not null check (status in ('DRAFT', 'SCHEDULED', 'PAUSED', 'ENDED')),
  trigger text not null check (trigger in ('PURCHASE', 'ACTIVITY')),
  activity_kind text,
  reward jsonb not null,
  audience jsonb not null,
  schedule jsonb not null,
  limits jsonb not null,
  exclusive boolean not null default false,
  priority integer not null default 0,
  -- Points granted in all, counted against limits.budgetPoints under this row's lock.
  spent_points bigint not null default 0 check (spent_points >= 0),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index campaigns_listing_idx on campaign.campaigns (created_at, id);

-- One claim per purchase or activity the ledger posts (its idempotency key): the quote it got.
create table campaign.claims (
  key text primary key,
  customer_id uuid not null,
  fingerprint text not null,
  quote jsonb not null,
  created_at timestamptz not null default now()
);

-- What each claim took from each campaign: per-customer caps and budgets count these.
create table campaign.grants (
  claim_key text not null references campaign.claims (key) on delete cascade,
  campaign_id uuid not null references campaign.campaigns (id),
  customer_id uuid not null,
  points bigint not null check (points > 0),
  granted_at timestamptz not null,
  primary key (claim_key, campaign_id)
);
create index grants_usage_idx on campaign.grants (customer_id, campaign_id, granted_at);
create index grants_campaign_idx on campaign.grants (campaign_id);

-- Purchases as the ledger's events report them: the history segments and simulations read.
create table campaign.purchases (
  purchase_id uuid primary key,
  customer_id uuid not null,
  channel text not null,
  store_id text,
  currency char(3) not null,
  total_amount bigint not null,
  returned_amount bigint not null default 0,
  lines jsonb not null,
  occurred_at timestamptz not null
);
create index purchases_customer_idx on campaign.purchases (customer_id, occurred_at);
create index purchases_time_idx on campaign.purchases (occurred_at, purchase_id);

-- Per-customer figures derived from the purchases, with RFM scores (1 to 5, 5 best).
create table campaign.customer_stats (
  customer_id uuid primary key,
  purchase_count integer not null default 0,
  first_purchase_at timestamptz,
  last_purchase_at timestamptz,
  -- Net of returns, in minor units of the program's currency.
  spend bigint not null default 0,
  channels text[] not null default '{}',
  tier text,
  enrolled_at timestamptz,
  recency_score smallint,
  frequency_score smallint,
  monetary_score smallint,
  updated_at timestamptz not null default now()
);

-- Rule-based segments marketers define (built-in RFM segments live in code).
create table campaign.segments (
  key text primary key,
  name text not null,
  description text,
  rule jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- How far this subgraph has read another service's outbox.
create table campaign.consumer_cursors (
  source text primary key,
  last_event_id bigint not null
);
