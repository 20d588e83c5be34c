-- The base earn rate per currency: `points` for every `per_amount` minor units spent.
create table campaign.earn_rates (
  currency char(3) primary key,
  points integer not null check (points > 0),
  per_amount bigint not null check (per_amount > 0),
  updated_at timestamptz not null default now()
);
