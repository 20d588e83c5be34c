-- Pending points, expiry lots, tiers, returns, redemption debits and admin adjustments.
-- Balances still equal the sum of the journal; they also equal the sum of the active lots' remaining points.

alter table ledger.accounts
  add column pending bigint not null default 0 check (pending >= 0),
  add column tier text,
  add column tier_since timestamptz,
  add column tier_review_at timestamptz,
  add column last_activity_at timestamptz;

create index accounts_tier_review_idx on ledger.accounts (tier_review_at) where tier_review_at is not null;

-- A purchase's points can be held (pending) until its return window closes.
alter table ledger.orders
  add column pending_until timestamptz,
  add column released_at timestamptz;

alter table ledger.entries drop constraint entries_source_type_check;
alter table ledger.entries add constraint entries_source_type_check
  check (source_type in ('ORDER', 'RETURN', 'REDEMPTION', 'CAMPAIGN', 'ACTOR', 'EXPIRY'));

create index entries_customer_time_idx on ledger.entries (customer_id, created_at);

-- What each rule of a purchase's quote earned, split over the order's lines (line_points, a JSON
-- array in line order), so that a return takes back exactly the share of the lines it returns.
create table ledger.order_earnings (
  order_id uuid not null references ledger.orders (id),
  position int not null,
  kind text not null check (kind in ('EARN', 'BONUS')),
  points bigint not null check (points > 0),
  reason text not null,
  rule_id text,
  line_points jsonb not null,
  -- Taken back by returns so far; a pending purchase releases points - reversed.
  reversed bigint not null default 0 check (reversed >= 0 and reversed <= points),
  primary key (order_id, position)
);

-- Orders recorded before this migration: one earning per journal entry, split over the lines by amount.
insert into ledger.order_earnings (order_id, position, kind, points, reason, rule_id, line_points)
select o.id,
       (row_number() over (partition by o.id order by e.id))::int,
       e.kind, e.points, e.reason, e.rule_id,
       (select jsonb_agg(s.share + case when s.ord = 1 then e.points - s.allocated else 0 end order by s.ord)
          from (select l.ord, floors.share, sum(floors.share) over () as allocated
                  from jsonb_array_elements(o.lines) with ordinality as l(value, ord)
                  cross join lateral (
                    select floor(e.points * (l.value->>'quantity')::numeric * (l.value->>'unitPrice')::numeric
                                 / greatest(o.total_amount, 1))::bigint as share
                  ) floors) s)
  from ledger.entries e
  join ledger.orders o on o.id::text = e.source_id
 where e.source_type = 'ORDER' and e.kind in ('EARN', 'BONUS') and e.points > 0;

-- Points earned together: spent, reversed and expired first-in first-out. A PENDING lot is not
-- spendable yet; the balance is the sum of the ACTIVE lots' remaining points.
create table ledger.lots (
  id bigint generated always as identity primary key,
  customer_id uuid not null references ledger.accounts (customer_id),
  order_id uuid references ledger.orders (id),
  status text not null check (status in ('PENDING', 'ACTIVE')),
  points bigint not null check (points >= 0),
  remaining bigint not null check (remaining >= 0 and remaining <= points),
  earned_at timestamptz not null,
  available_at timestamptz not null,
  expires_at timestamptz
);

create index lots_customer_idx on ledger.lots (customer_id) where remaining > 0;
create index lots_release_idx on ledger.lots (available_at) where status = 'PENDING';
create index lots_expiry_idx on ledger.lots (expires_at) where status = 'ACTIVE' and remaining > 0;

-- Balances from before lots existed become one lot each that never expires by date: no member
-- loses points to a policy they were never shown.
insert into ledger.lots (customer_id, status, points, remaining, earned_at, available_at)
select customer_id, 'ACTIVE', balance, balance, now(), now() from ledger.accounts where balance > 0;

create table ledger.returns (
  id uuid primary key,
  order_id uuid not null references ledger.orders (id),
  customer_id uuid not null references ledger.accounts (customer_id),
  channel text not null,
  store_id text,
  external_return_id text not null,
  -- Units returned per order line: [{ "line": 0, "sku": "...", "quantity": 1 }].
  lines jsonb not null,
  fingerprint text not null,
  refund_amount bigint not null check (refund_amount >= 0),
  points_reversed bigint not null check (points_reversed >= 0),
  pending_cancelled bigint not null check (pending_cancelled >= 0),
  -- Points the return should have taken back but the member had already spent.
  points_not_recovered bigint not null check (points_not_recovered >= 0),
  balance_after bigint not null,
  -- What was taken back, rule by rule, as the first answer told it (replayed to retries).
  reversals jsonb not null,
  occurred_at timestamptz not null,
  recorded_at timestamptz not null default now()
);

create unique index returns_idempotency_key on ledger.returns (channel, coalesce(store_id, ''), external_return_id);
create index returns_order_idx on ledger.returns (order_id);

-- Debits the rewards service makes for redemptions, idempotent by its redemption id.
create table ledger.redemptions (
  redemption_id text primary key,
  customer_id uuid not null references ledger.accounts (customer_id),
  points bigint not null check (points > 0),
  reason text not null,
  -- The lots the debit took points from ([{ "lotId": 1, "points": 5 }]); a refund gives them back.
  lots jsonb not null,
  balance_after bigint not null,
  debited_at timestamptz not null,
  refunded_at timestamptz,
  refund_balance_after bigint
);

create table ledger.adjustments (
  id uuid primary key,
  idempotency_key text unique,
  customer_id uuid not null references ledger.accounts (customer_id),
  points bigint not null check (points <> 0),
  reason text not null,
  actor jsonb,
  balance_after bigint not null,
  created_at timestamptz not null
);

-- The tier program: one row of settings and the tiers, lowest first.
create table ledger.tier_program (
  singleton boolean primary key default true check (singleton),
  window_months int not null check (window_months between 1 and 60),
  updated_at timestamptz not null default now()
);

create table ledger.tiers (
  position int primary key check (position >= 0),
  name text not null unique,
  qualifying_points bigint not null check (qualifying_points >= 0),
  multiplier_percent int not null check (multiplier_percent between 100 and 1000)
);
