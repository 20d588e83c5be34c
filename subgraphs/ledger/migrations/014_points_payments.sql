-- Points as payment at checkout (issue 29): a burn rate per currency, holds that reserve points for
-- a basket, their capture by the purchase that pays with them, and refunds when goods come back.
--
-- A hold debits its points at once (a REDEEM entry of source POINTS_HOLD, taken from the lots as a
-- redemption takes them), so held points are never spendable twice and balance = sum(entries) =
-- sum(spendable lots) holds throughout. A capture posts nothing more: the points stay spent, for
-- the order. A release or expiry, and a return's share of a captured hold, put the points back into
-- the lots they came from (REVERSE entries of source POINTS_HOLD: not earnings, so neither lifetime
-- nor tier-qualifying points move).
alter table ledger.entries drop constraint entries_source_type_check;
alter table ledger.entries add constraint entries_source_type_check
  check (source_type in ('ORDER', 'RETURN', 'REDEMPTION', 'CAMPAIGN', 'ACTOR', 'EXPIRY', 'ACTIVITY', 'MERGE', 'TRANSFER',
                         'POINTS_HOLD'));

-- The burn rate of a currency: `points` points pay `per_amount` minor units.
create table ledger.points_payment_rates (
  currency text primary key,
  points bigint not null check (points > 0),
  per_amount bigint not null check (per_amount > 0),
  min_points bigint not null default 0 check (min_points >= 0),
  max_share_percent int not null check (max_share_percent between 1 and 100),
  points_step bigint not null default 1 check (points_step > 0),
  -- [{ tier, points, perAmount }]: a better rate for members of a tier.
  tier_rates jsonb not null default '[]'::jsonb,
  updated_at timestamptz not null default now(),
  updated_by jsonb
);

create table ledger.points_holds (
  id uuid primary key,
  customer_id uuid not null references ledger.accounts (customer_id),
  -- The caller's key: a retry with it answers with the first hold.
  idempotency_key text not null,
  -- What was asked (customer, currency, points or amount): a retry asking otherwise is a conflict.
  fingerprint text not null,
  channel text not null,
  store_id text,
  currency text not null,
  points bigint not null check (points > 0),
  -- The money the points pay, in minor units of `currency`.
  amount bigint not null check (amount >= 0),
  status text not null check (status in ('HELD', 'CAPTURED', 'RELEASED', 'EXPIRED')),
  -- The lots the points came from ([{ lotId, points }]), where a release or refund puts them back.
  lots jsonb not null,
  expires_at timestamptz not null,
  created_at timestamptz not null,
  order_id uuid unique references ledger.orders (id),
  captured_at timestamptz,
  released_at timestamptz,
  -- Returns of the captured order so far: the goods' value returned, the points and money refunded.
  returned_amount bigint not null default 0 check (returned_amount >= 0),
  refunded_points bigint not null default 0 check (refunded_points >= 0 and refunded_points <= points),
  refunded_amount bigint not null default 0 check (refunded_amount >= 0 and refunded_amount <= amount),
  actor jsonb
);

create unique index points_holds_idempotency_key on ledger.points_holds (customer_id, idempotency_key);
-- Loyalty.held and the sweep of expired holds read the open ones.
create index points_holds_open_idx on ledger.points_holds (expires_at) where status = 'HELD';
create index points_holds_customer_idx on ledger.points_holds (customer_id) where status = 'HELD';

-- The points payment an order captured (0 without one), so a return knows without another read.
alter table ledger.orders add column points_hold_id uuid;
alter table ledger.orders add column points_paid bigint not null default 0 check (points_paid >= 0);
alter table ledger.orders add column points_amount bigint not null default 0 check (points_amount >= 0);

-- What a return refunded of the order's points payment: points back to the member, and the money
-- those points had paid (the rest of `refund_amount` is cash).
alter table ledger.returns add column points_refunded bigint not null default 0 check (points_refunded >= 0);
alter table ledger.returns add column points_refund_amount bigint not null default 0 check (points_refund_amount >= 0);
