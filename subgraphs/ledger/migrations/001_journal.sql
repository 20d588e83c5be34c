-- Points accounts and the append-only journal. balance = sum(entries.points) for every account,
-- kept in the same transaction as the entries; neither may go below zero.
create table ledger.accounts (
  customer_id uuid primary key,
  balance bigint not null default 0 check (balance >= 0),
  lifetime_points bigint not null default 0 check (lifetime_points >= 0),
  opened_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table ledger.orders (
  id uuid primary key,
  customer_id uuid not null references ledger.accounts (customer_id),
  channel text not null,
  external_order_id text not null,
  store_id text,
  currency char(3) not null,
  total_amount bigint not null check (total_amount >= 0),
  lines jsonb not null,
  -- What the order was, so a retry with other content is told apart from a true retry.
  fingerprint text not null,
  points_earned bigint not null,
  balance_after bigint not null,
  occurred_at timestamptz not null,
  recorded_at timestamptz not null default now()
);

-- The idempotency key: an order id is unique within its channel and store (a till's receipt
-- number is only unique in its store), so one store can never claim another's order ids.
create unique index orders_idempotency_key on ledger.orders (channel, coalesce(store_id, ''), external_order_id);

create index orders_customer_idx on ledger.orders (customer_id, recorded_at desc);

create table ledger.entries (
  id bigint generated always as identity primary key,
  customer_id uuid not null references ledger.accounts (customer_id),
  kind text not null check (kind in ('EARN', 'BONUS', 'REDEEM', 'REVERSE', 'ADJUST', 'EXPIRE', 'TRANSFER_IN', 'TRANSFER_OUT')),
  points bigint not null,
  balance_after bigint not null check (balance_after >= 0),
  reason text not null,
  source_type text not null check (source_type in ('ORDER', 'REDEMPTION', 'CAMPAIGN', 'ACTOR')),
  source_id text not null,
  rule_id text,
  created_at timestamptz not null default now()
);

create index entries_customer_idx on ledger.entries (customer_id, id desc);
create index entries_source_idx on ledger.entries (source_type, source_id);

create function ledger.refuse_journal_change() returns trigger language plpgsql as $$
begin
  raise exception 'ledger.entries is append-only: post a reversing entry instead';
end
$$;

create trigger entries_append_only before update or delete on ledger.entries
  for each row execute function ledger.refuse_journal_change();
