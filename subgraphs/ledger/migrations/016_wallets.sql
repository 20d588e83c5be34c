-- Wallets besides the points balance (issue 29): stamp cards, cashback and store credit in money.
-- Each member's balance in a wallet is kept as the points balance is: balance = sum(entries) =
-- sum(remaining of its ACTIVE lots), pending = sum(remaining of its PENDING lots), never below zero.
-- A household shares a wallet: its members' purchases earn into the owner's, and only the owner spends.
create table ledger.wallet_types (
  code text primary key check (code ~ '^[A-Z][A-Z0-9_]{1,31}$'),
  kind text not null check (kind in ('STAMPS', 'CASHBACK', 'STORE_CREDIT')),
  name text not null,
  -- Money wallets hold minor units of this currency, and earn on purchases in it; a stamp card with
  -- a currency stamps only purchases in it (its minimum in that currency's minor units).
  currency text check (kind = 'STAMPS' or currency is not null),
  -- STAMPS: stamps per purchase of at least min_purchase_amount; a card of stamps_per_card completes
  -- into card_reward_points points.
  stamps_per_purchase int check (stamps_per_purchase > 0),
  min_purchase_amount bigint not null default 0 check (min_purchase_amount >= 0),
  stamps_per_card int check (stamps_per_card between 1 and 100),
  card_reward_points bigint check (card_reward_points >= 0),
  -- CASHBACK: basis points (1/100 %) of a purchase's cash part.
  cashback_basis_points int check (cashback_basis_points between 1 and 10000),
  pending_days int not null default 0 check (pending_days between 0 and 365),
  expiry_days int check (expiry_days between 1 and 3650),
  -- How many members besides the owner may earn into one member's wallet.
  max_household_members int not null default 0 check (max_household_members between 0 and 20),
  active boolean not null default true,
  updated_at timestamptz not null default now(),
  updated_by jsonb,
  check (kind <> 'STAMPS' or (stamps_per_purchase is not null and stamps_per_card is not null
                              and card_reward_points is not null)),
  check (kind <> 'CASHBACK' or cashback_basis_points is not null)
);

create table ledger.wallet_accounts (
  customer_id uuid not null,
  wallet text not null references ledger.wallet_types (code),
  balance bigint not null default 0 check (balance >= 0),
  pending bigint not null default 0 check (pending >= 0),
  lifetime bigint not null default 0 check (lifetime >= 0),
  cards_completed int not null default 0 check (cards_completed >= 0),
  updated_at timestamptz not null default now(),
  primary key (customer_id, wallet)
);

create table ledger.wallet_entries (
  customer_id uuid not null,
  id bigint generated always as identity,
  wallet text not null references ledger.wallet_types (code),
  kind text not null check (kind in ('EARN', 'RELEASE', 'REVERSE', 'SPEND', 'ADJUST', 'EXPIRE', 'CARD_COMPLETED', 'AWARD',
                                    'MERGE_OUT', 'MERGE_IN')),
  amount bigint not null,
  balance_after bigint not null check (balance_after >= 0),
  reason text not null,
  source_type text not null check (source_type in ('ORDER', 'RETURN', 'SPEND', 'ACTOR', 'CAMPAIGN', 'EXPIRY', 'LOT', 'MERGE')),
  source_id text not null,
  -- The member whose purchase earned it, when not the wallet's owner (a household member).
  earned_by uuid,
  created_at timestamptz not null default now(),
  primary key (customer_id, id)
);

create index wallet_entries_source_idx on ledger.wallet_entries (source_type, source_id);

create trigger wallet_entries_append_only before update or delete on ledger.wallet_entries
  for each row execute function ledger.refuse_journal_change();

create table ledger.wallet_lots (
  customer_id uuid not null,
  id bigint generated always as identity,
  wallet text not null references ledger.wallet_types (code),
  status text not null check (status in ('PENDING', 'ACTIVE')),
  amount bigint not null check (amount > 0),
  remaining bigint not null check (remaining >= 0 and remaining <= amount),
  source_type text not null,
  source_id text not null,
  earned_by uuid,
  earned_at timestamptz not null,
  available_at timestamptz not null,
  expires_at timestamptz,
  primary key (customer_id, id)
);

create index wallet_lots_open_idx on ledger.wallet_lots (customer_id, wallet, id) where remaining > 0;
create index wallet_lots_due_idx on ledger.wallet_lots (available_at) where status = 'PENDING' and remaining > 0;
create index wallet_lots_expiry_idx on ledger.wallet_lots (expires_at) where status = 'ACTIVE' and remaining > 0;

-- What each purchase earned into each wallet, and how much of it returns took back.
create table ledger.wallet_order_earnings (
  customer_id uuid not null,
  order_id uuid not null,
  wallet text not null references ledger.wallet_types (code),
  -- The wallet's owner the purchase earned into (customer_id's own, or its household's owner).
  wallet_owner uuid not null,
  amount bigint not null check (amount > 0),
  reversed bigint not null default 0 check (reversed >= 0 and reversed <= amount),
  primary key (customer_id, order_id, wallet)
);

create index wallet_order_earnings_order_idx on ledger.wallet_order_earnings (order_id);

-- Spending from a money wallet, idempotent by the caller's key.
create table ledger.wallet_spends (
  customer_id uuid not null,
  wallet text not null references ledger.wallet_types (code),
  idempotency_key text not null,
  fingerprint text not null,
  amount bigint not null check (amount > 0),
  reason text not null,
  balance_after bigint not null,
  spent_at timestamptz not null,
  primary key (customer_id, wallet, idempotency_key)
);

create table ledger.wallet_households (
  member_id uuid not null,
  wallet text not null references ledger.wallet_types (code),
  owner_id uuid not null check (owner_id <> member_id),
  joined_at timestamptz not null default now(),
  primary key (member_id, wallet)
);

create index wallet_households_owner_idx on ledger.wallet_households (owner_id, wallet);

-- A completed stamp card pays its reward points into the points balance (a BONUS of source WALLET).
alter table ledger.entries drop constraint entries_source_type_check;
alter table ledger.entries add constraint entries_source_type_check
  check (source_type in ('ORDER', 'RETURN', 'REDEMPTION', 'CAMPAIGN', 'ACTOR', 'EXPIRY', 'ACTIVITY', 'MERGE', 'TRANSFER',
                         'POINTS_HOLD', 'WALLET'));
