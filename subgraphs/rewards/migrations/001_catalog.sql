-- The reward catalog marketers manage; members spend points on its active entries.
create table rewards.rewards (
  id uuid primary key,
  name text not null,
  description text not null default '',
  kind text not null check (kind in ('FIXED_DISCOUNT', 'PERCENT_DISCOUNT', 'FREE_PRODUCT', 'EXPERIENCE', 'DONATION')),
  cost_points integer not null check (cost_points > 0),
  active boolean not null default true,
  created_at timestamptz not null default now()
);

create index rewards_catalog_idx on rewards.rewards (cost_points, id) where active;
