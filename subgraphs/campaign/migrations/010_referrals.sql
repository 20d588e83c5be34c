-- Referral codes and the referrals made with them (issue 29). Every member has one code; a friend
-- is referred once (friend_id is the key). A referral is ACCEPTED (the ledger pays the referrer
-- after the friend's first purchase), HELD for a marketer's review because of a fraud signal, or
-- REJECTED by that review. Refusals (self-referral, an existing member, the referrer's cap) are
-- answered with an error and leave no row.
create table campaign.referral_codes (
  customer_id uuid primary key,
  code text not null unique,
  created_at timestamptz not null default now()
);

create table campaign.referrals (
  friend_id uuid primary key,
  id uuid not null unique,
  referrer_id uuid not null,
  code text not null,
  channel text not null,
  status text not null check (status in ('ACCEPTED', 'HELD', 'REJECTED')),
  -- The fraud signals that held it (SHARED_EMAIL, SAME_DEVICE, ...); empty when none.
  signals jsonb not null default '[]',
  -- Hashes the storefront or app computed of the friend's device, address and payment card.
  device_hash text,
  address_hash text,
  card_hash text,
  created_at timestamptz not null,
  reviewed_at timestamptz,
  reviewed_by text,
  review_note text,
  -- When the ledger took the referral (the referrer's pending payment, the friend's reward); null
  -- until it answered, and a retry of useReferralCode or a review sends it again.
  recorded_at timestamptz
);
create index referrals_referrer_idx on campaign.referrals (referrer_id, created_at);
create index referrals_review_idx on campaign.referrals (status, created_at, friend_id);
create index referrals_device_idx on campaign.referrals (device_hash, created_at) where device_hash is not null;
create index referrals_address_idx on campaign.referrals (address_hash, created_at) where address_hash is not null;
create index referrals_card_idx on campaign.referrals (card_hash, created_at) where card_hash is not null;

-- The program's referral rules, as a marketer sets them (one row; absent: the defaults).
create table campaign.referral_program (
  id int primary key default 1 check (id = 1),
  link_base text not null,
  cap_per_referrer int not null check (cap_per_referrer between 1 and 10000),
  cap_period text not null check (cap_period in ('DAY', 'WEEK', 'MONTH')),
  signal_window_days int not null check (signal_window_days between 1 and 3660),
  new_member_hours int not null check (new_member_hours between 1 and 8760),
  updated_at timestamptz not null default now()
);
