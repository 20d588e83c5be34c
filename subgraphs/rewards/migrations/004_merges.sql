-- Profile merges this subgraph has applied: a merged member's id redeems as the survivor.
create table rewards.merged_customers (
  merged_id uuid primary key,
  survivor_id uuid not null,
  merged_at timestamptz not null default now()
);

-- How far this subgraph has followed another service's outbox (the profile's merges).
create table rewards.consumer_cursors (
  source text primary key,
  last_event_id bigint not null
);
