-- Which messages and offers a member responded to (issue 26). A message may carry an offer: the
-- campaign side's key it was sent for (an absence trigger's), and a voucher: VOUCHER_ISSUED names
-- its own; an ABSENCE_OFFER names the grant key of the reward its timer gives (`offer_key`), whose
-- voucher rewards issues after the message was decided (kept in granted_vouchers when read).
alter table engagement.notifications add column campaign_key text;
alter table engagement.notifications add column offer_key text;
alter table engagement.notifications add column reward_id uuid;
alter table engagement.notifications add column voucher_id uuid;
create index notifications_voucher_idx on engagement.notifications (voucher_id) where voucher_id is not null;
create index notifications_offer_idx on engagement.notifications (offer_key) where offer_key is not null;

-- Vouchers rewards granted under a key (RewardIssued with a grantKey), read by the responses follower.
create table engagement.granted_vouchers (
  grant_key text primary key,
  voucher_id uuid not null unique,
  reward_id uuid not null
);

-- One row per message and response: the first open (click, redemption) wins, a retry finds it.
create table engagement.message_responses (
  notification_id uuid not null references engagement.notifications (id),
  response text not null check (response in ('OPENED', 'CLICKED', 'REDEEMED')),
  customer_id uuid not null,
  occurred_at timestamptz not null,
  recorded_by jsonb,
  recorded_at timestamptz not null default now(),
  primary key (notification_id, response)
);
