-- What a reward is worth and who may redeem it where and when, with its stock.
alter table rewards.rewards
  add column value_amount bigint check (value_amount > 0),
  add column value_currency char(3),
  add column percent_off integer check (percent_off between 1 and 100),
  add column sku text,
  add column image_url text,
  add column tiers text[] not null default '{}',
  add column channels text[] not null default '{}',
  add column valid_from timestamptz,
  add column valid_until timestamptz,
  -- Units left to redeem; null is unlimited. Taken under the reward row's lock, never below zero.
  add column stock_left integer check (stock_left >= 0),
  add column stock_total integer check (stock_total >= 0),
  add column per_customer_limit integer check (per_customer_limit > 0),
  add column voucher_valid_days integer not null default 30 check (voucher_valid_days between 1 and 3650),
  add column updated_at timestamptz not null default now();

-- One row per redemption, keyed by the id the client sends (the idempotency key). PENDING holds a
-- unit of stock until the points are debited (ISSUED, with a voucher) or refused (FAILED).
create table rewards.redemptions (
  id uuid primary key,
  reward_id uuid not null references rewards.rewards (id),
  customer_id uuid not null,
  channel text not null,
  store_id text,
  points integer not null check (points >= 0),
  -- GRANTED: issued without points (a campaign's or the birthday reward).
  status text not null check (status in ('PENDING', 'ISSUED', 'FAILED', 'GRANTED')),
  failure text,
  actor jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index redemptions_customer_idx on rewards.redemptions (customer_id, reward_id);
create index redemptions_pending_idx on rewards.redemptions (created_at) where status = 'PENDING';

create table rewards.vouchers (
  id uuid primary key,
  code text not null unique,
  redemption_id uuid not null unique references rewards.redemptions (id),
  reward_id uuid not null references rewards.rewards (id),
  customer_id uuid not null,
  status text not null check (status in ('ISSUED', 'CONSUMED', 'CANCELLED', 'EXPIRED')),
  expires_at timestamptz not null,
  consumed_at timestamptz,
  consumed_channel text,
  consumed_store_id text,
  consumed_order_reference text,
  cancelled_at timestamptz,
  -- A cancelled voucher's points go back; set once the ledger confirmed the refund.
  refunded_at timestamptz,
  created_at timestamptz not null default now()
);
create index vouchers_customer_idx on rewards.vouchers (customer_id, created_at desc);
create index vouchers_expiry_idx on rewards.vouchers (expires_at) where status = 'ISSUED';
create index vouchers_refund_idx on rewards.vouchers (cancelled_at) where status = 'CANCELLED' and refunded_at is null;
